/**
 * Rule and lexicon recognizer. Works on a length-preserving normalised copy of the text
 * (full-width digits → ASCII, traditional → simplified), so every offset is an offset into the
 * original. Stages claim characters in order of reliability; later stages only use free characters.
 */
import type { EntityType, PersonRole, Span } from './types';
import { normalizeForMatching } from './normalize';
import { lexicons, type Lexicons, type PlaceInfo } from './lexicon';
import { Trie } from './trie';
import {
  BYLINE_LABELS, COMPANY_GENERIC_STEMS, COMPANY_SUFFIXES, DAY_PARTS, FOREIGN_STATES, GOV_LONG_SUFFIXES, GOV_REGION_HEADS,
  GOV_SHORT_SUFFIXES, ORG_SUFFIXES, POST_NAME_TITLES, PROVINCE_ABBR, PROVINCE_ABBR_UNSAFE, CITY_ABBR, RELATIVE_DATES,
  VENUE_SUFFIXES_STRONG, VENUE_SUFFIXES_WEAK,
} from './lexicon/words';
import { loadDefaultModel } from './model/index';
import { combineSortedInto, combineSpansInto, spanOrder } from './model/combine';

/** A title chain as written before (or after) a person's name. */
export interface TitleChain {
  /** The chain as written, e.g. "市委副书记、市长" or "北京市委书记". */
  inText: string;
  start: number;
  end: number;
  /** Units of the chain, each with the region written in it (if any). */
  units: { start: number; end: number; text: string; region?: string; hasRegionalPrefix: boolean; core: string }[];
  /** Explicit region written in the chain (canonical), e.g. 北京. */
  region?: string;
  /** Company the post belongs to (text of the company span), if any. */
  organization?: string;
  /** Offsets of the organization span, when written in the text. */
  orgStart?: number;
  orgEnd?: number;
  /** Type of the organization span (a post at a company, or in a government body/organization). */
  orgType?: EntityType;
}

/** Span with the extra facts the analysis needs. */
export interface RichSpan extends Span {
  priority: number;
  role?: PersonRole;
  chain?: TitleChain;
  /** Places: canonical info. */
  place?: PlaceInfo;
  /** Companies: a legal name's short forms (stem before the suffix, bracketed short name). */
  aliases?: string[];
  /** A short form that refers to the company written as `aliasOf` (legal name text). */
  aliasOf?: string;
  /** Companies: true when recognised by a legal-name suffix. */
  legal?: boolean;
  /** Places without lexicon info (venues): canonical name of the region written before them. */
  within?: string;
}

const MAX_TEXT_FOR_RULES = 4_000_000;

// ---------- character classes ----------
function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}
function isNameChar(c: number): boolean {
  return isHan(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0xb7 || c === 0x26 || c === 0x2d;
}
const PUNCT_RE = /[\s\p{P}\p{S}]/u;
function isBoundaryChar(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || PUNCT_RE.test(ch);
}

/** Words at which a backwards walk over a name stops (the name starts after them). */
const STOP_WORDS = [
  '来到', '走访', '调研', '考察', '会见了', '会见', '参观', '前往', '访问', '视察', '抵达', '走进', '包括', '以及', '其中', '还有', '了', '在', '与', '和', '及', '同', '向', '对', '是',
  '为', '由', '被', '将', '把', '从', '到', '等', '的', '后', '通过', '成立', '表示', '宣布', '收购', '旗下', '加入', '离开', '担任', '任职于', '携手', '联合', '签约', '合作', '这家', '该', '据', '如',
  '就', '于', '给', '让', '使', '称', '说', '指出', '强调', '希望', '支持', '推动', '鼓励', '欢迎', '感谢', '听取', '介绍', '座谈', '召开', '举办', '主办', '承办', '发布', '推出', '入驻', '落户',
  '投资', '建设', '设立', '组建', '改组', '成为', '作为', '即', '或', '又', '也', '还', '都', '曾', '已', '并', '而', '但', '向着', '面向', '针对', '有关', '相关', '各', '多家', '一家', '两家', '这些', '等在', '率领', '带领', '率',
  '符合', '加快', '推进', '促进', '帮助', '引导', '提升', '实现', '保障', '督促', '协助', '允许',
];
const STOP_TRIE = new Trie<string>();
for (const w of STOP_WORDS) STOP_TRIE.set(w, w);

/** A 64 K-entry membership table over UTF-16 code units. */
function codeSet(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** Walks back from `end` over name characters; returns the start after the last stop word. */
function walkBack(s: string, end: number, maxLen: number, taken: Uint8Array, floor = 0, lx?: Lexicons): { start: number; cutBy?: string } {
  let j = end;
  let depth = 0;
  while (j > floor && end - j < maxLen) {
    const c = s.charCodeAt(j - 1);
    if (taken[j - 1]) break;
    if (c === 0xff09 || c === 0x29) {
      depth++;
      j--;
      continue;
    }
    if (c === 0xff08 || c === 0x28) {
      if (depth === 0) break;
      depth--;
      j--;
      continue;
    }
    if (isNameChar(c)) {
      j--;
      continue;
    }
    break;
  }
  // never start inside a bracket
  while (j < end && (s[j] === '（' || s[j] === '(' || s[j] === '）' || s[j] === ')')) {
    if (s[j] === '（' || s[j] === '(') {
      // search only up to `end` (indexOf would scan the rest of a long text when unbalanced)
      const want = s.charCodeAt(j) === 0xff08 ? 0xff09 : 0x29;
      let close = -1;
      for (let k = j; k < end; k++) {
        if (s.charCodeAt(k) === want) {
          close = k;
          break;
        }
      }
      if (close < 0) return { start: end };
      j = close + 1;
    } else j++;
  }
  // cut after the last stop word (outside brackets)
  let start = j;
  let cutBy: string | undefined;
  let inBr = 0;
  for (let k = j; k < end; k++) {
    const ch = s[k];
    if (ch === '（' || ch === '(') inBr++;
    else if (ch === '）' || ch === ')') inBr = Math.max(0, inBr - 1);
    if (inBr || STOP_TRIE.first[s.charCodeAt(k)] === 0) continue;
    // the longest stop word at k that ends by `end`
    const e = STOP_TRIE.longestEnd(s, k, end);
    if (e > 0) {
      start = e;
      cutBy = s.slice(k, e);
    }
  }
  // a single-character stop word inside a known name (华为, 和记) does not cut it
  if (lx && cutBy && cutBy.length === 1 && start > j) {
    for (let k = j; k < start; k++) {
      const hit = lx.companies.longest(s, k, end);
      if (hit && hit[0] > start - 1 && hit[0] <= end) return { start: k, cutBy: undefined };
    }
  }
  return { start, cutBy };
}

// ---------- dates ----------
const D_NUM = '(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})';
const D_YEAR = '(?:[0-9]{4}|[零〇一二三四五六七八九]{4}|[0-9]{2}(?=年[0-9一二三四五六七八九十]{1,2}月))年';
const D_MONTH = '(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月(?:份)?';
const D_DAY = '(?:3[01]|[12][0-9]|0?[1-9]|[一二]?十[一二三四五六七八九]?|三十一?|[一二三四五六七八九])[日号]';
const D_PART = `(?:${DAY_PARTS.join('|')})`;
const D_TIME = `(?:(?:[01]?[0-9]|2[0-4]|[一二三四五六七八九十]{1,3})[时点](?:(?:[0-5]?[0-9]|[一二三四五]?十[一二三四五六七八九]?)分|半|许|左右)?|[0-2]?[0-9]:[0-5][0-9])`;
const D_REL = `(?:${RELATIVE_DATES.slice().sort((a, b) => b.length - a.length).join('|')})`;
const D_WEEK = '(?:星期|周|礼拜)[一二三四五六日天]';
const DATE_RE = new RegExp(
  [
    `${D_YEAR}(?:${D_MONTH}(?:${D_DAY})?)?(?:(?:至|到|—|-|～|~)(?:${D_YEAR})?(?:${D_MONTH})?(?:${D_DAY}))?(?:${D_PART})?(?:${D_TIME})?`,
    `${D_MONTH}${D_DAY}?(?:(?:至|到|—|-|～|~)(?:${D_MONTH})?${D_DAY})?(?:[(（]${D_WEEK}[)）]|${D_WEEK})?(?:${D_PART})?(?:${D_TIME})?`,
    `${D_DAY}(?=${D_PART}|${D_TIME}|电|讯)(?:${D_PART})?(?:${D_TIME})?`,
    `${D_REL}(?:${D_MONTH}(?:${D_DAY})?)?(?:${D_PART})?(?:${D_TIME})?`,
    `(?:19|20)[0-9]{2}(?:-(?:1[0-2]|0?[1-9])-(?:3[01]|[12][0-9]|0?[1-9])|/(?:1[0-2]|0?[1-9])/(?:3[01]|[12][0-9]|0?[1-9]))(?![0-9])(?:[ T]?[0-2]?[0-9]:[0-5][0-9](?::[0-5][0-9])?)?`,
    `(?:3[01]|[12][0-9]|0?[1-9])日(?![游内均元])`,
    `${D_WEEK}(?:${D_PART})?(?:${D_TIME})?`,
    `${D_PART}${D_TIME}`,
    `(?:[01]?[0-9]|2[0-4])[时点](?:[0-5]?[0-9]分|半|许)`,
  ].join('|'),
  'g',
);
void D_NUM;
const DATE_RE_STICKY = new RegExp(DATE_RE.source, 'y');
// Every date match starts with a numeral (digit or Chinese numeral), 星期/周/礼拜, a relative-date
// word or a day part: candidates() lists numerals and where such a word starts.
/** Numerals of the date regex (digits and Chinese numerals); no date word starts with one. */
const DATE_NUMERAL = codeSet('0123456789零〇一二三四五六七八九十');
/**
 * A match starting with a numeral is a run of numerals followed by one of these (年, 月, 日/号,
 * 时/点, the : of a clock time, the - or / of an ISO date): its first non-numeral character.
 */
const DATE_AFTER_NUM = codeSet('年月日号时点:-/');
/** Every other match starts with a relative-date word, a week word, or a day part followed by a time. */
const DATE_WORDS_BY_FIRST = (() => {
  const m = new Map<number, Array<{ w: string; part: boolean }>>();
  const put = (w: string, part: boolean) => {
    const k = w.charCodeAt(0);
    const arr = m.get(k) ?? [];
    arr.push({ w, part });
    m.set(k, arr);
  };
  for (const w of RELATIVE_DATES) put(w, false);
  for (const w of ['星期', '周', '礼拜']) put(w, false);
  for (const w of DAY_PARTS) put(w, true);
  return m;
})();
/** Index + 1 into DATE_WORD_LISTS by first code unit (0 = no date word starts with it). */
const DATE_WORD_ID = new Uint8Array(65536);
const DATE_WORD_LISTS: Array<Array<{ w: string; part: boolean }>> = [];
for (const [c, list] of DATE_WORDS_BY_FIRST) {
  DATE_WORD_LISTS.push(list);
  DATE_WORD_ID[c] = DATE_WORD_LISTS.length;
}
if (DATE_WORD_LISTS.length > 255) throw new Error('too many date word starts');
/**
 * False only where the date regex cannot match at p (a necessary condition checked without the
 * regex engine): most candidate positions are numerals in ordinary numbers, or day parts
 * without a time after them.
 */
function dateMayStart(s: string, p: number): boolean {
  const c = s.charCodeAt(p);
  if (DATE_NUMERAL[c] === 1) {
    let q = p + 1;
    while (q < s.length && q - p <= 8 && DATE_NUMERAL[s.charCodeAt(q)] === 1) q++;
    if (q - p > 8) return true;
    return q < s.length && DATE_AFTER_NUM[s.charCodeAt(q)] === 1;
  }
  const id = DATE_WORD_ID[c];
  if (id === 0) return true;
  const words = DATE_WORD_LISTS[id - 1];
  for (const { w, part } of words) {
    if (!s.startsWith(w, p)) continue;
    if (!part) return true;
    // a day part starts a match only when a time follows (a numeral: 9时, 九点, 9:30)
    const q = p + w.length;
    if (q < s.length && DATE_NUMERAL[s.charCodeAt(q)] === 1) return true;
  }
  return false;
}

// ---------- helpers ----------
interface Ctx {
  s: string;
  n: number;
  taken: Uint8Array;
  spans: RichSpan[];
  lx: Lexicons;
  /** Company/gov spans by start offset, for title chains. */
  orgAt: Map<number, RichSpan>;
  /** 1 at every key of orgAt (a typed-array test for the hot loops). */
  orgMark: Uint8Array;
  /** The keys of orgAt (as an array: copying a Map's key iterator into a typed array is slow). */
  orgStarts: number[];
  /** Lexicon and word-list candidates, computed on first use. */
  cands?: Candidates;
}

function setOrg(ctx: Ctx, start: number, sp: RichSpan): void {
  if (ctx.orgMark[start] === 0) ctx.orgStarts.push(start);
  ctx.orgAt.set(start, sp);
  ctx.orgMark[start] = 1;
}

function free(ctx: Ctx, a: number, b: number): boolean {
  if (a < 0 || b > ctx.n || a >= b) return false;
  for (let i = a; i < b; i++) if (ctx.taken[i]) return false;
  return true;
}
function add(ctx: Ctx, sp: Omit<RichSpan, 'text'> & { text?: string }): RichSpan | undefined {
  if (!free(ctx, sp.start, sp.end)) return undefined;
  // every caller passes a fresh literal: completing it gives the same object (same key order) as a copy
  const full = sp as RichSpan;
  full.text = ctx.s.slice(sp.start, sp.end);
  for (let i = sp.start; i < sp.end; i++) ctx.taken[i] = 1;
  ctx.spans.push(full);
  return full;
}

function regexAll(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

/**
 * Word lists scanned over the whole text. Same matches as a global regex over the alternation
 * sorted longest first (leftmost start, longest word there, continue after it), found with one
 * trie walk per candidate position instead of the regex engine.
 */
class WordScanner {
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
interface Candidates {
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
  if (maskCache?.lx === lx) return maskCache;
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

function candidates(ctx: Ctx): Candidates {
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

// ---------- stages ----------
function stageDates(ctx: Ctx): void {
  // the global regex's matches: tried (sticky) only where a date can start, resuming after each match
  const s = ctx.s;
  const list = candidates(ctx).date;
  let nextP = 0;
  for (let k = 0; k < list.length; k++) {
    const p = list[k];
    if (p < nextP || !dateMayStart(s, p)) continue;
    DATE_RE_STICKY.lastIndex = p;
    const m = DATE_RE_STICKY.exec(s);
    if (!m || m[0].length === 0) continue;
    const a = m.index;
    const b = a + m[0].length;
    nextP = b;
    if (a > 0) {
      const pc = s.charCodeAt(a - 1);
      if (pc >= 0x30 && pc <= 0x39) continue;
    }
    add(ctx, { type: 'date', start: a, end: b, priority: 90, source: 'rule' });
  }
}

const BYLINE_RE = new RegExp(`(?:^|[\\s（(【\\[|｜，,])(?:${BYLINE_LABELS.slice().sort((a, b) => b.length - a.length).join('|')})[：:]\\s*`, 'gm');
const SOURCE_RE = /(?:^|[\s（(【[])(?:来源|稿源|出处|转自|来自)[：:]\s*/gm;
const BYLINE_STICKY = new RegExp(BYLINE_RE.source, 'my');
const SOURCE_STICKY = new RegExp(SOURCE_RE.source, 'my');
/** JS `\s`: WhiteSpace and LineTerminator code units. */
const JS_SPACE = (() => {
  const t = codeSet('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff');
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 1;
  return t;
})();
const BYLINE_LEFT = (() => {
  const t = JS_SPACE.slice();
  for (const ch of '（(【[|｜，,') t[ch.charCodeAt(0)] = 1;
  return t;
})();
const SOURCE_LEFT = (() => {
  const t = JS_SPACE.slice();
  for (const ch of '（(【[') t[ch.charCodeAt(0)] = 1;
  return t;
})();
const BYLINE_FIRST = codeSet(BYLINE_LABELS.map((w) => w[0]).join(''));
const SOURCE_FIRST = codeSet('来稿出转');

/** ^ in a multiline regex: start of text or after a line terminator. */
function lineStartAt(s: string, p: number): boolean {
  if (p === 0) return true;
  const c = s.charCodeAt(p - 1);
  return c === 0x0a || c === 0x0d || c === 0x2028 || c === 0x2029;
}

/**
 * The matches of a global `(?:^|[left])(?:labels)…` regex: a match starts either at a line start
 * with a label, or at a `left` character followed by a label, so it is tried (sticky) only there,
 * in order, resuming after each match — the same matches as scanning with the global regex.
 */
function labelMatches(s: string, labelStarts: Int32Array, left: Uint8Array, sticky: RegExp, fn: (m: RegExpExecArray) => void): void {
  let nextP = 0;
  const tryAt = (p: number) => {
    if (p < nextP) return;
    sticky.lastIndex = p;
    const m = sticky.exec(s);
    if (!m || m[0].length === 0) return;
    nextP = m.index + m[0].length;
    fn(m);
  };
  for (const q of labelStarts) {
    if (q > 0 && left[s.charCodeAt(q - 1)] === 1) tryAt(q - 1);
    if (lineStartAt(s, q)) tryAt(q);
  }
}

function stageBylines(ctx: Ctx): void {
  const { s } = ctx;
  const cands = candidates(ctx);
  labelMatches(s, cands.byline, BYLINE_LEFT, BYLINE_STICKY, (m) => {
    let p = m.index + m[0].length;
    for (let guard = 0; guard < 8; guard++) {
      const r = readNameStrict(ctx, p);
      if (!r) break;
      add(ctx, { type: 'person', start: p, end: r, priority: 100, source: 'rule', role: 'other', chain: undefined });
      const label = m[0].replace(/^[\s（(【[|｜，,]/, '').replace(/[：:]\s*$/, '');
      const last = ctx.spans[ctx.spans.length - 1];
      const ls = m.index + m[0].indexOf(label);
      if (last && last.start === p) last.chain = { inText: label, start: ls, end: ls + label.length, units: [{ start: ls, end: ls + label.length, text: label, core: label, hasRegionalPrefix: false }] };
      p = r;
      while (p < s.length && (s[p] === '、' || s[p] === ' ' || s[p] === '，' || s[p] === ',' || s[p] === '\u3000')) p++;
    }
  });
  // Linear on long lines: the line end is found once per line, and a later label on a line that
  // an earlier label already walked to its end only needs its own first item (every later item
  // starts after a separator the earlier walk passed, so it was tried already and `taken` only grows).
  let cachedFrom = -1;
  let cachedLineEnd = -1;
  let walkedLineEnd = -1;
  labelMatches(s, cands.source, SOURCE_LEFT, SOURCE_STICKY, (m) => {
    let p = m.index + m[0].length;
    if (!(p >= cachedFrom && p <= cachedLineEnd)) {
      const e = s.indexOf('\n', p);
      cachedFrom = p;
      cachedLineEnd = e < 0 ? s.length : e;
    }
    const lineEnd = cachedLineEnd;
    const firstOnly = walkedLineEnd === lineEnd;
    walkedLineEnd = lineEnd;
    while (p < lineEnd) {
      let q = p;
      let colon = false;
      for (; q < lineEnd; q++) {
        const c = s.charCodeAt(q);
        if (SOURCE_SEPS[c] === 1) break;
        if (c === 0x3a || c === 0xff1a) colon = true;
      }
      const len = q - p;
      // another field of the same line (发布时间:…, 编辑:…) ends the list of sources
      if (colon) break;
      if (len >= 2 && len <= 16) {
        const txt = s.slice(p, q);
        const company = ctx.lx.companies.get(txt);
        if (company) add(ctx, { type: 'company', start: p, end: q, priority: 85, source: 'lexicon' });
        else add(ctx, { type: 'organization', start: p, end: q, priority: 85, source: 'rule' });
      }
      p = q + 1;
      if (firstOnly) break;
    }
  });
}

const SOURCE_SEPS = codeSet('、，,；;/|｜ 　）)');

/** Stop words that are also common words of company names (新星投资有限公司, 中国建设银行). */
const COMPANY_NAME_STOPS = new Set(['投资', '建设', '合作', '联合']);
const COMPANY_WORDS = new WordScanner(() => [...COMPANY_SUFFIXES, '分行', '支行', '分公司', '办事处', '代表处']);
const REGION_BRACKET_RE = /（[^（）]{1,8}）|\([^()]{1,8}\)/g;

function companyStem(name: string): string {
  let t = name.replace(REGION_BRACKET_RE, '');
  t = t.replace(/(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|控股有限公司|有限公司|集团公司|公司|集团|控股|股份)$/, '');
  t = t.replace(/(股份有限公司|有限责任公司|有限公司).*$/, '');
  return t;
}

function stageCompanies(ctx: Ctx): void {
  const { s, lx } = ctx;
  const hits: { start: number; end: number }[] = [];
  COMPANY_WORDS.scan(ctx, (a, b) => hits.push({ start: a, end: b }));
  for (let h = hits.length - 1; h >= 0; h--) {
    const { start: sufStart, end: sufEnd } = hits[h];
    if (ctx.taken[sufStart]) continue;
    const suffix = s.slice(sufStart, sufEnd);
    const back = walkBack(s, sufStart, 30, ctx.taken, 0, lx);
    let start = back.start;
    // 新星投资有限公司: a name word that is also a stop word (投资, 建设) right before the suffix is part of the name
    if (back.cutBy && sufStart - start < 2 && COMPANY_NAME_STOPS.has(back.cutBy) && start - back.cutBy.length > 0) {
      const before = walkBack(s, start - back.cutBy.length, 30, ctx.taken, 0, lx).start;
      if (start - back.cutBy.length - before >= 2) start = before;
    }
    if (start >= sufStart) continue;
    // 控股股东, 控股子公司, 控股权: holding, not a company suffix
    if (suffix === '控股' && (s.startsWith('股东', sufEnd) || s.startsWith('子公司', sufEnd) || s.charCodeAt(sufEnd) === 0x6743)) continue;
    let name = s.slice(start, sufEnd);
    const stemAll = s.slice(start, sufStart).replace(REGION_BRACKET_RE, '');
    if (stemAll.length < 2 && !/公司$/.test(suffix)) continue;
    if (stemAll.length < 1) continue;
    if (COMPANY_GENERIC_STEMS.has(stemAll) || /^[这那该本此各每其][家个]?$/.test(stemAll)) continue;
    // 1.55亿股股份, 500万元股份: a quantity, not a name
    if (/(家|个|些|类|级|型|性|化|的|股|亿|万|元)$/.test(stemAll) && !lx.companies.has(stemAll)) continue;
    if (suffix === '银行' && stemAll.length < 2) continue;
    if ((suffix === '股份' || suffix === '控股') && stemAll.length < 2) continue;
    if ((suffix === '办事处' || suffix === '代表处' || suffix === '支行' || suffix === '分行') && !/(公司|银行|集团)/.test(stemAll)) {
      if (suffix !== '分行' && suffix !== '支行') continue;
    }
    let end = sufEnd;
    void name;
    // a bracketed short name right after: （小红书）, （以下简称“康宁”）
    const aliases: string[] = [];
    const stem = companyStem(s.slice(start, end));
    if (stem.length >= 2 && stem !== s.slice(start, end)) aliases.push(stem);
    const sp = add(ctx, { type: 'company', start, end, priority: 80, source: 'rule', legal: true, aliases });
    if (!sp) continue;
    const br = /^[（(](?:以下简称|下称|简称)?[“"「]?([^（）()“”"「」]{2,10})[”"」]?[）)]/.exec(s.slice(end, end + 20));
    if (br) {
      const inner = br[1];
      const innerStart = end + br[0].indexOf(inner);
      if (!lx.placeByName.has(inner) && !/^[0-9]+$/.test(inner)) {
        sp.aliases!.push(inner);
        add(ctx, { type: 'company', start: innerStart, end: innerStart + inner.length, priority: 80, source: 'rule', aliasOf: sp.text });
      }
    }
    setOrg(ctx, start, sp);
    end = sp.end;
  }
}

/**
 * A document's few company aliases: the same longest-match answers as a Trie over them, without
 * allocating a Trie's 64 K-entry tables for every document that has a legal company name.
 */
class AliasSet {
  private readonly lens: number[];
  constructor(private readonly map: Map<string, string>) {
    const lens = new Set<number>();
    for (const k of map.keys()) {
      if (!k) continue;
      lens.add(k.length);
    }
    this.lens = [...lens].sort((a, b) => b - a);
  }
  longest(s: string, i: number): [number, string] | undefined {
    for (const L of this.lens) {
      if (i + L > s.length) continue;
      const v = this.map.get(s.substr(i, L));
      if (v !== undefined) return [i + L, v];
    }
    return undefined;
  }
}

function stageCompanyLexicon(ctx: Ctx, extraMap?: Map<string, string>): void {
  const { s, lx } = ctx;
  let extra: AliasSet | undefined;
  if (extraMap?.size) extra = new AliasSet(extraMap);
  const taken = ctx.taken;
  if (!extra) {
    const list = candidates(ctx).company;
    let nextI = 0;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (i < nextI || taken[i]) continue;
      nextI = companyLexiconAt(ctx, i, undefined) + 1;
    }
    return;
  }
  // Second pass (extra aliases): every free position with a lexicon hit was already tried by the
  // first pass and `taken` only grows, so a lexicon-only hit cannot succeed now; only positions
  // where an alias matches need a look. They are found with indexOf per alias (a document has few)
  // and visited in order, resuming where the full loop over the text would.
  const at = occurrences(s, extraMap!.keys());
  let nextI = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (i < nextI || taken[i] || s.charCodeAt(i) < 0x41) continue;
    nextI = companyLexiconAt(ctx, i, extra) + 1;
  }
}

/**
 * Sorted distinct start offsets of every occurrence (overlapping too) of the non-empty words in s.
 * (A document has a few such words, names or aliases: a native indexOf scan per word beats one
 * pass over the text in JS.)
 */
function occurrences(s: string, words: Iterable<string>): number[] {
  const out: number[] = [];
  for (const w of words) {
    if (!w) continue;
    for (let p = s.indexOf(w); p >= 0; p = s.indexOf(w, p + 1)) out.push(p);
  }
  out.sort((a, b) => a - b);
  let m = 0;
  for (let k = 0; k < out.length; k++) if (k === 0 || out[k] !== out[k - 1]) out[m++] = out[k];
  out.length = m;
  return out;
}

function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** Tries the company (or alias) name at i; returns the next loop index. */
function companyLexiconAt(ctx: Ctx, i: number, extra: AliasSet | undefined): number {
  const { s, n, lx } = ctx;
  let hit = lx.companies.longest(s, i);
  let aliasOf: string | undefined;
  if (extra) {
    const e = extra.longest(s, i);
    if (e && (!hit || hit[0] < e[0])) {
      hit = [e[0], { name: s.slice(i, e[0]), source: 'brand' }];
      aliasOf = e[1];
    }
  }
  if (!hit) return i;
  const [end] = hit;
  // ASCII names must sit at word boundaries
  if (isAsciiAlnum(s.charCodeAt(i)) && i > 0 && isAsciiAlnum(s.charCodeAt(i - 1))) return i;
  if (isAsciiAlnum(s.charCodeAt(end - 1)) && end < n && isAsciiAlnum(s.charCodeAt(end))) return i;
  // a short name glued to 社 is part of a news agency's name (中通社 is not 中通)
  if (end < n && s.charCodeAt(end) === 0x793e) return i;
  const sp = add(ctx, { type: 'company', start: i, end, priority: 70, source: 'lexicon', aliasOf });
  if (sp) {
    setOrg(ctx, i, sp);
    return end - 1;
  }
  return i;
}

// ---------- political parties and their congresses ----------
/** Party names written in full: no boundary needed (general knowledge: CPC and the eight democratic parties). */
const PARTY_FULL = [
  '中国共产党', '共产党', '中国国民党革命委员会', '中国国民党', '国民党', '中国民主同盟', '中国民主建国会', '中国民主促进会', '中国农工民主党', '农工民主党',
  '中国致公党', '致公党', '九三学社', '台湾民主自治同盟', '民进党', '民主党', '共和党', '保守党', '自民党',
];
/** Short forms that are also pieces of ordinary words (人民建设, 居民进入): need a boundary on both sides. */
const PARTY_SHORT = ['中共', '民革', '民盟', '民建', '民进', '农工党', '台盟', '工党', '社会党', '社民党'];
const PARTY_TRIE = new Trie<number>();
for (const w of PARTY_FULL) PARTY_TRIE.set(w, 1);
for (const w of PARTY_SHORT) PARTY_TRIE.set(w, 2);
const PARTY_FIRST = codeSet([...PARTY_FULL, ...PARTY_SHORT].map((w) => w[0]).join('') + '第十');
const CN_NUM = codeSet('一二三四五六七八九十');
const PARTY_LEFT_OK = codeSet('、和与及同是的在由向对了从自为以将等并即或');
/** After 十N大: what would make it "the fifteen big …" rather than a congress. */
const CONGRESS_NOT_BEFORE = codeSet('城学楼厦型批类项品件国企行家师赛奖洲湖桥块门队');

/** 第十五次全国代表大会 / 十五大 / 十大 at p: returns its end. */
function congressAt(s: string, p: number, afterParty: boolean): number {
  const n = s.length;
  if (s.charCodeAt(p) === 0x7b2c) {
    // 第
    let q = p + 1;
    while (q < n && q - p <= 3 && CN_NUM[s.charCodeAt(q)] === 1) q++;
    if (q > p + 1 && s.startsWith('次全国代表大会', q)) return q + 7;
    return -1;
  }
  let q = p;
  while (q < n && q - p < 3 && CN_NUM[s.charCodeAt(q)] === 1) q++;
  if (q === p || s.charCodeAt(q) !== 0x5927 /* 大 */) return -1;
  const digits = q - p;
  // bare: only 十一大 … 十九大 (十大 and 三大 alone are "the ten/three big …")
  if (!afterParty && !(digits === 2 && s[p] === '十')) return -1;
  if (q + 1 < n && (CONGRESS_NOT_BEFORE[s.charCodeAt(q + 1)] === 1 || s[q + 1] === '会')) return -1;
  return q + 1;
}

function stageParties(ctx: Ctx): void {
  const { s, n, taken } = ctx;
  // positions whose code unit may start a party or a congress, visited in order; a jump past an
  // added span skips the entries before its end, as the loop over every position did
  const list = candidates(ctx).party;
  let nextI = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (i < nextI || taken[i]) continue;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    const leftOk = i === 0 || !isHan(prev) || taken[i - 1] === 1 || PARTY_LEFT_OK[prev] === 1;
    const hit = PARTY_TRIE.longest(s, i);
    if (!hit) {
      // a congress without the party: 第十五次全国代表大会, (特别是)十四大
      if (!leftOk && s[i] !== '第') continue;
      const e = congressAt(s, i, false);
      if (e > 0 && free(ctx, i, e)) {
        add(ctx, { type: 'government', start: i, end: e, priority: 80, source: 'rule' });
        nextI = e;
      }
      continue;
    }
    let [b, kind] = hit;
    const word = s.slice(i, b);
    if ((word === '民主党' && s[b] === '派') || s[b] === '员' || s[b] === '委') continue; // 民主党派 (the class), 共产党员, 党委
    if (kind === 2) {
      // 中央, 成立 or a congress after it identify the party whatever precedes (纪念民革成立, 致民革九大)
      const strongRight = s.startsWith('中央', b) || s.startsWith('成立', b) || congressAt(s, b, true) > 0;
      if (!strongRight) {
        if (!leftOk) continue;
        // after punctuation or at the start the short form is the party (，民革积极参政议政); after a function word a right boundary too
        const strongLeft = i === 0 || !isHan(prev) || taken[i - 1] === 1;
        if (!strongLeft && b < n && isHan(s.charCodeAt(b)) && !taken[b] && !/[、和与及的中第十在是等主副党同向对为召提领也]/.test(s[b])) continue;
      }
    }
    // 中共中央 is the government body of the lexicon; 中国共产党中央委员会, 致公党中央 extend the party
    if (word === '中共' && s.startsWith('中央', b)) continue;
    let end = b;
    if (s.startsWith('中央', b)) end = s.startsWith('委员会', b + 2) ? b + 5 : b + 2;
    else {
      const e = congressAt(s, b, true);
      if (e > 0) end = e;
    }
    if (!free(ctx, i, end)) continue;
    const sp = add(ctx, { type: 'government', start: i, end, priority: 80, source: 'rule' });
    if (sp) setOrg(ctx, i, sp);
    nextI = end;
  }
}

const GOV_LONG_WORDS = new WordScanner(() => GOV_LONG_SUFFIXES);
// the former regex `[部局厅委署办处]|委员会` only ever matched one character (委 wins before 委员会)
const GOV_SHORT_SET = codeSet(GOV_SHORT_SUFFIXES.join(''));

function stageGov(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  // fixed names (with an optional region before them: 北京市人民政府, 广东省人民检察院 handled by long suffixes)
  const cands = candidates(ctx);
  let nextI = 0;
  for (const i of cands.govFixed) {
    if (i < nextI || ctx.taken[i]) continue;
    const hit = lx.govFixed.longest(s, i);
    if (hit) {
      // 教育部队 (教育 + 部队), 外交部门: a body ending in 部 glued to 队/门/分/位 is another word
      if (s.charCodeAt(hit[0] - 1) === 0x90e8 && GOV_BU_NEXT[s.charCodeAt(hit[0])] === 1) continue;
      // a province/city level written before a national name: 省国资委, 市发改委
      const start = levelCharBefore(ctx, i) ? i - 1 : i;
      const sp = add(ctx, { type: 'government', start, end: hit[0], priority: 80, source: 'lexicon' });
      if (sp) {
        setOrg(ctx, start, sp);
        nextI = hit[0];
      }
    }
  }
  // long suffixes with free stems: 北京商务中心区管委会
  const hits: number[][] = [];
  GOV_LONG_WORDS.scan(ctx, (a, b) => hits.push([a, b]));
  for (let h = hits.length - 1; h >= 0; h--) {
    const [a, b] = hits[h];
    if (ctx.taken[a]) continue;
    if (s.charCodeAt(b - 1) === 0x90e8 && GOV_BU_NEXT[s.charCodeAt(b)] === 1) continue; // 公安部门
    const { start } = walkBack(s, a, 16, ctx.taken);
    if (a - start < 2) continue;
    const stem = s.slice(start, a);
    if (/^(该|本|此|各|这个|相关|有关|上述|其|我|你|他)/.test(stem)) continue;
    const sp = add(ctx, { type: 'government', start, end: b, priority: 80, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
  // department stems with short suffixes: (region)商务部, 发改委, 市场监管局
  for (const a of cands.govShort) {
    if (ctx.taken[a]) continue;
    const b = a + 1;
    if (s.charCodeAt(a) === 0x90e8 && GOV_BU_NEXT[s.charCodeAt(b)] === 1) continue; // 公安部门, 国防部队
    // find a stem ending at a
    let best = -1;
    for (let L = 2; L <= 10 && a - L >= 0; L++) {
      if (lx.govStems.getIn(s, a - L, a)) best = a - L;
    }
    // one-character stems of 办 offices, only with a level written before them: 省台办, 市侨办
    if (best < 0 && a >= 2 && s.charCodeAt(a) === 0x529e && GOV_BAN_ONE[s.charCodeAt(a - 1)] === 1 && levelCharBefore(ctx, a - 1)) best = a - 1;
    if (best < 0) continue;
    let start = best;
    // the party committee or government a department belongs to: 市委宣传部, 省政府办公厅, 镇江市委组织部
    if (start >= 2 && PARTY_HEADS.has(s.slice(start - 2, start)) && free(ctx, start - 2, start)) start -= 2;
    // optional region (北京市 / 市 / 省 / 国家) before the stem
    const region = regionEndingAt(ctx, start);
    if (region !== undefined) start = region;
    else if (levelCharBefore(ctx, start)) start--;
    else if (s.slice(start - 2, start) === '国家') start -= 2;
    if (!free(ctx, start, b)) continue;
    const sp = add(ctx, { type: 'government', start, end: b, priority: 78, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
}

const GOV_BU_NEXT = codeSet('队门分位');
/** Committees a department is written under: 市委宣传部, 省委组织部. */
const PARTY_HEADS = new Set(['市委', '省委', '区委', '县委', '州委']);
/** 台办, 侨办, 外办, 编办. */
const GOV_BAN_ONE = codeSet('台侨外编');
const LEVEL_CHARS = codeSet('市省区县');
/** A free 市/省/区/县 right before `i` that starts a word (省国资委, 省台办; not 城市国资委). */
function levelCharBefore(ctx: Ctx, i: number): boolean {
  const { s } = ctx;
  if (i < 1 || LEVEL_CHARS[s.charCodeAt(i - 1)] === 0 || ctx.taken[i - 1]) return false;
  return i < 2 || !isHan(s.charCodeAt(i - 2)) || ctx.taken[i - 2] === 1;
}

/** Start offset of a free place name (with optional 市/省 suffix) ending exactly at `end`. */
function regionEndingAt(ctx: Ctx, end: number): number | undefined {
  for (let L = 7; L >= 2; L--) {
    const a = end - L;
    if (a < 0 || !free(ctx, a, end)) continue;
    const p = ctx.lx.places.getIn(ctx.s, a, end);
    if (p && (p.level === 'province' || p.level === 'city' || p.level === 'district')) return a;
  }
  return undefined;
}

const GOV_REGION_HEAD_WORDS = new WordScanner(() => GOV_REGION_HEADS);
function stageGovRegionHeads(ctx: Ctx): void {
  GOV_REGION_HEAD_WORDS.scan(ctx, (a, b) => {
    if (!free(ctx, a, b)) return;
    // 北京市委 = 北京 + 市委; 广东省政府 = 广东 + 省政府; also 北京市 + 政府
    const r = regionEndingAt(ctx, a);
    if (r === undefined) return;
    add(ctx, { type: 'government', start: r, end: b, priority: 75, source: 'rule' });
  });
}

/** A post of the body follows at b (哈佛大学校长), not a longer body (艺术网理事会, 文联党组书记). */
/** Only spaces between the line start and `p`. */
function atLineStart(s: string, p: number): boolean {
  let k = p - 1;
  while (k >= 0 && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x3000 || s.charCodeAt(k) === 0x09)) k--;
  return k < 0 || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d;
}

function postAfter(ctx: Ctx, b: number): boolean {
  const hit = ctx.lx.titleCores.longest(ctx.s, b);
  return !!hit && ctx.s[b] !== '党' && ctx.s[hit[0]] !== '会';
}

const ORG_WORDS = new WordScanner(() => ORG_SUFFIXES);
/** Members written right after an institution's name: 第四军医大学学员. */
const ORG_MEMBER_WORDS = (() => {
  const t = new Trie<string>();
  for (const w of ['学员', '学生', '师生', '校友', '教师', '教职工', '职工', '员工', '队员', '会员', '代表', '党委', '团委']) t.set(w, w);
  return t;
})();
const DELEGATION_SUFFIXES = new Set(['代表团', '考察团', '访问团', '参访团', '精英团', '交流团', '慰问团']);
function stageOrgs(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  let nextI = 0;
  for (const i of candidates(ctx).orgFixed) {
    if (i < nextI || ctx.taken[i]) continue;
    const hit = lx.orgFixed.longest(s, i);
    if (hit) {
      const sp = add(ctx, { type: 'organization', start: i, end: hit[0], priority: 80, source: 'lexicon' });
      if (sp) {
        setOrg(ctx, i, sp);
        nextI = hit[0];
      }
    }
  }
  const hits: number[][] = [];
  ORG_WORDS.scan(ctx, (a, b) => hits.push([a, b]));
  for (let h = hits.length - 1; h >= 0; h--) {
    const [a, b] = hits[h];
    if (ctx.taken[a]) continue;
    const suf = s.slice(a, b);
    const { start } = walkBack(s, a, 14, ctx.taken);
    const stem = s.slice(start, a);
    if (stem.length < 2) continue;
    // a news site opening its dateline: 金山网讯 9月13日, 红网消息
    const dateline = suf === '网' && (s.charCodeAt(b) === 0x8baf || s.startsWith('消息', b)) && atLineStart(s, start);
    // a short suffix needs a boundary after it, a post of the body (哈佛大学校长陆登庭) or its members (第四军医大学学员)
    if (!dateline && suf.length <= 2 && b < n && isHan(s.charCodeAt(b)) && !boundaryAfter(ctx, b) && !postAfter(ctx, b) && ORG_MEMBER_WORDS.longestEnd(s, b) < 0) continue;
    if (/^(该|本|此|各|这|那|一|两|多|几|其|我|你|他|全|每|某|上述)/.test(stem)) continue;
    let orgStart = start;
    if (DELEGATION_SUFFIXES.has(suf)) {
      // a delegation is named from where it comes: 台湾中南部企业家精英团, (接受)香港媒体代表团
      let k = start;
      while (k < a - 1 && !lx.places.longest(s, k, a)) k++;
      if (k >= a - 1) continue;
      orgStart = k;
    }
    if (suf === '网' && !dateline && !/(新闻|中国|人民|新华|央视|财经|日报|经济)/.test(stem)) continue;
    if (/(的|了)$/.test(stem)) continue;
    const sp = add(ctx, { type: 'organization', start: orgStart, end: b, priority: 75, source: 'rule' });
    if (sp) setOrg(ctx, orgStart, sp);
  }
}

// ---------- names ----------
const FUNCTION_CHARS = new Set('在说等和与及同的了是也还就对向将已率一今昨明会指强表来到前出主参陪带考调视走看听发致签宣提要希回答则又都再首随特分共亲代任兼被把让给所以并而但从于为曾称'.split('').map((c) => c.charCodeAt(0)));
const NOT_NAME_SECOND = new Set('的了是在和与及等们个这那也都就又还说'.split('').map((c) => c.charCodeAt(0)));

function boundaryAfter(ctx: Ctx, q: number): boolean {
  const { s, n } = ctx;
  if (q >= n) return true;
  const c = s.charCodeAt(q);
  if (!isHan(c)) return !isNameChar(c) || c === 0x20;
  if (ctx.taken[q]) return true;
  return ctx.lx.afterName.longest(s, q) !== undefined;
}

function surnameLen(ctx: Ctx, p: number): number {
  const { s } = ctx;
  if (ctx.lx.compoundSurnames.has(s.substr(p, 2))) return 2;
  if (ctx.lx.surnames.has(s.charCodeAt(p))) return 1;
  return 0;
}

/**
 * Bylines run names and posts together (记者李蕾张羽飞, 记者杨莉通讯员王媛, 记者孟梅实习生夏冬梅): true when
 * a post, or a surname starting a two/three-character name that ends at punctuation, begins at q.
 */
/** Verbs that end a byline rather than continue a name (王小明说, 李华称). */
const BYLINE_NOT_NAME = codeSet('说称指表认讲谈问答道');

function nextNameAt(ctx: Ctx, q: number): boolean {
  const { s, n, lx } = ctx;
  if (s.startsWith('实习生', q) || s.startsWith('通讯员', q)) return true;
  if (!lx.surnames.has(s.charCodeAt(q))) return false;
  for (const L of [2, 3]) {
    const e = q + L;
    if (e > n || (e < n && isHan(s.charCodeAt(e)))) continue;
    let ok = true;
    for (let k = q + 1; k < e; k++) {
      const c = s.charCodeAt(k);
      if (!isHan(c) || ctx.taken[k] || NOT_NAME_SECOND.has(c) || BYLINE_NOT_NAME[c] === 1) ok = false;
    }
    if (ok && e < n && s[e] !== '，' && s[e] !== '。') return true;
  }
  return false;
}

/** Reads a Chinese personal name at p (after a title or a label); returns its end or undefined. */
function readName(ctx: Ctx, p: number): number | undefined {
  const { s, n } = ctx;
  const sl = surnameLen(ctx, p);
  if (!sl) return undefined;
  const maxL = sl === 2 ? 4 : 3;
  const minL = sl === 2 ? 3 : 2;
  let validMax = 0;
  for (let L = 1; L <= maxL && p + L <= n; L++) {
    const c = s.charCodeAt(p + L - 1);
    if (!isHan(c) || ctx.taken[p + L - 1]) break;
    validMax = L;
  }
  if (validMax < minL) {
    // a foreign or transliterated name with a middle dot is handled by the caller
    return undefined;
  }
  if (NOT_NAME_SECOND.has(s.charCodeAt(p + sl))) return undefined;
  const long = Math.min(maxL, validMax);
  const short = minL;
  // 代表全中国人民: a country or province running to the end of the reading is no given name; nor is
  // the start of one (主席南斯拉夫联盟共和国总统)
  if (placeInName(ctx, p, p + long)) return long !== short && !placeInName(ctx, p, p + short) ? p + short : undefined;
  if (ctx.lx.places.first[s.charCodeAt(p)] !== 0) {
    const hit = ctx.lx.places.longest(s, p);
    if (hit && hit[0] >= p + long && NAME_PLACE_LEVELS.has(hit[1].level)) return undefined;
  }
  if (long === short) return p + short;
  if (sl === 1 && long === 3 && nextNameAt(ctx, p + 2)) return p + 2;
  const bLong = boundaryAfter(ctx, p + long);
  const bShort = boundaryAfter(ctx, p + short);
  const lastLong = s.charCodeAt(p + long - 1);
  if (bLong && !(bShort && FUNCTION_CHARS.has(lastLong))) return p + long;
  if (bShort) return p + short;
  return FUNCTION_CHARS.has(lastLong) ? p + short : p + long;
}

const NAME_PLACE_LEVELS = new Set(['country', 'province', 'foreign-city', 'region']);
/** A country/province/foreign place starts inside [a, e) and reaches e or beyond (应美国, 全中国). */
function placeInName(ctx: Ctx, a: number, e: number): boolean {
  const { s, lx } = ctx;
  for (let k = a + 1; k < e; k++) {
    if (lx.places.first[s.charCodeAt(k)] === 0) continue;
    const hit = lx.places.longest(s, k);
    if (hit && hit[0] >= e && NAME_PLACE_LEVELS.has(hit[1].level)) return true;
  }
  return false;
}

const TRANSLIT = new Set(
  '阿埃艾爱安昂奥巴拜班邦鲍贝本比彼毕波伯博布查达戴丹德迪蒂丁东杜多厄恩法菲费芬佛弗福盖甘冈戈格根古瓜哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎康考柯科克肯库拉莱赖兰朗劳勒雷里理利莉丽林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米敏莫姆穆纳娜奈内尼涅诺欧帕潘佩彭皮普奇齐乔切琼萨塞桑瑟森沙珊舍什施史斯松苏索塔泰坦汤特提托图瓦万威韦维温沃乌伍西希谢辛休雅亚扬耶伊因英尤约扎泽詹顿夫逊尔茨兹默娃汀妮莎芙薇缇蕾登山大·'.split(''),
);
/** A transliterated foreign name (马斯克, 卡特, 约翰·史密斯) right after a title. */
function readForeignName(ctx: Ctx, p: number): number | undefined {
  let q = p;
  while (q < ctx.n && q - p < 10 && TRANSLIT.has(ctx.s[q]) && !ctx.taken[q]) q++;
  if (q - p < 2 || ctx.s[p] === '·' || ctx.s[q - 1] === '·') return undefined;
  return boundaryAfter(ctx, q) ? q : undefined;
}

/** Titles after a name in formal text: 江泽民主席, 李鹏总理. */
const POST_NAME_WORDS = new WordScanner(() => POST_NAME_TITLES);
function stagePostNameTitles(ctx: Ctx): void {
  POST_NAME_WORDS.scan(ctx, (a, b) => {
    const word = ctx.s.slice(a, b);
    if (!free(ctx, a, b)) return;
    if (word === '同志') {
      // 以江泽民同志为核心: a full name before 同志 is a person; 同志 itself is no post
      if (!boundaryAfter(ctx, b)) return;
      const nb = nameBefore(ctx, a);
      if (nb !== undefined && a - nb >= 2) add(ctx, { type: 'person', start: nb, end: a, priority: 100, source: 'rule', role: 'official' });
      return;
    }
    // leader titles end a name phrase unless a longer word goes on (主席团, 主席台, 总统府)
    const leader = LEADER_TITLES.has(word) && b < ctx.n && !'团台令制级府位选'.includes(ctx.s[b]);
    if (!leader && !boundaryAfter(ctx, b)) return;
    const nb = nameBefore(ctx, a, word);
    if (nb === undefined) return;
    const chain: TitleChain = { inText: word, start: a, end: b, units: [{ start: a, end: b, text: word, core: word, hasRegionalPrefix: false }] };
    const role: PersonRole = BUSINESS_CORES.has(word) ? 'business' : OTHER_CORES.has(word) ? 'other' : 'official';
    add(ctx, { type: 'person', start: nb, end: a, priority: 100, source: 'rule', role, chain });
    add(ctx, { type: 'title', start: a, end: b, priority: 95, source: 'rule', chain });
  });
}

/** Like readName but only accepts a name followed by a boundary (bylines). */
function readNameStrict(ctx: Ctx, p: number): number | undefined {
  const e = readName(ctx, p);
  if (e === undefined) {
    // bylines may carry non-surname names: take 2–4 Han characters up to a separator
    let q = p;
    while (q < ctx.n && q - p < 4 && isHan(ctx.s.charCodeAt(q))) q++;
    if (q - p >= 2 && (q >= ctx.n || !isHan(ctx.s.charCodeAt(q)))) return q;
    return undefined;
  }
  return e;
}

// ---------- title chains ----------
const BUSINESS_CORES = new Set([
  '董事长', '副董事长', '执行董事', '董事', '独立董事', '监事长', '监事', '总裁', '副总裁', '总经理', '副总经理', '首席执行官', '首席运营官', '首席财务官', '首席技术官',
  '首席信息官', '首席营销官', '首席代表', '总监', '经理', '合伙人', '创始人', '联合创始人', '创办人', '掌门人', '董事会秘书', '董秘', 'CEO', 'COO', 'CFO', 'CTO', '首席科学家', '首席经济学家', '总工程师', '总会计师',
]);
const OTHER_CORES = new Set(['记者', '编辑', '特约记者', '通讯员', '主播', '评论员', '总编辑', '主编', '副主编', '教授', '副教授', '研究员', '副研究员', '博士生导师', '院士', '讲师', '教练', '主教练', '队长', '医生', '主任医师', '律师', '工程师', '分析师', '社长', '台长', '代表']);
const REGION_CORES = new Set(['行政长官', '特首', '市长', '副市长', '常务副市长', '代市长', '省长', '副省长', '常务副省长', '代省长', '区长', '副区长', '县长', '副县长', '州长', '市领导', '省领导', '区领导', '县领导']);

interface Unit {
  start: number;
  end: number;
  region?: string;
  regionEnd?: number;
  org?: RichSpan;
  prefixStart: number;
  coreStart: number;
  core: string;
}

function parseCore(ctx: Ctx, p: number, depth = 0): { end: number; core: string } | undefined {
  const { s, lx } = ctx;
  if (!free(ctx, p, p + 1)) return undefined;
  const hit = lx.titleCores.longest(s, p);
  if (hit && free(ctx, p, hit[0])) return { end: hit[0], core: hit[1] };
  if (depth >= 3 || !lx.titleModifiers.startsAt(s, p)) return undefined;
  for (const [mEnd] of lx.titleModifiers.prefixes(s, p).reverse()) {
    if (!free(ctx, p, mEnd)) continue;
    const r = parseCore(ctx, mEnd, depth + 1);
    if (r) return { end: r.end, core: r.core };
  }
  return undefined;
}

const PLACE_ENDS = new Int32Array(32);
const PLACE_VALS: PlaceInfo[] = [];

function parseUnit(ctx: Ctx, i: number): Unit | undefined {
  const { s, lx } = ctx;
  // candidate starts in order: after a known org; after a place name (longest first); at i itself
  const org = ctx.orgMark[i] === 1 ? ctx.orgAt.get(i) : undefined;
  if (org && (org.type === 'company' || org.type === 'government' || org.type === 'organization')) {
    const u = unitFrom(ctx, i, org.end, undefined, undefined, org);
    if (u) return u;
  }
  if (ctx.taken[i]) return undefined;
  if (lx.places.startsAt(s, i)) {
    const places = lx.places;
    let ends = PLACE_ENDS;
    const vals = PLACE_VALS;
    if (ends.length < places.maxLen) ends = new Int32Array(places.maxLen);
    const count = places.prefixesInto(s, i, ends, vals);
    for (let k = count - 1; k >= 0; k--) {
      const pEnd = ends[k];
      const info = vals[k];
      if (!free(ctx, i, pEnd)) continue;
      if (info.level === 'province' || info.level === 'city' || info.level === 'district' || info.level === 'country') {
        const u = unitFrom(ctx, i, pEnd, info.name, pEnd, undefined);
        if (u) return u;
      }
    }
  }
  return unitFrom(ctx, i, i, undefined, undefined, undefined);
}

function unitFrom(ctx: Ctx, i: number, pos: number, region: string | undefined, regionEnd: number | undefined, org: RichSpan | undefined): Unit | undefined {
  const { s, lx } = ctx;
  // a unit needs an org prefix, a modifier or a core right here
  const c0 = s.charCodeAt(pos);
  if (lx.titlePrefixes.first[c0] === 0 && lx.titleCores.first[c0] === 0 && lx.titleModifiers.first[c0] === 0) return undefined;
  let p = pos;
  const prefixStart = p;
  // org prefixes, e.g. 市委, 中共中央政治局
  for (let k = 0; k < 3; k++) {
    const pre = free(ctx, p, p + 1) ? lx.titlePrefixes.longest(s, p) : undefined;
    if (!pre || !free(ctx, p, pre[0])) break;
    // don't eat a core that is also a prefix (e.g. 董事会秘书)
    const core = parseCore(ctx, p);
    if (core && core.end >= pre[0] && k > 0) break;
    const after = parseCore(ctx, pre[0]);
    if (!after && !lx.titlePrefixes.longest(s, pre[0])) break;
    p = pre[0];
  }
  const hasPrefix = p > prefixStart;
  const core = parseCore(ctx, p);
  if (!core) return undefined;
  const country = region ? lx.placeByName.get(region)?.level === 'country' : false;
  if (region && !hasPrefix && !country && !REGION_CORES.has(core.core) && !/^(国家|中央)/.test(core.core)) return undefined;
  return { start: i, end: core.end, region, regionEnd, org, prefixStart, coreStart: p, core: core.core };
}

// after a verb like 会见/任/由/在 a title may start
const TITLE_CTX_WORDS = ['会见', '接见', '会晤', '陪同', '出席', '参加', '听取', '看望', '慰问', '表示', '指出', '强调', '包括'];
const TITLE_CTX_WORD_SET = new Set(TITLE_CTX_WORDS);
const TITLE_CTX_WORD_LAST = codeSet(TITLE_CTX_WORDS.map((w) => w[1]).join(''));
const TITLE_CTX_CHARS = codeSet('与和同及由向对在了是为任的据请邀经让给说等率应');

function isTitleStartContext(ctx: Ctx, i: number): boolean {
  if (i === 0) return true;
  const c = ctx.s.charCodeAt(i - 1);
  if (!isHan(c)) return true;
  if (ctx.taken[i - 1]) return true;
  if (TITLE_CTX_CHARS[c] === 1) return true;
  return i >= 2 && TITLE_CTX_WORD_LAST[c] === 1 && TITLE_CTX_WORD_SET.has(ctx.s.slice(i - 2, i));
}

/** Code units at which a title unit (place, org prefix, modifier or core) can start. */
let titleFirstCache: { lx: Lexicons; set: Uint8Array } | undefined;
function titleFirst(lx: Lexicons): Uint8Array {
  if (titleFirstCache?.lx === lx) return titleFirstCache.set;
  const set = new Uint8Array(65536);
  for (const t of [lx.places.first, lx.titlePrefixes.first, lx.titleCores.first, lx.titleModifiers.first]) {
    for (let c = 0; c < 65536; c++) if (t[c] !== 0) set[c] = 1;
  }
  titleFirstCache = { lx, set };
  return set;
}

/** Code units that occur in some place name, org prefix or modifier: a unit's text before its core. */
let unitCharsCache: { lx: Lexicons; set: Uint8Array } | undefined;
function unitChars(lx: Lexicons): Uint8Array {
  if (unitCharsCache?.lx === lx) return unitCharsCache.set;
  const set = new Uint8Array(65536);
  for (const t of [lx.places, lx.titlePrefixes, lx.titleModifiers]) for (const k of t.keys()) for (let q = 0; q < k.length; q++) set[k.charCodeAt(q)] = 1;
  unitCharsCache = { lx, set };
  return set;
}

interface ChainState {
  prevChainEnd: number;
  prevOrg: RichSpan | undefined;
  prevRegion: string | undefined;
}

function stageTitles(ctx: Ctx): void {
  const { s, n } = ctx;
  const st: ChainState = { prevChainEnd: -10, prevOrg: undefined, prevRegion: undefined };
  const unitStart = titleFirst(ctx.lx);
  const taken = ctx.taken;
  const orgMark = ctx.orgMark;
  // Positions in order where a unit can start: on free text where a place name, org prefix,
  // modifier or core starts (candidate list), on claimed text only at a known org (orgAt; its
  // offsets are all claimed). Every other position of the former full loop did nothing.
  const freeStarts = candidates(ctx).title;
  const orgs = Int32Array.from(ctx.orgStarts).sort();
  // A unit not at a known org ends in a title core with at most a place name, 3 org prefixes and
  // 3 modifiers before it (parseUnit, unitFrom, parseCore): without a core starting that close
  // after i, parseUnit finds nothing there. Cores are rare in text, so most starts go untried.
  const cores = candidates(ctx).titleCore;
  const lx = ctx.lx;
  const reach = lx.places.maxLen + 3 * lx.titlePrefixes.maxLen + 3 * lx.titleModifiers.maxLen;
  let ci = 0;
  // Nor can the text between i and the core hold a code unit no place name, prefix or modifier
  // has (punctuation, most function words). No such code unit in [i, brk) (brk < the next core
  // only where there is one: brk); scanned forward only, so at most once per code unit.
  const inUnit = unitChars(lx);
  let brk = -1;
  let fi = 0;
  let oi = 0;
  let nextI = 0;
  while (fi < freeStarts.length || oi < orgs.length) {
    let i: number;
    if (oi >= orgs.length || (fi < freeStarts.length && freeStarts[fi] <= orgs[oi])) {
      i = freeStarts[fi++];
      if (oi < orgs.length && orgs[oi] === i) oi++;
    } else i = orgs[oi++];
    if (i < nextI || i >= n) continue;
    const c = s.charCodeAt(i);
    if (c < 0x41) continue;
    if (taken[i]) {
      if (orgMark[i] === 0) continue;
    } else {
      if (unitStart[c] === 0) continue;
      while (ci < cores.length && cores[ci] < i) ci++;
      if (orgMark[i] === 0) {
        if (ci === cores.length || cores[ci] > i + reach) continue;
        const core = cores[ci];
        if (brk < i) {
          brk = i;
          while (brk < core && inUnit[s.charCodeAt(brk)] === 1) brk++;
        }
        if (brk < core) continue;
      }
      if (!isTitleStartContext(ctx, i)) continue;
    }
    const first = parseUnit(ctx, i);
    if (!first) continue;
    nextI = titleChainAt(ctx, i, first, st) + 1;
  }
}

const BYLINE_CORES = new Set(['记者', '特约记者', '通讯员', '实习生', '编辑']);

/** Reads the title chain starting with `first` at i and the names after it; returns the next loop index. */
function titleChainAt(ctx: Ctx, i: number, first: Unit, st: ChainState): number {
  const { s, n } = ctx;
  const units: Unit[] = [first];
  let e = first.end;
  for (let k = 0; k < 6; k++) {
    const sep = s[e];
    let next: Unit | undefined;
    if (sep === '、' || sep === '兼' || sep === '和' || sep === '及' || sep === '/') {
      next = parseUnit(ctx, e + 1);
      // 、 between a title and another title only; a name after 、 ends the chain
    }
    if (!next) break;
    units.push(next);
    e = next.end;
  }
  // names after the chain
  const names: number[][] = [];
  let p = e;
  while (p < n && (s[p] === ' ' || s[p] === '\u3000') && p - e < 2) p++;
  for (let k = 0; k < 12; k++) {
    const ne = readName(ctx, p) ?? readForeignName(ctx, p);
    if (ne === undefined) break;
    names.push([p, ne]);
    if (s[ne] === '、' && !parseUnit(ctx, ne + 1)) {
      p = ne + 1;
      continue;
    }
    // reporters' bylines run names together: 记者李蕾张羽飞
    if (ne - p <= 3 && BYLINE_CORES.has(units[units.length - 1].core) && ctx.lx.surnames.has(s.charCodeAt(ne)) && nextNameAt(ctx, ne)) {
      p = ne;
      continue;
    }
    break;
  }
  const explicitOrg = units.find((u) => u.org)?.org;
  let org = explicitOrg;
  let region = units.find((u) => u.region)?.region;
  if (region && !first.region && !first.org && s.charCodeAt(first.prefixStart) === 0x7701) {
    // 省委副书记、武汉市委书记: the 省 post is in the province of the city named later
    const province = provinceOf(ctx, region);
    if (province) region = province;
  }
  if (!region && org && org.type !== 'company') {
    // a body named with its region holds its posts there: 香港贸易发展局主席, 北京市发改委主任
    const lead = ctx.lx.places.longest(s, org.start, org.end);
    if (lead && (lead[1].level === 'province' || lead[1].level === 'city' || lead[1].level === 'district')) region = lead[1].name;
  }
  // a title right after "、" continuing a business list inherits the company: 高级副总裁张铮、副总裁刘之菲
  if (!org && !region && st.prevChainEnd === i - 1 && s[i - 1] === '、' && st.prevOrg) org = st.prevOrg;
  const chainRegion = region ?? (st.prevChainEnd === i - 1 && !org ? st.prevRegion : undefined);
  const textStart = first.org?.type === 'company' ? first.prefixStart : first.start;
  const chain: TitleChain = {
    inText: s.slice(textStart, e),
    start: textStart,
    end: e,
    units: units.map((u, ui) => ({ start: ui === 0 ? textStart : u.start, end: u.end, text: s.slice(ui === 0 ? textStart : u.start, u.end), region: u.region, hasRegionalPrefix: u.prefixStart < u.coreStart || !!u.region, core: u.core })),
    region: chainRegion,
    organization: org?.text,
    orgStart: org?.start,
    orgEnd: org?.end,
    orgType: org?.type,
  };
  const allCores = units.map((u) => u.core);
  let role: PersonRole = 'official';
  if (org?.type === 'company' || allCores.some((c) => BUSINESS_CORES.has(c))) role = 'business';
  else if (allCores.every((c) => OTHER_CORES.has(c))) role = 'other';
  // posts in a chamber of commerce or a manufacturers' association are held by business people
  else if (org?.type === 'organization' && BUSINESS_ASSOCIATION.test(s.slice(org.start, org.end))) role = 'business';
  // a bare core with nothing around it (no org, no region, no name) is weak: only title span
  const titleSpans: { start: number; end: number }[] = [];
  for (const u of units) {
    // regionful prefix (北京市委) becomes a government span; otherwise the prefix is part of the title
    if (u.region && u.prefixStart < u.coreStart && u.regionEnd === u.prefixStart && s.slice(u.prefixStart, u.coreStart) === '国家') {
      // 中国国家主席: the country, then the post 国家主席 (国家 is no body of its own)
      add(ctx, { type: 'place', start: u.start, end: u.regionEnd, priority: 95, source: 'rule', place: ctx.lx.placeByName.get(u.region) });
      titleSpans.push({ start: u.prefixStart, end: u.end });
    } else if (u.region && u.prefixStart < u.coreStart) {
      add(ctx, { type: 'government', start: u.start, end: u.coreStart, priority: 95, source: 'rule' });
      titleSpans.push({ start: u.coreStart, end: u.end });
    } else if (u.region) {
      add(ctx, { type: 'place', start: u.start, end: u.regionEnd!, priority: 95, source: 'rule', place: ctx.lx.placeByName.get(u.region) });
      titleSpans.push({ start: u.regionEnd!, end: u.end });
    } else {
      titleSpans.push({ start: u.prefixStart, end: u.end });
    }
  }
  if (names.length === 0) {
    // title after the name: 江泽民主席, 李鹏总理
    const lone = units.length === 1 && !first.org && !first.region && first.prefixStart === first.coreStart;
    if (lone && POST_NAME_TITLES.includes(first.core)) {
      const nb = nameBefore(ctx, first.start, first.core);
      if (nb !== undefined) names.push([nb, first.start]);
    }
  }
  for (const t of titleSpans) add(ctx, { type: 'title', start: t.start, end: t.end, priority: 95, source: 'rule', chain });
  for (const [a, b] of names) add(ctx, { type: 'person', start: a, end: b, priority: 100, source: 'rule', role, chain });
  const last = names.length ? names[names.length - 1][1] : e;
  st.prevChainEnd = last;
  st.prevOrg = org;
  st.prevRegion = chainRegion;
  const nextI = Math.max(i, last - 1);
  if (names.length && s[last] === '、') st.prevChainEnd = last; // next iteration starts at last+1
  return nextI;
}

const BUSINESS_ASSOCIATION = /(商会|厂商|工商联|工商业|企业联合会|企业家协会|企业家联合会|实业家)/;

/** The province a city or district lies in (canonical name), if the lexicon knows it. */
function provinceOf(ctx: Ctx, name: string): string | undefined {
  let p = ctx.lx.placeByName.get(name);
  for (let guard = 0; p && guard < 3; guard++) {
    if (p.level === 'province') return p.name;
    const up = p.parents[0];
    p = up ? ctx.lx.placeByName.get(up) : undefined;
  }
  return undefined;
}

/** A name that ends at `end` (before a post-name title), preceded by a boundary. */
/** Leader titles after which a surname alone names the person (江主席, 李总理). */
const LEADER_TITLES = new Set(['主席', '副主席', '总理', '副总理', '总书记', '委员长', '副委员长', '总统', '副总统', '首相']);
const NAME_LEFT_RE = /(会见|接见|会晤|陪同|看望|慰问|欢迎|宴请|祝贺|感谢|邀请|随同|问候|拜会|拜访|致电|称赞|赞扬|支持|同意|落实|贯彻|学习|按照|根据|遵照|响应|转达|向|与|和|同|及|对|给|请|由|在|是|了|的|以|当)$/;
/** Surnames that are far more often ordinary words before a title (共和国总统, 该党主席, 副总理). */
const LONE_SURNAME_NOT = new Set('国党和文明时海方高全平成金关安常云都相来门商师副总代前原新老大小会长于'.split(''));
/** Verbs before a lone surname and a leader title: 热烈欢迎江主席, 迎接江主席, 聆听江主席演讲, 当江主席走上讲台. */
const LONE_LEFT_RE = /(欢迎|欢送|迎接|聆听|会见|会晤|陪同|看望|感谢|祝贺|邀请|随同|当)$/;
/** Characters before a lone surname that leave it free (陪同江主席, 与李总理). */
const SURNAME_LEFT = codeSet('同与和及向对在是了的由请随给为以');

function nameBefore(ctx: Ctx, end: number, title?: string): number | undefined {
  const { s } = ctx;
  for (const L of [3, 2, 4]) {
    const a = end - L;
    if (a < 0 || !free(ctx, a, end)) continue;
    let ok = true;
    for (let k = a; k < end; k++) if (!isHan(s.charCodeAt(k))) ok = false;
    if (!ok) continue;
    const sl = surnameLen(ctx, a);
    if (!sl || (L === 4 && sl !== 2)) continue;
    if (L === 3 && '和与及同跟在对向给由是'.includes(s[a])) continue;
    if (placeInName(ctx, a, end)) continue; // 应美国总统: 美国 is no given name
    const before = a === 0 || !isHan(s.charCodeAt(a - 1)) || ctx.taken[a - 1] || NAME_LEFT_RE.test(s.slice(Math.max(0, a - 2), a));
    if (before) return a;
  }
  // a transliterated name before a post: 我同克林顿总统, ，赖尔登市长 (not 巴基斯坦总统: a place)
  if (title) {
    let a = end;
    while (a > 0 && end - a < 8 && TRANSLIT.has(s[a - 1]) && !ctx.taken[a - 1]) a--;
    if (s[a] === '·') a++;
    if (end - a >= 3 && !placeCovers(ctx, end - 1) && !placeCovers(ctx, a)) {
      const p = a > 0 ? s.charCodeAt(a - 1) : 0;
      if (a === 0 || !isHan(p) || ctx.taken[a - 1] || SURNAME_LEFT[p] === 1 || NAME_LEFT_RE.test(s.slice(Math.max(0, a - 2), a))) return a;
    }
  }
  // a surname alone before a leader title: 江主席, 李总理 (not 和田市长: the place runs on)
  if (title && LEADER_TITLES.has(title) && end >= 1 && !ctx.taken[end - 1] && ctx.lx.surnames.has(s.charCodeAt(end - 1)) && !LONE_SURNAME_NOT.has(s[end - 1])) {
    const a = end - 1;
    const p = a > 0 ? s.charCodeAt(a - 1) : 0;
    if (a === 0 || !isHan(p) || ctx.taken[a - 1] || SURNAME_LEFT[p] === 1 || LONE_LEFT_RE.test(s.slice(Math.max(0, a - 2), a))) return a;
  }
  return undefined;
}

// ---------- places ----------
const ABBR_LEFT = '在来赴驻返回抵离访进出入留至到落扎莅临';
const ABBR_RIGHT = '投发工生学考访举召开设参落集期务就创居经办视出求上任企商考建兴前后以';
const ABBR_LEFT_SET = codeSet(ABBR_LEFT);
const ABBR_SAFE = codeSet(Object.keys(PROVINCE_ABBR).filter((ch) => ch.length === 1 && !PROVINCE_ABBR_UNSAFE.has(ch)).join('') + Object.keys(CITY_ABBR).join(''));
/** City short forms may also be followed by 与/和/、 (在汉与华润集团座谈, 来穗、来深). */
const CITY_ABBR_RIGHT = codeSet('与和、');
const ABBR_RIGHT_SET = codeSet(ABBR_RIGHT);
/** After a pair of short forms: 合作, 两地, 交流, 经贸, 关系, 之间, 联手. */
const ABBR_PAIR_NEXT = codeSet('合两交经关之联携');
/** Code units worth a look in stagePlaces: starts of place names, 首 (首都), safe province abbreviations. */
let placeStartCache: { lx: Lexicons; set: Uint8Array } | undefined;
function placeStarts(lx: Lexicons): Uint8Array {
  if (placeStartCache?.lx === lx) return placeStartCache.set;
  const set = new Uint8Array(65536);
  const pf = lx.places.first;
  for (let c = 0; c < 65536; c++) if (pf[c]) set[c] = 1;
  set['首'.charCodeAt(0)] = 1;
  for (const ch of Object.keys(PROVINCE_ABBR)) if (ch.length === 1 && !PROVINCE_ABBR_UNSAFE.has(ch)) set[ch.charCodeAt(0)] = 1;
  for (const ch of Object.keys(CITY_ABBR)) set[ch.charCodeAt(0)] = 1;
  placeStartCache = { lx, set };
  return set;
}

const FOREIGN_STATE_SET = new Set(FOREIGN_STATES);

function stagePlaces(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  const taken = ctx.taken;
  const list = candidates(ctx).place;
  let nextI = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (i < nextI || taken[i]) continue;
    const c = s.charCodeAt(i);
    const hit = lx.places.longest(s, i);
    if (hit) {
      let [end, info] = hit;
      // the administrative suffix belongs to a foreign name: 洛杉矶市, 加利福尼亚州 (not 市长, 市民, 州立)
      const suf = s.charCodeAt(end);
      if (
        ((suf === 0x5e02 /* 市 */ && info.level === 'foreign-city' && !'长民场委政府区内'.includes(s[end + 1] ?? '')) ||
          (suf === 0x5dde /* 州 */ && FOREIGN_STATE_SET.has(info.name) && !info.name.endsWith('州') && s[end + 1] !== '立')) &&
        free(ctx, i, end + 1)
      ) end++;
      // a country's formal name: 波兰共和国, 南斯拉夫联盟共和国, 德国联邦共和国
      else if (info.level === 'country' && (suf === 0x5171 /* 共 */ || suf === 0x8054 /* 联 */ || suf === 0x6c11 /* 民 */ || suf === 0x4eba /* 人 */)) {
        const rep = /^(?:联盟|联邦|民主|人民)?共和国/.exec(s.slice(end, end + 7));
        if (rep && free(ctx, i, end + rep[0].length)) end += rep[0].length;
      }
      if (free(ctx, i, end)) {
        // a bare two-character city name glued into a longer word is risky only for short forms
        add(ctx, { type: 'place', start: i, end, priority: 50, source: 'lexicon', place: info });
        nextI = end;
        continue;
      }
    }
    // 首都 → 北京
    if (c === 0x9996 && s.charCodeAt(i + 1) === 0x90fd && free(ctx, i, i + 2)) {
      add(ctx, { type: 'place', start: i, end: i + 2, priority: 50, source: 'lexicon', place: lx.placeByName.get('北京') });
      nextI = i + 2;
      continue;
    }
    // province abbreviations in safe contexts: 在京发展, 来粤访问
    if (ABBR_SAFE[c] === 0) continue;
    const ch = s[i];
    const city = CITY_ABBR[ch];
    const region = PROVINCE_ABBR[ch] ?? city;
    if (region && !PROVINCE_ABBR_UNSAFE.has(ch) && i > 0 && i + 1 < n) {
      const left = s[i - 1];
      const right = s[i + 1];
      const leftOk = ABBR_LEFT_SET[left.charCodeAt(0)] === 1 && !ctx.taken[i - 1];
      const rightOk = ABBR_RIGHT_SET[right.charCodeAt(0)] === 1 || right === '，' || right === '。' || (city !== undefined && CITY_ABBR_RIGHT[right.charCodeAt(0)] === 1);
      const rightStrong = s.startsWith('上', i + 1) && ch === '沪';
      if ((leftOk && rightOk) || rightStrong) {
        add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: lx.placeByName.get(region) });
        continue;
      }
      // two short forms paired before a word of cooperation: 粤港合作, 湘台交流, 京津两地
      const c2 = s.charCodeAt(i + 1);
      const region2 = ABBR_SAFE[c2] === 1 || c2 === 0x53f0 ? PROVINCE_ABBR[s[i + 1]] : undefined;
      if (region2 && region2 !== region && i + 2 < n && ABBR_PAIR_NEXT[s.charCodeAt(i + 2)] === 1 && (i === 0 || !ctx.taken[i - 1]) && free(ctx, i, i + 2)) {
        add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: lx.placeByName.get(region) });
        add(ctx, { type: 'place', start: i + 1, end: i + 2, priority: 50, source: 'rule', place: lx.placeByName.get(region2) });
        nextI = i + 2;
      }
    }
  }
}

// ---------- one-character country and region abbreviations ----------
/**
 * 中美两国, 英法关系, 台港澳同胞, 访美, 驻华, 美方, 华侨: one-character abbreviations of countries and
 * regions, each a place mention of the full name (People's Daily style tags 中 and 美 separately).
 * Only in these contexts: 中 alone is everywhere.
 */
const COUNTRY_ABBR: Record<string, string> = {
  中: '中国', 华: '中国', 美: '美国', 英: '英国', 法: '法国', 德: '德国', 日: '日本', 俄: '俄罗斯', 意: '意大利', 加: '加拿大',
  韩: '韩国', 朝: '朝鲜', 印: '印度', 越: '越南', 泰: '泰国', 澳: '澳大利亚', 港: '香港', 台: '台湾', 欧: '欧洲', 苏: '苏联',
  巴: '巴基斯坦', 蒙: '蒙古', 埃: '埃及', 以: '以色列', 伊: '伊朗', 菲: '菲律宾', 墨: '墨西哥', 古: '古巴', 葡: '葡萄牙', 荷: '荷兰',
  缅: '缅甸', 柬: '柬埔寨', 老: '老挝', 非: '非洲', 拉: '拉丁美洲', 亚: '亚洲', 新: '新加坡', 西: '西班牙',
};
/** Characters that can form a pair/list (中美, 英法德, 台港澳); 新/西/亚/非/拉/老/以/古 only with a strong right context. */
const PAIR_CHARS = codeSet('中美英法德日俄意加韩朝印越泰澳港台欧苏巴蒙埃以伊菲墨古葡荷缅柬老非拉亚新西');
/** Words after a pair that make it a pair of countries: 中美两国, 中日关系, 台港澳同胞. */
const PAIR_RIGHT = new Trie<string>();
for (const w of [
  '两国', '三国', '四国', '五国', '六国', '七国', '八国', '两党', '两军', '关系', '双方', '三方', '合作', '友好', '友谊', '建交', '联合', '之间', '间', '首脑', '元首', '领导人', '高层', '会谈', '会晤',
  '贸易', '经贸', '战略', '外长', '对话', '谈判', '协定', '协议', '边界', '同胞', '人民', '人员', '双边', '三边', '磋商', '峰会', '交流', '共同', '政府', '建立', '签署', '两地', '三地', '地区',
]) PAIR_RIGHT.set(w, w);
/** Verbs before one abbreviation: 访美, 驻华, 赴日, 旅美; 来华/在华/对华/援华/侵华 only for 华, 对美/对日 too. */
const ABBR_VERB_STRONG = codeSet('访驻赴旅抵');
const ABBR_VERB_WEAK: Record<string, string> = { 华: '来在对援侵留离返访驻赴旅抵', 美: '对来返离留', 日: '对侵', 台: '对' };
const ABBR_VERB_TARGETS = codeSet('华美英法德日俄意加韩朝澳港台欧苏巴墨埃以伊菲泰越印');
/** Second characters that make a word with the abbreviation (美好, 华丽, 日常, 法律…): never a place then. */
const ABBR_NOT_BEFORE: Record<string, string> = {
  美: '好丽元食术感容女味满妙景化观德誉名意梦事洲人颜学眉',
  华: '丽夏为北南东中西盛贵美裔侨人灯诞章彩语文发山',
  日: '常前后子记本期内益趋夜报光元程用均方',
  英: '语文雄俊才明勇镑里寸尺尺姿',
  法: '律规院官定庭制治则案人国令宝术师郎语子',
  德: '育行国才高',
  台: '风阶湾上下词灯球北中南', 港: '口湾币元', 欧: '元洲式', 俄: '语国顷', 韩: '元语剧', 澳: '门元洲',
  加: '强大快入工上重速班剧息拿', 意: '见义识思志味图愿外', 泰: '山国斗然', 印: '象刷发度章证', 越: '来过野南境狱',
  苏: '醒州联格', 巴: '士黎西掌', 墨: '水汁迹镜西', 埃: '及', 以: '后前来上下内外及为便免', 伊: '斯朗拉始', 菲: '律薄',
};
/** ABBR_NOT_BEFORE as a set of code-unit pairs (a * 65536 + b), tested without string lookups. */
const ABBR_NOT_BEFORE_FIRST = codeSet(Object.keys(ABBR_NOT_BEFORE).join(''));
const ABBR_NOT_BEFORE_PAIRS = (() => {
  const set = new Set<number>();
  for (const [a, bs] of Object.entries(ABBR_NOT_BEFORE)) for (let k = 0; k < bs.length; k++) set.add(a.charCodeAt(0) * 65536 + bs.charCodeAt(k));
  return set;
})();
/** True when the short form `a` followed by `b` forms an ordinary word (美好, 日常): ABBR_NOT_BEFORE[a] includes b. */
function abbrNotBefore(a: number, b: number): boolean {
  return ABBR_NOT_BEFORE_FIRST[a] === 1 && ABBR_NOT_BEFORE_PAIRS.has(a * 65536 + b);
}
/** Abbreviation + suffix: 美方, 中方, 英方; 华侨, 华人, 华裔 (华 only). */
const ABBR_SIDE_CHARS = codeSet('中美英法德日俄意加韩朝印越泰澳巴以伊菲墨埃蒙');
const ABBR_LEFT_OK = codeSet('在和与同对向及说为是了的把被将跟由等并而但据经从使令让给就即又也还都称');

const MAJOR_FIRST = codeSet('中美英法德俄日欧');
const MAJOR_PAIR = codeSet('中美英法德俄日欧韩朝澳');
PAIR_CHARS['波'.charCodeAt(0)] = 1;

/** A place-lexicon name starting at i or a few characters before it covers i. */
function placeCovers(ctx: Ctx, i: number): boolean {
  const { s, lx } = ctx;
  const first = lx.places.first;
  for (let p = i; p >= 0 && p > i - 8; p--) {
    if (first[s.charCodeAt(p)] === 0) continue;
    const e = lx.places.longestEnd(s, p);
    if (e > i) return true;
  }
  return false;
}

function abbrPlace(ctx: Ctx, i: number, ch: string): void {
  let name = COUNTRY_ABBR[ch];
  if (ch === '澳' && (ctx.s[i - 1] === '港' || ctx.s[i + 1] === '港' || ctx.s[i - 1] === '台' || ctx.s[i + 1] === '台')) name = '澳门';
  add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: ctx.lx.placeByName.get(name) ?? { name, level: 'country', parents: [], full: name } });
}

function stageCountryAbbr(ctx: Ctx): void {
  const { s, n, taken, lx } = ctx;
  // positions of PAIR_CHARS and 华 (0x534e), visited in order; jumps skip entries as the full loop did
  const list = candidates(ctx).country;
  let nextI = 0;
  for (let li = 0; li < list.length; li++) {
    const i = list[li];
    if (i < nextI || taken[i]) continue;
    const c = s.charCodeAt(i);
    // (a longer place name starting here or covering this character is the lexicon's: 美国, 中美洲,
    // 粤港澳大湾区; tested with placeCovers only where a span would be added, it is the costly test)
    // pairs and runs: 中美两国, 台港澳同胞, 美英法三国
    let j = i;
    while (j < n && j - i < 4 && PAIR_CHARS[s.charCodeAt(j)] === 1 && !taken[j] && (j === i || s[j] !== s[j - 1])) j++;
    if (j - i >= 2) {
      const right = j < n && !taken[j] ? PAIR_RIGHT.longest(s, j) : undefined;
      // 港澳 / 台港澳 / 港澳台 stand alone as regions too
      const hk = /^(港澳|台港澳|港澳台)$/.test(s.slice(i, j));
      // 中美, 英法, 欧美 with no word formed across them (美好, 英文, 法律, 日益) need no context
      let bare = MAJOR_FIRST[c] === 1;
      for (let k = i + 1; k < j && bare; k++) {
        if (MAJOR_PAIR[s.charCodeAt(k)] === 0 || abbrNotBefore(s.charCodeAt(k - 1), s.charCodeAt(k))) bare = false;
      }
      if (bare && j < n && abbrNotBefore(s.charCodeAt(j - 1), s.charCodeAt(j))) bare = false;
      if ((right || hk || bare) && !placeCovers(ctx, i)) {
        let ok = true;
        for (let k = i + 1; k < j; k++) if (lx.places.startsAt(s, k) && lx.places.longest(s, k)) ok = false;
        if (ok) {
          for (let k = i; k < j; k++) abbrPlace(ctx, k, s[k]);
          nextI = j;
          continue;
        }
      }
    }
    // lists: 美、英、法等国, 中、美、日三国
    if (s.charCodeAt(i + 1) === 0x3001 && (i === 0 || !isHan(s.charCodeAt(i - 1)) || ABBR_LEFT_OK[s.charCodeAt(i - 1)] === 1)) {
      let k = i;
      while (k + 2 < n && s.charCodeAt(k + 1) === 0x3001 && MAJOR_PAIR[s.charCodeAt(k + 2)] === 1 && !taken[k + 2]) k += 2;
      const after = k + 1;
      if (k > i && MAJOR_PAIR[c] === 1 && (s.startsWith('等国', after) || /^等?[两三四五六七八九]国/.test(s.slice(after, after + 3)))) {
        for (let q = i; q <= k; q += 2) if (!placeCovers(ctx, q)) abbrPlace(ctx, q, s[q]);
        nextI = k + 1;
        continue;
      }
    }
    if (ABBR_VERB_TARGETS[c] === 0 && ABBR_SIDE_CHARS[c] === 0) continue;
    const ch = s[i];
    const next = i + 1 < n ? s[i + 1] : '';
    if (next && abbrNotBefore(c, next.charCodeAt(0))) {
      // 华侨/华人/华裔 are the exception for 华: a place inside the word
      if (!(ch === '华' && (next === '侨' || next === '人' || next === '裔'))) continue;
    }
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    const leftFree = i === 0 || !isHan(prev) || (taken[i - 1] === 1) || ABBR_LEFT_OK[prev] === 1;
    // 访美, 驻华, 来华
    if (i > 0 && !taken[i - 1] && ABBR_VERB_TARGETS[c] === 1 && (ABBR_VERB_STRONG[prev] === 1 || ABBR_VERB_WEAK[ch]?.includes(s[i - 1]))) {
      if (!(next === '人' && ch === '华')) {
        if (!placeCovers(ctx, i)) abbrPlace(ctx, i, ch);
        continue;
      }
    }
    // 美籍, 日籍 (美籍华人)
    if (next === '籍' && ABBR_SIDE_CHARS[c] === 1 && (leftFree || '名位个'.includes(s[i - 1]))) {
      if (!placeCovers(ctx, i)) abbrPlace(ctx, i, ch);
      continue;
    }
    // 美方, 中方
    if (next === '方' && ABBR_SIDE_CHARS[c] === 1 && leftFree && !/[面法式向案针位便才]/.test(s[i + 2] ?? '')) {
      if (!placeCovers(ctx, i)) abbrPlace(ctx, i, ch);
      continue;
    }
    // 华侨, 华人, 华裔 (海外华人, 美籍华人, 数百名华人)
    if (ch === '华' && (next === '侨' || next === '裔' || next === '人') && (leftFree || '名位籍外些'.includes(s[i - 1]))) {
      if (next === '人' && s[i + 2] === '民') continue;
      if (!placeCovers(ctx, i)) abbrPlace(ctx, i, ch);
    }
  }
}

const VENUE_STRONG_WORDS = new WordScanner(() => VENUE_SUFFIXES_STRONG);
const VENUE_WEAK_WORDS = new WordScanner(() => VENUE_SUFFIXES_WEAK);
const MOTION_CUTS = new Set(['来到', '前往', '抵达', '走进', '走访', '参观', '考察', '视察', '在', '到', '于', '赴', '从']);
function stageVenues(ctx: Ctx): void {
  const { s } = ctx;
  for (const [words, strong] of [[VENUE_STRONG_WORDS, true], [VENUE_WEAK_WORDS, false]] as const) {
    const hits: number[][] = [];
    words.scan(ctx, (a, b) => hits.push([a, b]));
    for (let h = hits.length - 1; h >= 0; h--) {
      const [a, b] = hits[h];
      if (!free(ctx, a, b)) continue;
      const { start, cutBy } = walkBack(s, a, 12, ctx.taken);
      const stem = s.slice(start, a);
      if (stem.length < 2) continue;
      if (/^(该|本|此|各|这|那|一|两|多|几|其|我|你|他|全|每|某|上述|中心)/.test(stem)) continue;
      if (!strong && !(cutBy && MOTION_CUTS.has(cutBy))) continue;
      // 香港北部都会区 lies in 香港
      const lead = ctx.lx.places.longest(s, start, a);
      const within = lead && lead[0] <= a - 2 && (lead[1].level === 'province' || lead[1].level === 'city' || lead[1].level === 'district') ? lead[1].name : undefined;
      add(ctx, { type: 'place', start, end: b, priority: 60, source: 'rule', within });
    }
  }
}

// ---------- persons by context ----------
// no word is a prefix of another, so longest-first equals the former regex's alternation order
// (理论, 思想, 新时代: a leader's doctrine, scanned in the same list — see doctrineAuthor)
const SPEECH_WORDS = new WordScanner(() => ['说', '指出', '强调', '表示', '认为', '介绍', '透露', '坦言', '称', '诉称', '谈到', '提出', '回忆', '告诉', '理论', '思想', '新时代']);
const DOCTRINE_LEFT_RE = /(学习|贯彻|落实|坚持|高举|遵循|运用|指导|研究|宣传|以|用|和|与|及|是|的)$/;
/** 邓小平理论, 毛泽东思想, 习近平新时代中国特色社会主义思想: the author (a three-character name) is a person. */
function doctrineAuthor(ctx: Ctx, v: number, word: string): void {
  const { s } = ctx;
  if (word === '新时代' && !s.startsWith('新时代中国特色社会主义思想', v)) return;
  const a = v - 3;
  if (a < 0 || !free(ctx, a, v) || !ctx.lx.surnames.has(s.charCodeAt(a)) || NOT_NAME_SECOND.has(s.charCodeAt(a + 1))) return;
  for (let k = a; k < v; k++) if (!isHan(s.charCodeAt(k))) return;
  const before = a === 0 || isBoundaryChar(s[a - 1]) || ctx.taken[a - 1] === 1 || DOCTRINE_LEFT_RE.test(s.slice(Math.max(0, a - 2), a));
  if (!before) return;
  const w = s.slice(a, v);
  if (ctx.lx.places.has(w) || ctx.lx.companies.has(w)) return;
  add(ctx, { type: 'person', start: a, end: v, priority: 40, source: 'rule', role: 'other' });
}

function stageSpeakers(ctx: Ctx): void {
  const { s } = ctx;
  SPEECH_WORDS.scan(ctx, (v, e) => {
    if (ctx.taken[v]) return;
    const c = s.charCodeAt(v);
    if ((c === 0x7406 || c === 0x601d || c === 0x65b0) && e - v >= 2) {
      doctrineAuthor(ctx, v, s.slice(v, e));
      return;
    }
    for (const L of [3, 2, 4]) {
      const a = v - L;
      if (a < 0 || !free(ctx, a, v)) continue;
      const sl = surnameLen(ctx, a);
      if (!sl || (L === 4 && sl !== 2)) continue;
      let ok = true;
      for (let k = a; k < v; k++) if (!isHan(s.charCodeAt(k))) ok = false;
      if (!ok) continue;
      if (NOT_NAME_SECOND.has(s.charCodeAt(a + sl))) continue;
      const before = a === 0 || isBoundaryChar(s[a - 1]) || ctx.taken[a - 1];
      if (!before) continue;
      const w = s.slice(a, v);
      if (ctx.lx.places.has(w) || ctx.lx.companies.has(w)) return;
      add(ctx, { type: 'person', start: a, end: v, priority: 40, source: 'rule', role: 'other' });
      return;
    }
  });
}

function stageKnownNames(ctx: Ctx, names: Set<string>): void {
  if (!names.size) return;
  const { s } = ctx;
  const byFirst = new Map<number, string[]>();
  for (const nm of names) {
    const k = nm.charCodeAt(0);
    const arr = byFirst.get(k) ?? [];
    arr.push(nm);
    byFirst.set(k, arr);
  }
  for (const arr of byFirst.values()) arr.sort((a, b) => b.length - a.length);
  // only where a name occurs (indexOf per name), in order, resuming after each added name as a
  // loop over every position would
  const at = occurrences(s, names);
  let nextI = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (i < nextI || ctx.taken[i]) continue;
    const arr = byFirst.get(s.charCodeAt(i));
    if (!arr) continue;
    for (const nm of arr) {
      if (s.startsWith(nm, i) && free(ctx, i, i + nm.length)) {
        add(ctx, { type: 'person', start: i, end: i + nm.length, priority: 45, source: 'rule' });
        nextI = i + nm.length;
        break;
      }
    }
  }
}

function stageAliases(ctx: Ctx): void {
  const extra = new Map<string, string>();
  for (const sp of ctx.spans) {
    if (sp.type === 'company' && sp.legal && sp.aliases) for (const a of sp.aliases) if (a.length >= 2 && !extra.has(a)) extra.set(a, sp.text);
  }
  if (extra.size) stageCompanyLexicon(ctx, extra);
}

/**
 * Full rule/lexicon recognition with extra facts; spans sorted by start, non-overlapping.
 * Never throws: on an internal error returns what was found so far.
 */
const LINK_TARGET_RE = /\]\([^)]{0,600}\)|<https?:[^>\s]{1,600}>|https?:\/\/[^\s)）\]】"'<>]{1,600}|`[^`\n]{0,400}`/g;

/** Ranges the recognizers must not look into: URLs, Markdown link targets, inline code. */
export function maskedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (text.length > MAX_TEXT_FOR_RULES) text = text.slice(0, MAX_TEXT_FOR_RULES);
  // every match contains "](", "http" or a backtick: most news texts have none (three native scans
  // instead of the regex trying its alternatives at every position)
  if (text.indexOf('](') < 0 && text.indexOf('http') < 0 && text.indexOf('`') < 0) return out;
  regexAll(LINK_TARGET_RE, text, (m) => out.push([m.index, m.index + m[0].length]));
  return out;
}

/** The masked ranges recognizeRich computed last, for recognize() on the same text. */
let lastMasked: { text: string; ranges: Array<[number, number]> } | undefined;

export function recognizeRich(text: string): RichSpan[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const original = text.length > MAX_TEXT_FOR_RULES ? text.slice(0, MAX_TEXT_FOR_RULES) : text;
  const s = normalizeForMatching(original);
  const ctx: Ctx = { s, n: s.length, taken: new Uint8Array(s.length), spans: [], lx: lexicons(), orgAt: new Map(), orgMark: new Uint8Array(s.length), orgStarts: [] };
  try {
    lastMasked = undefined;
    const ranges = maskedRanges(original);
    lastMasked = { text: original, ranges };
    for (const [a, b] of ranges) ctx.taken.fill(1, a, b);
  } catch {
    /* ignore */
  }
  const stages: Array<() => void> = [
    () => stageDates(ctx),
    () => stageBylines(ctx),
    () => stageCompanies(ctx),
    () => stageCompanyLexicon(ctx),
    () => stageParties(ctx),
    () => stageGov(ctx),
    () => stageOrgs(ctx),
    () => stageCountryAbbr(ctx),
    () => stageTitles(ctx),
    () => stagePostNameTitles(ctx),
    () => stageGovRegionHeads(ctx),
    () => stageAliases(ctx),
    () => stageVenues(ctx),
    () => stagePlaces(ctx),
    () => stageSpeakers(ctx),
    () => {
      const names = new Set<string>();
      for (const sp of ctx.spans) if (sp.type === 'person' && sp.text.length >= 2) names.add(sp.text);
      stageKnownNames(ctx, names);
    },
  ];
  for (const st of stages) {
    try {
      st();
    } catch {
      /* a failing stage must not lose the others' results */
    }
  }
  // report the original text, not the normalised copy (the same text when normalising changed
  // nothing: then every text field already holds it)
  if (s !== original) for (const sp of ctx.spans) {
    sp.text = original.slice(sp.start, sp.end);
    const ch = sp.chain;
    if (ch && ch.orgStart !== undefined && ch.orgEnd !== undefined) ch.organization = original.slice(ch.orgStart, ch.orgEnd);
    if (ch) ch.inText = original.slice(ch.start, ch.end);
  }
  return sortByStart(ctx.spans);
}

/**
 * Sorts spans that never overlap (every rule span claims its characters) by start, in place:
 * the order of sort((a, b) => a.start - b.start || b.end - a.end), as starts are distinct, by a
 * numeric sort of start·2^22 + index instead of a comparator call per comparison.
 */
function sortByStart(spans: RichSpan[]): RichSpan[] {
  const len = spans.length;
  const IDX = 1 << 22; // > MAX_TEXT_FOR_RULES >= any span count
  const keys = new Float64Array(len);
  for (let k = 0; k < len; k++) keys[k] = spans[k].start * IDX + k;
  keys.sort();
  const copy = spans.slice();
  for (let k = 0; k < len; k++) spans[k] = copy[keys[k] % IDX];
  return spans;
}

/** Texts longer than this are analysed by rules only (the model is linear but much slower). */
export const MODEL_MAX_CHARS = 300_000;

export interface RecognizeOptions {
  /** Use the statistical model when one is available (default true, up to MODEL_MAX_CHARS). */
  useModel?: boolean;
}

/** A Han character or a Latin letter (ASCII or full-width) in text[a, b). */
function spanHasLetter(text: string, a: number, b: number): boolean {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a < 0) return /[\u3400-\u9fffA-Za-z\uff21-\uff3a\uff41-\uff5a]/.test(text.slice(a, b));
  for (let i = a; i < b; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 0x3400 && c <= 0x9fff) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) return true;
  }
  return false;
}

/** Rule spans merged with the statistical model's (if one is available). */
export function recognize(text: string, options?: RecognizeOptions): RichSpan[] {
  return recognizeMerged(text, options, false) as RichSpan[];
}

/** tag()'s plain spans (same keys, same order) of rich ones. */
function plainSpans(rich: RichSpan[]): Span[] {
  const out: Span[] = [];
  for (let k = 0; k < rich.length; k++) {
    const s = rich[k];
    out.push({ type: s.type as EntityType, start: s.start, end: s.end, text: s.text, source: s.source });
  }
  return out;
}

/**
 * recognize(), or with `plain` tag()'s plain spans: the merge's last loop then makes them itself
 * instead of a list of rich spans for tag() to copy again.
 */
function recognizeMerged(text: string, options: RecognizeOptions | undefined, plain: boolean): Span[] {
  const rules = recognizeRich(text);
  if (options?.useModel === false || typeof text !== 'string' || text.length > MODEL_MAX_CHARS) return plain ? plainSpans(rules) : rules;
  let model: Span[] = [];
  let ran = false;
  /** Every model span kept has a type and they are in spanOrder (then combineSortedInto needs no checks). */
  let modelOrdered = true;
  try {
    const m = loadDefaultModel();
    if (m) {
      model = m.predict(text);
      ran = true;
    }
    if (model.length) {
      // the model sees raw text; keep it out of URLs and away from spans with neither a Han character nor a Latin letter (bet365, Valve, EA stay)
      const masked = lastMasked && lastMasked.text === text ? lastMasked.ranges : maskedRanges(text);
      // masked ranges are sorted and disjoint: while the spans come sorted by start, one pointer
      // sweeps them (ranges ending at or before a span's start miss it and every later span)
      let mj = 0;
      let prevStart = -Infinity;
      const kept: Span[] = [];
      for (let k = 0; k < model.length; k++) {
        const sp = model[k];
        if (!(sp && typeof sp.start === 'number' && typeof sp.end === 'number' && sp.end > sp.start && sp.end <= text.length)) continue;
        if (!spanHasLetter(text, sp.start, sp.end)) continue;
        if (masked.length !== 0) {
          if (sp.start < prevStart) {
            if (masked.some(([a, b]) => sp.start < b && a < sp.end)) continue;
          } else {
            prevStart = sp.start;
            while (mj < masked.length && masked[mj][1] <= sp.start) mj++;
            if (mj < masked.length && masked[mj][0] < sp.end) continue;
          }
        }
        // (what combineSpans would check per window: a type, and in order)
        if (modelOrdered) modelOrdered = typeof sp.type === 'string' && (kept.length === 0 || spanOrder(kept[kept.length - 1], sp) <= 0);
        kept.push(sp);
      }
      model = kept;
    }
  } catch {
    model = [];
    ran = false;
  }
  // a text where the model found nothing still goes through the merge: rule-only spans the model
  // confidently rejects are dropped there too (《商业周刊》, Gameinformer杂志 in sentences with no model span)
  if (!ran) return plain ? plainSpans(rules) : rules;
  // combine window by window (paragraphs), so the merge stays linear on long texts
  const merged: Span[] = [];
  try {
    // (predict returns them sorted: then the stable sort would change nothing)
    for (let k = 1; k < model.length && !modelOrdered; k++) {
      if (model[k - 1].start > model[k].start) {
        model.sort((a, b) => a.start - b.start);
        break;
      }
    }
    let ri = 0;
    let mi = 0;
    let winStart = 0;
    // largest end among the spans already taken into windows (both lists sorted by start)
    let rulesDoneEnd = -1;
    let modelDoneEnd = -1;
    let nlFrom = -1;
    let nlAt = -2;
    while (winStart < text.length && (ri < rules.length || mi < model.length)) {
      let winEnd = Math.min(text.length, winStart + 4000);
      if (!(winEnd >= nlFrom && winEnd <= nlAt)) {
        nlFrom = winEnd;
        nlAt = text.indexOf('\n', winEnd);
        if (nlAt < 0) nlAt = text.length;
      }
      winEnd = nlAt >= text.length ? text.length : nlAt + 1;
      // never cut through a span. Same result as testing every span of both lists in order, in
      // time proportional to the window: spans already taken all start before winEnd, so they
      // just raise it to their largest end; the rest are sorted by start, so the first one that
      // starts at or after winEnd ends the scan.
      if (rulesDoneEnd > winEnd) winEnd = rulesDoneEnd;
      for (let k = ri; k < rules.length && rules[k].start < winEnd; k++) if (rules[k].end > winEnd) winEnd = rules[k].end;
      if (modelDoneEnd > winEnd) winEnd = modelDoneEnd;
      for (let k = mi; k < model.length && model[k].start < winEnd; k++) if (model[k].end > winEnd) winEnd = model[k].end;
      const r: Span[] = [];
      const m: Span[] = [];
      while (ri < rules.length && rules[ri].start < winEnd) {
        if (rules[ri].end > rulesDoneEnd) rulesDoneEnd = rules[ri].end;
        r.push(rules[ri++]);
      }
      while (mi < model.length && model[mi].start < winEnd) {
        if (model[mi].end > modelDoneEnd) modelDoneEnd = model[mi].end;
        m.push(model[mi++]);
      }
      // rule spans come valid and sorted (recognizeRich: claimed, non-empty, sorted by start)
      if (r.length) {
        if (modelOrdered) combineSortedInto(r, m, merged);
        else combineSpansInto(r, m, merged);
      }
      else for (let k = 0; k < m.length; k++) merged.push(m[k]);
      winStart = winEnd;
    }
  } catch {
    return plain ? plainSpans(rules) : rules;
  }
  const out: Span[] = [];
  let lastEnd = -1;
  // windows follow each other and each comes sorted: usually nothing to sort
  for (let k = 1; k < merged.length; k++) {
    if (merged[k - 1].start > merged[k].start || (merged[k - 1].start === merged[k].start && merged[k - 1].end < merged[k].end)) {
      merged.sort((a, b) => a.start - b.start || b.end - a.end);
      break;
    }
  }
  for (const sp of merged) {
    if (!sp || sp.start < lastEnd || sp.end <= sp.start || sp.end > text.length) continue;
    let rich = sp as RichSpan;
    if (rich.priority === undefined) rich = { ...sp, text: text.slice(sp.start, sp.end), priority: 30, source: sp.source ?? 'model' };
    out.push(plain ? { type: rich.type as EntityType, start: rich.start, end: rich.end, text: rich.text, source: rich.source } : rich);
    lastEnd = sp.end;
  }
  return out;
}

/** The recognizer behind `news-lens tag`: plain spans, sorted, non-overlapping. */
export function tag(text: string): Span[] {
  try {
    return recognizeMerged(text, undefined, true);
  } catch {
    return [];
  }
}
