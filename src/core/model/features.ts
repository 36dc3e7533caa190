/**
 * Feature extraction for the character-level labeller. Everything works on UTF-16 code units and
 * integer hashes so the hot loop never builds strings or touches string-keyed maps.
 *
 * Shared verbatim by training (src/core/model/train.ts) and inference (src/core/model/perceptron.ts):
 * any change here changes the meaning of the shipped weights, so bump FEATURE_VERSION.
 */

export const FEATURE_VERSION = 4;

/** Sentinels used for positions outside the sentence. */
const BOS = 1;
const EOS = 2;

// Character classes.
export const CT_CJK = 1;
export const CT_DIGIT = 2;
export const CT_LATIN = 3;
export const CT_PUNCT = 4;
export const CT_SPACE = 5;
export const CT_CNUM = 6;
export const CT_OPEN = 7; // 《“「（(
export const CT_CLOSE = 8; // 》”」）)
export const CT_OTHER = 9;
export const CT_BOUND = 10;

const CN_NUMERALS = '零〇一二三四五六七八九十百千万亿两';

/**
 * Per-code-unit normalisation: full-width ASCII folded to ASCII, Latin lowercased, every digit
 * mapped to '0', traditional characters mapped to simplified (table built from opencc-js at
 * training time and shipped in the model file). Length preserving, so offsets never move.
 */
export function buildNormTable(tradPairs: Uint16Array | number[]): { norm: Uint16Array; ctype: Uint8Array } {
  const norm = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) norm[c] = c;
  for (let i = 0; i + 1 < tradPairs.length; i += 2) norm[tradPairs[i]] = tradPairs[i + 1];
  for (let c = 0xff01; c <= 0xff5e; c++) norm[c] = c - 0xfee0;
  norm[0x3000] = 0x20;
  for (let c = 0; c < 65536; c++) {
    const n = norm[c];
    if (n >= 0x41 && n <= 0x5a) norm[c] = n + 32;
    else if (n >= 0x30 && n <= 0x39) norm[c] = 0x30;
  }
  // Sentinels are never real characters in news text; keep them distinct.
  norm[BOS] = 0x1f;
  norm[EOS] = 0x1f;
  const ctype = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    const n = norm[c];
    let t = CT_OTHER;
    if ((n >= 0x4e00 && n <= 0x9fff) || (n >= 0x3400 && n <= 0x4dbf) || (n >= 0xf900 && n <= 0xfaff)) t = CT_CJK;
    else if (n === 0x30) t = CT_DIGIT;
    else if (n >= 0x61 && n <= 0x7a) t = CT_LATIN;
    else if (n === 0x20 || n === 0x09 || n === 0x0a || n === 0x0d || n === 0xa0) t = CT_SPACE;
    else if ('《“「『（(【〈‘'.includes(String.fromCharCode(n))) t = CT_OPEN;
    else if ('》”」』）)】〉’'.includes(String.fromCharCode(n))) t = CT_CLOSE;
    else if (
      (n >= 0x21 && n <= 0x2f) || (n >= 0x3a && n <= 0x40) || (n >= 0x5b && n <= 0x60) ||
      (n >= 0x7b && n <= 0x7e) || (n >= 0x3000 && n <= 0x303f) || (n >= 0x2000 && n <= 0x206f) ||
      (n >= 0xff00 && n <= 0xffef)
    ) t = CT_PUNCT;
    ctype[c] = t;
  }
  for (const ch of CN_NUMERALS) ctype[ch.charCodeAt(0)] = CT_CNUM;
  ctype[BOS] = CT_BOUND;
  ctype[EOS] = CT_BOUND;
  return { norm, ctype };
}

/* ---------------------------------------------------------------------------------------------- */
/* Hashing                                                                                         */

export function hash4(t: number, a: number, b: number, c: number): number {
  let h = Math.imul(t ^ 0x9e3779b9, 0xcc9e2d51);
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
  h ^= a;
  h = Math.imul((h << 13) | (h >>> 19), 5) + 0xe6546b64;
  h = Math.imul(h ^ b, 0xcc9e2d51);
  h = Math.imul((h << 15) | (h >>> 17), 0x1b873593);
  h ^= c;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/* ---------------------------------------------------------------------------------------------- */
/* Lexicon                                                                                         */

/** Gazetteer classes; bit i of a lexicon value means "this word is in class i". */
export const LEX_CLASSES = [
  'person', 'title', 'company', 'government', 'organization', 'place',
  'game', 'book', 'movie', 'scene',
  'surname', 'company-suffix', 'government-suffix', 'organization-suffix', 'place-suffix', 'title-suffix',
  'stock', 'region',
] as const;
export type LexClass = (typeof LEX_CLASSES)[number];
export const N_LEX = LEX_CLASSES.length;
const PREFIX_BIT = 1 << 30;
export const LEX_MAX_LEN = 16;

function wordHash(h1: number, c: number): number {
  return (Math.imul(h1 ^ c, 0x01000193) + 0x7f4a7c15) | 0;
}
function wordHash2(h2: number, c: number): number {
  return (Math.imul((h2 + c) | 0, 0x5bd1e995) ^ (h2 >>> 15)) | 0;
}

/**
 * Open-addressing table keyed by two independent rolling hashes of the normalised word; values
 * are class bitmasks plus a "is a proper prefix of some word" bit so matching stops early.
 */
export class Lexicon {
  readonly k1: Int32Array;
  readonly k2: Int32Array;
  readonly val: Int32Array;
  readonly mask: number;
  constructor(size: number) {
    let cap = 16;
    while (cap < size * 2) cap <<= 1;
    this.k1 = new Int32Array(cap);
    this.k2 = new Int32Array(cap);
    this.val = new Int32Array(cap);
    this.mask = cap - 1;
  }

  private slot(h1: number, h2: number, insert: boolean): number {
    let i = (h1 ^ (h1 >>> 16)) & this.mask;
    for (;;) {
      const v = this.val[i];
      if (v === 0) return insert ? i : -1;
      if (this.k1[i] === h1 && this.k2[i] === h2) return i;
      i = (i + 1) & this.mask;
    }
  }

  /** words: normalised code sequences; bits: class mask. */
  static build(entries: Iterable<[string, number]>, norm: Uint16Array): Lexicon {
    const list: [string, number][] = [];
    let prefixes = 0;
    for (const [w, bits] of entries) {
      if (w.length === 0 || w.length > LEX_MAX_LEN || bits === 0) continue;
      list.push([w, bits]);
      prefixes += w.length;
    }
    const lex = new Lexicon(prefixes + 16);
    for (const [w, bits] of list) {
      let h1 = 0x811c9dc5 | 0;
      let h2 = 0x3c6ef372 | 0;
      for (let j = 0; j < w.length; j++) {
        const c = norm[w.charCodeAt(j)];
        h1 = wordHash(h1, c);
        h2 = wordHash2(h2, c);
        const s = lex.slot(h1, h2, true);
        lex.k1[s] = h1;
        lex.k2[s] = h2;
        lex.val[s] |= j === w.length - 1 ? bits : PREFIX_BIT;
        if (lex.val[s] === 0) lex.val[s] = PREFIX_BIT;
      }
    }
    return lex;
  }

  /**
   * For every position: longest match of each class beginning there / ending there, and whether it
   * lies strictly inside a match. Output arrays are n*N_LEX.
   */
  scan(codes: Uint16Array, n: number, beg: Uint8Array, end: Uint8Array, mid: Uint8Array): void {
    beg.fill(0, 0, n * N_LEX);
    end.fill(0, 0, n * N_LEX);
    mid.fill(0, 0, n * N_LEX);
    const k1 = this.k1, k2 = this.k2, val = this.val, mask = this.mask;
    for (let s = 0; s < n; s++) {
      let h1 = 0x811c9dc5 | 0;
      let h2 = 0x3c6ef372 | 0;
      const lim = Math.min(n, s + LEX_MAX_LEN);
      for (let e = s; e < lim; e++) {
        const c = codes[e];
        h1 = wordHash(h1, c);
        h2 = wordHash2(h2, c);
        let i = (h1 ^ (h1 >>> 16)) & mask;
        let v = 0;
        for (;;) {
          const x = val[i];
          if (x === 0) break;
          if (k1[i] === h1 && k2[i] === h2) { v = x; break; }
          i = (i + 1) & mask;
        }
        if (v === 0) break;
        const bits = v & ~PREFIX_BIT;
        if (bits !== 0) {
          const len = e - s + 1;
          for (let b = 0; b < N_LEX; b++) {
            if ((bits >>> b) & 1) {
              const bi = s * N_LEX + b;
              if (beg[bi] < len) beg[bi] = len;
              const ei = e * N_LEX + b;
              if (end[ei] < len) end[ei] = len;
              for (let m = s + 1; m < e; m++) mid[m * N_LEX + b] = 1;
            }
          }
        }
        if ((v & PREFIX_BIT) === 0) break;
      }
    }
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Feature extraction                                                                              */

/** Reusable scratch buffers, grown on demand. */
export class FeatureScratch {
  codes = new Uint16Array(0);
  types = new Uint8Array(0);
  beg = new Uint8Array(0);
  end = new Uint8Array(0);
  mid = new Uint8Array(0);
  feats = new Uint32Array(0);
  offs = new Int32Array(0);
  ensure(n: number): void {
    if (this.codes.length >= n + 4) return;
    const cap = Math.max(n + 4, this.codes.length * 2, 64);
    this.codes = new Uint16Array(cap);
    this.types = new Uint8Array(cap);
    this.beg = new Uint8Array(cap * N_LEX);
    this.end = new Uint8Array(cap * N_LEX);
    this.mid = new Uint8Array(cap * N_LEX);
    this.feats = new Uint32Array(cap * MAX_FEATS_PER_POS);
    this.offs = new Int32Array(cap + 1);
  }
}

const MAX_FEATS_PER_POS = 24 + N_LEX * 5;

const lenBucket = (l: number): number => (l >= 6 ? 6 : l);

/**
 * Extracts hashed features for text[from, to). Writes feature hashes (full 32 bit) into
 * scratch.feats, position i's features at offs[i]..offs[i+1]. Returns the number of positions.
 */
export function extract(
  text: string,
  from: number,
  to: number,
  norm: Uint16Array,
  ctype: Uint8Array,
  lex: Lexicon | undefined,
  sc: FeatureScratch,
): number {
  const n = to - from;
  sc.ensure(n);
  const codes = sc.codes;
  const types = sc.types;
  for (let i = 0; i < n; i++) {
    const c = norm[text.charCodeAt(from + i)];
    codes[i] = c;
    types[i] = ctype[c];
  }
  if (lex) lex.scan(codes, n, sc.beg, sc.end, sc.mid);
  const beg = sc.beg, end = sc.end, mid = sc.mid;
  const feats = sc.feats;
  const offs = sc.offs;
  let k = 0;
  for (let i = 0; i < n; i++) {
    offs[i] = k;
    const cm2 = i >= 2 ? codes[i - 2] : BOS;
    const cm1 = i >= 1 ? codes[i - 1] : BOS;
    const c0 = codes[i];
    const cp1 = i + 1 < n ? codes[i + 1] : EOS;
    const cp2 = i + 2 < n ? codes[i + 2] : EOS;
    const tm1 = i >= 1 ? types[i - 1] : CT_BOUND;
    const t0 = types[i];
    const tp1 = i + 1 < n ? types[i + 1] : CT_BOUND;
    feats[k++] = hash4(1, cm2, 0, 0);
    feats[k++] = hash4(2, cm1, 0, 0);
    feats[k++] = hash4(3, c0, 0, 0);
    feats[k++] = hash4(4, cp1, 0, 0);
    feats[k++] = hash4(5, cp2, 0, 0);
    feats[k++] = hash4(6, cm2, cm1, 0);
    feats[k++] = hash4(7, cm1, c0, 0);
    feats[k++] = hash4(8, c0, cp1, 0);
    feats[k++] = hash4(9, cp1, cp2, 0);
    feats[k++] = hash4(10, cm1, cp1, 0);
    feats[k++] = hash4(11, cm2, cm1, c0);
    feats[k++] = hash4(12, cm1, c0, cp1);
    feats[k++] = hash4(13, c0, cp1, cp2);
    feats[k++] = hash4(14, tm1, t0, tp1);
    feats[k++] = hash4(15, 0, 0, 0);
    if (lex) {
      const base = i * N_LEX;
      for (let b = 0; b < N_LEX; b++) {
        const bl = beg[base + b];
        const el = end[base + b];
        if (bl !== 0) feats[k++] = hash4(16, b, lenBucket(bl), 0);
        if (el !== 0) feats[k++] = hash4(17, b, lenBucket(el), 0);
        if (mid[base + b] !== 0) feats[k++] = hash4(18, b, 0, 0);
        if (i > 0 && end[base - N_LEX + b] !== 0) feats[k++] = hash4(19, b, lenBucket(end[base - N_LEX + b]), 0);
        if (i + 1 < n && beg[base + N_LEX + b] !== 0) feats[k++] = hash4(20, b, lenBucket(beg[base + N_LEX + b]), 0);
      }
    }
  }
  offs[n] = k;
  return n;
}
