/**
 * Real published articles (test/fixtures/articles, sources in SOURCES.md) checked against what a
 * careful reader finds in them (<slug>.expected.json). Expectations marked "_hard" need world
 * knowledge the rules cannot bundle: misses there are reported, not failed.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core';
import { checkExpected, type ExpectedArticle } from './expectedArticle';
import { repoRoot } from './helpers';

const dir = path.join(repoRoot, 'test/fixtures/articles');
const slugs = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.expected.json'))
  .map((f) => f.slice(0, -'.expected.json'.length))
  .sort();

const label = (f: string) => (f.indexOf(': ') < 0 ? f : f.slice(0, f.indexOf(': ')));

function report(slug: string, label: string, hardMisses: string[], hardMet: string[]): void {
  if (hardMisses.length) console.log(`      [${slug} ${label}] hard expectations not met (reported, not failed):\n        ${hardMisses.join('\n        ')}`);
  if (hardMet.length) console.log(`      [${slug} ${label}] hard expectations met anyway: ${hardMet.join('; ')}`);
}

describe('real articles', function () {
  it('there are real-article fixtures, each with its expected file and a source line', function () {
    assert.ok(slugs.length >= 3, `fixtures: ${slugs}`);
    const sources = fs.readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');
    for (const s of slugs) {
      assert.ok(fs.existsSync(path.join(dir, `${s}.md`)), `${s}.md exists`);
      assert.ok(sources.includes(`${s}.md`), `${s} is listed in SOURCES.md`);
    }
  });

  for (const slug of slugs) {
    describe(slug, function () {
      const text = fs.readFileSync(path.join(dir, `${slug}.md`), 'utf8');
      const exp = JSON.parse(fs.readFileSync(path.join(dir, `${slug}.expected.json`), 'utf8')) as ExpectedArticle;

      it('rules alone find exactly what a careful reader finds', function () {
        const { failures, hardMisses, hardMet } = checkExpected(analyze(text, { useModel: false }), exp, true);
        report(slug, 'rules', hardMisses, hardMet);
        assert.deepEqual(failures, [], `${slug}: ${failures.length} expectations not met`);
      });

      it('rules + model (default pipeline) keep what the rules find (a few merge losses reported)', function () {
        const { failures, hardMisses, hardMet, checked } = checkExpected(analyze(text), exp, false);
        report(slug, 'default', hardMisses, hardMet);
        // The rules-only test above is the gate for the rules. Here the model's spans may replace the
        // rules' (src/core/model/combine.ts, tuned on CLUENER and still changing): a miss the rules
        // alone do not have is a loss in the merge. They are listed on every run for the model's
        // owner; the test fails when the rules miss it too, or when the merge loses more than a few.
        const rulesOnly = new Set(checkExpected(analyze(text, { useModel: false }), exp, false).failures.map(label));
        const lost = failures.filter((f) => !rulesOnly.has(label(f)));
        const own = failures.filter((f) => rulesOnly.has(label(f)));
        if (lost.length) console.log(`      [${slug} default] lost in the rule/model merge (the rules alone get these right):\n        ${lost.join('\n        ')}`);
        assert.deepEqual(own, [], `${slug}: ${own.length} expectations not met`);
        assert.ok(lost.length <= Math.max(2, Math.floor(checked / 10)), `${slug}: the merge loses ${lost.length} of ${checked} expectations`);
      });

      const sample = path.join(repoRoot, 'samples', `${slug}.md`);
      if (fs.existsSync(sample)) {
        it('the copy in samples/ is the same article', function () {
          assert.equal(fs.readFileSync(sample, 'utf8'), text);
        });
      }
    });
  }
});
