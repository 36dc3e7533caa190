/**
 * The finished weight tables: each style's weights as both decoders read them, computed once when
 * the model file is written (./modelFile.ts) so that loading only copies them.
 *
 * Finishing requantises a style's weights so every one fits in ±PACK_MAX (then two tags' sums share
 * one int32 without carrying into each other in the JavaScript decoder; held-out F1 is unchanged at
 * this resolution, training stores them at ±32000) and divides the transition, start and end scores
 * by the same divisor. Nearly all requantised weights fit in a byte: they are kept as int8, with
 * the few larger ones listed apart. A second style is kept as its difference from the first one's
 * weights brought to its divisor: most of its rows are the first style's, so the difference is
 * mostly zeros (280 KB less in the .vsix). layStyles() then lays them out for a decoder.
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
  /** Score units per unit of perceptron weight (header.scale divided by qd). */
  unit: number;
  /** The requantisation divisor. */
  qd: number;
  /**
   * Whether q8 and bigVal are differences: weight j is then round(w0[j] · qd0 / qd) + the stored
   * value, w0 being the first style's requantised weights (see derived()).
   */
  delta: boolean;
}

/** The bulk of layStyles, done by the WebAssembly kernel in its own memory (./wasm/kernel.ts). */
export interface RowKernel {
  /** Style i's int8 rows into its lanes. */
  widen(q8: Int8Array, i: number): void;
  /** Style i's lanes: lut[style 0's lane + PACK_MAX] + q8's difference (the zero lane kept). */
  derive(q8: Int8Array, lut: Int16Array, i: number): void;
}

/** A style's weight brought from the first style's divisor qd0 to its own, qd. */
function derived(w0: number, qd0: number, qd: number): number {
  return Math.round((w0 * qd0) / qd);
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

/** Style i's requantised weights (rows × T) and divisor. */
function requantised(p: ModelParts, T: number, i: number): { w: Int16Array; qd: number } {
  const rows = p.weights.length / T;
  const merged = new Int16Array(rows * T);
  for (const [w, from, to, shift] of styleRows(p, T, i)) merged.set(w.subarray((from + shift) * T, (to + shift) * T), from * T);
  let maxAbs = 1;
  for (let j = 0; j < merged.length; j++) maxAbs = Math.max(maxAbs, Math.abs(merged[j]));
  const qd = Math.max(1, Math.ceil(maxAbs / PACK_MAX));
  if (qd > 1) for (let j = 0; j < merged.length; j++) merged[j] = Math.round(merged[j] / qd);
  return { w: merged, qd };
}

/** Style i (0: 'web', 1: 'pd') of training's parts, finished (the second as a difference). */
export function finishStyle(p: ModelParts, T: number, i: number): FinishedStyle {
  const { w, qd } = requantised(p, T, i);
  const stored = new Int16Array(w);
  if (i > 0) {
    const first = requantised(p, T, 0);
    for (let j = 0; j < w.length; j++) stored[j] = w[j] - derived(first.w[j], first.qd, qd);
  }
  const src = i === 0 || !p.alt ? p : p.alt;
  const requantise = (a: Int16Array): Int32Array => Int32Array.from(a, (x) => (qd > 1 ? Math.round(x / qd) : x));
  const q8 = new Int8Array(stored.length);
  const bigIdx: number[] = [];
  const bigVal: number[] = [];
  for (let j = 0; j < stored.length; j++) {
    const x = stored[j];
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
    unit: (p.header.scale || 1) / qd,
    qd,
    delta: i > 0,
  };
}

/**
 * Lays every style's weights out for a decoder: style i's row r at dst[i][r * stride], T of them
 * (the rest of a row is left as it is: the WebAssembly kernel's rows have a fourteenth, zero lane).
 * The kernel, where given, does the bulk: it widens a style's int8 rows into dst[i] (SIMD), or
 * derives a second style's from the first's and the stored differences; otherwise it is done
 * here. The wider weights go in, a second style's differences are added to the first style's
 * weights brought to its divisor, and each style's
 * bias row is folded into every unigram row at offset 0 (every position has the bias feature and
 * exactly one such row) and zeroed: folding at load keeps nearly every stored weight in a byte.
 */
export function layStyles(styles: FinishedStyle[], voc: Vocab, T: number, dst: Int16Array[], stride: number, kernel?: RowKernel): void {
  const rows = styles[0].q8.length / T;
  styles.forEach((s, i) => {
    const out = dst[i];
    if (s.delta) {
      // from the first style's weights (not folded yet; every one within ±PACK_MAX) and the
      // stored differences
      const base = dst[0], q = s.q8, qd0 = styles[0].qd;
      const lut = new Int16Array(2 * PACK_MAX + 1);
      for (let x = -PACK_MAX; x <= PACK_MAX; x++) lut[x + PACK_MAX] = derived(x, qd0, s.qd);
      if (kernel) kernel.derive(q, lut, i);
      else {
        for (let r = 0; r < rows; r++) {
          const a = r * T, d = r * stride;
          for (let t = 0; t < T; t++) out[d + t] = lut[base[d + t] + PACK_MAX] + q[a + t];
        }
      }
      for (let k = 0; k < s.bigIdx.length; k++) {
        const j = s.bigIdx[k], r = (j / T) | 0, d = r * stride + (j - r * T);
        out[d] = lut[base[d] + PACK_MAX] + s.bigVal[k];
      }
      return;
    }
    if (kernel) kernel.widen(s.q8, i);
    else if (stride === T) out.set(s.q8);
    else {
      for (let r = 0; r < rows; r++) {
        const a = r * T, d = r * stride;
        for (let t = 0; t < T; t++) out[d + t] = s.q8[a + t];
      }
    }
    for (let k = 0; k < s.bigIdx.length; k++) {
      const j = s.bigIdx[k], r = (j / T) | 0;
      out[r * stride + (j - r * T)] = s.bigVal[k];
    }
  });
  for (let i = 0; i < styles.length; i++) {
    const out = dst[i];
    const bias = voc.BIAS * stride;
    for (let c = 0; c < voc.nChars; c++) {
      const d = (c * UNI_W + 2) * stride;
      for (let t = 0; t < T; t++) out[d + t] = Math.max(-32767, Math.min(32767, out[d + t] + out[bias + t]));
    }
    for (let t = 0; t < T; t++) out[bias + t] = 0;
  }
}
