/**
 * Where each stage's candidates can start, as code-unit tables: the shared scan (scan.ts) marks them
 * all in one pass over the text. They live here rather than in the stage files so that scan.ts
 * imports no stage; the stages that also test them (dates, government, parties, places, country
 * abbreviations) import them from here.
 */
import type { Lexicons } from '../lexicon';
import { BYLINE_LABELS, CITY_ABBR, DAY_PARTS, GOV_SHORT_SUFFIXES, PARTY_FULL, PARTY_SHORT, PROVINCE_ABBR, PROVINCE_ABBR_UNSAFE, RELATIVE_DATES } from '../lexicon/words';
import * as charClassesModule from './charClasses';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet } = charClassesModule;

// ---------- dates (dates.ts) ----------
// Every date match starts with a numeral (digit or Chinese numeral), 星期/周/礼拜, a relative-date
// word or a day part: candidates() lists numerals and where such a word starts.
/** Numerals of the date regex (digits and Chinese numerals); no date word starts with one. */
export const DATE_NUMERAL = codeSet('0123456789零〇一二三四五六七八九十');
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
export const DATE_WORD_ID = new Uint8Array(65536);
export const DATE_WORD_LISTS: Array<Array<{ w: string; part: boolean }>> = [];
for (const [c, list] of DATE_WORDS_BY_FIRST) {
  DATE_WORD_LISTS.push(list);
  DATE_WORD_ID[c] = DATE_WORD_LISTS.length;
}
if (DATE_WORD_LISTS.length > 255) throw new Error('too many date word starts');

// ---------- bylines and sources (bylines.ts) ----------
/** First code units of the byline labels (编辑, 记者 …) and of the source labels (来源, 稿源, 出处, 转自, 来自). */
export const BYLINE_FIRST = codeSet(BYLINE_LABELS.map((w) => w[0]).join(''));
export const SOURCE_FIRST = codeSet('来稿出转');

// ---------- government (government.ts) ----------
// the former regex `[部局厅委署办处]|委员会` only ever matched one character (委 wins before 委员会)
export const GOV_SHORT_SET = codeSet(GOV_SHORT_SUFFIXES.join(''));

// ---------- parties (parties.ts) ----------
/** A party or a congress (第…, 十N大) may start here. */
export const PARTY_FIRST = codeSet([...PARTY_FULL, ...PARTY_SHORT].map((w) => w[0]).join('') + '第十');

// ---------- places (places.ts) ----------
/** One-character province and city short forms safe to read in context (在京, 来粤, 赴沪). */
export const ABBR_SAFE = codeSet(Object.keys(PROVINCE_ABBR).filter((ch) => ch.length === 1 && !PROVINCE_ABBR_UNSAFE.has(ch)).join('') + Object.keys(CITY_ABBR).join(''));
/** Code units worth a look in stagePlaces: starts of place names, 首 (首都), safe province abbreviations. */
let placeStartCache: { lx: Lexicons; set: Uint8Array } | undefined;
export function placeStarts(lx: Lexicons): Uint8Array {
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

// ---------- country abbreviations (countryAbbr.ts) ----------
/** Characters that can form a pair/list (中美, 英法德, 台港澳); 新/西/亚/非/拉/老/以/古 only with a strong right context. */
export const PAIR_CHARS = codeSet('中美英法德日俄意加韩朝印越泰澳港台欧苏巴蒙埃以伊菲墨古葡荷缅柬老非拉亚新西');
PAIR_CHARS['波'.charCodeAt(0)] = 1;
