/**
 * Host side of the WebAssembly decoder kernel (./kernel.as.ts): lays out one linear memory per
 * model (weight rows, transition scores, one segment's features, back-pointers and tags, then the
 * per-text emission and forward-score arrays that RuntimeModel.spanCost reads) and hands out typed
 * views on it. Growing the memory detaches every view, so callers re-read them after ensureText().
 *
 * Returns undefined wherever WebAssembly or its SIMD instructions are missing; the model then
 * decodes in JavaScript, with identical results.
 */
import { KERNEL_WASM_BASE64 } from './kernelBinary';

const PAGE = 65536;
const T = 13;

interface KernelExports {
  emit(n: number, W: number, feats: number, offs: number, em: number): void;
  viterbi(n: number, em: number, P: number, score: number, vnorm: number, back: number, tags: number): number;
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

export class WasmDecoder {
  private readonly memory: WebAssembly.Memory;
  private readonly k: KernelExports;
  /** Byte offsets of the fixed regions. */
  private readonly W: number;
  private readonly P: number;
  private readonly featsAt: number;
  private readonly offsAt: number;
  private readonly backAt: number;
  private readonly tagsAt: number;
  private readonly textAt: number;
  /** Positions the per-text arrays have room for. */
  private textCap = 0;
  i32!: Int32Array<ArrayBuffer>;
  /** Views of the fixed regions and the per-text arrays (valid until the next ensureText that grows). */
  feats!: Int32Array<ArrayBuffer>;
  offs!: Int32Array<ArrayBuffer>;
  tags!: Uint8Array<ArrayBuffer>;
  em!: Int32Array<ArrayBuffer>;
  alpha!: Int32Array<ArrayBuffer>;
  norm!: Float64Array<ArrayBuffer>;

  private constructor(mod: WebAssembly.Module, W2: Int32Array, params: Int32Array, readonly featCap: number, readonly segCap: number) {
    this.W = PAGE;
    this.P = align(this.W + W2.length * 4 + 64, 64);
    this.featsAt = align(this.P + params.length * 4, 64);
    this.offsAt = align(this.featsAt + featCap * 4, 64);
    this.backAt = align(this.offsAt + (segCap + 1) * 4, 64);
    this.tagsAt = align(this.backAt + segCap * T, 64);
    this.textAt = align(this.tagsAt + segCap, 64);
    const initialText = 16384;
    this.memory = new WebAssembly.Memory({ initial: Math.ceil(this.bytesFor(initialText) / PAGE) });
    this.k = new WebAssembly.Instance(mod, { env: { memory: this.memory } }).exports as unknown as KernelExports;
    this.textCap = initialText;
    this.bind();
    // weight rows as 13 int16 lanes (and a zero lane) at 4× each row's packed-table address
    const w16 = new Int16Array(this.memory.buffer, this.W, W2.length * 2);
    for (let j = 0; j < W2.length; j++) {
      const x = W2[j];
      const lo = (x << 16) >> 16;
      w16[2 * j] = lo;
      w16[2 * j + 1] = (x - lo) >> 16;
    }
    this.i32.set(params, this.P >> 2);
  }

  /**
   * A decoder for the packed weight table W2 (see RuntimeModel) and params = trans (13·13), start,
   * end, colMax (13 each); featCap features and segCap positions per segment. undefined when
   * WebAssembly with SIMD is unavailable (or NEWS_LENS_WASM=0).
   */
  static create(W2: Int32Array, params: Int32Array, featCap: number, segCap: number): WasmDecoder | undefined {
    const mod = kernelModule();
    if (!mod) return undefined;
    try {
      return new WasmDecoder(mod, W2, params, featCap, segCap);
    } catch {
      return undefined;
    }
  }

  private bytesFor(positions: number): number {
    return this.textAt + positions * (T * 4 * 2 + 8) + 64;
  }

  private bind(): void {
    const buf = this.memory.buffer;
    this.i32 = new Int32Array(buf);
    this.feats = new Int32Array(buf, this.featsAt, this.featCap);
    this.offs = new Int32Array(buf, this.offsAt, this.segCap + 1);
    this.tags = new Uint8Array(buf, this.tagsAt, this.segCap);
    const c = this.textCap;
    this.em = new Int32Array(buf, this.textAt, c * T);
    this.alpha = new Int32Array(buf, this.textAt + c * T * 4, c * T);
    this.norm = new Float64Array(buf, this.textAt + c * T * 8, c);
  }

  /** Room for a text of L positions; true when the views changed (re-read them). */
  ensureText(L: number): boolean {
    if (L <= this.textCap) return false;
    const cap = Math.max(L, this.textCap * 2);
    const need = this.bytesFor(cap);
    const have = this.memory.buffer.byteLength;
    if (need > have) this.memory.grow(Math.ceil((need - have) / PAGE));
    this.textCap = cap;
    this.bind();
    return true;
  }

  /**
   * Emission scores and Viterbi for one segment of n positions whose features are in this.feats /
   * this.offs, writing em, alpha and norm from text position `from`; the labels land in this.tags.
   * Returns the best path's total score.
   */
  decode(n: number, from: number): number {
    const em = this.textAt + from * T * 4;
    this.k.emit(n, this.W, this.featsAt, this.offsAt, em);
    return this.k.viterbi(n, em, this.P, this.textAt + this.textCap * T * 4 + from * T * 4, this.textAt + this.textCap * T * 8 + from * 8, this.backAt, this.tagsAt);
  }
}
