/**
 * The walk back from a suffix (有限公司, 大学, 管委会, 体育馆) over the characters of a name to
 * where the name starts: after the last stop word (来到, 会见, 和, 的 …), never inside brackets.
 * Companies, government bodies, organizations and venues find their stems with it.
 */
import { lexicons, type Lexicons } from '../lexicon';
import { Trie } from '../trie';
import * as functionWordsModule from '../lexicon/functionWords';
import * as charClassesModule from './charClasses';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isNameChar } = charClassesModule;
const { functionWordEnd, isFunctionChar } = functionWordsModule;

/** Words at which a backwards walk over a name stops (the name starts after them). */
const STOP_WORDS = [
  '来到', '走访', '调研', '考察', '会见了', '会见', '参观', '前往', '访问', '视察', '抵达', '走进', '包括', '以及', '其中', '还有', '了', '在', '与', '和', '及', '同', '向', '对', '是',
  '为', '由', '被', '将', '把', '从', '到', '等', '的', '后', '通过', '成立', '表示', '宣布', '收购', '旗下', '加入', '离开', '担任', '任职于', '携手', '联合', '签约', '合作', '这家', '该', '据', '如',
  '就', '于', '给', '让', '使', '称', '说', '指出', '强调', '希望', '支持', '推动', '鼓励', '欢迎', '感谢', '听取', '介绍', '座谈', '召开', '举办', '主办', '承办', '发布', '推出', '入驻', '落户',
  '投资', '建设', '设立', '组建', '改组', '成为', '作为', '即', '或', '又', '也', '还', '都', '曾', '已', '并', '而', '但', '向着', '面向', '针对', '有关', '相关', '各', '多家', '一家', '两家', '这些', '等在', '率领', '带领', '率',
  '本报讯', '社电', '社讯', '网讯', '华人', '华侨',
  '符合', '加快', '推进', '促进', '帮助', '引导', '提升', '实现', '保障', '督促', '协助', '允许',
  // taking or leaving a post at a body (王正伟辞去宁夏回族自治区人民政府主席职务)
  '辞去', '免去', '卸任', '出任', '兼任', '升任', '调任', '接任', '当选', '任命', '连任', '留任', '就任', '改任', '荣任', '获选', '获委任', '获任',
  // an official's words and visits before the body they are about (省长盛赞正威集团, 领导深入集团总部)
  '深入', '盛赞', '点赞', '称赞', '赞扬', '赞赏', '祝贺', '看望', '慰问', '拜访', '拜会', '会晤', '接待', '陪同', '对接', '依托', '了解',
  // who brings or hosts a firm (黄远远携上海经证实业集团有限公司, 受香港新华集团邀请)
  '携', '受',
];
const STOP_TRIE = new Trie<string>();
for (const w of STOP_WORDS) STOP_TRIE.set(w, w);
const STOP_SET = new Set(STOP_WORDS);

/** The longest stop word of two or more characters that ends at `e` (以及 for 及), if any. */
export function longStopWordEndingAt(s: string, e: number): string | undefined {
  for (let n = 4; n >= 2; n--) if (e - n >= 0 && STOP_SET.has(s.slice(e - n, e))) return s.slice(e - n, e);
  return undefined;
}

/** A city, province or district name of two or more characters ends at `e`, starting at or after `floor`. */
function placeEndsAt(s: string, e: number, floor: number): boolean {
  const places = lexicons().places;
  for (let p = e - 2; p >= floor && p >= e - 4; p--) {
    if (places.first[s.charCodeAt(p)] === 0) continue;
    const info = places.getIn(s, p, e);
    if (info && (info.level === 'city' || info.level === 'province' || info.level === 'district')) return true;
  }
  return false;
}

/** One-character stop words (adverbs) that names also end with (孟山都); not conjunctions (厂矿和学校). */
const NAME_STOPS = '都也还又即已曾并而';

/** An ASCII, full-width or Chinese digit. */
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19) || DIGIT_HAN.indexOf(String.fromCharCode(c)) >= 0;
}
const DIGIT_HAN = '〇零一二三四五六七八九十';

/** Walks back from `end` over name characters; returns the start after the last stop word. */
export function walkBack(s: string, end: number, maxLen: number, taken: Uint8Array, floor = 0, lx?: Lexicons): { start: number; cutBy?: string } {
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
  // a walk that ran out inside a bracket (…李兆基(…平)香港恒基兆业地产有限公司): the name starts after the
  // last closing bracket that has no opening one in the walk
  if (depth > 0) {
    let bal = 0;
    for (let k = j; k < end; k++) {
      const c = s.charCodeAt(k);
      if (c === 0xff08 || c === 0x28) bal++;
      else if (c === 0xff09 || c === 0x29) {
        if (bal === 0) j = k + 1;
        else bal--;
      }
    }
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
    if (inBr) continue;
    // a dateline's 电/讯 after a date (北京5月18日电全国妇联…, 6月10日讯国家科技奖励办公室…)
    const ck = s.charCodeAt(k);
    if ((ck === 0x7535 || ck === 0x8baf) && k >= 2 && s.charCodeAt(k - 1) === 0x65e5 && isDigit(s.charCodeAt(k - 2))) {
      start = k + 1;
      cutBy = s[k];
      continue;
    }
    if (STOP_TRIE.first[ck] === 0) continue;
    // the longest stop word at k that ends by `end`
    const e = STOP_TRIE.longestEnd(s, k, end);
    // …but not a one-character stop word that ends a place name (成都, 首都, 京都)
    if (e === k + 1 && k > j && placeEndsAt(s, k + 1, j)) continue;
    if (e > 0) {
      start = e;
      cutBy = s.slice(k, e);
    }
  }
  // a one-character stop word that would leave no name, after words that are no function words
  // (孟山都集团: 都), is the name's own character (介绍了集团公司: 了 after 介绍 cuts)
  if (start === end && cutBy && cutBy.length === 1 && NAME_STOPS.includes(cutBy) && end - 1 > j) {
    let fn = false;
    for (let k = j; k < end - 1 && !fn; k++) fn = functionWordEnd(s, k, end - 1) > 0 || isFunctionChar(s, k);
    if (!fn) return { start: j, cutBy: undefined };
  }
  // a single-character stop word inside a known name (华为, 和记) does not cut it
  if (lx && cutBy && cutBy.length === 1 && start > j) {
    for (let k = j; k < start; k++) {
      const hit = lx.companies.longest(s, k, end);
      if (hit && hit[0] > start - 1 && hit[0] <= end) return { start: k, cutBy: undefined };
    }
  }
  // …but one that ends a function word cuts after the whole word: 如果华夏银行 (stop word 如), 或者光大银行
  if (start > j) {
    for (let q = Math.max(j, start - 3); q < start; q++) {
      const e = functionWordEnd(s, q, end);
      if (e > start && end - e >= 2) {
        start = e;
        cutBy = s.slice(q, e);
      }
    }
  }
  return { start, cutBy };
}
