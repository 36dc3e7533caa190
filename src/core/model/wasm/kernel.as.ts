// Longer than the ~600 lines a file here should be, on purpose: this is one AssemblyScript module
// compiled to one WebAssembly binary, and `npm run build:kernel` (and the unit test that holds
// kernelBinary.ts to it) hashes this one source file to tell whether the binary is current.
/**
 * The decoder's inner loops in WebAssembly (AssemblyScript source; `npm run build:kernel` compiles it
 * into ./kernelBinary.ts). decodeText() takes a whole text: it cuts it into segments as segments()
 * does, extracts features and scans the gazetteers as extract() and Lexicon.scan() in ../features.ts
 * do (for the runtime model's templates: unigrams, bigrams, character types, lexicon matches),
 * sums the emission scores as emit13() and runs Viterbi as RuntimeModel.decodeBio6() in
 * ../perceptron.ts, and lists the BIO chunks; backward() gives the scores spanCost() needs. Same
 * integers, same tie-breaks as the JavaScript path, so both give identical labels and scores;
 * test/unit/model/wasmKernel.test.ts holds them to that. The gain is mostly SIMD: a weight row of 13
 * tags is 13 int16 lanes, added in two 128-bit operations instead of seven packed int32 additions,
 * and a Viterbi step works on 16 tag lanes at once.
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
function emit(n: i32, W: usize, feats: usize, offs: usize, em: usize): void {
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

/*
 * Viterbi for BIO over 6 labels (O = 0, B-k = 1+2k, I-k = 2+2k), the exact pruned search of
 * RuntimeModel.decodeBio6, four tags per SIMD lane group: a position's 13 scores are 16 int32 lanes
 * (lanes 13–15 padding, held at NEG2). P holds trans (13·13), start, end and colMax (13 each), and
 * after prepare() the same tables as 16-lane rows (below).
 */
const NEG2: i32 = NEG * 2;
/** Byte offsets in P of the 16-lane tables prepare() writes. */
const P_ROWS: usize = 256 * 4; // trans[p][·] for p = 0..12, 16 lanes each
const P_COLMAX: usize = P_ROWS + 13 * 64; // colMax[·]
const P_BI: usize = P_COLMAX + 64; // lane I-k: trans[B-k][I-k]
const P_II: usize = P_BI + 64; // lane I-k: trans[I-k][I-k]
const P_TC: usize = P_II + 64; // for each successor q in O, B-0..B-5: lane c = trans[c][q]
const P_IQ: usize = P_TC + 7 * 64; // lane c ≥ 1: trans[c][I of c's label]; lane 0: NEG
const P_SIZE: usize = P_IQ + 64;

/** Writes the 16-lane tables after the scalar ones in P (once per model). */
export function prepare(P: usize): void {
  memory.fill(P + P_ROWS, 0, P_SIZE - P_ROWS);
  for (let p = 0; p < T; p++) for (let c = 0; c < T; c++) store<i32>(P + P_ROWS + <usize>(p * 16 + c) * 4, load<i32>(P + <usize>(p * T + c) * 4));
  for (let c = 0; c < T; c++) store<i32>(P + P_COLMAX + (<usize>c << 2), load<i32>(P + (169 + 26 + <usize>c) * 4));
  for (let k = 0; k < 6; k++) {
    const b = 1 + 2 * k, it = 2 + 2 * k;
    store<i32>(P + P_BI + (<usize>it << 2), load<i32>(P + <usize>(b * T + it) * 4));
    store<i32>(P + P_II + (<usize>it << 2), load<i32>(P + <usize>(it * T + it) * 4));
  }
  for (let j = 0; j < 7; j++) {
    const q = j == 0 ? 0 : 2 * j - 1;
    for (let c = 0; c < T; c++) store<i32>(P + P_TC + <usize>(j * 16 + c) * 4, load<i32>(P + <usize>(c * T + q) * 4));
  }
  store<i32>(P + P_IQ, NEG);
  for (let c = 1; c < T; c++) {
    const q = (c & 1) == 1 ? c + 1 : c;
    store<i32>(P + P_IQ + (<usize>c << 2), load<i32>(P + <usize>(c * T + q) * 4));
  }
}

/**
 * Weight rows from int8, 13 per row at src, to 13 int16 lanes and a zero lane, 28 bytes per row at
 * dst: a model load's one pass over its weights (../finish.ts keeps them as int8; the host patches
 * the few wider ones and folds the bias afterwards). Reads 3 bytes past the last source row and
 * writes 4 past the last destination row; the host leaves room for both.
 */
export function widenRows(src: usize, dst: usize, rows: i32): void {
  for (let r = 0; r < rows; r++) {
    const v = v128.load(src + <usize>r * 13);
    const o = dst + <usize>r * 28;
    v128.store(o, i16x8.extend_low_i8x16_s(v));
    // lanes 8–15: 13 is the zero lane, 14 and 15 are the next row's first two (written next)
    v128.store(o, i16x8.extend_high_i8x16_s(v), 16);
    store<i16>(o, 0, 26);
  }
}

/**
 * A second style's weight rows from the first style's (base, 28 bytes per row, not folded yet) and
 * its stored int8 differences (13 per row at src): lane t of row r is lut[base lane + off] + the
 * difference (lut: the first style's weights brought to the second's divisor, off its centre).
 * The zero lane is kept. The host puts in the few wider differences afterwards.
 */
export function deriveRows(base: usize, src: usize, dst: usize, rows: i32, lut: usize, off: i32): void {
  for (let r = 0; r < rows; r++) {
    const b = base + <usize>r * 28, d = dst + <usize>r * 28, q = src + <usize>r * 13;
    for (let t = 0; t < 13; t++) {
      const x = <i32>load<i16>(b + (<usize>t << 1)) + off;
      store<i16>(d + (<usize>t << 1), <i16>(<i32>load<i16>(lut + (<usize>x << 1)) + <i32>load<i8>(q + <usize>t)));
    }
    store<i16>(d, 0, 26);
  }
}

/** Lanes that are O or B-k (all-ones) in lane groups 0..3; the rest are I-k or padding. */
const OB0 = i32x4(-1, -1, 0, -1);
const OB1 = i32x4(0, -1, 0, -1);
const OB2 = i32x4(0, -1, 0, -1);
const OB3 = i32x4(0, 0, 0, 0);
/** Padding lanes (13–15). */
const PAD3 = i32x4(0, -1, -1, -1);
/** Bits (of the 16-lane compare mask) of the O and B-k lanes. */
const OB_BITS: i32 = 0b0000101010101011;

@inline function hmax(v: v128): i32 {
  const a = i32x4.max_s(v, i8x16.shuffle(v, v, 8, 9, 10, 11, 12, 13, 14, 15, 0, 1, 2, 3, 4, 5, 6, 7));
  return i32x4.extract_lane(i32x4.max_s(a, i8x16.shuffle(a, a, 4, 5, 6, 7, 0, 1, 2, 3, 8, 9, 10, 11, 12, 13, 14, 15)), 0);
}

/** Lane j of the 16 takes lane j - 1 (lane 0 of group 0 keeps its own; it is O, never I). */
@inline function prevLane(a: v128, b: v128): v128 {
  return i8x16.shuffle(a, b, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27);
}

/**
 * Forward scores renormalised per position into score (int32 n·13) with the running norm in vnorm
 * (f64 n), back-pointers in back (u8 n·13, 16 bytes written per row), the best labelling in tags
 * (u8 n). Returns the best path's total score.
 */
function viterbi(n: i32, em: usize, P: usize, score: usize, vnorm: usize, back: usize, tags: usize): f64 {
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
  const neg2 = i32x4.splat(NEG2);
  // the previous position's scores, padding at NEG2
  let S0 = v128.load(score);
  let S1 = v128.load(score, 16);
  let S2 = v128.load(score, 32);
  let S3 = v128.bitselect(neg2, v128.load(score, 48), PAD3);
  const cm0 = v128.load(P + P_COLMAX), cm1 = v128.load(P + P_COLMAX, 16), cm2 = v128.load(P + P_COLMAX, 32), cm3 = v128.load(P + P_COLMAX, 48);
  const bi0 = v128.load(P + P_BI), bi1 = v128.load(P + P_BI, 16), bi2 = v128.load(P + P_BI, 32), bi3 = v128.load(P + P_BI, 48);
  const ii0 = v128.load(P + P_II), ii1 = v128.load(P + P_II, 16), ii2 = v128.load(P + P_II, 32), ii3 = v128.load(P + P_II, 48);
  // lane indices, and for I-k lanes the B-k lane before them
  const idx0 = i32x4(0, 1, 2, 3), idx1 = i32x4(4, 5, 6, 7), idx2 = i32x4(8, 9, 10, 11), idx3 = i32x4(12, 13, 14, 15);
  const one = i32x4.splat(1);
  for (let i = 1; i < n; i++) {
    const pb = score + <usize>((i - 1) * T) * 4;
    const cb = score + <usize>(i * T) * 4;
    const eb = em + <usize>(i * T) * 4;
    const bb = back + <usize>(i * T);
    // best previous score M at its first lane pm, and the best of the other lanes M2
    const M = hmax(i32x4.max_s(i32x4.max_s(S0, S1), i32x4.max_s(S2, S3)));
    const Mv = i32x4.splat(M);
    const eqBits = i32x4.bitmask(i32x4.eq(S0, Mv)) | (i32x4.bitmask(i32x4.eq(S1, Mv)) << 4) |
      (i32x4.bitmask(i32x4.eq(S2, Mv)) << 8) | (i32x4.bitmask(i32x4.eq(S3, Mv)) << 12);
    const pm = ctz(eqBits);
    const pmv = i32x4.splat(pm);
    const M2 = hmax(i32x4.max_s(
      i32x4.max_s(v128.bitselect(neg2, S0, i32x4.eq(idx0, pmv)), v128.bitselect(neg2, S1, i32x4.eq(idx1, pmv))),
      i32x4.max_s(v128.bitselect(neg2, S2, i32x4.eq(idx2, pmv)), v128.bitselect(neg2, S3, i32x4.eq(idx3, pmv))),
    ));
    C += <f64>M;
    store<f64>(vnorm + (<usize>i << 3), C);
    // O and B-k: through pm, unless M2 plus the column's largest transition could beat it
    const row = P + P_ROWS + <usize>(pm << 6);
    const t0 = v128.load(row), t1 = v128.load(row, 16), t2 = v128.load(row, 32), t3 = v128.load(row, 48);
    const M2v = i32x4.splat(M2);
    const fastBits = i32x4.bitmask(i32x4.lt_s(i32x4.add(M2v, cm0), i32x4.add(Mv, t0))) |
      (i32x4.bitmask(i32x4.lt_s(i32x4.add(M2v, cm1), i32x4.add(Mv, t1))) << 4) |
      (i32x4.bitmask(i32x4.lt_s(i32x4.add(M2v, cm2), i32x4.add(Mv, t2))) << 8) |
      (i32x4.bitmask(i32x4.lt_s(i32x4.add(M2v, cm3), i32x4.add(Mv, t3))) << 12);
    // I-k: from B-k (s1, wins ties) or I-k (s2)
    const s10 = i32x4.add(prevLane(S0, S0), bi0), s20 = i32x4.add(S0, ii0);
    const s11 = i32x4.add(prevLane(S0, S1), bi1), s21 = i32x4.add(S1, ii1);
    const s12 = i32x4.add(prevLane(S1, S2), bi2), s22 = i32x4.add(S2, ii2);
    const s13 = i32x4.add(prevLane(S2, S3), bi3), s23 = i32x4.add(S3, ii3);
    const g0 = i32x4.ge_s(s10, s20), g1 = i32x4.ge_s(s11, s21), g2 = i32x4.ge_s(s12, s22), g3 = i32x4.ge_s(s13, s23);
    // I lanes: s - M; O/B lanes: the transition from pm; then the emission
    const e0 = v128.load(eb), e1 = v128.load(eb, 16), e2 = v128.load(eb, 32), e3 = v128.load(eb, 48);
    S0 = i32x4.add(v128.bitselect(t0, i32x4.sub(v128.bitselect(s10, s20, g0), Mv), OB0), e0);
    S1 = i32x4.add(v128.bitselect(t1, i32x4.sub(v128.bitselect(s11, s21, g1), Mv), OB1), e1);
    S2 = i32x4.add(v128.bitselect(t2, i32x4.sub(v128.bitselect(s12, s22, g2), Mv), OB2), e2);
    S3 = v128.bitselect(neg2, i32x4.add(v128.bitselect(t3, i32x4.sub(v128.bitselect(s13, s23, g3), Mv), OB3), e3), PAD3);
    const b0 = v128.bitselect(pmv, v128.bitselect(i32x4.sub(idx0, one), idx0, g0), OB0);
    const b1 = v128.bitselect(pmv, v128.bitselect(i32x4.sub(idx1, one), idx1, g1), OB1);
    const b2 = v128.bitselect(pmv, v128.bitselect(i32x4.sub(idx2, one), idx2, g2), OB2);
    const b3 = v128.bitselect(pmv, v128.bitselect(i32x4.sub(idx3, one), idx3, g3), OB3);
    v128.store(cb, S0);
    v128.store(cb, S1, 16);
    v128.store(cb, S2, 32);
    store<i32>(cb, i32x4.extract_lane(S3, 0), 48);
    v128.store(bb, i8x16.narrow_i16x8_u(i16x8.narrow_i32x4_u(b0, b1), i16x8.narrow_i32x4_u(b2, b3)));
    const slow = OB_BITS & ~fastBits;
    if (slow != 0) {
      // rare: a column the bound cannot settle; the best of all predecessors, 16 lanes at once
      // (pm keeps ties, as in the scalar search; otherwise the first best lane wins)
      const P0 = v128.load(pb), P1 = v128.load(pb, 16), P2 = v128.load(pb, 32), P3 = v128.load(pb, 48);
      let bits = slow;
      while (bits != 0) {
        const c = ctz(bits);
        bits &= bits - 1;
        const tc = P + P_TC + (<usize>(c == 0 ? 0 : (c + 1) >> 1) << 6);
        const v0 = i32x4.add(P0, v128.load(tc)), v1 = i32x4.add(P1, v128.load(tc, 16)), v2 = i32x4.add(P2, v128.load(tc, 32));
        const v3 = v128.bitselect(neg2, i32x4.add(P3, v128.load(tc, 48)), PAD3);
        const best = hmax(i32x4.max_s(i32x4.max_s(v0, v1), i32x4.max_s(v2, v3)));
        const bv = i32x4.splat(best);
        const hits = i32x4.bitmask(i32x4.eq(v0, bv)) | (i32x4.bitmask(i32x4.eq(v1, bv)) << 4) |
          (i32x4.bitmask(i32x4.eq(v2, bv)) << 8) | (i32x4.bitmask(i32x4.eq(v3, bv)) << 12);
        const arg = (hits >>> pm) & 1 ? pm : ctz(hits);
        const co = <usize>c << 2;
        store<i32>(cb + co, best - M + load<i32>(eb + co));
        store<u8>(bb + <usize>c, <u8>arg);
      }
      S0 = v128.load(cb);
      S1 = v128.load(cb, 16);
      S2 = v128.load(cb, 32);
      S3 = v128.bitselect(neg2, v128.load(cb, 48), PAD3);
    }
  }
  const lb = score + <usize>((n - 1) * T) * 4;
  let best = NEG2;
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

/**
 * Backward scores for RuntimeModel.spanCost: bw[pos·13 + c] = the best score of the rest of the
 * segment [pos, b) given tag c at pos (its emission included), for pos = lo - 1 down to `end`, from
 * row lo (or, when lo = b, from the segment's end scores). Same sums as the JavaScript recursion,
 * here 16 lanes at a time: O and B-k may follow any tag, I-k only B-k or I-k.
 */
export function backward(G: usize, b: i32, lo: i32, end: i32): void {
  // bounds: rows end .. b - 1 of the per-text arrays
  if (end < 0 || end > lo || lo > b || b < 1 || b > g(G, G_TEXT_CAP)) unreachable();
  const P = <usize>g(G, G_P);
  const em = <usize>g(G, G_EM);
  const bw = <usize>g(G, G_BW);
  if (lo == b) {
    const last = <usize>((b - 1) * T) * 4;
    const endS = P + (169 + 13) * 4;
    for (let t = 0; t < T; t++) store<i32>(bw + last + (<usize>t << 2), load<i32>(em + last + (<usize>t << 2)) + load<i32>(endS + (<usize>t << 2)));
    lo = b - 1;
  }
  const iq0 = v128.load(P + P_IQ), iq1 = v128.load(P + P_IQ, 16), iq2 = v128.load(P + P_IQ, 32), iq3 = v128.load(P + P_IQ, 48);
  for (let pos = lo - 1; pos >= end; pos--) {
    const nb = bw + <usize>((pos + 1) * T) * 4;
    const B0 = v128.load(nb), B1 = v128.load(nb, 16), B2 = v128.load(nb, 32), B3 = v128.load(nb, 48);
    // successor I of c's label: lanes c → bw[q(c)], q(c) = c + 1 for odd c, c for even c
    let m0 = i32x4.add(iq0, i8x16.shuffle(B0, B1, 0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 16, 17, 18, 19));
    let m1 = i32x4.add(iq1, i8x16.shuffle(B1, B2, 0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 16, 17, 18, 19));
    let m2 = i32x4.add(iq2, i8x16.shuffle(B2, B3, 0, 1, 2, 3, 8, 9, 10, 11, 8, 9, 10, 11, 16, 17, 18, 19));
    let m3 = i32x4.add(iq3, B3);
    for (let j = 0; j < 7; j++) {
      const q = j == 0 ? 0 : 2 * j - 1;
      const x = i32x4.splat(load<i32>(nb + (<usize>q << 2)));
      const tc = P + P_TC + <usize>(j << 6);
      m0 = i32x4.max_s(m0, i32x4.add(v128.load(tc), x));
      m1 = i32x4.max_s(m1, i32x4.add(v128.load(tc, 16), x));
      m2 = i32x4.max_s(m2, i32x4.add(v128.load(tc, 32), x));
      m3 = i32x4.max_s(m3, i32x4.add(v128.load(tc, 48), x));
    }
    const cb = <usize>(pos * T) * 4;
    const e = em + cb;
    const o = bw + cb;
    v128.store(o, i32x4.add(m0, v128.load(e)));
    v128.store(o, i32x4.add(m1, v128.load(e, 16)), 16);
    v128.store(o, i32x4.add(m2, v128.load(e, 32)), 32);
    store<i32>(o, i32x4.extract_lane(m3, 0) + load<i32>(e, 48), 48);
  }
}

/* -------------------------------------------------------------------------------------------- */
/* Feature extraction                                                                            */

// Slots of the parameter block the host writes (int32 each; addresses are byte offsets).
const G_W = 0;
const G_P = 1;
const G_FEATS = 2;
const G_OFFS = 3;
const G_BACK = 4;
const G_TAGS = 5;
const G_NORM = 6;
const G_CTYPE = 7;
const G_CHARID = 8;
const G_BI_PRESENT = 9;
const G_BI_PMASK = 10;
const G_BI_KEYS = 11;
const G_BI_MASK = 12;
const G_LEX_V1 = 13;
const G_LEX_PRESENT = 14;
const G_LEX_PMASK = 15;
const G_LEX_TAB = 16;
const G_LEX_MASK = 17;
const G_LEX_TAB2 = 18;
const G_LEX_MASK2 = 19;
const G_HAS_LEX = 20;
const G_CODES = 21;
const G_TYPES = 22;
const G_CID = 23;
const G_BID = 24;
const G_BEGM = 25;
const G_ENDM = 26;
const G_MIDM = 27;
const G_BEG = 28;
const G_END = 29;
const G_Y0 = 30;
const G_L0 = 31;
const G_UNI2 = 32;
const G_LEXT = 33;
const G_TEXT = 34;
const G_EM = 35;
const G_ALPHA = 36;
const G_VNORM = 37;
const G_BW = 38;
const G_SEG_FROM = 39;
const G_SEG_TO = 40;
const G_BW_LO = 41;
const G_TOTAL = 42;
const G_CHUNKS = 43;
const G_SEG_CAP = 44;
const G_STARTS = 45;
const G_TEXT_CAP = 46;

// Constants of ../features.ts.
const CT_CJK: i32 = 1;
const CT_LATIN: i32 = 3;
const CT_BOUND: i32 = 10;
const N_CTYPES: i32 = 11;
const UNI_W: i32 = 5;
const N_LEX: i32 = 20;
const LEX_LEN: i32 = 8;
const LEX_MAX_LEN: i32 = 16;
const PREFIX_BIT: i32 = 1 << 30;
const CID_BOS: u16 = 1;
const CID_EOS: u16 = 2;
/** Row addresses are int32 indices into the packed table, 7 int32 per row. */
const MUL: i32 = 7;

@inline function g(G: usize, k: i32): i32 {
  return load<i32>(G + (<usize>k << 2));
}

@inline function bitSet(bits: usize, b: i32): bool {
  return (load<i32>(bits + (<usize>(b >>> 5) << 2)) & (1 << (b & 31))) != 0;
}

@inline function lenBucket(l: i32): i32 {
  return l >= 7 ? 7 : l;
}

/** Records a match [s, e] of the classes in bits: longest per class beginning at s / ending at e, inside. */
@inline function record(s: i32, e: i32, bits: i32, begM: usize, endM: usize, midM: usize, beg: usize, end: usize): void {
  const len = e - s + 1;
  const bs = load<i32>(begM + (<usize>s << 2));
  const es = load<i32>(endM + (<usize>e << 2));
  let bm = bits;
  while (bm != 0) {
    const low = bm & -bm;
    const b = 31 - clz(low);
    bm ^= low;
    const bi = beg + <usize>(s * N_LEX + b);
    const ei = end + <usize>(e * N_LEX + b);
    if ((bs & low) == 0 || <i32>load<u8>(bi) < len) store<u8>(bi, <u8>len);
    if ((es & low) == 0 || <i32>load<u8>(ei) < len) store<u8>(ei, <u8>len);
  }
  for (let q = s + 1; q < e; q++) {
    const a = midM + (<usize>q << 2);
    store<i32>(a, load<i32>(a) | bits);
  }
  store<i32>(begM + (<usize>s << 2), bs | bits);
  store<i32>(endM + (<usize>e << 2), es | bits);
}

/**
 * Lexicon.scan: longest match of each class beginning / ending at each position, and inside. The
 * result does not depend on the order matches are found in (longest wins, masks are ORed), so
 * one-unit words are recorded in a first pass that also lists, without branching, the positions
 * where a two-unit prefix may begin (most do not, and as a branch that test mispredicts); only
 * those are walked further.
 */
function scan(G: usize, codes: usize, n: i32): void {
  const begM = <usize>g(G, G_BEGM), endM = <usize>g(G, G_ENDM), midM = <usize>g(G, G_MIDM);
  const beg = <usize>g(G, G_BEG), end = <usize>g(G, G_END);
  memory.fill(begM, 0, <usize>n << 2);
  memory.fill(endM, 0, <usize>n << 2);
  memory.fill(midM, 0, <usize>n << 2);
  const v1 = <usize>g(G, G_LEX_V1), present = <usize>g(G, G_LEX_PRESENT), pmask = g(G, G_LEX_PMASK);
  const tab = <usize>g(G, G_LEX_TAB), mask = g(G, G_LEX_MASK), tab2 = <usize>g(G, G_LEX_TAB2), mask2 = g(G, G_LEX_MASK2);
  const starts = <usize>g(G, G_STARTS);
  let count = 0;
  for (let s = 0; s < n; s++) {
    const c0 = <i32>load<u16>(codes + (<usize>s << 1));
    const v = load<i32>(v1 + (<usize>c0 << 2));
    const bits = v & ~PREFIX_BIT;
    if (bits != 0) record(s, s, bits, begM, endM, midM, beg, end);
    // the two-unit prefix's presence bit (codes[n] is read but the test is void there)
    const c1 = <i32>load<u16>(codes + (<usize>(s + 1) << 1));
    const h1 = (((-2128831035 ^ c0) * 0x01000193 + 0x7f4a7c15) ^ c1) * 0x01000193 + 0x7f4a7c15;
    const pbit = (h1 >>> 9) & pmask;
    const may = (v >>> 30) & <i32>(s + 1 < n) & (load<i32>(present + (<usize>(pbit >>> 5) << 2)) >>> (pbit & 31));
    store<i32>(starts + (<usize>count << 2), s);
    count += may & 1;
  }
  for (let k = 0; k < count; k++) {
    const s = load<i32>(starts + (<usize>k << 2));
    const c0 = <i32>load<u16>(codes + (<usize>s << 1));
    let h1: i32 = (-2128831035 ^ c0) * 0x01000193 + 0x7f4a7c15; // 0x811c9dc5 | 0, then c0
    let h2: i32 = ((0x3c6ef372 + c0) * 0x5bd1e995) ^ (0x3c6ef372 >>> 15);
    const lim = min(n, s + LEX_MAX_LEN);
    for (let e = s + 1; e < lim; e++) {
      const c = <i32>load<u16>(codes + (<usize>e << 1));
      h1 = (h1 ^ c) * 0x01000193 + 0x7f4a7c15;
      h2 = ((h2 + c) * 0x5bd1e995) ^ (h2 >>> 15);
      if (e > s + 1 && !bitSet(present, (h1 >>> 9) & pmask)) break;
      const t = e == s + 1 ? tab2 : tab;
      const m = e == s + 1 ? mask2 : mask;
      let i = (h1 ^ (h1 >>> 16)) & m;
      let v = 0;
      for (;;) {
        const o = t + (<usize>i << 4);
        const x = load<i32>(o, 8);
        if (x == 0) break;
        if (load<i32>(o) == h1 && load<i32>(o, 4) == h2) { v = x; break; }
        i = (i + 1) & m;
      }
      if (v == 0) break;
      const bits = v & ~PREFIX_BIT;
      if (bits != 0) record(s, e, bits, begM, endM, midM, beg, end);
      if ((v & PREFIX_BIT) == 0) break;
    }
  }
}

/**
 * Builds the gazetteer's tables (at G_LEX_V1, G_LEX_PRESENT, G_LEX_TAB and G_LEX_TAB2, zeroed) from
 * its packed form at src, as Lexicon.fromPacked() in ../features.ts does: n words' class bits
 * (i32), their shared and added lengths (u8 each), then their code units (u16, from the next even
 * address). stack: room for the rolling hashes and the current word (200 bytes).
 */
export function buildLexicon(G: usize, src: usize, n: i32, stack: usize): void {
  const v1 = <usize>g(G, G_LEX_V1), present = <usize>g(G, G_LEX_PRESENT), pmask = g(G, G_LEX_PMASK);
  const tab = <usize>g(G, G_LEX_TAB), mask = g(G, G_LEX_MASK), tab2 = <usize>g(G, G_LEX_TAB2), mask2 = g(G, G_LEX_MASK2);
  const sharedP = src + (<usize>n << 2), lenP = sharedP + <usize>n;
  let at = (lenP + <usize>n + 1) & ~(<usize>1);
  const H1 = stack, H2 = stack + 68, word = stack + 136;
  store<i32>(H1, -2128831035); // 0x811c9dc5 | 0
  store<i32>(H2, 0x3c6ef372);
  for (let i = 0; i < n; i++) {
    const s = <i32>load<u8>(sharedP + <usize>i);
    const l = s + <i32>load<u8>(lenP + <usize>i);
    if (l > LEX_MAX_LEN) {
      // never in a file serialize() wrote: skip the word rather than write past the stack
      at += <usize>(l - s) << 1;
      continue;
    }
    const bits = load<i32>(src + (<usize>i << 2));
    for (let j = s; j < l; j++) {
      const c = <i32>load<u16>(at);
      at += 2;
      store<u16>(word + (<usize>j << 1), <u16>c);
      const p1 = load<i32>(H1 + (<usize>j << 2)), p2 = load<i32>(H2 + (<usize>j << 2));
      store<i32>(H1 + (<usize>(j + 1) << 2), (p1 ^ c) * 0x01000193 + 0x7f4a7c15);
      store<i32>(H2 + (<usize>(j + 1) << 2), ((p2 + c) * 0x5bd1e995) ^ (p2 >>> 15));
    }
    // the last shared character's slot may have ended the word before: it is a prefix now
    for (let j = s > 0 ? s - 1 : 0; j < l; j++) {
      const add = j == l - 1 ? bits : PREFIX_BIT;
      if (j == 0) {
        const a = v1 + (<usize>load<u16>(word) << 2);
        store<i32>(a, load<i32>(a) | add);
        continue;
      }
      const h1 = load<i32>(H1 + (<usize>(j + 1) << 2)), h2 = load<i32>(H2 + (<usize>(j + 1) << 2));
      const t = j == 1 ? tab2 : tab;
      const m = j == 1 ? mask2 : mask;
      let k = (h1 ^ (h1 >>> 16)) & m;
      let o = t + (<usize>k << 4);
      while (load<i32>(o, 8) != 0 && (load<i32>(o) != h1 || load<i32>(o, 4) != h2)) {
        k = (k + 1) & m;
        o = t + (<usize>k << 4);
      }
      const pbit = (h1 >>> 9) & pmask;
      const pa = present + (<usize>(pbit >>> 5) << 2);
      store<i32>(pa, load<i32>(pa) | (1 << (pbit & 31)));
      store<i32>(o, h1);
      store<i32>(o, h2, 4);
      store<i32>(o, load<i32>(o, 8) | add, 8);
    }
  }
}

/**
 * extract() for the n code units of the text at G_TEXT + 2·from: feature row addresses in
 * feats/offs. Returns n, or 0 when the segment has no CJK or Latin letter.
 */
function features(G: usize, from: i32, n: i32): i32 {
  const text = <usize>g(G, G_TEXT) + (<usize>from << 1);
  const normT = <usize>g(G, G_NORM), ctypeT = <usize>g(G, G_CTYPE), charId = <usize>g(G, G_CHARID);
  const codes = <usize>g(G, G_CODES), types = <usize>g(G, G_TYPES), cid = <usize>g(G, G_CID), bid = <usize>g(G, G_BID);
  let letters = 0;
  store<u16>(cid, CID_BOS);
  store<u16>(cid, CID_BOS, 2);
  for (let i = 0; i < n; i++) {
    const c = load<u16>(normT + (<usize>load<u16>(text + (<usize>i << 1)) << 1));
    store<u16>(codes + (<usize>i << 1), c);
    const t = load<u8>(ctypeT + <usize>c);
    store<u8>(types + <usize>i, t);
    if (t == CT_CJK || t == CT_LATIN) letters++;
    store<u16>(cid + (<usize>(i + 2) << 1), load<u16>(charId + (<usize>c << 1)));
  }
  if (letters == 0) return 0;
  store<u16>(cid + (<usize>(n + 2) << 1), CID_EOS);
  store<u16>(cid + (<usize>(n + 3) << 1), CID_EOS);
  // bid[j]: packed-table address of the rows of the bigram starting at j - 2 (at +0, +7, +14, +21), or -1
  const present = <usize>g(G, G_BI_PRESENT), pmask = g(G, G_BI_PMASK), smask = g(G, G_BI_MASK), keys = <usize>g(G, G_BI_KEYS);
  for (let j = 0; j <= n + 2; j++) {
    const key = (<i32>load<u16>(cid + (<usize>j << 1)) << 16) | <i32>load<u16>(cid + (<usize>(j + 1) << 1));
    // NgramTable.hash(key, 0)
    let h: i32 = (key * -1640531535) ^ -900632889; // imul(key, 0x9e3779b1) ^ imul(0x7f4a7c15, 0x85ebca6b)
    h ^= h >>> 15;
    h = h * 739982445; // 0x2c1b3c6d
    h = h ^ (h >>> 12);
    let addr = -1;
    if (bitSet(present, (h >>> 7) & pmask)) {
      let i = h & smask;
      for (;;) {
        const o = keys + (<usize>i << 3);
        const kk = load<i32>(o);
        if (kk == 0) break;
        if (kk == key) { addr = load<i32>(o, 4); break; }
        i = (i + 1) & smask;
      }
    }
    store<i32>(bid + (<usize>j << 2), addr);
  }
  const hasLex = g(G, G_HAS_LEX) != 0;
  if (hasLex) scan(G, codes, n);
  const begM = <usize>g(G, G_BEGM), endM = <usize>g(G, G_ENDM), midM = <usize>g(G, G_MIDM);
  const beg = <usize>g(G, G_BEG), end = <usize>g(G, G_END);
  const feats = <usize>g(G, G_FEATS), offs = <usize>g(G, G_OFFS);
  const Y0 = g(G, G_Y0), L0 = g(G, G_L0), uni2 = g(G, G_UNI2) != 0, lexT = g(G, G_LEXT);
  const LB = N_LEX * LEX_LEN;
  let k = 0;
  for (let i = 0; i < n; i++) {
    store<i32>(offs + (<usize>i << 2), k);
    const q = cid + (<usize>i << 1); // cid[q .. q + 4] = characters at offsets -2 .. +2
    let f = feats + (<usize>k << 2);
    if (uni2) { store<i32>(f, <i32>load<u16>(q) * UNI_W * MUL); f += 4; }
    store<i32>(f, (<i32>load<u16>(q, 2) * UNI_W + 1) * MUL);
    store<i32>(f, (<i32>load<u16>(q, 4) * UNI_W + 2) * MUL, 4);
    store<i32>(f, (<i32>load<u16>(q, 6) * UNI_W + 3) * MUL, 8);
    f += 12;
    if (uni2) { store<i32>(f, (<i32>load<u16>(q, 8) * UNI_W + 4) * MUL); f += 4; }
    const bp = bid + (<usize>i << 2); // bid[p - 2] with p = i + 2
    let x = load<i32>(bp);
    if (x >= 0) { store<i32>(f, x); f += 4; }
    x = load<i32>(bp, 4);
    if (x >= 0) { store<i32>(f, x + 7); f += 4; }
    x = load<i32>(bp, 8);
    if (x >= 0) { store<i32>(f, x + 14); f += 4; }
    x = load<i32>(bp, 12);
    if (x >= 0) { store<i32>(f, x + 21); f += 4; }
    const tm1 = i >= 1 ? <i32>load<u8>(types + <usize>(i - 1)) : CT_BOUND;
    const tp1 = i + 1 < n ? <i32>load<u8>(types + <usize>(i + 1)) : CT_BOUND;
    store<i32>(f, (Y0 + (tm1 * N_CTYPES + <i32>load<u8>(types + <usize>i)) * N_CTYPES + tp1) * MUL);
    f += 4;
    if (hasLex) {
      const mb = lexT & 1 ? load<i32>(begM + (<usize>i << 2)) : 0;
      const me = lexT & 2 ? load<i32>(endM + (<usize>i << 2)) : 0;
      const mm = lexT & 4 ? load<i32>(midM + (<usize>i << 2)) : 0;
      const mpe = lexT & 8 && i > 0 ? load<i32>(endM + (<usize>(i - 1) << 2)) : 0;
      const mnb = lexT & 16 && i + 1 < n ? load<i32>(begM + (<usize>(i + 1) << 2)) : 0;
      let all = mb | me | mm | mpe | mnb;
      const bb = <usize>(i * N_LEX);
      while (all != 0) {
        const low = all & -all;
        const b = 31 - clz(low);
        all ^= low;
        const cb = L0 + b * LEX_LEN;
        // branch-free: every candidate row is written, the cursor only moves past the ones present
        // (which templates fire is data-dependent and mispredicts badly as branches)
        store<i32>(f, (cb + lenBucket(<i32>load<u8>(beg + bb + <usize>b))) * MUL);
        f += <usize>(((mb & low) >>> b) << 2);
        store<i32>(f, (cb + LB + lenBucket(<i32>load<u8>(end + bb + <usize>b))) * MUL);
        f += <usize>(((me & low) >>> b) << 2);
        store<i32>(f, (cb + 2 * LB) * MUL);
        f += <usize>(((mm & low) >>> b) << 2);
        store<i32>(f, (cb + 3 * LB + lenBucket(<i32>load<u8>(end + bb - <usize>N_LEX + <usize>b))) * MUL);
        f += <usize>(((mpe & low) >>> b) << 2);
        store<i32>(f, (cb + 4 * LB + lenBucket(<i32>load<u8>(beg + bb + <usize>N_LEX + <usize>b))) * MUL);
        f += <usize>(((mnb & low) >>> b) << 2);
      }
    }
    k = <i32>((f - feats) >> 2);
  }
  store<i32>(offs + (<usize>n << 2), k);
  return n;
}

/**
 * One segment, text positions [from, from + n): features, emission scores, Viterbi. em, forward
 * scores and norms land in the per-text arrays at position `from`, the labels in G_TAGS. Returns
 * the best path's total score, or NaN when the segment has nothing to label.
 */
function decodeSegment(G: usize, from: i32, n: i32): f64 {
  if (features(G, from, n) == 0) return NaN;
  const em = <usize>g(G, G_EM) + <usize>(from * T) * 4;
  emit(n, <usize>g(G, G_W), <usize>g(G, G_FEATS), <usize>g(G, G_OFFS), em);
  return viterbi(
    n,
    em,
    <usize>g(G, G_P),
    <usize>g(G, G_ALPHA) + <usize>(from * T) * 4,
    <usize>g(G, G_VNORM) + (<usize>from << 3),
    <usize>g(G, G_BACK),
    <usize>g(G, G_TAGS),
  );
}

/* -------------------------------------------------------------------------------------------- */
/* Whole texts                                                                                   */

/**
 * Decodes the whole text at G_TEXT (L code units), segment by segment as segments() in
 * ../perceptron.ts cuts it, and records per position what RuntimeModel.spanCost reads: segment
 * start (segFrom, -1 where nothing was labelled) and end (segTo), and per segment start the best
 * total (f64) and the lowest backward row computed (bwLo). The labelled chunks go to G_CHUNKS as
 * (label, start, end exclusive) int32 triples in text offsets; returns their number.
 */
export function decodeText(G: usize, L: i32): i32 {
  // bounds: the per-text arrays hold G_TEXT_CAP positions (a trap, never a write past them)
  if (L < 0 || L > g(G, G_TEXT_CAP)) unreachable();
  const text = <usize>g(G, G_TEXT);
  memory.fill(<usize>g(G, G_SEG_FROM), 0xff, <usize>L << 2);
  let count = 0;
  let s = 0;
  let lastSoft = -1;
  const MAX_SEG = g(G, G_SEG_CAP) - 1;
  for (let i = 0; i < L; i++) {
    const c = <i32>load<u16>(text + (<usize>i << 1));
    if (c == 10 || c == 13) {
      if (i > s) count = segment(G, s, i, count);
      s = i + 1;
      lastSoft = -1;
      continue;
    }
    if (c == 0x3002 || c == 0xff01 || c == 0xff1f || c == 0xff1b || c == 0x21 || c == 0x3f) {
      // keep closing quotes with the sentence, but never past segCap (as segments() does): the
      // per-segment scratch holds no more
      let j = i + 1;
      while (j < L && j - s < MAX_SEG + 1) {
        const q = <i32>load<u16>(text + (<usize>j << 1));
        if (q != 0x201d && q != 0x300d && q != 0xff09) break;
        j++;
      }
      count = segment(G, s, j, count);
      s = j;
      i = j - 1;
      lastSoft = -1;
      continue;
    }
    if (c == 0xff0c || c == 0x2c || c == 0x3001 || c == 0x20 || c == 0x3000) lastSoft = i + 1;
    if (i + 1 - s >= MAX_SEG) {
      let cut = lastSoft > s + MAX_SEG / 2 ? lastSoft : i + 1;
      // never split a surrogate pair
      const hc = <i32>load<u16>(text + (<usize>(cut - 1) << 1));
      if (hc >= 0xd800 && hc <= 0xdbff && cut < L) cut++;
      count = segment(G, s, cut, count);
      s = cut;
      i = cut - 1;
      lastSoft = -1;
    }
  }
  if (s < L) count = segment(G, s, L, count);
  return count;
}

/** Decodes [from, to) and appends its chunks after the `count` already found; returns the new count. */
function segment(G: usize, from: i32, to: i32, count: i32): i32 {
  const n = to - from;
  // bounds: one segment's scratch holds segCap positions (a trap, never a write past it)
  if (n <= 0 || n > g(G, G_SEG_CAP)) unreachable();
  const total = decodeSegment(G, from, n);
  if (isNaN(total)) return count;
  store<f64>(<usize>g(G, G_TOTAL) + (<usize>from << 3), total);
  store<i32>(<usize>g(G, G_BW_LO) + (<usize>from << 2), to);
  const segFrom = <usize>g(G, G_SEG_FROM), segTo = <usize>g(G, G_SEG_TO);
  for (let i = from; i < to; i++) {
    store<i32>(segFrom + (<usize>i << 2), from);
    store<i32>(segTo + (<usize>i << 2), to);
  }
  // BIO chunks (TagSet.chunks): an I-k that does not continue a k chunk closes what is open
  const tags = <usize>g(G, G_TAGS);
  const out = <usize>g(G, G_CHUNKS);
  let open = -1;
  let openK = -1;
  for (let i = 0; i < n; i++) {
    const t = <i32>load<u8>(tags + <usize>i);
    if (t == 0) {
      if (open >= 0) count = chunk(out, count, openK, from + open, from + i);
      open = -1;
      continue;
    }
    const k = (t - 1) >> 1;
    if (t & 1) {
      if (open >= 0) count = chunk(out, count, openK, from + open, from + i);
      open = i;
      openK = k;
    } else if (open < 0 || openK != k) {
      if (open >= 0) count = chunk(out, count, openK, from + open, from + i);
      open = -1;
    }
  }
  if (open >= 0) count = chunk(out, count, openK, from + open, to);
  return count;
}

@inline function chunk(out: usize, count: i32, k: i32, s: i32, e: i32): i32 {
  const o = out + <usize>(count * 12);
  store<i32>(o, k);
  store<i32>(o, s, 4);
  store<i32>(o, e, 8);
  return count + 1;
}
