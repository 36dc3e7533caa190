/**
 * Held-out only: spans where tag() and the model alone disagree, with gold status, the rule spans
 * behind them (type/kind) and the model's span cost of the tag() span.
 *
 *   NEWS_LENS_MODEL=/tmp/ner-tune.bin npx tsx training/tools/orgDiff.ts /tmp/ner-tune.bin [type]
 */
import { recognizeRich } from '../../src/core/recognize';
import { tag } from '../../src/core/index';
import { readCluener, goldSpans } from '../cluener';
import { loadModelFile } from '../../src/core/model/index';
import { lastSpanCost } from '../../src/core/model/perceptron';
import type { RichSpan } from '../../src/core/recognize';
import type { Span } from '../../src/core/types';

function kindOf(r: RichSpan): string {
  if (r.type === 'date') return 'date';
  if (r.chain) return 'chain';
  if (r.legal) return 'legal';
  if (r.aliasOf) return 'alias';
  return `${r.source ?? '?'}`;
}
const file = process.argv[2] ?? '/tmp/ner-tune.bin';
const only = process.argv[3];
const data = readCluener(`${file}.heldout.json`);
const model = loadModelFile(file);
const key = (s: Span): string => `${s.type}:${s.start}:${s.end}`;
const SC = new Set(['person', 'title', 'company', 'government', 'organization', 'place']);
for (const ex of data) {
  const gold = new Set(goldSpans(ex).map(key));
  const t = tag(ex.text).filter((s) => SC.has(s.type));
  const rules = recognizeRich(ex.text);
  const ms = model.predict(ex.text);
  const tk = new Set(t.map(key));
  const mk = new Set(ms.map(key));
  const cost = (s: Span): string => {
    const c = lastSpanCost(s.start, s.end, s.type, s.text);
    return c === undefined ? '?' : c.toFixed(0);
  };
  for (const s of t) {
    if (mk.has(key(s)) || (only && s.type !== only)) continue;
    const r = rules.find((x) => x.start === s.start && x.end === s.end && x.type === s.type);
    const ov = ms.filter((m) => m.start < s.end && s.start < m.end).map((m) => `${m.type}:${m.text}${gold.has(key(m)) ? '✓' : '✗'}`);
    console.log(`TAGONLY ${gold.has(key(s)) ? 'OK ' : 'BAD'} ${s.type}/${r ? kindOf(r) : 'model?'} ${s.text} cost=${cost(s)} model=[${ov.join(' ')}] | ${ex.text.slice(Math.max(0, s.start - 8), s.end + 8)}`);
  }
  for (const m of ms) {
    if (tk.has(key(m)) || (only && m.type !== only) || !SC.has(m.type)) continue;
    const ov = t.filter((s) => s.start < m.end && m.start < s.end).map((s) => {
      const r = rules.find((x) => x.start === s.start && x.end === s.end && x.type === s.type);
      return `${s.type}/${r ? kindOf(r) : '?'}:${s.text}${gold.has(key(s)) ? '✓' : '✗'}`;
    });
    console.log(`MODELONLY ${gold.has(key(m)) ? 'OK ' : 'BAD'} ${m.type} ${m.text} tag=[${ov.join(' ')}] | ${ex.text.slice(Math.max(0, m.start - 8), m.end + 8)}`);
  }
}
