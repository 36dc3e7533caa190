/**
 * The runtime model: a linear-chain structured perceptron loaded from models/ner.bin (flat int16
 * weight table, integer Viterbi; the WebAssembly kernel decodes where SIMD is available), the
 * text's cutting into segments, and the span costs the merge asks for. Tag sets and Viterbi live in
 * ./tags.ts, the weights format in ./modelFile.ts (re-exported here for existing importers);
 * training in training/train.ts. A little over 600 lines on purpose: the JavaScript decoder here
 * mirrors the WebAssembly kernel step for step (a unit test compares them), and the two halves of
 * that mirror are kept in one file so they change together.
 */
import type { EntityType, Span } from '../types';
import { FeatureScratch, Lexicon, MAX_FEATS_PER_POS, N_LEX, NgramTable, Vocab, buildNormTable, extract } from './features';
import { layStyles } from './finish';
import { TagSet, Viterbi } from './tags';
import { finishParts, type LoadedModel, type ModelParts } from './modelFile';
import { reportModelFault } from './faults';
import { WasmDecoder } from './wasm/kernel';
import { StyleDetector, type TextStyle } from './style';

export { TagSet, Viterbi, type Scheme } from './tags';
export { serialize, deserialize, finishParts, type ModelHeader, type ModelParts, type LoadedModel } from './modelFile';

/* ---------------------------------------------------------------------------------------------- */
/* Segmentation                                                                                    */

const MAX_SEG = 200;
/** Longest segment segments() can produce (MAX_SEG, one more to keep a surrogate pair whole). */
const SEG_MAX_LEN = MAX_SEG + 1;

/**
 * Splits text into segments for decoding: at line breaks, after sentence-final punctuation, and
 * (for runaway text without punctuation) at most MAX_SEG code units, preferring commas. No segment
 * is longer than SEG_MAX_LEN, whatever follows a sentence end.
 */
export function segments(text: string, cb: (from: number, to: number) => void): void {
  const n = text.length;
  let s = 0;
  let lastSoft = -1;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      if (i > s) cb(s, i);
      s = i + 1;
      lastSoft = -1;
      continue;
    }
    if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0xff1b || c === 0x21 || c === 0x3f) {
      // keep closing quotes with the sentence, but never past SEG_MAX_LEN: the decoders' buffers
      // hold no more (the kernel cuts the same way); further closers start the next segment
      let j = i + 1;
      while (j < n && j - s < SEG_MAX_LEN && (text.charCodeAt(j) === 0x201d || text.charCodeAt(j) === 0x300d || text.charCodeAt(j) === 0xff09)) j++;
      cb(s, j);
      s = j;
      i = j - 1;
      lastSoft = -1;
      continue;
    }
    if (c === 0xff0c || c === 0x2c || c === 0x3001 || c === 0x20 || c === 0x3000) lastSoft = i + 1;
    if (i + 1 - s >= MAX_SEG) {
      let cut = lastSoft > s + MAX_SEG / 2 ? lastSoft : i + 1;
      // never split a surrogate pair
      const hc = text.charCodeAt(cut - 1);
      if (hc >= 0xd800 && hc <= 0xdbff && cut < n) cut++;
      cb(s, cut);
      s = cut;
      i = cut - 1;
      lastSoft = -1;
    }
  }
  if (s < n) cb(s, n);
}

/* ---------------------------------------------------------------------------------------------- */
/* Runtime model                                                                                   */


/** PACK_ROWS rows of |weight| ≤ PACK_MAX (./finish.ts) still fit one int16 lane. */
const PACK_ROWS = 30; // the unigram row at offset 0 carries the folded bias (up to 2·PACK_MAX)

/**
 * em[i*13+t] = sum of the weight rows at the int32 addresses in W2 named by position i's features
 * (see Vocab.bslots). Two tags per int32
 * (lo + hi·65536): with at most PACK_ROWS rows of |w| ≤ PACK_MAX each lane's sum stays within
 * ±32767, so the lanes separate exactly; positions with more rows take the plain int16 path.
 */
function emit13(em: Int32Array, feats: Int32Array, offs: Int32Array, W: Int16Array, W2: Int32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const f0 = offs[i];
    const fe = offs[i + 1];
    const eb = i * 13;
    if (fe - f0 > PACK_ROWS) {
      for (let t = 0; t < 13; t++) em[eb + t] = 0;
      for (let f = f0; f < fe; f++) {
        const w = feats[f];
        for (let j = 0; j < 7; j++) {
          const x = W2[w + j];
          const lo = (x << 16) >> 16;
          em[eb + 2 * j] += lo;
          if (j < 6) em[eb + 2 * j + 1] += (x - lo) >> 16;
        }
      }
      continue;
    }
    let a0 = 0; let a1 = 0; let a2 = 0; let a3 = 0; let a4 = 0; let a5 = 0; let a6 = 0;
    for (let f = f0; f < fe; f++) {
      const w = feats[f];
      a0 = (a0 + W2[w]) | 0;
      a1 = (a1 + W2[w + 1]) | 0;
      a2 = (a2 + W2[w + 2]) | 0;
      a3 = (a3 + W2[w + 3]) | 0;
      a4 = (a4 + W2[w + 4]) | 0;
      a5 = (a5 + W2[w + 5]) | 0;
      a6 = (a6 + W2[w + 6]) | 0;
    }
    const l0 = (a0 << 16) >> 16;
    em[eb + 0] = l0;
    em[eb + 1] = (a0 - l0) >> 16;
    const l1 = (a1 << 16) >> 16;
    em[eb + 2] = l1;
    em[eb + 3] = (a1 - l1) >> 16;
    const l2 = (a2 << 16) >> 16;
    em[eb + 4] = l2;
    em[eb + 5] = (a2 - l2) >> 16;
    const l3 = (a3 << 16) >> 16;
    em[eb + 6] = l3;
    em[eb + 7] = (a3 - l3) >> 16;
    const l4 = (a4 << 16) >> 16;
    em[eb + 8] = l4;
    em[eb + 9] = (a4 - l4) >> 16;
    const l5 = (a5 << 16) >> 16;
    em[eb + 10] = l5;
    em[eb + 11] = (a5 - l5) >> 16;
    const l6 = (a6 << 16) >> 16;
    em[eb + 12] = l6;
  }
}

/** One style's scores (finished, see ./finish.ts) and their pruning bound. */
interface StyleScores {
  trans: Int32Array;
  start: Int32Array;
  end: Int32Array;
  colMax: Int32Array;
  /** Score units per unit of perceptron weight. */
  unit: number;
}

/** One style's weight tables for the JavaScript decoder (RuntimeModel.jsTables). */
interface StyleTables {
  W: Int16Array;
  W2: Int32Array;
}

let lastModel: RuntimeModel | undefined;

/**
 * RuntimeModel.spanCost on the model that ran the most recent predict(): lets the merge ask how
 * strongly the model rejects a rule span in the text it just labelled (surface checks it is the
 * same text). undefined when unknown.
 */
export function lastSpanCost(start: number, end: number, type: string, surface: string): number | undefined {
  try {
    return lastModel?.spanCost(start, end, type, surface);
  } catch {
    return undefined;
  }
}

/** The loaded model: integer feature rows into one flat int16 table, integer Viterbi. */
export class RuntimeModel {
  readonly labels: (EntityType | null)[];
  readonly K: number;
  readonly T: number;
  readonly ts: TagSet;
  // The JavaScript decoder's tables of the style in use (set by useStyle; empty while the
  // WebAssembly decoder runs, which holds its own, see jsTables).
  private W: Int16Array = new Int16Array(0);
  /** Pairs of tag weights packed as lo + hi·65536 (13 tags in 7 int32). */
  private W2: Int32Array = new Int32Array(0);
  private trans: Int32Array;
  private start: Int32Array;
  private end: Int32Array;
  /** Each style's scores: [0] 'web', [1] 'pd' when the model file has a second style. */
  private readonly scores: StyleScores[];
  /** Each style's JavaScript tables, built when the JavaScript decoder first runs. */
  private js: StyleTables[] | undefined;
  /** Index of the style in use. */
  private styleIndex = 0;
  /** Chooses a text's style; undefined for a model with one style. */
  readonly detector: StyleDetector | undefined;
  /** Style of the text predict() labelled last. */
  lastStyle: TextStyle = 'web';
  /**
   * spanCost() divides by this, so every model's costs are on the scale the merge's thresholds were
   * measured on (see COST_REFERENCE in ./combine.ts and ModelHeader.costScale).
   */
  private readonly costScale: number;
  private readonly norm: Uint16Array;
  private readonly ctype: Uint8Array;
  private readonly voc: Vocab;
  /** The gazetteer as the JavaScript decoder reads it (built with its tables). */
  private lex: Lexicon | undefined;
  private readonly sc = new FeatureScratch();
  private readonly vit: Viterbi;
  private em = new Int32Array(0);
  private tags = new Uint8Array(0);
  /** BIO over 6 labels (13 tags): unrolled emission sums and a pruned integer Viterbi. */
  private readonly bio6: boolean;
  private vback = new Uint8Array(0);
  /** Score units per unit of perceptron weight. */
  private unit: number;
  /** Largest transition into each tag (exact pruning bound). */
  private colMax: Int32Array;

  /** The model as the file holds it (training's parts are finished first, see ./finish.ts). */
  private readonly model: LoadedModel;

  constructor(parts: ModelParts | LoadedModel) {
    const m = 'styles' in parts ? parts : finishParts(parts);
    this.model = m;
    const h = m.header;
    this.labels = h.labels;
    this.K = h.labels.length;
    this.ts = new TagSet(h.scheme, this.K);
    this.T = this.ts.T;
    this.voc = new Vocab(m.chars, m.biKeys, m.triKeys, m.skipKeys);
    this.voc.uni2 = h.uni2 !== false;
    this.voc.quotes = h.quotes === true;
    this.voc.lexT = h.lexT ?? 0x1f;
    this.costScale = h.costScale && h.costScale > 0 ? h.costScale : 1;
    const nt = buildNormTable(m.tradPairs);
    this.norm = nt.norm;
    this.ctype = nt.ctype;
    // the 'web' style's scores, and the 'pd' style's where the file has them (./style.ts)
    this.scores = m.styles.map((s) => ({ trans: s.trans, start: s.start, end: s.end, colMax: this.colMaxOf(s.trans), unit: s.unit }));
    if (m.styles.length > 1 && m.styleWeights && h.style) this.detector = new StyleDetector(m.styleWeights, h.style.bits, h.style.bias);
    const web = this.scores[0];
    this.trans = web.trans;
    this.start = web.start;
    this.end = web.end;
    this.colMax = web.colMax;
    this.unit = web.unit;
    this.vit = new Viterbi(this.ts);
    this.bio6 = this.ts.scheme === 'BIO' && this.T === 13;
    const v = this.voc;
    if (this.bio6 && v.tri.size === 0 && v.skip.size === 0 && !v.quotes) {
      // the whole decode in WebAssembly (the kernel covers these templates; it cuts segments at
      // segCap - 1 = MAX_SEG code units as segments() does). Its tables are built straight into
      // its memory: the JavaScript ones wait until the JavaScript decoder is needed.
      const params = (t: StyleScores): Int32Array => {
        const p = new Int32Array(13 * 13 + 3 * 13);
        p.set(t.trans, 0);
        p.set(t.start, 169);
        p.set(t.end, 182);
        p.set(t.colMax, 195);
        return p;
      };
      const packed = m.packedLex;
      this.dec = WasmDecoder.create({
        fill: (lanes, kernel) => layStyles(m.styles, v, 13, lanes, 14, kernel),
        params: params(web),
        alt: m.styles[1] && { params: params(this.scores[1]) },
        rows: v.nRows,
        biKeys: v.biKeys,
        B0: v.B0,
        norm: this.norm,
        ctype: this.ctype,
        charId: v.charId,
        biPresent: v.bi.present,
        biPmask: v.bi.pmask,
        lex: packed.bits.length ? { layout: Lexicon.layout(...Lexicon.packedSizes(packed)), packed } : undefined,
        Y0: v.Y0,
        L0: v.L0,
        uni2: v.uni2,
        lexT: v.lexT,
        segCap: SEG_MAX_LEN,
        maxFeatsPerPos: MAX_FEATS_PER_POS,
        nLex: N_LEX,
      });
      if (this.dec) this.bindDecoder();
    }
    if (!this.dec) this.buildJs();
  }

  /** Largest transition into each tag (the exact pruning bound of decodeBio6). */
  private colMaxOf(trans: Int32Array): Int32Array {
    const T = this.T;
    const colMax = new Int32Array(T);
    for (let c = 0; c < T; c++) {
      let hi = -Infinity;
      for (let p = 0; p < T; p++) if (this.ts.allowed(p, c)) hi = Math.max(hi, trans[p * T + c]);
      colMax[c] = hi;
    }
    return colMax;
  }

  /**
   * The JavaScript decoder's tables, for every style, and its gazetteer: built when it first
   * decodes (at load without WebAssembly, or after the kernel failed).
   */
  private buildJs(): void {
    if (this.js) return;
    const T = this.T, styles = this.model.styles;
    const W = styles.map(() => new Int16Array(styles[0].q8.length));
    layStyles(styles, this.voc, T, W, T);
    this.js = W.map((w, i) => this.jsTables(w, i === 0));
    this.lex = this.model.packedLex.bits.length ? Lexicon.fromPacked(this.model.packedLex) : undefined;
    this.W = this.js[this.styleIndex].W;
    this.W2 = this.js[this.styleIndex].W2;
  }

  /**
   * A style's laid-out weights (layStyles) and, for 13 tags, the packed table with its bigram
   * slots. The first style's packed table also serves as the vocabulary's bigram lookup (the slots
   * are laid out alike in every style's table).
   */
  private jsTables(W: Int16Array, first: boolean): StyleTables {
    const T = this.T, v = this.voc;
    if (first) v.biasFolded = true;
    let W2: Int32Array = new Int32Array(0);
    if (T === 13) {
      const R = W.length / 13;
      const nBi = v.biKeys.length / 2;
      let cap = 16;
      while (cap < nBi * 2) cap <<= 1;
      const base = R * 7;
      W2 = new Int32Array(base + cap * 32);
      for (let r = 0; r < R; r++) {
        for (let j = 0; j < 7; j++) {
          const lo = W[r * 13 + 2 * j];
          const hi = 2 * j + 1 < 13 ? W[r * 13 + 2 * j + 1] : 0;
          W2[r * 7 + j] = lo + hi * 65536;
        }
      }
      // bigram rows moved next to their keys (see Vocab.bslots)
      for (let id = 0; id < nBi; id++) {
        const key = (v.biKeys[2 * id] << 16) | v.biKeys[2 * id + 1];
        let k = NgramTable.hash(key, 0) & (cap - 1);
        while (W2[base + (k << 5)] !== 0) k = (k + 1) & (cap - 1);
        const o = base + (k << 5);
        W2[o] = key;
        W2.copyWithin(o + 4, (v.B0 + id * 4) * 7, (v.B0 + id * 4 + 4) * 7);
      }
      if (first) {
        v.bslots = W2;
        v.bsbase = base;
        v.bsmask = cap - 1;
      }
    }
    return { W, W2 };
  }

  /** Decode the next texts with this style's weights (the 'web' ones when the model has one style). */
  useStyle(style: TextStyle): void {
    const i = style === 'pd' && this.scores.length > 1 ? 1 : 0;
    this.lastStyle = i ? 'pd' : 'web';
    if (i === this.styleIndex) return;
    this.styleIndex = i;
    const t = this.scores[i];
    if (this.js) {
      this.W = this.js[i].W;
      this.W2 = this.js[i].W2;
    }
    this.trans = t.trans;
    this.start = t.start;
    this.end = t.end;
    this.colMax = t.colMax;
    this.unit = t.unit;
    this.dec?.useStyle(i);
  }

  /** The WebAssembly decoder (undefined: JavaScript decodes). */
  private dec: WasmDecoder | undefined;

  /** Re-reads the decoder's per-text arrays (after it grew its memory). */
  private bindDecoder(): void {
    const dec = this.dec!;
    this.emAll = dec.em;
    this.alphaAll = dec.alpha;
    this.normAll = dec.norm;
    this.bwAll = dec.bw;
    this.totalAll = dec.total;
    this.segFrom = dec.segFrom;
    this.segTo = dec.segTo;
    this.bwLo = dec.bwLo;
  }

  /**
   * Stops using the WebAssembly decoder after it failed, and says so (see ./faults.ts). The
   * per-text arrays become JavaScript copies, so spanCost keeps working on the last text.
   */
  private dropDecoder(err: unknown): void {
    if (!this.dec) return;
    this.dec = undefined;
    this.emAll = this.emAll.slice();
    this.alphaAll = this.alphaAll.slice();
    this.normAll = this.normAll.slice();
    this.totalAll = this.totalAll.slice();
    this.bwAll = this.bwAll.slice();
    this.segFrom = this.segFrom.slice();
    this.segTo = this.segTo.slice();
    this.bwLo = this.bwLo.slice();
    this.buildJs();
    const why = err instanceof Error ? `${err.name}: ${err.message}` : String(err);
    reportModelFault(`the WebAssembly decoder failed (${why}); the JavaScript decoder is used from now on (same results, slower)`);
  }

  /** Which decoder runs: 'wasm' (WebAssembly SIMD) or 'js'. */
  get decoder(): 'wasm' | 'js' {
    return this.dec ? 'wasm' : 'js';
  }

  /**
   * Viterbi for BIO with 13 tags (O, B-k = 1+2k, I-k = 2+2k). O and B-k may follow any tag: only
   * predecessors that could beat the best previous tag are tried (exact: bounded by the column's
   * largest transition). I-k follows B-k or I-k. Integer scores, renormalised per position.
   */
  private decodeBio6(n: number, em: Int32Array, score: Int32Array, vnorm: Float64Array): number {
    const T = 13;
    if (this.vback.length < n * T) this.vback = new Uint8Array(Math.max(n * T, this.vback.length * 2));
    const back = this.vback, trans = this.trans;
    const NEG = -0x3fffffff;
    let C = 0;
    vnorm[0] = 0;
    score[0] = this.start[0] + em[0];
    for (let k = 0; k < 6; k++) {
      score[1 + 2 * k] = this.start[1 + 2 * k] + em[1 + 2 * k];
      score[2 + 2 * k] = NEG;
    }
    const colMax = this.colMax;
    for (let i = 1; i < n; i++) {
      const pb = (i - 1) * T;
      const cb = i * T;
      // best (M at pm) and second best (M2) previous scores
      let M = score[pb], pm = 0, M2 = NEG * 2;
      for (let p = 1; p < T; p++) {
        const v = score[pb + p];
        if (v > M) { M2 = M; M = v; pm = p; }
        else if (v > M2) M2 = v;
      }
      C += M;
      vnorm[i] = C;
      // O (c = 0) and B-k (c = 1 + 2k) may follow any tag. If even the second-best predecessor with
      // the column's largest transition cannot beat the best predecessor, the best one wins
      // (exact); otherwise all predecessors within the column's spread are tried.
      const pmT = pm * T;
      for (let c = 0; c < T; c = c === 0 ? 1 : c + 2) {
        const viaBest = M + trans[pmT + c];
        if (M2 + colMax[c] < viaBest) {
          score[cb + c] = viaBest - M + em[cb + c];
          back[cb + c] = pm;
          continue;
        }
        let best = viaBest;
        let arg = pm;
        const lim = viaBest - colMax[c];
        for (let p = 0; p < T; p++) {
          const sp = score[pb + p];
          if (sp < lim || p === pm) continue;
          const v = sp + trans[p * T + c];
          if (v > best) { best = v; arg = p; }
        }
        score[cb + c] = best - M + em[cb + c];
        back[cb + c] = arg;
      }
      for (let k = 0; k < 6; k++) {
        const b = 1 + 2 * k, it = 2 + 2 * k;
        const s1 = score[pb + b] + trans[b * T + it];
        const s2 = score[pb + it] + trans[it * T + it];
        if (s1 >= s2) { score[cb + it] = s1 - M + em[cb + it]; back[cb + it] = b; }
        else { score[cb + it] = s2 - M + em[cb + it]; back[cb + it] = it; }
      }
    }
    const lb = (n - 1) * T;
    let best = NEG * 2;
    let arg = 0;
    for (let p = 0; p < T; p++) {
      const v = score[lb + p] + this.end[p];
      if (v > best) { best = v; arg = p; }
    }
    const out = this.tags;
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
    return best + C;
  }

  /** Spans in `text` (UTF-16 offsets, end exclusive). */
  predict(text: string): Span[] {
    const out: Span[] = [];
    if (typeof text !== 'string' || text.length === 0) return out;
    const L = text.length;
    if (this.detector) this.useStyle(this.detector.styleOf(text));
    if (this.dec) {
      // the whole text in one kernel call; the per-text arrays spanCost reads live in its memory
      try {
        if (this.dec.setText(text)) this.bindDecoder();
        this.lastText = text;
        lastModel = this;
        const ch = this.dec.chunks;
        for (let j = 0, c = this.dec.decodeText(L); j < c; j++) this.pushChunk(text, ch[3 * j + 1], ch[3 * j + 2], ch[3 * j], out);
        return out;
      } catch (err) {
        // a trap (a bounds check) or a failed memory grow: this text and every later one decode
        // in JavaScript, with identical results
        this.dropDecoder(err);
        out.length = 0;
      }
    }
    if (this.bio6) {
      if (this.segFrom.length < L) {
        const cap = Math.max(L, this.segFrom.length * 2);
        this.segFrom = new Int32Array(cap);
        this.segTo = new Int32Array(cap);
        this.emAll = new Int32Array(cap * 13);
        this.alphaAll = new Int32Array(cap * 13);
        this.normAll = new Float64Array(cap);
        this.totalAll = new Float64Array(cap);
        this.bwAll = new Float64Array(cap * 13);
        this.bwLo = new Int32Array(cap);
      }
      this.segFrom.fill(-1, 0, L);
      this.lastText = text;
      lastModel = this;
    }
    segments(text, (from, to) => this.decodeSegment(text, from, to, out));
    return out;
  }

  /** Text of the last predict() call, its emission scores and the segment of every position. */
  private lastText: string | undefined;
  private emAll = new Int32Array(0);
  /** Viterbi forward scores (renormalised; true = alphaAll + normAll) and each segment's best total at its first position. */
  private alphaAll = new Int32Array(0);
  private normAll = new Float64Array(0);
  private totalAll = new Float64Array(0);
  private segFrom = new Int32Array(0);
  private segTo = new Int32Array(0);
  /** Backward scores by absolute position (see spanCost) and, per segment start, the lowest position computed. */
  private bwAll: Float64Array | Int32Array = new Float64Array(0);
  private bwLo = new Int32Array(0);

  /**
   * How much worse (in the model's score units, i.e. summed perceptron weights) the best labelling
   * of the last predicted text gets when [start, end) is forced to be exactly one entity of `type`:
   * 0 when the model's own labelling has that span, large when the model is confident it is not an
   * entity (or a different one). Exact max-marginal over the segment's legal BIO paths. undefined
   * when the span is not inside one decoded segment of that text or the type is not a label.
   */
  spanCost(start: number, end: number, type: string, surface?: string): number | undefined {
    const text = this.lastText;
    if (!this.bio6 || text === undefined || !(start >= 0 && end > start && end <= text.length)) return undefined;
    if (surface !== undefined) {
      // same text as `surface`, without slicing
      if (surface.length !== end - start) return undefined;
      for (let i = start; i < end; i++) if (text.charCodeAt(i) !== surface.charCodeAt(i - start)) return undefined;
    }
    const k = this.labels.indexOf(type as EntityType);
    const a = this.segFrom[start];
    if (k < 0 || a < 0 || this.segFrom[end - 1] !== a) return undefined;
    const b = this.segTo[start];
    const T = 13, em = this.emAll, trans = this.trans;
    const total = this.totalAll[a];
    const Bk = 1 + 2 * k, Ik = 2 + 2 * k;
    // best path into B-k at start: from the stored forward scores of start-1
    let cs: number;
    if (start === a) cs = this.start[Bk];
    else {
      const pb = (start - 1) * T;
      let m = -Infinity;
      for (let p = 0; p < T; p++) m = Math.max(m, this.alphaAll[pb + p] + trans[p * T + Bk]);
      cs = m + this.normAll[start - 1];
    }
    cs += em[start * T + Bk];
    let prev = Bk;
    for (let i = start + 1; i < end; i++) {
      cs += trans[prev * T + Ik] + em[i * T + Ik];
      prev = Ik;
    }
    if (end === b) cs += this.end[prev];
    else {
      // backward scores from the segment end down to `end` (O and B-* may follow anything; I-j
      // follows B-j or I-j), kept per text by absolute position: later calls in the same segment
      // only extend them (bwLo[a]: lowest position computed in segment a)
      const bw = this.bwAll;
      let lo = this.bwLo[a];
      if (lo > end && this.dec) {
        try {
          this.dec.backward(b, lo, end);
        } catch (err) {
          this.dropDecoder(err); // the JavaScript recursion below takes over
        }
      }
      if (lo > end && this.dec) {
        if (lo === b) lo = b - 1;
        if (lo > end) this.bwLo[a] = end;
      } else if (lo > end) {
        if (lo === b) {
          const last = (b - 1) * T;
          for (let t = 0; t < T; t++) bw[last + t] = em[last + t] + this.end[t];
          lo = b - 1;
        }
        for (let pos = lo - 1; pos >= end; pos--) {
          const nb = (pos + 1) * T, cb = pos * T;
          // successors O and B-0..B-5 (tags 0, 1, 3, …, 11) of every tag, read once per position
          const x0 = bw[nb], x1 = bw[nb + 1], x3 = bw[nb + 3], x5 = bw[nb + 5], x7 = bw[nb + 7], x9 = bw[nb + 9], x11 = bw[nb + 11];
          for (let c = 0; c < T; c++) {
            const r = c * T;
            let m = trans[r] + x0;
            let v = trans[r + 1] + x1;
            if (v > m) m = v;
            v = trans[r + 3] + x3;
            if (v > m) m = v;
            v = trans[r + 5] + x5;
            if (v > m) m = v;
            v = trans[r + 7] + x7;
            if (v > m) m = v;
            v = trans[r + 9] + x9;
            if (v > m) m = v;
            v = trans[r + 11] + x11;
            if (v > m) m = v;
            if (c !== 0) {
              const q = (c & 1) === 1 ? c + 1 : c; // I of the same label
              v = trans[r + q] + bw[nb + q];
              if (v > m) m = v;
            }
            bw[cb + c] = m + em[cb + c];
          }
        }
        if (lo > end) this.bwLo[a] = end;
      }
      // after the span's last tag: O or B-* (I-k would extend it)
      const eb = end * T;
      let nx = -Infinity;
      for (let q = 0; q < T; q = q === 0 ? 1 : q + 2) nx = Math.max(nx, trans[prev * T + q] + bw[eb + q]);
      cs += nx;
    }
    return Math.max(0, total - cs) / this.unit / this.costScale;
  }

  /** The JavaScript decoder, one segment: features, emissions, Viterbi, spans. */
  private decodeSegment(text: string, from: number, to: number, out: Span[]): void {
    const sc = this.sc;
    const n = extract(text, from, to, this.norm, this.ctype, this.voc, this.lex, sc);
    if (n === 0) return;
    const T = this.T;
    if (this.em.length < n * T) {
      this.em = new Int32Array(Math.max(n * T, this.em.length * 2));
      this.tags = new Uint8Array(this.em.length / T + 1);
    }
    if (this.bio6) {
      // emissions, forward scores and norms go straight into the per-text arrays spanCost reads
      // (predict sized them for this text; n === to - from)
      const em = this.emAll.subarray(from * T, to * T);
      emit13(em, sc.feats, sc.offs, this.W, this.W2, n);
      const total = this.decodeBio6(n, em, this.alphaAll.subarray(from * T, to * T), this.normAll.subarray(from, to));
      if (this.lastText === text) {
        this.totalAll[from] = total;
        this.bwLo[from] = to;
        this.segFrom.fill(from, from, to);
        this.segTo.fill(to, from, to);
      }
    } else {
      const em = this.em;
      const feats = sc.feats, offs = sc.offs, W = this.W;
      for (let i = 0; i < n; i++) {
        const eb = i * T;
        for (let t = 0; t < T; t++) em[eb + t] = 0;
        const fe = offs[i + 1];
        for (let f = offs[i]; f < fe; f++) {
          const wb = feats[f] * T;
          for (let t = 0; t < T; t++) em[eb + t] += W[wb + t];
        }
      }
      this.vit.decode(em, n, this.trans, this.start, this.end, this.tags);
    }
    this.ts.chunks(this.tags, n, (k, s, e) => this.pushChunk(text, from + s, from + e, k, out));
  }

  /** The span of chunk [a, b) with label k, unless the label is not reported. */
  private pushChunk(text: string, a: number, b: number, k: number, out: Span[]): void {
    const type = this.labels[k];
    if (!type) return;
    // keep surrogate pairs whole
    const ca = text.charCodeAt(a);
    if (ca >= 0xdc00 && ca <= 0xdfff && a > 0) {
      const p = text.charCodeAt(a - 1);
      if (p >= 0xd800 && p <= 0xdbff) a--;
    }
    const cb = text.charCodeAt(b - 1);
    if (cb >= 0xd800 && cb <= 0xdbff && b < text.length) {
      const q = text.charCodeAt(b);
      if (q >= 0xdc00 && q <= 0xdfff) b++;
    }
    out.push({ type, start: a, end: b, text: text.slice(a, b), source: 'model' });
  }
}
