/**
 * Linear-chain structured perceptron: BIOES tag set, constrained Viterbi, the runtime model with
 * int16 weights, and the binary weights format. Training lives in ./train.ts.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityType, Span } from '../types';
import { FEATURE_VERSION, FeatureScratch, Lexicon, buildNormTable, extract } from './features';

/* ---------------------------------------------------------------------------------------------- */
/* Tags                                                                                            */

// Tag layout: 0 = O; for label k: 1+4k = B, 2+4k = I, 3+4k = E, 4+4k = S.
export const tagB = (k: number): number => 1 + 4 * k;
export const tagI = (k: number): number => 2 + 4 * k;
export const tagE = (k: number): number => 3 + 4 * k;
export const tagS = (k: number): number => 4 + 4 * k;
export const nTags = (labels: number): number => 1 + 4 * labels;

/** Tags that may start a chunk or follow a closed one: O, B-*, S-*. */
function openTags(K: number): Int32Array {
  const a = new Int32Array(1 + 2 * K);
  a[0] = 0;
  for (let k = 0; k < K; k++) {
    a[1 + 2 * k] = tagB(k);
    a[2 + 2 * k] = tagS(k);
  }
  return a;
}
/** Tags after which a chunk is closed: O, E-*, S-*. */
function closedTags(K: number): Int32Array {
  const a = new Int32Array(1 + 2 * K);
  a[0] = 0;
  for (let k = 0; k < K; k++) {
    a[1 + 2 * k] = tagE(k);
    a[2 + 2 * k] = tagS(k);
  }
  return a;
}

/**
 * Constrained Viterbi over emission scores em[i*T+t]. trans[p*T+c], start[t], end[t].
 * Writes the best tag sequence into out. Only well-formed BIOES sequences are considered.
 */
export class Viterbi {
  private score = new Float64Array(0);
  private back = new Uint8Array(0);
  private readonly open: Int32Array;
  private readonly closed: Int32Array;
  private readonly live: Int32Array;
  constructor(readonly K: number) {
    this.open = openTags(K);
    this.closed = closedTags(K);
    this.live = new Int32Array(this.closed.length);
  }

  decode(
    em: Float64Array | Int32Array,
    n: number,
    trans: Float64Array | Float32Array | Int32Array,
    start: Float64Array | Float32Array | Int32Array,
    end: Float64Array | Float32Array | Int32Array,
    out: Int32Array | Uint8Array,
  ): void {
    const K = this.K;
    const T = nTags(K);
    if (n === 0) return;
    if (this.score.length < n * T) {
      this.score = new Float64Array(Math.max(n * T, this.score.length * 2));
      this.back = new Uint8Array(this.score.length);
    }
    const score = this.score, back = this.back, open = this.open, closed = this.closed;
    const NEG = -1e300;
    const nOpen = open.length, nClosed = closed.length, live = this.live;
    let D = 0;
    for (let j = 0; j < nOpen; j++) {
      const c = open[j];
      let lo = Infinity, hi = -Infinity;
      for (let q = 0; q < nClosed; q++) {
        const t = trans[closed[q] * T + c];
        if (t < lo) lo = t;
        if (t > hi) hi = t;
      }
      if (hi - lo > D) D = hi - lo;
    }
    // position 0
    for (let t = 0; t < T; t++) score[t] = NEG;
    for (let j = 0; j < open.length; j++) {
      const t = open[j];
      score[t] = start[t] + em[t];
    }
    for (let i = 1; i < n; i++) {
      const pb = (i - 1) * T;
      const cb = i * T;
      for (let t = 0; t < T; t++) score[cb + t] = NEG;
      // Open tags: predecessors are the closed tags. Exact pruning: a closed predecessor more than
      // D (the widest spread of any open tag's incoming transitions) below the best one can never win.
      let M = NEG;
      for (let q = 0; q < nClosed; q++) {
        const v = score[pb + closed[q]];
        if (v > M) M = v;
      }
      let nLive = 0;
      for (let q = 0; q < nClosed; q++) if (score[pb + closed[q]] >= M - D) live[nLive++] = closed[q];
      for (let j = 0; j < nOpen; j++) {
        const c = open[j];
        let best = NEG;
        let arg = 0;
        for (let q = 0; q < nLive; q++) {
          const p = live[q];
          const s = score[pb + p] + trans[p * T + c];
          if (s > best) { best = s; arg = p; }
        }
        score[cb + c] = best + em[cb + c];
        back[cb + c] = arg;
      }
      // I and E: predecessors B or I of the same label
      for (let k = 0; k < K; k++) {
        const b = tagB(k), it = tagI(k), e = tagE(k);
        const sb = score[pb + b], si = score[pb + it];
        let s1 = sb + trans[b * T + it], s2 = si + trans[it * T + it];
        if (s1 >= s2) { score[cb + it] = s1 + em[cb + it]; back[cb + it] = b; }
        else { score[cb + it] = s2 + em[cb + it]; back[cb + it] = it; }
        s1 = sb + trans[b * T + e];
        s2 = si + trans[it * T + e];
        if (s1 >= s2) { score[cb + e] = s1 + em[cb + e]; back[cb + e] = b; }
        else { score[cb + e] = s2 + em[cb + e]; back[cb + e] = it; }
      }
    }
    // end: last tag must be closed
    const lb = (n - 1) * T;
    let best = NEG;
    let arg = 0;
    for (let q = 0; q < closed.length; q++) {
      const p = closed[q];
      const s = score[lb + p] + end[p];
      if (s > best) { best = s; arg = p; }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
  }
}

/** Chunks (label index, start, end exclusive) from a BIOES tag sequence, relative offsets. */
export function tagsToChunks(tags: ArrayLike<number>, n: number, cb: (k: number, s: number, e: number) => void): void {
  let open = -1;
  let openK = -1;
  for (let i = 0; i < n; i++) {
    const t = tags[i];
    if (t === 0) { open = -1; continue; }
    const k = (t - 1) >> 2;
    const r = (t - 1) & 3; // 0 B, 1 I, 2 E, 3 S
    if (r === 3) { cb(k, i, i + 1); open = -1; }
    else if (r === 0) { open = i; openK = k; }
    else if (r === 2) { if (open >= 0 && openK === k) cb(k, open, i + 1); open = -1; }
    else if (open < 0 || openK !== k) open = -1;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Segmentation                                                                                    */

const MAX_SEG = 200;

/**
 * Splits text into segments for decoding: at line breaks, after sentence-final punctuation, and
 * (for runaway text without punctuation) at most MAX_SEG code units, preferring commas.
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
      // keep closing quotes with the sentence
      let j = i + 1;
      while (j < n && (text.charCodeAt(j) === 0x201d || text.charCodeAt(j) === 0x300d || text.charCodeAt(j) === 0xff09)) j++;
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

export interface ModelHeader {
  format: 'news-lens-ner';
  version: 1;
  featureVersion: number;
  /** Label per chunk type in tag order; null = trained as a separate label but not reported. */
  labels: (EntityType | null)[];
  hashBits: number;
  nRows: number;
  nTrad: number;
  lexBytes: number;
  scale: number;
  trainedOn?: string;
  createdAt?: string;
}

export interface ModelParts {
  header: ModelHeader;
  tradPairs: Uint16Array;
  /** "bits\tword" lines. */
  lexicon: [string, number][];
  buckets: Uint32Array;
  weights: Int16Array; // nRows*T
  trans: Int16Array; // T*T
  start: Int16Array; // T
  end: Int16Array; // T
}

const MAGIC = 'NLNER1\n';

export function serialize(p: ModelParts): Buffer {
  const lexText = Buffer.from(p.lexicon.map(([w, b]) => `${b}\t${w}`).join('\n'), 'utf8');
  const header: ModelHeader = { ...p.header, nRows: p.buckets.length, nTrad: p.tradPairs.length / 2, lexBytes: lexText.length };
  const hj = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hj.length);
  const body = Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    len,
    hj,
    Buffer.from(p.tradPairs.buffer, p.tradPairs.byteOffset, p.tradPairs.byteLength),
    lexText,
    // Buckets delta-coded (sorted) compress far better.
    Buffer.from(deltaEncode(p.buckets).buffer),
    Buffer.from(p.weights.buffer, p.weights.byteOffset, p.weights.byteLength),
    Buffer.from(p.trans.buffer, p.trans.byteOffset, p.trans.byteLength),
    Buffer.from(p.start.buffer, p.start.byteOffset, p.start.byteLength),
    Buffer.from(p.end.buffer, p.end.byteOffset, p.end.byteLength),
  ]);
  return gzipSync(body, { level: 9 });
}

function deltaEncode(a: Uint32Array): Uint32Array {
  const out = new Uint32Array(a.length);
  let prev = 0;
  for (let i = 0; i < a.length; i++) { out[i] = a[i] - prev; prev = a[i]; }
  return out;
}

function copyOut<T extends Uint16Array | Int16Array | Uint32Array>(
  C: { new (n: number): T; BYTES_PER_ELEMENT: number },
  buf: Buffer,
  off: number,
  count: number,
): T {
  const a = new C(count);
  const bytes = count * C.BYTES_PER_ELEMENT;
  if (off + bytes > buf.length) throw new Error('truncated model file');
  Buffer.from(a.buffer).set(buf.subarray(off, off + bytes));
  return a;
}

export function deserialize(file: Buffer): ModelParts {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a news-lens model file');
  let off = MAGIC.length;
  const hl = buf.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(buf.toString('utf8', off, off + hl)) as ModelHeader;
  off += hl;
  if (header.format !== 'news-lens-ner' || header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`model feature version ${header.featureVersion} != code ${FEATURE_VERSION}`);
  }
  const T = nTags(header.labels.length);
  const tradPairs = copyOut(Uint16Array, buf, off, header.nTrad * 2);
  off += header.nTrad * 4;
  const lexText = buf.toString('utf8', off, off + header.lexBytes);
  off += header.lexBytes;
  const lexicon: [string, number][] = [];
  for (const line of lexText.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lexicon.push([line.slice(tab + 1), Number(line.slice(0, tab))]);
  }
  const buckets = copyOut(Uint32Array, buf, off, header.nRows);
  off += header.nRows * 4;
  for (let i = 1; i < buckets.length; i++) buckets[i] += buckets[i - 1];
  const weights = copyOut(Int16Array, buf, off, header.nRows * T);
  off += header.nRows * T * 2;
  const trans = copyOut(Int16Array, buf, off, T * T);
  off += T * T * 2;
  const start = copyOut(Int16Array, buf, off, T);
  off += T * 2;
  const end = copyOut(Int16Array, buf, off, T);
  return { header, tradPairs, lexicon, buckets, weights, trans, start, end };
}

/** The loaded model: hashed feature → row table, int16 weights, integer Viterbi. */
export class RuntimeModel {
  readonly labels: (EntityType | null)[];
  readonly K: number;
  readonly T: number;
  private readonly hmask: number;
  /** Open-addressing table: slot = [key+1 as int32][T int16 weights], stride S int16 (64-byte rows). */
  private readonly tab: Int16Array;
  private readonly keys: Int32Array;
  private readonly S: number;
  private readonly capMask: number;
  private readonly shift: number;
  /** One bit per hash bucket that has a row: most absent features are rejected from L2. */
  private readonly present: Int32Array;
  private readonly trans: Int32Array;
  private readonly start: Int32Array;
  private readonly end: Int32Array;
  private readonly norm: Uint16Array;
  private readonly ctype: Uint8Array;
  private readonly lex: Lexicon;
  private readonly sc = new FeatureScratch();
  private readonly vit: Viterbi;
  private em = new Int32Array(0);
  private tags = new Uint8Array(0);

  constructor(readonly parts: ModelParts) {
    const h = parts.header;
    this.labels = h.labels;
    this.K = h.labels.length;
    this.T = nTags(this.K);
    this.hmask = (1 << h.hashBits) - 1;
    const T = this.T;
    this.S = Math.ceil((T + 2) / 32) * 32;
    let bits = 4;
    while (1 << bits < parts.buckets.length / 0.8) bits++;
    const cap = 1 << bits;
    this.capMask = cap - 1;
    this.shift = 32 - bits;
    this.tab = new Int16Array(cap * this.S);
    this.keys = new Int32Array(this.tab.buffer);
    const S2 = this.S >> 1;
    this.present = new Int32Array(Math.max(1, (1 << h.hashBits) >>> 5));
    for (let r = 0; r < parts.buckets.length; r++) {
      const b = parts.buckets[r];
      this.present[b >>> 5] |= 1 << (b & 31);
      let slot = Math.imul(b, 0x9e3779b1) >>> this.shift;
      while (this.keys[slot * S2] !== 0) slot = (slot + 1) & this.capMask;
      this.keys[slot * S2] = b + 1;
      this.tab.set(parts.weights.subarray(r * T, r * T + T), slot * this.S + 2);
    }
    this.trans = Int32Array.from(parts.trans);
    this.start = Int32Array.from(parts.start);
    this.end = Int32Array.from(parts.end);
    const nt = buildNormTable(parts.tradPairs);
    this.norm = nt.norm;
    this.ctype = nt.ctype;
    this.lex = Lexicon.build(parts.lexicon, this.norm);
    this.vit = new Viterbi(this.K);
  }

  /** Spans in `text` (UTF-16 offsets, end exclusive). */
  predict(text: string): Span[] {
    const out: Span[] = [];
    if (typeof text !== 'string' || text.length === 0) return out;
    segments(text, (from, to) => this.decodeSegment(text, from, to, out));
    return out;
  }

  private decodeSegment(text: string, from: number, to: number, out: Span[]): void {
    const sc = this.sc;
    const n = extract(text, from, to, this.norm, this.ctype, this.lex, sc);
    if (n === 0) return;
    const T = this.T;
    if (this.em.length < n * T) {
      this.em = new Int32Array(Math.max(n * T, this.em.length * 2));
      this.tags = new Uint8Array(this.em.length / T + 1);
    }
    const em = this.em;
    em.fill(0, 0, n * T);
    const feats = sc.feats, offs = sc.offs, hmask = this.hmask;
    const present = this.present;
    const tab = this.tab, keys = this.keys, S = this.S, S2 = S >> 1, capMask = this.capMask, shift = this.shift;
    for (let i = 0; i < n; i++) {
      const eb = i * T;
      const fe = offs[i + 1];
      for (let f = offs[i]; f < fe; f++) {
        const b = feats[f] & hmask;
        if ((present[b >>> 5] & (1 << (b & 31))) === 0) continue;
        const key = b + 1;
        let slot = Math.imul(b, 0x9e3779b1) >>> shift;
        for (;;) {
          const k = keys[slot * S2];
          if (k === key) {
            const wb = slot * S + 2;
            for (let t = 0; t < T; t++) em[eb + t] += tab[wb + t];
            break;
          }
          if (k === 0) break;
          slot = (slot + 1) & capMask;
        }
      }
    }
    this.vit.decode(em, n, this.trans, this.start, this.end, this.tags);
    const labels = this.labels;
    tagsToChunks(this.tags, n, (k, s, e) => {
      const type = labels[k];
      if (!type) return;
      let a = from + s;
      let b = from + e;
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
    });
  }
}
