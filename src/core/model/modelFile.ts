/**
 * The binary weights format of models/ner.bin: a JSON header, the traditional → simplified pairs,
 * the gazetteer (packed since version 4, see PackedLexicon), the vocabulary, int16 weights, transitions and, in version 3, a second style's
 * weights and the style detector (./style.ts), gzip-compressed. serialize() writes
 * what training produced; deserialize() reads it for the runtime model.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityType } from '../types';
import { FEATURE_VERSION, Vocab, buildNormTable, packLexicon, type PackedLexicon } from './features';
import { TagSet, type Scheme } from './tags';

export interface ModelHeader {
  format: 'news-lens-ner';
  /**
   * 2: one set of weights; 3: may carry a second style's weights and the style detector; 4: as 3,
   * with the gazetteer packed (features.ts PackedLexicon) instead of as text lines.
   */
  version: 2 | 3 | 4;
  featureVersion: number;
  scheme: Scheme;
  /** Label per chunk type in tag order; null = trained as a separate label but not reported. */
  labels: (EntityType | null)[];
  nChars: number;
  nBi: number;
  nTri: number;
  nSkip: number;
  nTrad: number;
  /** Versions 2 and 3: bytes of the gazetteer's text lines (0 in version 4). */
  lexBytes: number;
  /** Version 4: the packed gazetteer's words and code units. */
  lexWords?: number;
  lexCodes?: number;
  scale: number;
  /** Template switches (absent = defaults: unigrams at ±2 on, quote context off). */
  uni2?: boolean;
  quotes?: boolean;
  /** Lexicon templates in use (bit mask; absent = all five). */
  lexT?: number;
  trainedOn?: string;
  createdAt?: string;
  /** The second style's weight rows: these [from, to) row ranges differ, the rest is shared. */
  altRanges?: [number, number][];
  /**
   * Divides the model's span costs so that they are on the scale of the merge's thresholds: this
   * model's median rule-span cost over COST_REFERENCE's probe, divided by COST_REFERENCE.median
   * (src/core/model/combine.ts). Absent: 1 (the model the thresholds were measured with).
   */
  costScale?: number;
  /** The style detector (src/core/model/style.ts): hash bits and bias; its int8 weights follow. */
  style?: { bits: number; bias: number };
}

export interface ModelParts {
  header: ModelHeader;
  tradPairs: Uint16Array;
  /** [word, class bits], as training writes it (serialize packs it). */
  lexicon?: [string, number][];
  /** The gazetteer as the file stores it; what the runtime builds its table from. */
  packedLex?: PackedLexicon;
  /** Vocabulary: chars[id] (normalised code), n-gram keys as id tuples. */
  chars: Uint16Array;
  biKeys: Uint16Array;
  triKeys: Uint16Array;
  skipKeys: Uint16Array;
  weights: Int16Array; // vocab rows * T
  trans: Int16Array; // T*T
  start: Int16Array; // T
  end: Int16Array; // T
  /**
   * People's Daily style ('pd', see ./style.ts): its weight rows in header.altRanges (rows × T, in
   * range order) and its transition, start and end scores. The main weights are the 'web' style.
   */
  alt?: { weights: Int16Array; trans: Int16Array; start: Int16Array; end: Int16Array };
  /** The style detector's int8 weights (2^header.style.bits of them). */
  styleWeights?: Int8Array;
}

const MAGIC = 'NLNER2\n';

type Section = Uint16Array | Int16Array | Int32Array | Uint8Array | Int8Array;

/**
 * Version 4: every section starts at a multiple of 4 bytes and the weights are row-major, so
 * deserialize() takes views of the unpacked file instead of copying (a model load is mostly
 * touching memory; row-major compresses within 1% of column-major).
 */
export function serialize(p: ModelParts): Buffer {
  const lex = p.packedLex ?? packLexicon(p.lexicon ?? [], buildNormTable(p.tradPairs).norm);
  const header: ModelHeader = {
    ...p.header,
    version: 4,
    nChars: p.chars.length,
    nBi: p.biKeys.length / 2,
    nTri: p.triKeys.length / 3,
    nSkip: p.skipKeys.length / 2,
    nTrad: p.tradPairs.length / 2,
    lexBytes: 0,
    lexWords: lex.bits.length,
    lexCodes: lex.codes.length,
  };
  let json = JSON.stringify(header);
  // pad the header so the first section starts aligned
  while ((MAGIC.length + 4 + Buffer.byteLength(json, 'utf8')) % 4 !== 0) json += ' ';
  const hj = Buffer.from(json, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hj.length);
  const sections: Section[] = [
    p.tradPairs,
    // the gazetteer in columns: class bits, shared prefix lengths, added lengths, code units
    lex.bits, lex.shared, lex.len, lex.codes,
    p.chars, p.biKeys, p.triKeys, p.skipKeys,
    p.weights, p.trans, p.start, p.end,
  ];
  if (p.alt) sections.push(p.alt.weights, p.alt.trans, p.alt.start, p.alt.end);
  if (p.styleWeights) sections.push(p.styleWeights);
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), len, hj];
  for (const a of sections) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    if (a.byteLength % 4) parts.push(Buffer.alloc(4 - (a.byteLength % 4)));
  }
  return gzipSync(Buffer.concat(parts), { level: 9 });
}

function copyOut<T extends Section>(
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

/** A view of count elements at off (a copy where off is not aligned for the type). */
function viewOf<T extends Section>(
  C: { new (b: ArrayBuffer, off: number, n: number): T; new (n: number): T; BYTES_PER_ELEMENT: number },
  buf: Buffer,
  off: number,
  count: number,
): T {
  if (off + count * C.BYTES_PER_ELEMENT > buf.length) throw new Error('truncated model file');
  const at = buf.byteOffset + off;
  return at % C.BYTES_PER_ELEMENT === 0 ? new C(buf.buffer as ArrayBuffer, at, count) : copyOut(C, buf, off, count);
}

export function deserialize(file: Buffer): ModelParts {
  const buf = gunzipSync(file);
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a news-lens model file (or an older format)');
  let off = MAGIC.length;
  const hl = buf.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(buf.toString('utf8', off, off + hl)) as ModelHeader;
  off += hl;
  if (header.format !== 'news-lens-ner' || header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`model feature version ${header.featureVersion} != code ${FEATURE_VERSION}`);
  }
  const T = new TagSet(header.scheme, header.labels.length).T;
  const v4 = header.version >= 4;
  // version 4: views, each section padded to 4 bytes; before: packed copies
  const take = <A extends Section>(C: { new (b: ArrayBuffer, off: number, n: number): A; new (n: number): A; BYTES_PER_ELEMENT: number }, count: number): A => {
    const a = v4 ? viewOf(C, buf, off, count) : copyOut(C, buf, off, count);
    off += count * C.BYTES_PER_ELEMENT;
    if (v4) off = Math.ceil(off / 4) * 4;
    return a;
  };
  const tradPairs = take(Uint16Array, header.nTrad * 2);
  let lexicon: [string, number][] | undefined;
  let packedLex: PackedLexicon | undefined;
  if (v4) {
    const n = header.lexWords ?? 0;
    const bits = take(Int32Array, n);
    const shared = take(Uint8Array, n);
    const len = take(Uint8Array, n);
    packedLex = { bits, shared, len, codes: take(Uint16Array, header.lexCodes ?? 0) };
  } else {
    // versions 2 and 3: "bits<TAB>word" lines
    const lexText = buf.toString('utf8', off, off + header.lexBytes);
    off += header.lexBytes;
    lexicon = [];
    for (const line of lexText.split('\n')) {
      const tab = line.indexOf('\t');
      if (tab > 0) lexicon.push([line.slice(tab + 1), Number(line.slice(0, tab))]);
    }
  }
  const chars = take(Uint16Array, header.nChars);
  const biKeys = take(Uint16Array, header.nBi * 2);
  const triKeys = take(Uint16Array, header.nTri * 3);
  const skipKeys = take(Uint16Array, header.nSkip * 2);


  const voc = new Vocab(chars, biKeys, triKeys, skipKeys);
  voc.uni2 = header.uni2 !== false;
  voc.quotes = header.quotes === true;
  voc.lexT = header.lexT ?? 0x1f;
  const nW = voc.nRows * T;
  const R = voc.nRows;
  // versions 2 and 3 store the weights column-major (one tag's column at a time)
  const rowMajor = (cm: Int16Array, rows: number): Int16Array => {
    if (v4) return cm;
    const w = new Int16Array(cm.length);
    for (let t = 0; t < T; t++) for (let r = 0; r < rows; r++) w[r * T + t] = cm[t * rows + r];
    return w;
  };
  const weights = rowMajor(take(Int16Array, nW), R);
  const trans = take(Int16Array, T * T);
  const start = take(Int16Array, T);
  const end = take(Int16Array, T);
  let alt: ModelParts['alt'];
  if (header.altRanges?.length) {
    let altRows = 0;
    for (const [a, b] of header.altRanges) {
      if (!(a >= 0 && b > a && b <= R)) throw new Error('model file: bad style row range');
      altRows += b - a;
    }
    const aw = rowMajor(take(Int16Array, altRows * T), altRows);
    alt = { weights: aw, trans: take(Int16Array, T * T), start: take(Int16Array, T), end: take(Int16Array, T) };
  }
  let styleWeights: Int8Array | undefined;
  if (header.style) {
    const n = 1 << header.style.bits;
    if (v4) styleWeights = take(Int8Array, n);
    else {
      if (off + n > buf.length) throw new Error('truncated model file');
      styleWeights = new Int8Array(n);
      new Uint8Array(styleWeights.buffer).set(buf.subarray(off, off + n));
      off += n;
    }
  }
  return { header, tradPairs, lexicon, packedLex, chars, biKeys, triKeys, skipKeys, weights, trans, start, end, alt, styleWeights, vocab: voc } as ModelParts & { vocab: Vocab };
}
