/**
 * The model file, models/ner.bin (format 5): a JSON header, then sections, each starting at a
 * multiple of 4 bytes and read as views, uncompressed (the .vsix and git compress it; a load does
 * not have to): the traditional → simplified pairs, the gazetteer packed (features.ts
 * PackedLexicon, class bits by index into header.lexClasses), the vocabulary, each style's
 * finished weights (./finish.ts) and scores, and the style detector (./style.ts).
 *
 * serialize() writes what training produced (ModelParts, finishing it) or a loaded model;
 * deserialize() reads it for the runtime model (LoadedModel).
 */
import type { EntityType } from '../types';
import { FEATURE_VERSION, Vocab, buildNormTable, packLexicon, type PackedLexicon } from './features';
import { PACK_MAX, finishStyle, hasSecondStyle, type FinishedStyle } from './finish';
import { TagSet, type Scheme } from './tags';

export interface ModelHeader {
  format: 'news-lens-ner';
  /** The file format: 5 (training's own headers say 2 or 3; serialize writes 5). */
  version: number;
  featureVersion: number;
  scheme: Scheme;
  /** Label per chunk type in tag order; null = trained as a separate label but not reported. */
  labels: (EntityType | null)[];
  nChars: number;
  nBi: number;
  nTri: number;
  nSkip: number;
  nTrad: number;
  /** Formats before 5: bytes of the gazetteer's text lines. */
  lexBytes: number;
  /** The packed gazetteer's words and code units, and its distinct class masks (format 5). */
  lexWords?: number;
  lexCodes?: number;
  lexClasses?: number[];
  /** Each style's count of stored weights beyond int8, score unit, divisor, and whether it is stored as a difference (format 5). */
  styles?: { big: number; unit: number; qd: number; delta: boolean }[];
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

/** What training produces: raw int16 weights (see training/train.ts export). */
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

/** What the model file holds and the runtime model loads: everything finished. */
export interface LoadedModel {
  header: ModelHeader;
  tradPairs: Uint16Array;
  packedLex: PackedLexicon;
  chars: Uint16Array;
  biKeys: Uint16Array;
  triKeys: Uint16Array;
  skipKeys: Uint16Array;
  /** [0] the 'web' style, [1] the 'pd' style where the model has two (with styleWeights). */
  styles: FinishedStyle[];
  styleWeights?: Int8Array;
}

/** The tag count of a header's scheme and labels. */
function tagCount(h: ModelHeader): number {
  return new TagSet(h.scheme, h.labels.length).T;
}

/** Training's parts, finished: the gazetteer packed, each style's weights as the decoders read them. */
export function finishParts(p: ModelParts): LoadedModel {
  const T = tagCount(p.header);
  const two = hasSecondStyle(p);
  const styles = [finishStyle(p, T, 0)];
  if (two) styles.push(finishStyle(p, T, 1));
  return {
    header: p.header,
    tradPairs: p.tradPairs,
    packedLex: packLexicon(p.lexicon, buildNormTable(p.tradPairs).norm),
    chars: p.chars,
    biKeys: p.biKeys,
    triKeys: p.triKeys,
    skipKeys: p.skipKeys,
    styles,
    styleWeights: two ? p.styleWeights : undefined,
  };
}

const MAGIC = 'NLNER5\n';

type Section = Uint16Array | Int16Array | Int32Array | Uint32Array | Uint8Array | Int8Array;

export function serialize(input: ModelParts | LoadedModel): Buffer {
  const m = 'styles' in input ? input : finishParts(input);
  const lex = m.packedLex;
  const classes = [...new Set(lex.bits)].sort((a, b) => a - b);
  const classIdx = new Map(classes.map((c, i) => [c, i]));
  const wide = classes.length > 256;
  const idx = wide ? new Uint16Array(lex.bits.length) : new Uint8Array(lex.bits.length);
  for (let i = 0; i < lex.bits.length; i++) idx[i] = classIdx.get(lex.bits[i])!;
  const header: ModelHeader = {
    ...m.header,
    version: 5,
    nChars: m.chars.length,
    nBi: m.biKeys.length / 2,
    nTri: m.triKeys.length / 3,
    nSkip: m.skipKeys.length / 2,
    nTrad: m.tradPairs.length / 2,
    lexBytes: 0,
    lexWords: lex.bits.length,
    lexCodes: lex.codes.length,
    lexClasses: classes,
    styles: m.styles.map((s) => ({ big: s.bigIdx.length, unit: s.unit, qd: s.qd, delta: s.delta })),
  };
  let json = JSON.stringify(header);
  // pad the header so the first section starts aligned
  while ((MAGIC.length + 4 + Buffer.byteLength(json, 'utf8')) % 4 !== 0) json += ' ';
  const hj = Buffer.from(json, 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hj.length);
  const sections: Section[] = [
    m.tradPairs,
    // the gazetteer in columns: class index, shared prefix lengths, added lengths, code units
    idx, lex.shared, lex.len, lex.codes,
    m.chars, m.biKeys, m.triKeys, m.skipKeys,
  ];
  for (const s of m.styles) sections.push(s.q8, s.bigIdx, s.bigVal, s.trans, s.start, s.end);
  if (m.styleWeights) sections.push(m.styleWeights);
  const parts: Buffer[] = [Buffer.from(MAGIC, 'latin1'), len, hj];
  for (const a of sections) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    if (a.byteLength % 4) parts.push(Buffer.alloc(4 - (a.byteLength % 4)));
  }
  return Buffer.concat(parts);
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

/** Reads a model file (format 5); throws on another format or a truncated or malformed file. */
export function deserialize(file: Buffer): LoadedModel {
  const buf = file;
  if (buf.toString('latin1', 0, MAGIC.length) !== MAGIC) throw new Error('not a news-lens model file (or an older format: retrain, or load and serialize it with the release that wrote it)');
  let off = MAGIC.length;
  const hl = buf.readUInt32LE(off);
  off += 4;
  const header = JSON.parse(buf.toString('utf8', off, off + hl)) as ModelHeader;
  off += hl;
  if (header.format !== 'news-lens-ner' || header.featureVersion !== FEATURE_VERSION) {
    throw new Error(`model feature version ${header.featureVersion} != code ${FEATURE_VERSION}`);
  }
  if (header.version !== 5 || !header.lexClasses || !header.styles?.length) throw new Error(`model file format ${header.version}: this release reads format 5`);
  const T = tagCount(header);
  const take = <A extends Section>(C: { new (b: ArrayBuffer, off: number, n: number): A; new (n: number): A; BYTES_PER_ELEMENT: number }, count: number): A => {
    if (!(count >= 0)) throw new Error('model file: bad section size');
    const a = viewOf(C, buf, off, count);
    off = Math.ceil((off + count * C.BYTES_PER_ELEMENT) / 4) * 4;
    return a;
  };
  const tradPairs = take(Uint16Array, header.nTrad * 2);
  const n = header.lexWords ?? 0;
  const classes = header.lexClasses;
  const idx = classes.length > 256 ? take(Uint16Array, n) : take(Uint8Array, n);
  const bits = new Int32Array(n);
  for (let i = 0; i < n; i++) bits[i] = classes[idx[i]] ?? 0;
  const shared = take(Uint8Array, n);
  const len = take(Uint8Array, n);
  const packedLex: PackedLexicon = { bits, shared, len, codes: take(Uint16Array, header.lexCodes ?? 0) };
  const chars = take(Uint16Array, header.nChars);
  const biKeys = take(Uint16Array, header.nBi * 2);
  const triKeys = take(Uint16Array, header.nTri * 3);
  const skipKeys = take(Uint16Array, header.nSkip * 2);
  const rows = Vocab.rowsFor(chars.length, biKeys.length / 2, triKeys.length / 3, skipKeys.length / 2);
  const styles: FinishedStyle[] = header.styles.map((st, i) => {
    const q8 = take(Int8Array, rows * T);
    const bigIdx = take(Uint32Array, st.big);
    const bigVal = take(Int16Array, st.big);
    for (let k = 0; k < bigIdx.length; k++) {
      if (bigIdx[k] >= q8.length) throw new Error('model file: bad weight index');
      if (!st.delta && Math.abs(bigVal[k]) > PACK_MAX) throw new Error('model file: weight out of range');
    }
    if (!(st.qd >= 1) || (st.delta && i === 0)) throw new Error('model file: bad style');
    return { q8, bigIdx, bigVal, trans: take(Int32Array, T * T), start: take(Int32Array, T), end: take(Int32Array, T), unit: st.unit, qd: st.qd, delta: !!st.delta };
  });
  const styleWeights = header.style ? take(Int8Array, 1 << header.style.bits) : undefined;
  return { header, tradPairs, packedLex, chars, biKeys, triKeys, skipKeys, styles, styleWeights };
}
