/**
 * Feature extraction for the character-level labeller. Everything works on UTF-16 code units and
 * integer ids: each position's characters map to vocabulary ids through a flat table, the bigram and
 * trigram starting at each position are looked up once (integer-keyed open addressing), and every
 * template then names a row of one flat weight table (n-gram rows are stored together per n-gram,
 * one row per relative offset, so a position touches a few contiguous blocks).
 *
 * Shared verbatim by training (training/train.ts) and inference (src/core/model/perceptron.ts):
 * any change here changes the meaning of the shipped weights, so bump FEATURE_VERSION.
 */

export const FEATURE_VERSION = 7;

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
  // the class of each normalised code, filled range by range from the weakest class to the
  // strongest (CJK, digit, Latin, space, bracket, punctuation, other): this runs at every model load
  const cls = new Uint8Array(65536).fill(CT_OTHER);
  for (const [a, b] of [[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e], [0x3000, 0x303f], [0x2000, 0x206f], [0xff00, 0xffef]]) cls.fill(CT_PUNCT, a, b + 1);
  for (const ch of '《“「『（(【〈‘') cls[ch.charCodeAt(0)] = CT_OPEN;
  for (const ch of '》”」』）)】〉’') cls[ch.charCodeAt(0)] = CT_CLOSE;
  for (const c of [0x20, 0x09, 0x0a, 0x0d, 0xa0]) cls[c] = CT_SPACE;
  cls.fill(CT_LATIN, 0x61, 0x7a + 1);
  cls[0x30] = CT_DIGIT;
  for (const [a, b] of [[0x4e00, 0x9fff], [0x3400, 0x4dbf], [0xf900, 0xfaff]]) cls.fill(CT_CJK, a, b + 1);
  const ctype = new Uint8Array(65536);
  for (let c = 0; c < 65536; c++) {
    let n = norm[c];
    if (n >= 0x41 && n <= 0x5a) n += 32;
    else if (n >= 0x30 && n <= 0x39) n = 0x30;
    norm[c] = n;
    ctype[c] = cls[n];
  }
  // Sentinels are never real characters in news text; keep them distinct.
  norm[BOS] = 0x1f;
  norm[EOS] = 0x1f;
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
  'word', 'word-name',
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
 * A gazetteer as the model file stores it: words normalised (buildNormTable), sorted by code unit,
 * duplicates merged (their class bits ORed), words over LEX_MAX_LEN or without a class dropped,
 * and front-coded: word i keeps shared[i] code units of word i-1 and adds len[i] from codes.
 */
export interface PackedLexicon {
  bits: Int32Array;
  shared: Uint8Array;
  len: Uint8Array;
  codes: Uint16Array;
}

/** Int32 lengths of a Lexicon's tables. */
export interface LexiconLayout {
  tab: number;
  tab2: number;
  present: number;
  v1: number;
}

/** Packs [word, class bits] entries (see PackedLexicon); Lexicon.fromPacked reads the result. */
export function packLexicon(entries: Iterable<[string, number]>, norm: Uint16Array): PackedLexicon {
  const merged = new Map<string, number>();
  for (const [w, bits] of entries) {
    if (w.length === 0 || w.length > LEX_MAX_LEN || bits === 0) continue;
    let k = '';
    for (let j = 0; j < w.length; j++) k += String.fromCharCode(norm[w.charCodeAt(j)]);
    merged.set(k, (merged.get(k) ?? 0) | bits);
  }
  const words = [...merged.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = words.length;
  const out: PackedLexicon = { bits: new Int32Array(n), shared: new Uint8Array(n), len: new Uint8Array(n), codes: new Uint16Array(0) };
  const codes: number[] = [];
  let prev = '';
  for (let i = 0; i < n; i++) {
    const w = words[i];
    let s = 0;
    while (s < w.length && s < prev.length && w.charCodeAt(s) === prev.charCodeAt(s)) s++;
    out.bits[i] = merged.get(w)!;
    out.shared[i] = s;
    out.len[i] = w.length - s;
    for (let j = s; j < w.length; j++) codes.push(w.charCodeAt(j));
    prev = w;
  }
  out.codes = Uint16Array.from(codes);
  return out;
}

/**
 * Open-addressing table keyed by two independent rolling hashes of the normalised word; values
 * are class bitmasks plus a "is a proper prefix of some word" bit so matching stops early.
 */
export class Lexicon {
  /** Slots [h1, h2, value, 0] for prefixes of 3+ characters: one cache line per probe. */
  readonly tab: Int32Array;
  readonly mask: number;
  /** The same for 2-character prefixes: a much smaller table that stays in cache. */
  readonly tab2: Int32Array;
  readonly mask2: number;
  /** Value of each 1-character prefix by normalised code (0: no word begins with it). */
  readonly v1: Int32Array;
  /** One bit per (h1 hash of a word prefix): most failed extensions never touch a table. */
  readonly present: Int32Array;
  readonly pmask: number;
  constructor(size: number, size2 = size) {
    const l = Lexicon.layout(size, size2);
    this.tab = new Int32Array(l.tab);
    this.mask = l.tab / 4 - 1;
    this.tab2 = new Int32Array(l.tab2);
    this.mask2 = l.tab2 / 4 - 1;
    this.present = new Int32Array(l.present);
    this.pmask = l.present * 32 - 1;
    this.v1 = new Int32Array(l.v1);
  }

  /** Int32 lengths of the tables of a lexicon with this many long and two-character prefixes. */
  static layout(size: number, size2 = size): LexiconLayout {
    // filled a third to two thirds: most failed lookups stop at the presence bits, and every table
    // byte is memory a model load has to touch
    let cap = 16;
    while (cap < size * 1.5) cap <<= 1;
    let cap2 = 16;
    while (cap2 < size2 * 1.5) cap2 <<= 1;
    let pb = 1 << 10;
    while (pb < (size + size2) * 16 && pb < 1 << 22) pb <<= 1;
    return { tab: cap * 4, tab2: cap2 * 4, present: pb >>> 5, v1: 65536 };
  }

  /** words: [word, class mask] (normalised here); built as the model file's packed form is. */
  static build(entries: Iterable<[string, number]>, norm: Uint16Array): Lexicon {
    return Lexicon.fromPacked(packLexicon(entries, norm));
  }

  /**
   * The table from the model file's packed form (see packLexicon): each distinct prefix is
   * hashed and inserted once, continuing the rolling hashes of the prefix shared with the word
   * before, so loading costs one probe per prefix and allocates nothing per word.
   */
  static fromPacked(p: PackedLexicon): Lexicon {
    const n = p.bits.length;
    const [long, two] = Lexicon.packedSizes(p);
    const lex = new Lexicon(long, two);
    const H1 = new Int32Array(LEX_MAX_LEN + 1);
    const H2 = new Int32Array(LEX_MAX_LEN + 1);
    H1[0] = 0x811c9dc5 | 0;
    H2[0] = 0x3c6ef372 | 0;
    const word = new Uint16Array(LEX_MAX_LEN);
    const { tab, tab2, v1, present, pmask, mask, mask2 } = lex;
    let at = 0;
    for (let i = 0; i < n; i++) {
      const s = p.shared[i], l = s + p.len[i], bits = p.bits[i];
      if (l > LEX_MAX_LEN) {
        // never in a file serialize() wrote: skip the word (as the kernel's buildLexicon does)
        at += l - s;
        continue;
      }
      for (let j = s; j < l; j++) {
        const c = p.codes[at++];
        word[j] = c;
        H1[j + 1] = wordHash(H1[j], c);
        H2[j + 1] = wordHash2(H2[j], c);
      }
      // the last shared character's slot may have ended the word before: it is a prefix now
      for (let j = s > 0 ? s - 1 : 0; j < l; j++) {
        const add = j === l - 1 ? bits : PREFIX_BIT;
        if (j === 0) {
          v1[word[0]] |= add;
          continue;
        }
        const h1 = H1[j + 1], h2 = H2[j + 1];
        const t = j === 1 ? tab2 : tab;
        const m = j === 1 ? mask2 : mask;
        // (the JavaScript decoder's load; the kernel's buildLexicon is the same walk)
        let i2 = (h1 ^ (h1 >>> 16)) & m;
        let o = i2 << 2;
        while (t[o + 2] !== 0 && (t[o] !== h1 || t[o + 1] !== h2)) {
          i2 = (i2 + 1) & m;
          o = i2 << 2;
        }
        const pbit = (h1 >>> 9) & pmask;
        present[pbit >>> 5] |= 1 << (pbit & 31);
        t[o] = h1;
        t[o + 1] = h2;
        t[o + 2] |= add;
      }
    }
    return lex;
  }

  /** The sizes fromPacked builds with (distinct prefixes of 3+ and of 2 characters, and room). */
  static packedSizes(p: PackedLexicon): [number, number] {
    let long = 0;
    let two = 0;
    for (let i = 0, n = p.bits.length; i < n; i++) {
      const s = p.shared[i], l = s + p.len[i];
      if (s < 2 && l >= 2) two++;
      if (l > 2) long += l - Math.max(s, 2);
    }
    return [long + 16, two + 16];
  }

  /**
   * For every position: longest match of each class beginning there / ending there, and whether it
   * lies strictly inside a match (arrays n*N_LEX), plus per-position class masks of the three.
   */
  scan(
    codes: Uint16Array,
    n: number,
    beg: Uint8Array,
    end: Uint8Array,
    mid: Uint8Array,
    begM: Int32Array,
    endM: Int32Array,
    midM: Int32Array,
  ): void {
    begM.fill(0, 0, n);
    endM.fill(0, 0, n);
    midM.fill(0, 0, n);
    const tab = this.tab, mask = this.mask, tab2 = this.tab2, mask2 = this.mask2, v1 = this.v1;
    const present = this.present, pmask = this.pmask;
    for (let s = 0; s < n; s++) {
      const c0 = codes[s];
      if (v1[c0] === 0) continue;
      let h1 = 0x811c9dc5 | 0;
      let h2 = 0x3c6ef372 | 0;
      const lim = Math.min(n, s + LEX_MAX_LEN);
      for (let e = s; e < lim; e++) {
        const c = codes[e];
        h1 = wordHash(h1, c);
        h2 = wordHash2(h2, c);
        let v = 0;
        if (e === s) v = v1[c];
        else {
          const pbit = (h1 >>> 9) & pmask;
          if ((present[pbit >>> 5] & (1 << (pbit & 31))) === 0) break;
          const t = e === s + 1 ? tab2 : tab;
          const m = e === s + 1 ? mask2 : mask;
          let i = (h1 ^ (h1 >>> 16)) & m;
          for (;;) {
            const o = i << 2;
            const x = t[o + 2];
            if (x === 0) break;
            if (t[o] === h1 && t[o + 1] === h2) { v = x; break; }
            i = (i + 1) & m;
          }
        }
        if (v === 0) break;
        const bits = v & ~PREFIX_BIT;
        if (bits !== 0) {
          const len = e - s + 1;
          let bm = bits;
          while (bm !== 0) {
            const low = bm & -bm;
            const b = 31 - Math.clz32(low);
            bm ^= low;
            const bi = s * N_LEX + b;
            const ei = e * N_LEX + b;
            if ((begM[s] & low) === 0 || beg[bi] < len) beg[bi] = len;
            if ((endM[e] & low) === 0 || end[ei] < len) end[ei] = len;
            for (let m = s + 1; m < e; m++) midM[m] |= low;
          }
          begM[s] |= bits;
          endM[e] |= bits;
        }
        if ((v & PREFIX_BIT) === 0) break;
      }
    }
    void mid;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Vocabulary and row layout                                                                        */

/** Reserved character ids. */
export const CID_UNK = 0;
export const CID_BOS = 1;
export const CID_EOS = 2;
export const CID_FIRST = 3;

export const N_CTYPES = 11;
/** Rows per n-gram: unigrams at offsets -2..+2, bigrams starting at -2..+1, trigrams at -2..0. */
export const UNI_W = 5;
export const BI_W = 4;
export const TRI_W = 3;
/** Lexicon templates: begins here, ends here, inside, previous position ends one, next begins one. */
export const LEX_T = 5;
export const LEX_LEN = 8;

/**
 * Integer-keyed open-addressing table: (k1, k2) → dense id (insertion order). Slots interleave
 * [k1, k2, id+1, 0] so a probe touches one cache line, and a presence bitmap (a few hundred KB at
 * most) rejects most absent keys without touching the table at all.
 */
export class NgramTable {
  slots: Int32Array;
  present: Int32Array;
  mask: number;
  pmask: number;
  size = 0;
  constructor(expected: number) {
    let cap = 16;
    while (cap < expected * 2) cap <<= 1;
    this.slots = new Int32Array(cap * 4);
    this.mask = cap - 1;
    let pb = 1 << 10;
    while (pb < expected * 16 && pb < 1 << 22) pb <<= 1;
    this.present = new Int32Array(pb >>> 5);
    this.pmask = pb - 1;
  }
  static hash(a: number, b: number): number {
    let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 0x7f4a7c15, 0x85ebca6b);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return h ^ (h >>> 12);
  }
  get(a: number, b: number): number {
    const h = NgramTable.hash(a, b);
    const pbit = (h >>> 7) & this.pmask;
    if ((this.present[pbit >>> 5] & (1 << (pbit & 31))) === 0) return -1;
    const slots = this.slots, mask = this.mask;
    let i = h & mask;
    for (;;) {
      const o = i << 2;
      const id = slots[o + 2];
      if (id === 0) return -1;
      if (slots[o] === a && slots[o + 1] === b) return id - 1;
      i = (i + 1) & mask;
    }
  }
  /** Inserts (if absent) and returns the id. The table must have room (sized at construction). */
  add(a: number, b: number): number {
    const h = NgramTable.hash(a, b);
    const pbit = (h >>> 7) & this.pmask;
    this.present[pbit >>> 5] |= 1 << (pbit & 31);
    let i = h & this.mask;
    for (;;) {
      const o = i << 2;
      const id = this.slots[o + 2];
      if (id === 0) {
        this.slots[o] = a;
        this.slots[o + 1] = b;
        this.slots[o + 2] = ++this.size;
        return this.size - 1;
      }
      if (this.slots[o] === a && this.slots[o + 1] === b) return id - 1;
      i = (i + 1) & this.mask;
    }
  }
}

/** Character ids, n-gram tables and where each template's rows start in the weight table. */
export class Vocab {
  readonly charId: Uint16Array;
  readonly nChars: number;
  readonly U0 = 0;
  readonly B0: number;
  readonly T0: number;
  readonly S0: number;
  readonly Y0: number;
  readonly BIAS: number;
  /** Set by the runtime once the bias row has been added into every unigram row at offset 0. */
  biasFolded = false;
  readonly L0: number;
  /** Rows for "inside 《…》" and "inside “…”/「…」". */
  readonly Q0: number;
  /** Template switches (stored in the model header): unigrams at ±2, quote context. */
  uni2 = true;
  quotes = false;
  /**
   * Runtime only (13-tag BIO models): one table W with the packed dense rows (7 int32 per row)
   * followed at bsbase by bigram hash slots of 32 int32 [key, 0, 0, 0, 4 rows × 7]; extract then
   * writes int32 addresses into W instead of row numbers.
   */
  bslots: Int32Array | undefined = undefined;
  bsbase = 0;
  bsmask = 0;
  /** Lexicon templates in use, bit t for template t (begins, ends, inside, previous ends, next begins). */
  lexT = 0x1f;
  readonly nRows: number;
  /**
   * chars[id] = normalised code of character id (ids < CID_FIRST unused); bi/tri/skip keys are
   * flat id tuples in id order (2, 3 and 2 per n-gram).
   */
  constructor(
    readonly chars: Uint16Array,
    readonly biKeys: Uint16Array,
    readonly triKeys: Uint16Array,
    readonly skipKeys: Uint16Array,
    readonly bi = Vocab.table(biKeys, 2),
    readonly tri = Vocab.table(triKeys, 3),
    readonly skip = Vocab.table(skipKeys, 2),
  ) {
    this.charId = new Uint16Array(65536);
    for (let id = CID_FIRST; id < chars.length; id++) this.charId[chars[id]] = id;
    this.nChars = chars.length;
    this.B0 = this.nChars * UNI_W;
    this.T0 = this.B0 + (biKeys.length / 2) * BI_W;
    this.S0 = this.T0 + (triKeys.length / 3) * TRI_W;
    this.Y0 = this.S0 + skipKeys.length / 2;
    this.BIAS = this.Y0 + N_CTYPES * N_CTYPES * N_CTYPES;
    this.L0 = this.BIAS + 1;
    this.Q0 = this.L0 + LEX_T * N_LEX * LEX_LEN;
    this.nRows = this.Q0 + 2;
  }
  /** Weight rows of a vocabulary of these sizes (nRows, without building its tables). */
  static rowsFor(nChars: number, nBi: number, nTri: number, nSkip: number): number {
    return nChars * UNI_W + nBi * BI_W + nTri * TRI_W + nSkip + N_CTYPES * N_CTYPES * N_CTYPES + 1 + LEX_T * N_LEX * LEX_LEN + 2;
  }
  private static table(keys: Uint16Array, w: number): NgramTable {
    const n = keys.length / w;
    const t = new NgramTable(n);
    for (let i = 0; i < n; i++) {
      const a = (keys[i * w] << 16) | keys[i * w + 1];
      t.add(a, w === 3 ? keys[i * w + 2] + 1 : 0);
    }
    return t;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Feature extraction                                                                              */

/** Reusable scratch buffers, grown on demand. */
export class FeatureScratch {
  codes = new Uint16Array(0);
  types = new Uint8Array(0);
  cid = new Uint16Array(0);
  bid = new Int32Array(0);
  tid = new Int32Array(0);
  beg = new Uint8Array(0);
  end = new Uint8Array(0);
  mid = new Uint8Array(0);
  begM = new Int32Array(0);
  endM = new Int32Array(0);
  midM = new Int32Array(0);
  feats = new Int32Array(0);
  offs = new Int32Array(0);
  ensure(n: number): void {
    if (this.codes.length >= n + 4) return;
    const cap = Math.max(n + 4, this.codes.length * 2, 64);
    this.codes = new Uint16Array(cap);
    this.types = new Uint8Array(cap);
    this.cid = new Uint16Array(cap + 4);
    this.bid = new Int32Array(cap + 4);
    this.tid = new Int32Array(cap + 4);
    this.beg = new Uint8Array(cap * N_LEX);
    this.end = new Uint8Array(cap * N_LEX);
    this.mid = new Uint8Array(cap * N_LEX);
    this.begM = new Int32Array(cap);
    this.endM = new Int32Array(cap);
    this.midM = new Int32Array(cap);
    this.feats = new Int32Array(cap * MAX_FEATS_PER_POS);
    this.offs = new Int32Array(cap + 1);
  }
}

/** Most feature rows one position can have. */
export const MAX_FEATS_PER_POS = 16 + N_LEX * LEX_T;

/**
 * Feature rows for text[from, to): position i's rows are feats[offs[i] .. offs[i+1]). Returns the
 * number of positions, or 0 when the segment has no CJK or Latin letter (nothing to label).
 */
export function extract(
  text: string,
  from: number,
  to: number,
  norm: Uint16Array,
  ctype: Uint8Array,
  voc: Vocab,
  lex: Lexicon | undefined,
  sc: FeatureScratch,
): number {
  const n = to - from;
  sc.ensure(n);
  const codes = sc.codes;
  const types = sc.types;
  const cid = sc.cid;
  const charId = voc.charId;
  let letters = 0;
  cid[0] = CID_BOS;
  cid[1] = CID_BOS;
  for (let i = 0; i < n; i++) {
    const c = norm[text.charCodeAt(from + i)];
    codes[i] = c;
    const t = ctype[c];
    types[i] = t;
    if (t === CT_CJK || t === CT_LATIN) letters++;
    cid[i + 2] = charId[c];
  }
  if (letters === 0) return 0;
  cid[n + 2] = CID_EOS;
  cid[n + 3] = CID_EOS;
  // bid[j+2]: bigram starting at j (j = -2..n); tid[j+2]: trigram starting at j (j = -2..n-1)
  const bid = sc.bid, tid = sc.tid, bi = voc.bi, tri = voc.tri, skip = voc.skip;
  const useSkip = skip.size > 0;
  const bs = voc.bslots;
  if (bs) {
    // runtime: the address of the bigram's packed weights inside its hash slot (one cache miss)
    const present = bi.present, pmask = bi.pmask, smask = voc.bsmask, base = voc.bsbase;
    for (let j = 0; j <= n + 2; j++) {
      const key = (cid[j] << 16) | cid[j + 1];
      const h = NgramTable.hash(key, 0);
      const pbit = (h >>> 7) & pmask;
      let addr = -1;
      if ((present[pbit >>> 5] & (1 << (pbit & 31))) !== 0) {
        let i = h & smask;
        for (;;) {
          const o = i << 5;
          const kk = bs[base + o];
          if (kk === 0) break;
          if (kk === key) { addr = base + o + 4; break; }
          i = (i + 1) & smask;
        }
      }
      bid[j] = addr;
    }
  } else for (let j = 0; j <= n + 2; j++) bid[j] = bi.get((cid[j] << 16) | cid[j + 1], 0);
  for (let j = 0; j <= n + 1; j++) tid[j] = tri.get((cid[j] << 16) | cid[j + 1], cid[j + 2] + 1);
  const useLex = lex !== undefined;
  if (lex) lex.scan(codes, n, sc.beg, sc.end, sc.mid, sc.begM, sc.endM, sc.midM);
  const beg = sc.beg, end = sc.end, begM = sc.begM, endM = sc.endM, midM = sc.midM;
  const feats = sc.feats;
  const offs = sc.offs;
  const B0 = voc.B0, T0 = voc.T0, S0 = voc.S0, Y0 = voc.Y0, BIAS = voc.BIAS, L0 = voc.L0, foldedBias = voc.biasFolded;
  const LB = N_LEX * LEX_LEN;
  const uni2 = voc.uni2, quotes = voc.quotes, Q0 = voc.Q0, lexT = voc.lexT;
  const mul = bs ? 7 : 1;
  let book = 0, quote = 0;
  let k = 0;
  for (let i = 0; i < n; i++) {
    offs[i] = k;
    const p = i + 2; // padded index of position i
    if (uni2) feats[k++] = cid[p - 2] * UNI_W * mul;
    feats[k++] = (cid[p - 1] * UNI_W + 1) * mul;
    feats[k++] = (cid[p] * UNI_W + 2) * mul;
    feats[k++] = (cid[p + 1] * UNI_W + 3) * mul;
    if (uni2) feats[k++] = (cid[p + 2] * UNI_W + 4) * mul;
    if (quotes) {
      const c = codes[i];
      if (c === 0x300b) book = 0;
      else if (c === 0x201d || c === 0x300d) quote = 0;
      if (book > 0) feats[k++] = Q0 * mul;
      else if (quote > 0) feats[k++] = (Q0 + 1) * mul;
      if (c === 0x300a) book = 1;
      else if (c === 0x201c || c === 0x300c) quote = 1;
    }
    let x = bid[p - 2];
    if (x >= 0) feats[k++] = bs ? x : B0 + x * BI_W;
    x = bid[p - 1];
    if (x >= 0) feats[k++] = bs ? x + 7 : B0 + x * BI_W + 1;
    x = bid[p];
    if (x >= 0) feats[k++] = bs ? x + 14 : B0 + x * BI_W + 2;
    x = bid[p + 1];
    if (x >= 0) feats[k++] = bs ? x + 21 : B0 + x * BI_W + 3;
    x = tid[p - 2];
    if (x >= 0) feats[k++] = T0 + x * TRI_W;
    x = tid[p - 1];
    if (x >= 0) feats[k++] = T0 + x * TRI_W + 1;
    x = tid[p];
    if (x >= 0) feats[k++] = T0 + x * TRI_W + 2;
    if (useSkip) {
      x = skip.get((cid[p - 1] << 16) | cid[p + 1], 0);
      if (x >= 0) feats[k++] = S0 + x;
    }
    const tm1 = i >= 1 ? types[i - 1] : CT_BOUND;
    const tp1 = i + 1 < n ? types[i + 1] : CT_BOUND;
    feats[k++] = (Y0 + (tm1 * N_CTYPES + types[i]) * N_CTYPES + tp1) * mul;
    if (!foldedBias) feats[k++] = BIAS * mul;
    if (useLex) {
      const mb = lexT & 1 ? begM[i] : 0;
      const me = lexT & 2 ? endM[i] : 0;
      const mm = lexT & 4 ? midM[i] : 0;
      const mpe = lexT & 8 && i > 0 ? endM[i - 1] : 0;
      const mnb = lexT & 16 && i + 1 < n ? begM[i + 1] : 0;
      let all = mb | me | mm | mpe | mnb;
      const base = i * N_LEX;
      while (all !== 0) {
        const low = all & -all;
        const b = 31 - Math.clz32(low);
        all ^= low;
        const cb = L0 + b * LEX_LEN;
        if (mb & low) feats[k++] = (cb + lenBucket(beg[base + b])) * mul;
        if (me & low) feats[k++] = (cb + LB + lenBucket(end[base + b])) * mul;
        if (mm & low) feats[k++] = (cb + 2 * LB) * mul;
        if (mpe & low) feats[k++] = (cb + 3 * LB + lenBucket(end[base - N_LEX + b])) * mul;
        if (mnb & low) feats[k++] = (cb + 4 * LB + lenBucket(beg[base + N_LEX + b])) * mul;
      }
    }
  }
  offs[n] = k;
  return n;
}

const lenBucket = (l: number): number => (l >= 7 ? 7 : l);
