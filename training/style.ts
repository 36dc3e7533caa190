/**
 * Trains the annotation-style detector (src/core/model/style.ts): an averaged perceptron over hashed
 * character unigrams and bigrams that tells CLUENER-style web news ('web', −1) from MSRA / People's
 * Daily text ('pd', +1). Deterministic (fixed-seed shuffles); weights quantised to int8.
 */
import type { Example } from './cluener';
import { styleBuckets } from '../src/core/model/style';
import { shuffled } from './shuffle';

export interface StyleWeights {
  bits: number;
  weights: Int8Array;
  bias: number;
}

/** Trains on the sentences of both corpora (each labelled by its corpus). */
export function trainStyle(examples: Example[], opt: { bits: number; epochs: number; seed: number }): StyleWeights {
  const B = 1 << opt.bits;
  const w = new Float64Array(B), u = new Float64Array(B);
  let bias = 0, ubias = 0, c = 1;
  const sc = { buf: new Int32Array(0) };
  // every sentence weighs the same: with four People's Daily sentences for each web one, a doubtful
  // text leans to 'pd', where the wrong style costs a little more (measured on both dev sets)
  const data = examples.map((e) => ({ text: e.text, y: e.corpus === 'msra' ? 1 : -1 }));
  for (let ep = 0; ep < opt.epochs; ep++) {
    for (const { text, y } of shuffled(data, opt.seed + ep)) {
      const n = styleBuckets(text, opt.bits, sc);
      const b = sc.buf;
      let s = bias;
      for (let i = 0; i < n; i++) s += w[b[i]];
      if (s * y <= 0) {
        for (let i = 0; i < n; i++) {
          w[b[i]] += y;
          u[b[i]] += c * y;
        }
        bias += y;
        ubias += c * y;
      }
      c++;
    }
  }
  const avg = w.map((x, i) => x - u[i] / c);
  const avgBias = bias - ubias / c;
  let maxAbs = 1e-9;
  for (const x of avg) maxAbs = Math.max(maxAbs, Math.abs(x));
  const scale = 127 / maxAbs;
  return {
    bits: opt.bits,
    weights: Int8Array.from(avg, (x) => Math.max(-127, Math.min(127, Math.round(x * scale)))),
    bias: Math.round(avgBias * scale),
  };
}
