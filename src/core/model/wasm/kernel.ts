/**
 * Host side of the WebAssembly decoder kernel (./kernel.as.ts): lays out one linear memory per
 * model (weight rows, lexicon and vocabulary tables, transition scores, one segment's scratch, then
 * the per-text arrays that RuntimeModel.spanCost reads) and hands out typed views on the per-text
 * arrays. Growing the memory detaches every view, so callers re-read them after setText() says so.
 *
 * Returns undefined wherever WebAssembly or its SIMD instructions are missing; the model then
 * decodes in JavaScript, with identical results.
 */
import { NgramTable, type LexiconLayout, type PackedLexicon } from '../features';
import type { RowKernel } from '../finish';
import { KERNEL_WASM_BASE64 } from './kernelBinary';

const PAGE = 65536;
const T = 13;

interface KernelExports {
  prepare(P: number): void;
  widenRows(src: number, dst: number, rows: number): void;
  deriveRows(base: number, src: number, dst: number, rows: number, lut: number, off: number): void;
  buildLexicon(G: number, src: number, n: number, stack: number): void;
  decodeText(G: number, L: number): number;
  backward(G: number, b: number, lo: number, end: number): void;
}

let compiled: WebAssembly.Module | null | undefined;
function kernelModule(): WebAssembly.Module | undefined {
  if (process.env.NEWS_LENS_WASM === '0') return undefined;
  if (compiled === undefined) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(KERNEL_WASM_BASE64, 'base64'));
    } catch {
      compiled = null; // no WebAssembly, or no SIMD: the JavaScript decoder takes over
    }
  }
  return compiled ?? undefined;
}

const align = (x: number, a: number): number => Math.ceil(x / a) * a;

/**
 * Everything the kernel reads (see ../features.ts). The big tables come as writers, not arrays:
 * they are built straight into the kernel's memory, once, and the JavaScript model keeps no copy.
 */
export interface DecoderTables {
  /**
   * Fills every style's weight rows (lanes[i]: `rows` rows of 14 int16 lanes, 13 tags and a zero
   * lane), with the kernel's help for the bulk of them (../finish.ts layStyles).
   */
  fill: (lanes: Int16Array[], kernel: RowKernel) => void;
  rows: number;
  /** Bigram keys as id pairs (Vocab.biKeys), their rows from row B0 on, four per bigram. */
  biKeys: Uint16Array;
  B0: number;
  /** trans (13·13), start, end, colMax (13 each). */
  params: Int32Array;
  /** A second style's params (its rows are lanes[1] of fill), chosen per text by useStyle(1). */
  alt?: { params: Int32Array };
  norm: Uint16Array;
  ctype: Uint8Array;
  charId: Uint16Array;
  biPresent: Int32Array;
  biPmask: number;
  /** The gazetteer: its tables' lengths (Lexicon.layout) and its packed form; the kernel builds it. */
  lex?: { layout: LexiconLayout; packed: PackedLexicon };
  Y0: number;
  L0: number;
  uni2: boolean;
  lexT: number;
  /** Longest segment, most features per position. */
  segCap: number;
  maxFeatsPerPos: number;
  nLex: number;
}

// Parameter block slots (kept in step with G_* in kernel.as.ts).
const G = {
  W: 0, P: 1, FEATS: 2, OFFS: 3, BACK: 4, TAGS: 5, NORM: 6, CTYPE: 7, CHARID: 8, BI_PRESENT: 9, BI_PMASK: 10,
  BI_KEYS: 11, BI_MASK: 12, LEX_V1: 13, LEX_PRESENT: 14, LEX_PMASK: 15, LEX_TAB: 16, LEX_MASK: 17, LEX_TAB2: 18,
  LEX_MASK2: 19, HAS_LEX: 20, CODES: 21, TYPES: 22, CID: 23, BID: 24, BEGM: 25, ENDM: 26, MIDM: 27, BEG: 28,
  END: 29, Y0: 30, L0: 31, UNI2: 32, LEXT: 33, TEXT: 34, EM: 35, ALPHA: 36, VNORM: 37, BW: 38, SEG_FROM: 39,
  SEG_TO: 40, BW_LO: 41, TOTAL: 42, CHUNKS: 43, SEG_CAP: 44, STARTS: 45, TEXT_CAP: 46,
} as const;
const G_SLOTS = 48;

export class WasmDecoder {
  private readonly memory: WebAssembly.Memory;
  private readonly k: KernelExports;
  /** Byte offset of the parameter block (G_* slots: where each table is, masks, switches). */
  private readonly G = 1024;
  /** Where the per-text arrays begin (after the fixed tables and one segment's scratch). */
  private readonly textAt: number;
  /** Positions the per-text arrays have room for (the kernel traps on anything beyond). */
  textCap = 0;
  private i32!: Int32Array<ArrayBuffer>;
  private text16!: Uint16Array<ArrayBuffer>;
  /** The per-text arrays RuntimeModel reads (views valid until setText grows the memory). */
  em!: Int32Array<ArrayBuffer>;
  alpha!: Int32Array<ArrayBuffer>;
  bw!: Int32Array<ArrayBuffer>;
  norm!: Float64Array<ArrayBuffer>;
  total!: Float64Array<ArrayBuffer>;
  segFrom!: Int32Array<ArrayBuffer>;
  segTo!: Int32Array<ArrayBuffer>;
  bwLo!: Int32Array<ArrayBuffer>;
  /** Chunks of the last decodeText: (label, start, end exclusive) triples in text offsets. */
  chunks!: Int32Array<ArrayBuffer>;
  readonly segCap: number;

  private constructor(mod: WebAssembly.Module, t: DecoderTables) {
    this.segCap = t.segCap;
    // fixed regions, each 64-byte aligned: [name, bytes]
    const cap = t.segCap + 4;
    const nBi = t.biKeys.length / 2;
    let biCap = 16;
    while (biCap < nBi * 2) biCap <<= 1;
    const regions: [keyof typeof G | 'W_ALT' | 'P_ALT', number][] = [
      ['W', t.rows * 7 * 4 + 64],
      ['P', 4096], // the scalar tables, then the 16-lane ones the kernel's prepare() writes
      ['W_ALT', t.alt ? t.rows * 7 * 4 + 64 : 0],
      ['P_ALT', t.alt ? 4096 : 0],
      ['FEATS', cap * t.maxFeatsPerPos * 4],
      ['OFFS', (cap + 1) * 4],
      ['BACK', cap * T],
      ['TAGS', cap],
      ['NORM', 65536 * 2],
      ['CTYPE', 65536],
      ['CHARID', 65536 * 2],
      ['BI_PRESENT', t.biPresent.length * 4],
      ['BI_KEYS', biCap * 8],
      ['LEX_V1', t.lex ? t.lex.layout.v1 * 4 : 0],
      ['LEX_PRESENT', t.lex ? t.lex.layout.present * 4 : 0],
      ['LEX_TAB', t.lex ? t.lex.layout.tab * 4 : 0],
      ['LEX_TAB2', t.lex ? t.lex.layout.tab2 * 4 : 0],
      ['CODES', cap * 2],
      ['TYPES', cap],
      ['CID', (cap + 4) * 2],
      ['BID', (cap + 4) * 4],
      ['BEGM', cap * 4],
      ['ENDM', cap * 4],
      ['MIDM', cap * 4],
      ['STARTS', cap * 4],
      ['BEG', cap * t.nLex],
      ['END', cap * t.nLex],
    ];
    const at = new Map<string, number>();
    let off = this.G + G_SLOTS * 4;
    for (const [name, bytes] of regions) {
      off = align(off, 64);
      at.set(name, off);
      off += bytes;
    }
    this.textAt = align(off, 64);
    const initialText = 16384;
    // the per-text area doubles as the scratch where int8 weight rows are widened and the packed
    // gazetteer is read at load: its class bits, shared and added lengths, code units, the stack
    const lexN = t.lex ? t.lex.packed.bits.length : 0;
    const lexCodesAt = align(lexN * 6, 2);
    const lexStackAt = align(lexCodesAt + (t.lex ? t.lex.packed.codes.length * 2 : 0), 64);
    const scratch = Math.max(t.rows * 13 + 64 + 8192, lexStackAt + 256);
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(Math.max(this.bytesFor(initialText), this.textAt + scratch) / PAGE) });
    this.k = new WebAssembly.Instance(mod, { env: { memory: this.memory } }).exports as unknown as KernelExports;
    this.textCap = initialText;
    this.bind();
    const buf = this.memory.buffer;
    // weight rows as 13 int16 lanes and a zero lane
    const rowsAt = t.alt ? [at.get('W')!, at.get('W_ALT')!] : [at.get('W')!];
    const scratchRows = (q8: Int8Array, style: number): void => {
      if (q8.length !== t.rows * 13 || rowsAt[style] === undefined) throw new Error('weight rows do not match the vocabulary');
      new Int8Array(buf, this.textAt, q8.length).set(q8);
    };
    t.fill(
      rowsAt.map((a) => new Int16Array(buf, a, t.rows * 14)),
      {
        widen: (q8, style) => {
          scratchRows(q8, style);
          this.k.widenRows(this.textAt, rowsAt[style], t.rows);
        },
        derive: (q8, lut, style) => {
          scratchRows(q8, style);
          const lutAt = align(this.textAt + q8.length + 16, 64);
          new Int16Array(buf, lutAt, lut.length).set(lut);
          this.k.deriveRows(rowsAt[0], this.textAt, rowsAt[style], t.rows, lutAt, (lut.length - 1) / 2);
        },
      },
    );
    this.styleAt = [[at.get('W')!, at.get('P')!]];
    if (t.alt) this.styleAt.push([at.get('W_ALT')!, at.get('P_ALT')!]);
    // bigram key → address of its first row: [key, address] slots, probed as Vocab.bslots is
    const keys = new Int32Array(buf, at.get('BI_KEYS')!, biCap * 2);
    for (let id = 0; id < nBi; id++) {
      const key = (t.biKeys[2 * id] << 16) | t.biKeys[2 * id + 1];
      let i = NgramTable.hash(key, 0) & (biCap - 1);
      while (keys[2 * i] !== 0) i = (i + 1) & (biCap - 1);
      keys[2 * i] = key;
      keys[2 * i + 1] = (t.B0 + id * 4) * 7;
    }
    const put = (name: string, a: Int32Array | Uint16Array | Uint8Array): void => {
      new Uint8Array(buf, at.get(name)!, a.byteLength).set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength));
    };
    put('P', t.params);
    this.k.prepare(at.get('P')!);
    if (t.alt) {
      put('P_ALT', t.alt.params);
      this.k.prepare(at.get('P_ALT')!);
    }
    put('NORM', t.norm);
    put('CTYPE', t.ctype);
    put('CHARID', t.charId);
    put('BI_PRESENT', t.biPresent);
    this.lexAt = t.lex && { v1: [at.get('LEX_V1')!, t.lex.layout.v1], present: [at.get('LEX_PRESENT')!, t.lex.layout.present], tab: [at.get('LEX_TAB')!, t.lex.layout.tab], tab2: [at.get('LEX_TAB2')!, t.lex.layout.tab2] };
    const g = this.i32.subarray(this.G >> 2, (this.G >> 2) + G_SLOTS);
    for (const [name, slot] of Object.entries(G)) if (at.has(name)) g[slot] = at.get(name)!;
    this.style = 0;
    g[G.BI_PMASK] = t.biPmask;
    g[G.BI_MASK] = biCap - 1;
    const lex = t.lex;
    g[G.LEX_PMASK] = lex ? lex.layout.present * 32 - 1 : 0;
    g[G.LEX_MASK] = lex ? lex.layout.tab / 4 - 1 : 0;
    g[G.LEX_MASK2] = lex ? lex.layout.tab2 / 4 - 1 : 0;
    g[G.HAS_LEX] = lex ? 1 : 0;
    if (lex) {
      const p = lex.packed, n = p.bits.length, at0 = this.textAt;
      new Int32Array(buf, at0, n).set(p.bits);
      new Uint8Array(buf, at0 + n * 4, n).set(p.shared);
      new Uint8Array(buf, at0 + n * 5, n).set(p.len);
      new Uint16Array(buf, at0 + lexCodesAt, p.codes.length).set(p.codes);
      this.k.buildLexicon(this.G, at0, n, at0 + lexStackAt);
    }
    g[G.Y0] = t.Y0;
    g[G.L0] = t.L0;
    g[G.UNI2] = t.uni2 ? 1 : 0;
    g[G.LEXT] = t.lexT;
    g[G.SEG_CAP] = t.segCap;
    this.bindText();
  }

  /** Where the gazetteer's tables are: [byte address, int32 length]. */
  private readonly lexAt: Record<keyof LexiconLayout, [number, number]> | undefined;

  /** The gazetteer's tables as the kernel built them (for checks against Lexicon.fromPacked). */
  lexiconTables(): Record<keyof LexiconLayout, Int32Array> | undefined {
    const a = this.lexAt;
    if (!a) return undefined;
    const view = ([at, n]: [number, number]): Int32Array => new Int32Array(this.memory.buffer, at, n);
    return { v1: view(a.v1), present: view(a.present), tab: view(a.tab), tab2: view(a.tab2) };
  }

  /** Addresses of each style's weight rows and parameter block. */
  private readonly styleAt: [number, number][];
  private style = 0;

  /** Decode with style i's weights (0, or 1 when the tables had `alt`). */
  useStyle(i: number): void {
    if (i === this.style || !this.styleAt[i]) return;
    this.style = i;
    const g = this.G >> 2;
    this.i32[g + G.W] = this.styleAt[i][0];
    this.i32[g + G.P] = this.styleAt[i][1];
  }

  /** A decoder for these tables; undefined when WebAssembly with SIMD is unavailable (or NEWS_LENS_WASM=0). */
  static create(tables: DecoderTables): WasmDecoder | undefined {
    const mod = kernelModule();
    if (!mod) return undefined;
    try {
      return new WasmDecoder(mod, tables);
    } catch {
      return undefined;
    }
  }

  /**
   * Per text position: the norm and the segment total (f64), em, forward and backward scores (13
   * int32 each), segment start, end and lowest backward row (int32), room for one chunk (3 int32)
   * and the code unit (u16), in that order.
   */
  private bytesFor(positions: number): number {
    return this.textAt + positions * (8 + 8 + T * 4 * 3 + 4 * 3 + 12 + 2) + 64;
  }

  /** Byte offsets of the per-text arrays for the current capacity. */
  private textLayout(): Record<'norm' | 'total' | 'em' | 'alpha' | 'bw' | 'segFrom' | 'segTo' | 'bwLo' | 'chunks' | 'text', number> {
    // f64 arrays first: textAt is 64-byte aligned, the others need only 4 and 2
    const c = this.textCap, norm = this.textAt;
    const total = norm + c * 8;
    const em = total + c * 8;
    const alpha = em + c * T * 4;
    const bw = alpha + c * T * 4;
    const segFrom = bw + c * T * 4;
    const segTo = segFrom + c * 4;
    const bwLo = segTo + c * 4;
    const chunks = bwLo + c * 4;
    return { norm, total, em, alpha, bw, segFrom, segTo, bwLo, chunks, text: chunks + c * 12 };
  }

  private bind(): void {
    const buf = this.memory.buffer;
    this.i32 = new Int32Array(buf);
    const c = this.textCap, at = this.textLayout();
    this.norm = new Float64Array(buf, at.norm, c);
    this.total = new Float64Array(buf, at.total, c);
    this.em = new Int32Array(buf, at.em, c * T);
    this.alpha = new Int32Array(buf, at.alpha, c * T);
    this.bw = new Int32Array(buf, at.bw, c * T);
    this.segFrom = new Int32Array(buf, at.segFrom, c);
    this.segTo = new Int32Array(buf, at.segTo, c);
    this.bwLo = new Int32Array(buf, at.bwLo, c);
    this.chunks = new Int32Array(buf, at.chunks, c * 3);
    this.text16 = new Uint16Array(buf, at.text, c);
  }

  /** The per-text array addresses in the parameter block. */
  private bindText(): void {
    const g = this.G >> 2, at = this.textLayout();
    this.i32[g + G.VNORM] = at.norm;
    this.i32[g + G.TOTAL] = at.total;
    this.i32[g + G.EM] = at.em;
    this.i32[g + G.ALPHA] = at.alpha;
    this.i32[g + G.BW] = at.bw;
    this.i32[g + G.SEG_FROM] = at.segFrom;
    this.i32[g + G.SEG_TO] = at.segTo;
    this.i32[g + G.BW_LO] = at.bwLo;
    this.i32[g + G.CHUNKS] = at.chunks;
    this.i32[g + G.TEXT] = at.text;
    this.i32[g + G.TEXT_CAP] = this.textCap;
  }

  /** Copies the text in (growing the memory when needed); true when the views changed (re-read them). */
  setText(text: string): boolean {
    const L = text.length;
    let grew = false;
    if (L > this.textCap) {
      const cap = Math.max(L, this.textCap * 2);
      const need = this.bytesFor(cap);
      const have = this.memory.buffer.byteLength;
      if (need > have) this.memory.grow(Math.ceil((need - have) / PAGE));
      this.textCap = cap;
      this.bind();
      this.bindText();
      grew = true;
    }
    // code units as they are (lone surrogates too): utf16le writes them unchanged, natively
    Buffer.from(this.text16.buffer, this.text16.byteOffset, L * 2).write(text, 0, 'utf16le');
    return grew;
  }

  /**
   * Decodes the text given to setText, segment by segment as segments() cuts it (none longer than
   * segCap): fills em, alpha, norm, total, segFrom, segTo and bwLo, and this.chunks. Returns the
   * number of chunks.
   */
  decodeText(L: number): number {
    return this.k.decodeText(this.G, L);
  }

  /**
   * Backward scores (this.bw) of the segment ending at b, rows lo - 1 down to `end`, from row lo,
   * or from the segment's end scores when lo = b (see RuntimeModel.spanCost).
   */
  backward(b: number, lo: number, end: number): void {
    this.k.backward(this.G, b, lo, end);
  }
}
