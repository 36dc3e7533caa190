/**
 * The finished weight tables: each style's weights as both decoders read them, computed once when
 * the model file is written (./modelFile.ts) so that loading only copies them.
 *
 * Finishing requantises a style's weights so every one fits in ±PACK_MAX (then two tags' sums share
 * one int32 without carrying into each other in the JavaScript decoder; held-out F1 is unchanged at
 * this resolution, training stores them at ±32000) and divides the transition, start and end scores
 * by the same divisor. Nearly all requantised weights fit in a byte: they are kept as int8, with
 * the few larger ones listed apart. writeLanes() then lays them out for a decoder.
 */
import { UNI_W, type Vocab } from './features';
import type { ModelParts } from './modelFile';

/** Largest |weight| after requantisation. */
export const PACK_MAX = 1024;

/** One style's finished tables. */
export interface FinishedStyle {
  /** rows × T requantised weights; where one does not fit in int8, 0 here and listed in big*. */
  q8: Int8Array;
  /** Indexes into q8 of the weights that do not fit, ascending, and their values. */
  bigIdx: Uint32Array;
  bigVal: Int16Array;
  trans: Int32Array;
  start: Int32Array;
  end: Int32Array;
  /** Score units per unit of perceptron weight (header.scale divided by the requantisation divisor). */
  unit: number;
}

/** Whether the parts carry a second ('pd') style: its rows, scores and the style detector. */
export function hasSecondStyle(p: ModelParts): boolean {
  const h = p.header;
  return !!(p.alt && h.altRanges?.length && p.styleWeights && h.style);
}

/**
 * Style i's weight rows as [rows, from, to, shift] pieces, later pieces over earlier ones: the
 * parts' rows, then for the 'pd' style its own rows (header.altRanges; row r of the style is row
 * r + shift of the piece's array).
 */
function styleRows(p: ModelParts, T: number, i: number): [Int16Array, number, number, number][] {
  const out: [Int16Array, number, number, number][] = [[p.weights, 0, p.weights.length / T, 0]];
  const ranges = p.header.altRanges;
  if (i === 0 || !p.alt || !ranges) return out;
  let k = 0;
  for (const [a, b] of ranges) {
    out.push([p.alt.weights, a, b, k - a]);
    k += b - a;
  }
  return out;
}

/** Style i (0: 'web', 1: 'pd') of training's parts, finished. */
export function finishStyle(p: ModelParts, T: number, i: number): FinishedStyle {
  const pieces = styleRows(p, T, i);
  const rows = p.weights.length / T;
  const lanes = new Int16Array(rows * T);
  let maxAbs = 1;
  const merged = new Int16Array(rows * T);
  for (const [w, from, to, shift] of pieces) merged.set(w.subarray((from + shift) * T, (to + shift) * T), from * T);
  for (let j = 0; j < merged.length; j++) maxAbs = Math.max(maxAbs, Math.abs(merged[j]));
  const QD = Math.max(1, Math.ceil(maxAbs / PACK_MAX));
  for (let j = 0; j < merged.length; j++) lanes[j] = QD > 1 ? Math.round(merged[j] / QD) : merged[j];
  const src = i === 0 || !p.alt ? p : p.alt;
  const requantise = (a: Int16Array): Int32Array => Int32Array.from(a, (x) => (QD > 1 ? Math.round(x / QD) : x));
  const q8 = new Int8Array(lanes.length);
  const bigIdx: number[] = [];
  const bigVal: number[] = [];
  for (let j = 0; j < lanes.length; j++) {
    const x = lanes[j];
    if (x >= -128 && x <= 127) q8[j] = x;
    else {
      bigIdx.push(j);
      bigVal.push(x);
    }
  }
  return {
    q8,
    bigIdx: Uint32Array.from(bigIdx),
    bigVal: Int16Array.from(bigVal),
    trans: requantise(src.trans),
    start: requantise(src.start),
    end: requantise(src.end),
    unit: (p.header.scale || 1) / QD,
  };
}

/**
 * Writes a finished style's weights into dst, row r at dst[r * stride] (T of them; the rest of a
 * row is left as it is: the WebAssembly kernel's rows have a fourteenth, zero lane). The kernel
 * widens the int8 rows itself (widen) and lets patchLanes do the rest.
 */
export function writeLanes(s: FinishedStyle, voc: Vocab, T: number, dst: Int16Array, stride: number): void {
  const q = s.q8;
  if (stride === T) dst.set(q);
  else {
    for (let r = 0, R = q.length / T; r < R; r++) {
      const a = r * T, d = r * stride;
      for (let t = 0; t < T; t++) dst[d + t] = q[a + t];
    }
  }
  patchLanes(s, voc, T, dst, stride);
}

/**
 * After the int8 rows are in dst: the weights beyond int8 put in, and the bias row folded into
 * every unigram row at offset 0 (every position has the bias feature and exactly one such row) and
 * then zeroed. Folding at load rather than in the file keeps nearly every stored weight in a byte.
 */
export function patchLanes(s: FinishedStyle, voc: Vocab, T: number, dst: Int16Array, stride: number): void {
  const idx = s.bigIdx, val = s.bigVal;
  for (let k = 0; k < idx.length; k++) {
    const j = idx[k];
    const r = (j / T) | 0;
    dst[r * stride + (j - r * T)] = val[k];
  }
  const bias = voc.BIAS * stride;
  for (let c = 0; c < voc.nChars; c++) {
    const d = (c * UNI_W + 2) * stride;
    for (let t = 0; t < T; t++) dst[d + t] = Math.max(-32767, Math.min(32767, dst[d + t] + dst[bias + t]));
  }
  for (let t = 0; t < T; t++) dst[bias + t] = 0;
}
