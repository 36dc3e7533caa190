/**
 * A seeded slice of `npm run fuzz` (scripts/fuzz.ts), without its timing: generated documents through
 * tag() and analyze() with every invariant (test/fuzz/coreProperties.ts), and their lines through the
 * CLI's one-line-in, one-line-out contract. The corrections file's slice is in
 * test/unit/corrections/robustness.test.ts.
 */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkCliContract, cliLines } from '../../fuzz/cliContract';
import { Canary, checkDocument, documentOf } from '../../fuzz/coreProperties';

const root = path.resolve(__dirname, '../../..');

describe('fuzz slice (seeded; npm run fuzz runs 100,000 documents)', function () {
  this.timeout(300_000);
  const docs: string[] = [];

  it('300 generated documents: tag() and analyze() keep every invariant, deterministically, whatever came before', () => {
    const canary = new Canary();
    let n = 0;
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const doc = documentOf(g);
        docs.push(doc);
        checkDocument(doc, canary, { deterministic: ++n % 3 === 0 });
      }),
      { numRuns: 300, seed: 13 },
    );
    assert.equal(docs.length, 300);
    assert.ok(docs.some((d) => /[\ud800-\udfff]/.test(d)) && docs.some((d) => d.includes('\u0000')), 'the slice has lone surrogates and NUL');
  });

  it('their lines through news-lens tag: one line out per line in, each what tag() gives', async () => {
    execFileSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'ignore' });
    const lines = cliLines(docs, 3000);
    assert.ok(lines.length > 500, `${lines.length} lines`);
    assert.equal(await checkCliContract(lines), lines.length);
  });
});
