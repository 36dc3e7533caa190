/**
 * The shared candidate scan: one walk over the text finds, for every word list (WordScanner) and
 * lexicon, where its words start, and for every stage the positions worth a look. Stages then
 * visit their own lists instead of every position. Tuned: the per-position loop in candidates()
 * is branch-free where the tests are unpredictable; keep its typed arrays and bit tables as they are.
 */
import type { Lexicons } from '../lexicon';
import { Trie } from '../trie';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as scanTablesModule from './scanTables';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isHan } = charClassesModule;
const { ABBR_SAFE, BYLINE_FIRST, DATE_NUMERAL, DATE_WORD_LISTS, GOV_SHORT_SET, PAIR_CHARS, PARTY_FIRST, SOURCE_FIRST, placeStarts } = scanTablesModule;

/**
 * Word lists scanned over the whole text. Same matches as a global regex over the alternation
 * sorted longest first (leftmost start, longest word there, continue after it), found with one
 * trie walk per candidate position instead of the regex engine.
 */
export class WordScanner {
  static readonly all: WordScanner[] = [];
  readonly id: number;
  trie?: Trie<string>;
  constructor(private readonly words: () => string[]) {
    this.id = WordScanner.all.length;
    WordScanner.all.push(this);
  }
  build(): Trie<string> {
    if (!this.trie) {
      const t = new Trie<string>();
      for (const w of this.words()) if (w) t.set(w, w);
      this.trie = t;
    }
    return this.trie;
  }
  /** The matches in the text of `ctx`, in order (all word lists are matched in one pass, once). */
  scan(ctx: Ctx, fn: (a: number, b: number) => void): void {
    const hits = candidates(ctx).words[this.id];
    for (let k = 0; k < hits.length; k += 2) fn(hits[k], hits[k + 1]);
  }
}

/**
 * Positions worth a look for the lexicon stages, found in the same single pass as the word lists.
 * Which positions match a lexicon does not depend on what earlier stages claimed, so each stage
 * walks its list in order instead of the whole text and applies its own `taken` tests; a stage
 * that jumps past a span it added skips list entries before the jump target, as the full loop did.
 */
export interface Candidates {
  /** Per WordScanner: flat [start, end, ...]. */
  words: number[][];
  /** Lexicon company name starts here (stageCompanyLexicon, first pass). */
  company: number[];
  govFixed: number[];
  orgFixed: number[];
  /** A title core (lx.titleCores) starts here (stageTitles). */
  titleCore: number[];
  /** A place name, 首都 or a safe province abbreviation starts here. */
  place: Int32Array;
  /** A date may start here: a numeral or a date word (every position where dateMayStart holds). */
  date: Int32Array;
  /** A short government suffix 部/局/厅/委/署/办/处. */
  govShort: Int32Array;
  /** A title unit can start here on free text: a place name, org prefix, modifier or core. */
  title: Int32Array;
  /** First code unit of a byline label / of a source label. */
  byline: Int32Array;
  source: Int32Array;
  /** PARTY_FIRST: a party or a congress may start here (stageParties). */
  party: Int32Array;
  /** PAIR_CHARS or 华 (stageCountryAbbr). */
  country: Int32Array;
}

/** Position lists of Candidates held in one Int32Array (place … country). */
const CAND_LISTS = 8;
/**
 * That array, reused by the next document (a document's lists are only read while its
 * recognizeRich runs); texts needing more than CAND_KEEP entries get one of their own.
 */
let candBuf = new Int32Array(0);
const CAND_KEEP = 1 << 22;

// 16 bits, so the per-code-unit table is a Uint16Array (half the cache footprint of 32 bits)
/** Some key of the merged trie (word lists, lexicons) starts with this code unit. */
const B_TRIE = 1 << 0;
// (bit numbers named too: candidates() turns bits into 0/1 by shifting, not by branches)
/** A place name may start here (Han), or 首 (首都), or a safe province/city abbreviation. */
const S_PLACE = 1;
const S_DATE = 2;
const S_GOV_SHORT = 3;
const S_TITLE = 4;
const S_TITLE_WORD = 5;
const S_BYLINE = 6;
const S_SOURCE = 7;
/** PARTY_FIRST (stageParties). */
const S_PARTY = 8;
/** PAIR_CHARS or 华 (stageCountryAbbr). */
const S_COUNTRY = 9;
/** ABBR_SAFE. */
const S_ABBR_SAFE = 10;
/** The merged trie has a one-code-unit key here. */
const S_SINGLE = 11;
const B_PLACE = 1 << S_PLACE;
const B_DATE = 1 << S_DATE;
const B_GOV_SHORT = 1 << S_GOV_SHORT;
const B_TITLE = 1 << S_TITLE;
const B_TITLE_WORD = 1 << S_TITLE_WORD;
const B_BYLINE = 1 << S_BYLINE;
const B_SOURCE = 1 << S_SOURCE;
const B_PARTY = 1 << S_PARTY;
const B_COUNTRY = 1 << S_COUNTRY;
const B_ABBR_SAFE = 1 << S_ABBR_SAFE;
const B_SINGLE = 1 << S_SINGLE;

// bits of the merged trie's values: word list k is bit k (k < 8), then which lexicons have a key
const L_COMPANY = 1 << 8;
const L_GOV = 1 << 9;
const L_ORG = 1 << 10;
const S_LEX_PLACE = 11;
const L_PLACE = 1 << S_LEX_PLACE;
const L_CORE = 1 << 12;
/** A relative-date word, week word or day part (DATE_WORDS_BY_FIRST) starts here. */
const S_LEX_DATE = 13;

let maskCache: { lx: Lexicons; mask: Uint16Array; nWords: number; merged: Trie<number> } | undefined;
function candidateMask(lx: Lexicons): { mask: Uint16Array; nWords: number; merged: Trie<number> } {
  // (rebuilt when a word list was registered since: a test may load a stage file before the others)
  if (maskCache?.lx === lx && maskCache.nWords === WordScanner.all.length) return maskCache;
  const tries = WordScanner.all.map((w) => w.build());
  if (tries.length > 8) throw new Error('too many word lists for the merged trie');
  const m = new Uint16Array(65536);
  // built once per process; simple loops over local tables (this runs before any JIT warm-up)
  const mark = (table: Uint8Array, bit: number, from = 0, hanOnly = false) => {
    for (let c = from; c < 65536; c++) if (table[c] !== 0 && (!hanOnly || isHan(c))) m[c] |= bit;
  };
  mark(placeStarts(lx), B_PLACE, 0, true);
  // dates: numerals here, date words from the trie walk (most 上/下/中/前/后 start none)
  mark(DATE_NUMERAL, B_DATE);
  mark(GOV_SHORT_SET, B_GOV_SHORT);
  // the title stage only looks at code units >= 0x41
  mark(lx.places.first, B_TITLE, 0x41);
  mark(lx.titlePrefixes.first, B_TITLE_WORD, 0x41);
  mark(lx.titleCores.first, B_TITLE_WORD, 0x41);
  mark(lx.titleModifiers.first, B_TITLE_WORD, 0x41);
  mark(BYLINE_FIRST, B_BYLINE);
  mark(SOURCE_FIRST, B_SOURCE);
  mark(PARTY_FIRST, B_PARTY);
  mark(PAIR_CHARS, B_COUNTRY);
  m[0x534e] |= B_COUNTRY; // 华
  mark(ABBR_SAFE, B_ABBR_SAFE);
  // word lists, companies, government and organization names, places: one trie, one walk per
  // position (the word lists' longest matches and the lexicons' starts all come from that walk)
  const merged = new Trie<number>();
  const addAll = <V>(t: Trie<V>, bit: number) => {
    for (const k of t.keys()) merged.set(k, (merged.get(k) ?? 0) | bit);
  };
  tries.forEach((t, k) => addAll(t, 1 << k));
  addAll(lx.companies, L_COMPANY);
  addAll(lx.govFixed, L_GOV);
  addAll(lx.orgFixed, L_ORG);
  addAll(lx.places, L_PLACE);
  addAll(lx.titleCores, L_CORE);
  for (const list of DATE_WORD_LISTS) for (const { w } of list) merged.set(w, (merged.get(w) ?? 0) | (1 << S_LEX_DATE));
  mark(merged.first, B_TRIE);
  for (let c = 0; c < 65536; c++) if (merged.hasSingle(c)) m[c] |= B_SINGLE;
  maskCache = { lx, mask: m, nWords: tries.length, merged };
  return maskCache;
}

export function candidates(ctx: Ctx): Candidates {
  if (ctx.cands) return ctx.cands;
  const { s, lx } = ctx;
  const { mask, nWords, merged } = candidateMask(lx);
  const words: number[][] = [];
  for (let k = 0; k < nWords; k++) words.push([]);
  const company: number[] = [];
  const govFixed: number[] = [];
  const orgFixed: number[] = [];
  const titleCore: number[] = [];
  // per word list, where its next match may start (a match resumes after the previous one)
  const next = new Int32Array(nWords);
  const ends = new Int32Array(nWords);
  const n = s.length;
  // Which list takes a position depends on the text's characters in no predictable way: as
  // branches, those tests mispredict at a large share of positions. So every position is written
  // to every list and the list's length advances by the test's 0 or 1 (list L fills
  // buf[L·stride …]; stride n + 1 leaves room for the write past a full list's last entry).
  const stride = n + 1;
  let buf = candBuf;
  if (buf.length < stride * CAND_LISTS) {
    buf = new Int32Array(stride * CAND_LISTS);
    if (buf.length <= CAND_KEEP) candBuf = buf;
  }
  let nPlace = 0;
  let nDate = stride;
  let nGovShort = 2 * stride;
  let nTitle = 3 * stride;
  let nByline = 4 * stride;
  let nSource = 5 * stride;
  let nParty = 6 * stride;
  let nCountry = 7 * stride;
  // each code unit is read once: the next one (0 past the end) becomes the current one
  let c1 = s.charCodeAt(0) | 0;
  for (let p = 0; p < n; p++) {
    const c = c1;
    c1 = s.charCodeAt(p + 1) | 0;
    const m = mask[c];
    // the merged trie's own pre-test (first code unit, one-unit keys, hashed pairs), with the
    // first two from this table: one walk only where a key may start. (Past the end the pair is
    // (c, 0): a false positive there only costs a walk, which finds exactly the keys there are.)
    const walk = m & ((m >>> S_SINGLE) | merged.pairMayStartBit(c, c1)) & B_TRIE;
    const acc = walk !== 0 ? merged.masksAndEnds(s, p, ends, n) : 0;
    if (acc !== 0) {
      let bits = acc & 0xff;
      for (let k = 0; bits !== 0; k++, bits >>>= 1) {
        if ((bits & 1) === 0 || p < next[k]) continue;
        const e = ends[k];
        words[k].push(p, e);
        next[k] = e;
      }
      // (the former per-list tables marked companies only from code unit 0x41)
      if (acc & L_COMPANY && c >= 0x41) company.push(p);
      if (acc & L_GOV) govFixed.push(p);
      if (acc & L_ORG) orgFixed.push(p);
      if (acc & L_CORE) titleCore.push(p);
    }
    // a place name starts here (1 or 0)
    const place = (acc >>> S_LEX_PLACE) & 1;
    const capital = c === 0x9996 && c1 === 0x90fd ? 1 : 0; // 首都
    buf[nPlace] = p;
    nPlace += (m >>> S_PLACE) & (place | capital | (m >>> S_ABBR_SAFE)) & 1; // B_PLACE and (place, 首都 or B_ABBR_SAFE)
    buf[nDate] = p;
    nDate += ((m >>> S_DATE) | (acc >>> S_LEX_DATE)) & 1;
    buf[nGovShort] = p;
    nGovShort += (m >>> S_GOV_SHORT) & 1;
    buf[nTitle] = p;
    nTitle += ((m >>> S_TITLE_WORD) | ((m >>> S_TITLE) & place)) & 1; // B_TITLE_WORD, or B_TITLE and a place name
    buf[nByline] = p;
    nByline += (m >>> S_BYLINE) & 1;
    buf[nSource] = p;
    nSource += (m >>> S_SOURCE) & 1;
    buf[nParty] = p;
    nParty += (m >>> S_PARTY) & 1;
    buf[nCountry] = p;
    nCountry += (m >>> S_COUNTRY) & 1;
  }
  const out: Candidates = {
    words, company, govFixed, orgFixed, titleCore,
    place: buf.subarray(0, nPlace),
    date: buf.subarray(stride, nDate),
    govShort: buf.subarray(2 * stride, nGovShort),
    title: buf.subarray(3 * stride, nTitle),
    byline: buf.subarray(4 * stride, nByline),
    source: buf.subarray(5 * stride, nSource),
    party: buf.subarray(6 * stride, nParty),
    country: buf.subarray(7 * stride, nCountry),
  };
  ctx.cands = out;
  return out;
}

/**
 * Sorted distinct start offsets of every occurrence (overlapping too) of the non-empty words in s.
 * A document usually has a few such words (names, aliases): a native indexOf scan per word is the
 * fastest then. A long document can have thousands, and a scan per word would be quadratic in its
 * size, so past WORD_SCANS_MAX full scans the words go into a trie walked once over the text.
 */
export function occurrences(s: string, words: Iterable<string>): number[] {
  const list: string[] = [];
  for (const w of words) if (w) list.push(w);
  if (list.length * s.length > WORD_SCANS_MAX) return occurrencesByTrie(s, list);
  const out: number[] = [];
  for (const w of list) {
    for (let p = s.indexOf(w); p >= 0; p = s.indexOf(w, p + 1)) out.push(p);
  }
  out.sort((a, b) => a - b);
  let m = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[m++] = out[k];
  out.length = m;
  return out;
}

/** Code units scanned by indexOf (words × text length) beyond which one trie walk is cheaper. */
const WORD_SCANS_MAX = 4_000_000;

function occurrencesByTrie(s: string, words: string[]): number[] {
  const t = new Trie<true>();
  for (const w of words) t.set(w, true);
  const out: number[] = [];
  const first = t.first;
  for (let p = 0; p < s.length; p++) if (first[s.charCodeAt(p)] !== 0 && t.longestEnd(s, p) >= 0) out.push(p);
  return out;
}
