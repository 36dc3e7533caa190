/**
 * Evidence for combine.ts on the MSRA development slice (training/msra.ts; no shipped model trains
 * on it): every rule span of an organisation type (company, government, organization) that the
 * model's spans overlap, with its kind, how the model's spans relate to it, the model's cost of the
 * rule span, and whether the rule span or the model's spans are right (MSRA ORG, whatever our type).
 *
 *   npx tsx training/tools/msraCover.ts [--all]      (--all: every case, not only disagreements)
 */
import * as path from 'node:path';
import { recognizeRich, type RichSpan } from '../../src/core/recognize';
import { loadDefaultModel } from '../../src/core/model/index';
import { lastSpanCost } from '../../src/core/model/perceptron';
import { readMsra, splitMsra, OURS_TO_MSRA } from '../msra';
import { findSharedDir } from '../../scripts/sharedData';
import type { Span } from '../../src/core/types';

const all = process.argv.includes('--all');
const dev = splitMsra(readMsra(path.join(findSharedDir()!, 'data/msra-ner/train.bio'))).dev;
const model = loadDefaultModel()!;
const kindOf = (r: RichSpan): string => (r.chain ? 'chain' : r.legal ? 'legal' : r.aliasOf ? 'alias' : r.source ?? '?');
const ORGS = new Set(['company', 'government', 'organization']);
for (const ex of dev) {
  const gold = new Set(ex.spans.map((s) => `${s.label}:${s.start}:${s.end}`));
  const ok = (s: Span) => gold.has(`${OURS_TO_MSRA[s.type] ?? '-'}:${s.start}:${s.end}`);
  const ms = model.predict(ex.text);
  for (const r of recognizeRich(ex.text)) {
    if (!ORGS.has(r.type)) continue;
    const ov = ms.filter((m) => m.start < r.end && r.start < m.end);
    if (!ov.length) continue;
    const same = ov.length === 1 && ov[0].start === r.start && ov[0].end === r.end;
    if (same && ov[0].type === r.type && !all) continue;
    const rel = same ? 'same' : ov.every((m) => m.start >= r.start && m.end <= r.end) ? 'ruleCovers' : ov.every((m) => m.start <= r.start && m.end >= r.end) ? 'modelCovers' : 'cross';
    const cost = lastSpanCost(r.start, r.end, r.type, r.text);
    const ruleOk = ok(r);
    const modelOk = ov.filter(ok).length;
    if (!all && !ruleOk && !modelOk) continue;
    console.log([r.type, kindOf(r), rel, cost === undefined ? '?' : cost.toFixed(0), ruleOk ? 'RULE' : '-', `model ${modelOk}/${ov.length}`, `${ex.text.slice(Math.max(0, r.start - 6), r.start)}[${r.text}]${ex.text.slice(r.end, r.end + 4)}`, ov.map((m) => `${m.type}:${m.text}`).join(' ')].join('\t'));
  }
}
