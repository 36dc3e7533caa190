/**
 * Stage: one-character abbreviations of countries and regions (中美两国, 英法关系, 台港澳同胞, 访美,
 * 驻华, 美方, 华侨), each a place mention of the full name, as People's Daily tags them. Only in
 * these contexts: 中 alone is everywhere, and 美好, 法律, 日常 are words.
 */
import { Trie } from '../trie';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as placeNamesModule from './placeNames';
import * as scanModule from './scan';
import * as scanTablesModule from './scanTables';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add } = contextModule;
const { placeCovers } = placeNamesModule;
const { candidates } = scanModule;
const { PAIR_CHARS } = scanTablesModule;

/** Each abbreviation's full name. */
const COUNTRY_ABBR: Record<string, string> = {
  中: '中国', 华: '中国', 美: '美国', 英: '英国', 法: '法国', 德: '德国', 日: '日本', 俄: '俄罗斯', 意: '意大利', 加: '加拿大',
  韩: '韩国', 朝: '朝鲜', 印: '印度', 越: '越南', 泰: '泰国', 澳: '澳大利亚', 港: '香港', 台: '台湾', 欧: '欧洲', 苏: '苏联',
  巴: '巴基斯坦', 蒙: '蒙古', 埃: '埃及', 以: '以色列', 伊: '伊朗', 菲: '菲律宾', 墨: '墨西哥', 古: '古巴', 葡: '葡萄牙', 荷: '荷兰',
  缅: '缅甸', 柬: '柬埔寨', 老: '老挝', 非: '非洲', 拉: '拉丁美洲', 亚: '亚洲', 新: '新加坡', 西: '西班牙',
};
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

/** A place span for the abbreviation at i (澳 next to 港 or 台 is 澳门). */
function abbrPlace(ctx: Ctx, i: number, ch: string): void {
  let name = COUNTRY_ABBR[ch];
  if (ch === '澳' && (ctx.s[i - 1] === '港' || ctx.s[i + 1] === '港' || ctx.s[i - 1] === '台' || ctx.s[i + 1] === '台')) name = '澳门';
  add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: ctx.lx.placeByName.get(name) ?? { name, level: 'country', parents: [], full: name } });
}

export function stageCountryAbbr(ctx: Ctx): void {
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
    while (j < n && j - i < 4 && PAIR_CHARS[s.charCodeAt(j)] === 1 && !taken[j] && (j === i || s.charCodeAt(j) !== s.charCodeAt(j - 1))) j++;
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
