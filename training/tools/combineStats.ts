/**
 * Evidence for combineSpans: on a held-out split of train.json (written by
 * `npm run train -- --tune --tune-out /tmp/ner-tune.bin`), how often rule spans and model spans
 * are right, by rule type/kind and by how they relate. Never run on dev.json.
 *
 *   npx tsx training/tools/combineStats.ts /tmp/ner-tune.bin
 */
import { recognizeRich, maskedRanges, type RichSpan } from '../../src/core/recognize';
import { readCluener, goldSpans } from '../cluener';
import { loadModelFile } from '../../src/core/model/index';
import type { Span } from '../../src/core/types';

const file = process.argv[2] ?? '/tmp/ner-tune.bin';
const data = readCluener(`${file}.heldout.json`);
const model = loadModelFile(file);
const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;
const stats = new Map<string, { n: number; ok: number; mn: number; mok: number }>();
const add = (k: string, ok: boolean, models: Span[], gold: Set<string>): void => {
  let s = stats.get(k);
  if (!s) stats.set(k, (s = { n: 0, ok: 0, mn: 0, mok: 0 }));
  s.n++;
  if (ok) s.ok++;
  s.mn += models.length;
  s.mok += models.filter((m) => gold.has(key(m))).length;
};
export function kindOf(r: RichSpan): string {
  if (r.type === 'date') return 'date';
  if (r.chain) return 'chain';
  if (r.legal) return 'legal';
  if (r.aliasOf) return 'alias';
  return `${r.source ?? '?'}`;
}
let modelAlone = { n: 0, ok: 0 };
for (const ex of data) {
  const gold = new Set(goldSpans(ex).map(key));
  const rules = recognizeRich(ex.text);
  const masked = maskedRanges(ex.text);
  const ms = model.predict(ex.text).filter((sp) => /[\u3400-\u9fff]/.test(sp.text) && !masked.some(([a, b]) => sp.start < b && a < sp.end));
  for (const r of rules) {
    const ov = ms.filter((m) => m.start < r.end && r.start < m.end);
    let rel = 'none';
    if (ov.length) {
      if (ov.some((m) => m.start === r.start && m.end === r.end)) rel = ov.some((m) => m.type === r.type && m.start === r.start && m.end === r.end) ? 'same' : 'sameSpanOtherType';
      else if (ov.every((m) => m.start >= r.start && m.end <= r.end)) rel = 'ruleCovers';
      else if (ov.every((m) => m.start <= r.start && m.end >= r.end)) rel = 'modelCovers';
      else rel = 'cross';
      if (rel !== 'same' && ov.every((m) => m.type === r.type)) rel += '(sameType)';
    }
    add(`${r.type.padEnd(12)} ${kindOf(r).padEnd(8)} ${rel}`, gold.has(key(r)), ov, gold);
  }
  for (const m of ms) {
    if (!rules.some((r) => m.start < r.end && r.start < m.end)) {
      modelAlone.n++;
      if (gold.has(key(m))) modelAlone.ok++;
    }
  }
}
console.log(`held-out sentences: ${data.length}; model spans with no rule overlap: ${modelAlone.n}, correct ${modelAlone.ok}`);
console.log('rule type    kind     relation                      n   ruleOK  modelN modelOK');
for (const [k, s] of [...stats.entries()].sort((a, b) => b[1].n - a[1].n)) {
  console.log(`${k.padEnd(44)} ${String(s.n).padStart(5)} ${String(s.ok).padStart(6)} ${String(s.mn).padStart(6)} ${String(s.mok).padStart(6)}`);
}
