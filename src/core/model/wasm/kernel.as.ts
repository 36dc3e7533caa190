/**
 * The decoder's inner loops in WebAssembly (AssemblyScript source; `npm run build:kernel` compiles it
 * into ./kernelBinary.ts). Same integers, same order, same tie-breaks as the JavaScript path in
 * ../perceptron.ts (emit13 and RuntimeModel.decodeBio6), so both give identical labels and scores;
 * test/unit/core/wasmKernel.test.ts holds them to that. The gain is SIMD: a weight row of 13 tags
 * is 13 int16 lanes, added in two 128-bit operations instead of seven packed int32 additions.
 *
 * Memory is imported and laid out by the host (./kernel.ts); this module allocates nothing.
 * Weight rows sit at byte 4·a for the row address a that feature extraction writes (the int32
 * address of the same row in the JavaScript packed table), as 13 int16 lanes and a zero lane.
 */

/** Rows per position that still fit int16 lanes (see PACK_ROWS in ../perceptron.ts). */
const PACK_ROWS: i32 = 30;
const T: i32 = 13;
const NEG: i32 = -0x3fffffff;

/**
 * Emission scores em[i·13 + t] (int32) for n positions: the sum of the weight rows whose addresses
 * are feats[offs[i] .. offs[i+1]).
 */
export function emit(n: i32, W: usize, feats: usize, offs: usize, em: usize): void {
  for (let i = 0; i < n; i++) {
    const f0 = load<i32>(offs + (<usize>i << 2));
    const fe = load<i32>(offs + (<usize>(i + 1) << 2));
    const eb = em + <usize>(i * T) * 4;
    if (fe - f0 > PACK_ROWS) {
      // many rows: widen every row to int32 lanes so no sum can wrap
      let a0 = i32x4.splat(0);
      let a1 = i32x4.splat(0);
      let a2 = i32x4.splat(0);
      let a3 = i32x4.splat(0);
      for (let f = f0; f < fe; f++) {
        const addr = W + (<usize>load<i32>(feats + (<usize>f << 2)) << 2);
        const v0 = v128.load(addr);
        const v1 = v128.load(addr, 16);
        a0 = i32x4.add(a0, i32x4.extend_low_i16x8_s(v0));
        a1 = i32x4.add(a1, i32x4.extend_high_i16x8_s(v0));
        a2 = i32x4.add(a2, i32x4.extend_low_i16x8_s(v1));
        a3 = i32x4.add(a3, i32x4.extend_high_i16x8_s(v1));
      }
      v128.store(eb, a0);
      v128.store(eb, a1, 16);
      v128.store(eb, a2, 32);
      store<i32>(eb, i32x4.extract_lane(a3, 0), 48);
      continue;
    }
    let c0 = i16x8.splat(0);
    let c1 = i16x8.splat(0);
    for (let f = f0; f < fe; f++) {
      const addr = W + (<usize>load<i32>(feats + (<usize>f << 2)) << 2);
      c0 = i16x8.add(c0, v128.load(addr));
      c1 = i16x8.add(c1, v128.load(addr, 16));
    }
    v128.store(eb, i32x4.extend_low_i16x8_s(c0));
    v128.store(eb, i32x4.extend_high_i16x8_s(c0), 16);
    v128.store(eb, i32x4.extend_low_i16x8_s(c1), 32);
    store<i32>(eb, i16x8.extract_lane_s(c1, 4), 48);
  }
}

/**
 * Viterbi for BIO over 6 labels (O = 0, B-k = 1+2k, I-k = 2+2k), the exact pruned search of
 * RuntimeModel.decodeBio6: forward scores renormalised per position into score (int32 n·13) with
 * the running norm in vnorm (f64 n), back-pointers in back (u8 n·13), the best labelling in tags
 * (u8 n). Returns the best path's total score. P holds trans (13·13), start, end and colMax (13
 * each), all int32.
 */
export function viterbi(n: i32, em: usize, P: usize, score: usize, vnorm: usize, back: usize, tags: usize): f64 {
  const trans = P;
  const start = P + 169 * 4;
  const endS = start + 13 * 4;
  const colMax = endS + 13 * 4;
  let C: f64 = 0;
  store<f64>(vnorm, 0);
  store<i32>(score, load<i32>(start) + load<i32>(em));
  for (let k = 0; k < 6; k++) {
    const b = <usize>(1 + 2 * k) << 2;
    store<i32>(score + b, load<i32>(start + b) + load<i32>(em + b));
    store<i32>(score + b + 4, NEG);
  }
  for (let i = 1; i < n; i++) {
    const pb = score + <usize>((i - 1) * T) * 4;
    const cb = score + <usize>(i * T) * 4;
    const eb = em + <usize>(i * T) * 4;
    const bb = back + <usize>(i * T);
    let M = load<i32>(pb);
    let pm = 0;
    let M2 = NEG * 2;
    for (let p = 1; p < T; p++) {
      const v = load<i32>(pb + (<usize>p << 2));
      if (v > M) { M2 = M; M = v; pm = p; }
      else if (v > M2) M2 = v;
    }
    C += <f64>M;
    store<f64>(vnorm + (<usize>i << 3), C);
    const pmT = trans + <usize>(pm * T) * 4;
    for (let c = 0; c < T; c = c == 0 ? 1 : c + 2) {
      const co = <usize>c << 2;
      const viaBest = M + load<i32>(pmT + co);
      const cm = load<i32>(colMax + co);
      if (M2 + cm < viaBest) {
        store<i32>(cb + co, viaBest - M + load<i32>(eb + co));
        store<u8>(bb + c, <u8>pm);
        continue;
      }
      let best = viaBest;
      let arg = pm;
      const lim = viaBest - cm;
      for (let p = 0; p < T; p++) {
        const sp = load<i32>(pb + (<usize>p << 2));
        if (sp < lim || p == pm) continue;
        const v = sp + load<i32>(trans + <usize>(p * T + c) * 4);
        if (v > best) { best = v; arg = p; }
      }
      store<i32>(cb + co, best - M + load<i32>(eb + co));
      store<u8>(bb + c, <u8>arg);
    }
    for (let k = 0; k < 6; k++) {
      const b = 1 + 2 * k;
      const it = 2 + 2 * k;
      const s1 = load<i32>(pb + (<usize>b << 2)) + load<i32>(trans + <usize>(b * T + it) * 4);
      const s2 = load<i32>(pb + (<usize>it << 2)) + load<i32>(trans + <usize>(it * T + it) * 4);
      if (s1 >= s2) { store<i32>(cb + (<usize>it << 2), s1 - M + load<i32>(eb + (<usize>it << 2))); store<u8>(bb + it, <u8>b); }
      else { store<i32>(cb + (<usize>it << 2), s2 - M + load<i32>(eb + (<usize>it << 2))); store<u8>(bb + it, <u8>it); }
    }
  }
  const lb = score + <usize>((n - 1) * T) * 4;
  let best = NEG * 2;
  let arg = 0;
  for (let p = 0; p < T; p++) {
    const v = load<i32>(lb + (<usize>p << 2)) + load<i32>(endS + (<usize>p << 2));
    if (v > best) { best = v; arg = p; }
  }
  store<u8>(tags + <usize>(n - 1), <u8>arg);
  for (let i = n - 1; i > 0; i--) {
    const t = load<u8>(tags + <usize>i);
    store<u8>(tags + <usize>(i - 1), load<u8>(back + <usize>(i * T) + <usize>t));
  }
  return <f64>best + C;
}
