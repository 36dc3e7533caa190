/**
 * Stage: dates and times (1998年1月5日, 9月13日上午10时, 今天下午, 星期三, 2024-05-01 09:30). First in
 * the pipeline, so no later stage reads a date's characters (今天, 5日) as part of a name or place.
 * One regex, tried (sticky) only where the shared scan says a date can start.
 */
import { DAY_PARTS, RELATIVE_DATES } from '../lexicon/words';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';
import * as scanTablesModule from './scanTables';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add } = contextModule;
const { candidates } = scanModule;
const { DATE_NUMERAL, DATE_WORD_ID, DATE_WORD_LISTS } = scanTablesModule;

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

/**
 * A match starting with a numeral is a run of numerals followed by one of these (年, 月, 日/号,
 * 时/点, the : of a clock time, the - or / of an ISO date): its first non-numeral character.
 */
const DATE_AFTER_NUM = codeSet('年月日号时点:-/');
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

/** After 报: words that make 报 a verb (报道, 报告, 报名, 报到, 报送, 报请, 报批, 报销, 报警). */
const REPORT_VERB_NEXT = codeSet('道告名到送请批销警称');

export function stageDates(ctx: Ctx): void {
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
      // a day word glued into a paper's name (光明日报: 明日): the 日 is the paper's
      // (not 近日报道, 今日报名: a verb after 报)
      if (b - a === 2 && s.charCodeAt(b - 1) === 0x65e5 && isHan(pc) && s.charCodeAt(b) === 0x62a5 && !REPORT_VERB_NEXT[s.charCodeAt(b + 1)]) continue;
    }
    add(ctx, { type: 'date', start: a, end: b, priority: 90, source: 'rule' });
  }
}
