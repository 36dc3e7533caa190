import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../../src/core';
import { checkExpected, type ExpectedArticle } from './expectedArticle';
import { findShared, repoRoot } from './helpers';

const shared = findShared();
const articlePath = shared && path.join(shared, 'fixtures/articles/leaders-visit-firms.md');
const expectedPath = shared && path.join(shared, 'fixtures/articles/leaders-visit-firms.expected.json');

function checkArticle(a: Analysis, exp: ExpectedArticle, exact: boolean): void {
  const { failures, hardMisses } = checkExpected(a, exp, exact);
  assert.deepEqual([...failures, ...hardMisses], [], 'every expectation of the shared fixture is met');
  // the lead (before the first region marker) has no region
  const leadDate = a.mentions.find((m) => m.text === '2月18日至20日');
  assert.equal(leadDate?.regionId, undefined);
}

describe('fixture: leaders-visit-firms', function () {
  before(function () {
    // Only outside CI, on a checkout without ../shared (findShared throws under CI instead).
    if (!articlePath || !fs.existsSync(articlePath)) this.skip();
  });

  it('rules alone find exactly what the expected file lists', function () {
    const text = fs.readFileSync(articlePath!, 'utf8');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as ExpectedArticle;
    checkArticle(analyze(text, { useModel: false }), exp, true);
  });

  it('rules + model (default pipeline) still find everything expected', function () {
    const text = fs.readFileSync(articlePath!, 'utf8');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as ExpectedArticle;
    checkArticle(analyze(text), exp, false);
  });

  it('the copy in samples/ is the same article and gives the same result', function () {
    const sample = path.join(repoRoot, 'samples/leaders-visit-firms.md');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as ExpectedArticle;
    checkArticle(analyze(fs.readFileSync(sample, 'utf8'), { useModel: false }), exp, true);
  });
});
