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

/**
 * Expectations the rules meet on their own but the default pipeline loses where the model's spans
 * replace the rules' in src/core/model/combine.ts (model engineer's area): a legal company name cut
 * by the model (国家电网湖北省电力公司 → 北省电力公司), a province-level body shortened as if the
 * rule had swallowed a word (省发改委 → 发改委), the rule's longer org name losing to a shorter one
 * (第四军医大学 → 军医大学), and media named in source lines / brackets rejected by the model's cost
 * (红网, 湖北日报). Reported on every run; a new loss fails the test, a fixed one asks to be removed.
 */
const KNOWN_MERGE_LOSSES: Record<string, string[]> = {
  'hubei-leaders-meet-china-resources': ['company 国家电网湖北省电力公司', 'government body 省发改委', 'media 湖北日报'],
  'hunan-vice-governor-meets-taiwan-entrepreneurs': ['media 红网'],
  'peoples-daily-1998-pla-model-soldiers': ['organization 第四军医大学'],
};

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

      it('rules + model (default pipeline) still find everything expected', function () {
        const { failures, hardMisses, hardMet } = checkExpected(analyze(text), exp, false);
        report(slug, 'default', hardMisses, hardMet);
        const known = KNOWN_MERGE_LOSSES[slug] ?? [];
        const label = (f: string) => f.slice(0, f.indexOf(': ') < 0 ? f.length : f.indexOf(': '));
        const stillLost = failures.filter((f) => known.includes(label(f)));
        const fixed = known.filter((k) => !failures.some((f) => label(f) === k));
        if (stillLost.length) console.log(`      [${slug} default] known losses in the rule/model merge (rules alone get these right):\n        ${stillLost.join('\n        ')}`);
        if (fixed.length) console.log(`      [${slug} default] no longer lost in the merge (remove from KNOWN_MERGE_LOSSES): ${fixed.join('; ')}`);
        const fresh = failures.filter((f) => !known.includes(label(f)));
        assert.deepEqual(fresh, [], `${slug}: ${fresh.length} expectations not met`);
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
