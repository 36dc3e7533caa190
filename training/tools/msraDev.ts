/**
 * The MSRA development slice (training/msra.ts: 5% of ../shared/data/msra-ner/train.bio that no
 * shipped model trains on) scored through tag(), PER/LOC/ORG: honest evidence for rule and merge
 * changes (the CLUENER dev set is for the final figures, not for tuning). With --errors, the ORG
 * spans tag() gets wrong (missed, spurious) with their context.
 *
 *   npx tsx training/tools/msraDev.ts [--errors ORG|PER|LOC] [--limit N]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tag } from '../../src/core/index';
import { readMsra, splitMsra, scoreMsra, formatMsra, OURS_TO_MSRA } from '../msra';
import { findSharedDir } from '../../scripts/sharedData';

const args = process.argv.slice(2);
const errIdx = args.indexOf('--errors');
const only = errIdx >= 0 ? args[errIdx + 1] : undefined;
const limIdx = args.indexOf('--limit');
const limit = limIdx >= 0 ? Number(args[limIdx + 1]) : Infinity;
const shared = findSharedDir();
if (!shared) {
  console.error('msraDev: ../shared not found');
  process.exit(2);
}
const file = path.join(shared, 'data/msra-ner/train.bio');
if (!fs.existsSync(file)) {
  console.error(`msraDev: ${file} not found`);
  process.exit(2);
}
const dev = splitMsra(readMsra(file)).dev.slice(0, limit);
const preds = dev.map((ex) => tag(ex.text));
console.log(formatMsra(scoreMsra(dev, preds), `MSRA dev slice: ${dev.length} sentences (tag())`));
if (only) {
  for (let i = 0; i < dev.length; i++) {
    const ex = dev[i];
    const gold = new Set(ex.spans.filter((s) => s.label === only).map((s) => `${s.start}:${s.end}`));
    const got = preds[i].filter((s) => OURS_TO_MSRA[s.type] === only);
    const gotKeys = new Set(got.map((s) => `${s.start}:${s.end}`));
    const ctx = (a: number, b: number) => `${ex.text.slice(Math.max(0, a - 10), a)}[${ex.text.slice(a, b)}]${ex.text.slice(b, b + 10)}`;
    for (const s of ex.spans) if (s.label === only && !gotKeys.has(`${s.start}:${s.end}`)) console.log(`missed   ${ctx(s.start, s.end)}`);
    for (const s of got) if (!gold.has(`${s.start}:${s.end}`)) console.log(`spurious ${s.type.padEnd(12)} ${ctx(s.start, s.end)}`);
  }
}
