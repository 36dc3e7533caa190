/**
 * Tag sets (BIO or BIOES) and Viterbi over legal transitions only: the runtime model decodes with
 * them in JavaScript (the fallback of the WebAssembly kernel), and training (training/train.ts)
 * uses them too.
 */


export type Scheme = 'BIO' | 'BIOES';

/**
 * Tag layout: 0 = O. BIOES: for label k, 1+4k = B, 2+4k = I, 3+4k = E, 4+4k = S.
 * BIO: 1+2k = B, 2+2k = I.
 */
export class TagSet {
  readonly T: number;
  readonly w: number;
  constructor(readonly scheme: Scheme, readonly K: number) {
    this.w = scheme === 'BIO' ? 2 : 4;
    this.T = 1 + this.w * K;
  }
  B(k: number): number { return 1 + this.w * k; }
  I(k: number): number { return 2 + this.w * k; }
  /** Last tag of a chunk of length ≥ 2. */
  E(k: number): number { return this.scheme === 'BIO' ? this.I(k) : 3 + 4 * k; }
  /** Single-character chunk. */
  S(k: number): number { return this.scheme === 'BIO' ? this.B(k) : 4 + 4 * k; }
  label(t: number): number { return t === 0 ? -1 : ((t - 1) / this.w) | 0; }
  /** 0 B, 1 I, 2 E, 3 S (BIO only B/I). */
  role(t: number): number { return (t - 1) % this.w; }
  allowed(p: number, c: number): boolean {
    const pr = p === 0 ? -1 : this.role(p), cr = c === 0 ? -1 : this.role(c);
    const pk = this.label(p), ck = this.label(c);
    if (this.scheme === 'BIO') {
      if (cr === 1) return p !== 0 && pk === ck; // I after B or I of the same label
      return true;
    }
    const pOpen = pr === 0 || pr === 1; // B or I: chunk continues
    if (cr === 1 || cr === 2) return pOpen && pk === ck;
    return !pOpen;
  }
  canStart(c: number): boolean {
    if (c === 0) return true;
    const r = this.role(c);
    return r === 0 || r === 3;
  }
  canEnd(p: number): boolean {
    if (p === 0) return true;
    const r = this.role(p);
    return this.scheme === 'BIO' ? true : r === 2 || r === 3;
  }
  /** Gold tags for chunks. */
  encode(n: number, chunks: { k: number; s: number; e: number }[]): Uint8Array {
    const tags = new Uint8Array(n);
    for (const { k, s, e } of chunks) {
      if (e - s === 1) tags[s] = this.S(k);
      else {
        tags[s] = this.B(k);
        for (let i = s + 1; i < e - 1; i++) tags[i] = this.I(k);
        tags[e - 1] = this.E(k);
      }
    }
    return tags;
  }
  /** Chunks (label index, start, end exclusive) from a well-formed tag sequence. */
  chunks(tags: ArrayLike<number>, n: number, cb: (k: number, s: number, e: number) => void): void {
    let open = -1;
    let openK = -1;
    const bio = this.scheme === 'BIO';
    for (let i = 0; i < n; i++) {
      const t = tags[i];
      if (t === 0) {
        if (bio && open >= 0) cb(openK, open, i);
        open = -1;
        continue;
      }
      const k = this.label(t);
      const r = this.role(t);
      if (bio) {
        if (r === 0) {
          if (open >= 0) cb(openK, open, i);
          open = i;
          openK = k;
        } else if (open < 0 || openK !== k) {
          if (open >= 0) cb(openK, open, i);
          open = -1;
        }
        continue;
      }
      if (r === 3) { cb(k, i, i + 1); open = -1; }
      else if (r === 0) { open = i; openK = k; }
      else if (r === 2) { if (open >= 0 && openK === k) cb(k, open, i + 1); open = -1; }
      else if (open < 0 || openK !== k) open = -1;
    }
    if (bio && open >= 0) cb(openK, open, n);
  }
}

/**
 * Viterbi over emission scores em[i*T+t] with transitions trans[p*T+c], start[t], end[t]; only
 * legal transitions are visited (predecessor lists precomputed per tag).
 */
export class Viterbi {
  private score = new Float64Array(0);
  private back = new Uint8Array(0);
  private readonly predOff: Int32Array;
  private readonly preds: Int32Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  readonly T: number;
  constructor(readonly ts: TagSet) {
    const T = (this.T = ts.T);
    const off = [0];
    const pl: number[] = [];
    for (let c = 0; c < T; c++) {
      for (let p = 0; p < T; p++) if (ts.allowed(p, c)) pl.push(p);
      off.push(pl.length);
    }
    this.predOff = Int32Array.from(off);
    this.preds = Int32Array.from(pl);
    const st: number[] = [], en: number[] = [];
    for (let t = 0; t < T; t++) {
      if (ts.canStart(t)) st.push(t);
      if (ts.canEnd(t)) en.push(t);
    }
    this.starts = Int32Array.from(st);
    this.ends = Int32Array.from(en);
  }

  decode(
    em: Float64Array | Int32Array,
    n: number,
    trans: Float64Array | Float32Array | Int32Array,
    start: Float64Array | Float32Array | Int32Array,
    end: Float64Array | Float32Array | Int32Array,
    out: Int32Array | Uint8Array,
  ): void {
    const T = this.T;
    if (n === 0) return;
    if (this.score.length < n * T) {
      this.score = new Float64Array(Math.max(n * T, this.score.length * 2));
      this.back = new Uint8Array(this.score.length);
    }
    const score = this.score, back = this.back, predOff = this.predOff, preds = this.preds;
    const NEG = -1e300;
    for (let t = 0; t < T; t++) score[t] = NEG;
    for (let j = 0; j < this.starts.length; j++) {
      const t = this.starts[j];
      score[t] = start[t] + em[t];
    }
    for (let i = 1; i < n; i++) {
      const pb = (i - 1) * T;
      const cb = i * T;
      for (let c = 0; c < T; c++) {
        let best = NEG;
        let arg = 0;
        const pe = predOff[c + 1];
        for (let q = predOff[c]; q < pe; q++) {
          const p = preds[q];
          const s = score[pb + p] + trans[p * T + c];
          if (s > best) { best = s; arg = p; }
        }
        score[cb + c] = best + em[cb + c];
        back[cb + c] = arg;
      }
    }
    const lb = (n - 1) * T;
    let best = NEG;
    let arg = 0;
    for (let q = 0; q < this.ends.length; q++) {
      const p = this.ends[q];
      const s = score[lb + p] + end[p];
      if (s > best) { best = s; arg = p; }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
  }
}
