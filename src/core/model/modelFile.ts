/**
 * The binary weights format of models/ner.bin: a JSON header, the traditional → simplified pairs,
 * the gazetteer, the vocabulary, int16 weights, transitions and, in version 3, a second style's
 * weights and the style detector (./style.ts), gzip-compressed. serialize() writes
 * what training produced; deserialize() reads it for the runtime model.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import type { EntityType } from '../types';
import { FEATURE_VERSION, Vocab } from './features';
import { TagSet, type Scheme } from './tags';

export interface ModelHeader {
  format: 'news-lens-ner';
  /** 2: one set of weights; 3: may carry a second style's weights and the style detector. */
  version: 2 | 3;
  featureVersion: number;
  scheme: Scheme;
  /** Label per chunk type in tag order; null = trained as a separate label but not reported. */
  labels: (EntityType | null)[];
  nChars: number;
  nBi: number;
  nTri: number;
  nSkip: number;
  nTrad: number;
  lexBytes: number;
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
  /** [word, class bits]. */
  lexicon: [string, number][];
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

export function serialize(p: ModelParts): Buffer {
  const lexText = Buffer.from(p.lexicon.map(([w, b]) => `${b}\t${w}`).join('\n'), 'utf8');
  const header: ModelHeader = {
    ...p.header,
    nChars: p.chars.length,
    nBi: p.biKeys.length / 2,
    nTri: p.triKeys.length / 3,
    nSkip: p.skipKeys.length / 2,
    nTrad: p.tradPairs.length / 2,
    lexBytes: lexText.length,
  };
  const hj = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hj.length);
  const raw = (a: Uint16Array | Int16Array): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);
  // Weights column-major (one tag's column at a time) compress better: similar magnitudes in a run.
  const T = p.trans.length === 0 ? 0 : Math.round(Math.sqrt(p.trans.length));
  const rows = T ? p.weights.length / T : 0;
  const cm = new Int16Array(p.weights.length);
  for (let t = 0; t < T; t++) for (let r = 0; r < rows; r++) cm[t * rows + r] = p.weights[r * T + t];
  const extra: Buffer[] = [];
  if (p.alt) {
    const altRows = p.alt.weights.length / T;
    const acm = new Int16Array(p.alt.weights.length);
    for (let t = 0; t < T; t++) for (let r = 0; r < altRows; r++) acm[t * altRows + r] = p.alt.weights[r * T + t];
    extra.push(raw(acm), raw(p.alt.trans), raw(p.alt.start), raw(p.alt.end));
  }
  if (p.styleWeights) extra.push(Buffer.from(p.styleWeights.buffer, p.styleWeights.byteOffset, p.styleWeights.byteLength));
  const body = Buffer.concat([
    Buffer.from(MAGIC, 'latin1'),
    len,
    hj,
    raw(p.tradPairs),
    lexText,
    raw(p.chars),
    raw(p.biKeys),
    raw(p.triKeys),
    raw(p.skipKeys),
    raw(cm),
    raw(p.trans),
    raw(p.start),
    raw(p.end),
    ...extra,
  ]);
  return gzipSync(body, { level: 9 });
}

function copyOut<T extends Uint16Array | Int16Array>(
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
  const take = <A extends Uint16Array | Int16Array>(C: { new (n: number): A; BYTES_PER_ELEMENT: number }, count: number): A => {
    const a = copyOut(C, buf, off, count);
    off += count * C.BYTES_PER_ELEMENT;
    return a;
  };
  const tradPairs = take(Uint16Array, header.nTrad * 2);
  const lexText = buf.toString('utf8', off, off + header.lexBytes);
  off += header.lexBytes;
  const lexicon: [string, number][] = [];
  for (const line of lexText.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab > 0) lexicon.push([line.slice(tab + 1), Number(line.slice(0, tab))]);
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
  const cm = take(Int16Array, nW);
  const weights = new Int16Array(nW);
  const R = voc.nRows;
  for (let t = 0; t < T; t++) for (let r = 0; r < R; r++) weights[r * T + t] = cm[t * R + r];
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
    const acm = take(Int16Array, altRows * T);
    const aw = new Int16Array(altRows * T);
    for (let t = 0; t < T; t++) for (let r = 0; r < altRows; r++) aw[r * T + t] = acm[t * altRows + r];
    alt = { weights: aw, trans: take(Int16Array, T * T), start: take(Int16Array, T), end: take(Int16Array, T) };
  }
  let styleWeights: Int8Array | undefined;
  if (header.style) {
    const n = 1 << header.style.bits;
    if (off + n > buf.length) throw new Error('truncated model file');
    styleWeights = new Int8Array(n);
    new Uint8Array(styleWeights.buffer).set(buf.subarray(off, off + n));
    off += n;
  }
  return { header, tradPairs, lexicon, chars, biKeys, triKeys, skipKeys, weights, trans, start, end, alt, styleWeights, vocab: voc } as ModelParts & { vocab: Vocab };
}
