/**
 * Stage: organizations. Fixed names from the lexicon (新华社, 北京大学, 国际奥委会), then suffixes with
 * a stem walked back (哈佛大学, 红十字会, 台湾中南部企业家精英团, a news site opening its dateline:
 * 金山网讯). A short suffix (大学, 网) needs a boundary, a post of the body or its members after it.
 */
import { ORG_SUFFIXES } from '../lexicon/words';
import { Trie } from '../trie';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as scanModule from './scan';
import * as walkBackModule from './walkBack';
import * as functionWordsModule from '../lexicon/functionWords';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isHan } = charClassesModule;
const { add, free, setOrg } = contextModule;
const { boundaryAfter } = namesModule;
const { WordScanner, candidates } = scanModule;
const { walkBack } = walkBackModule;
const { hasFunctionWord } = functionWordsModule;

/** Only spaces between the line start and `p`. */
function atLineStart(s: string, p: number): boolean {
  let k = p - 1;
  while (k >= 0 && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x3000 || s.charCodeAt(k) === 0x09)) k--;
  return k < 0 || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d;
}

/** A post of the body follows at b (哈佛大学校长, 商会轮值会长), not a longer body (艺术网理事会, 文联党组书记). */
function postAfter(ctx: Ctx, b: number): boolean {
  const { s, lx } = ctx;
  // a modifier of the post first: 执行副会长, 轮值会长, 名誉会长
  const mod = s.startsWith('轮值', b) ? b + 2 : lx.titleModifiers.longestEnd(s, b);
  const at = mod > b ? mod : b;
  const hit = lx.titleCores.longest(s, at);
  return !!hit && s[at] !== '党' && s[hit[0]] !== '会';
}

const ORG_WORDS = new WordScanner(() => ORG_SUFFIXES);
/** Members written right after an institution's name: 第四军医大学学员. */
const ORG_MEMBER_WORDS = (() => {
  const t = new Trie<string>();
  for (const w of ['学员', '学生', '师生', '校友', '教师', '教职工', '职工', '员工', '队员', '会员', '代表', '党委', '团委']) t.set(w, w);
  return t;
})();
const DELEGATION_SUFFIXES = new Set(['代表团', '考察团', '访问团', '参访团', '精英团', '交流团', '慰问团']);
export function stageOrgs(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  // media a line opens with or a sentence cites (香港文汇报讯: the whole name, before the lexicon's 文汇报)
  datelineMedia(ctx);
  let nextI = 0;
  for (const i of candidates(ctx).orgFixed) {
    if (i < nextI || ctx.taken[i]) continue;
    const hit = lx.orgFixed.longest(s, i);
    if (hit) {
      // a medium the text cites as its source (据新京报报道, 新华社消息, 来源：人民日报) stands against the model
      const cited = citedMedium(s, i, hit[0]);
      const sp = add(ctx, { type: 'organization', start: i, end: hit[0], priority: cited ? 85 : 80, source: 'lexicon' });
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
    // a website named in book quotes (《中时新闻网》) is a medium, not a work
    const quoted = suf.endsWith('网') && s.charCodeAt(orgStart - 1) === 0x300a && s.charCodeAt(b) === 0x300b;
    // a paper, site or station whose reporter writes the story ((长江日报记者 鞠頔, 东北网记者): a
    // medium, as sure as one after a source label
    const byline = MEDIA_SUFFIX.test(suf) && BYLINE_POST_AFTER.test(s.slice(b, b + 4));
    // …or that opens a line with the date after it, or alone, as a page's source line (眉山日报 2021-03-19)
    const sourceLine = MEDIA_SUFFIX.test(suf) && atLineStart(s, orgStart) && SOURCE_LINE_AFTER.test(s.slice(b, b + 12));
    // two media joined by a dash are two (长江日报-长江网讯): this one starts after the dash
    const dash = Math.max(s.lastIndexOf('-', a - 1), s.lastIndexOf('—', a - 1));
    if (MEDIA_SUFFIX.test(suf) && dash >= orgStart && a - dash - 1 >= 2) orgStart = dash + 1;
    if (suf === '网' && !dateline && !quoted && !byline && !/(新闻|中国|人民|新华|央视|财经|日报|经济)/.test(stem)) continue;
    if (/(的|了)$/.test(stem)) continue;
    const sp = add(ctx, { type: 'organization', start: orgStart, end: b, priority: dateline || quoted || byline || sourceLine || citedMedium(s, orgStart, b) ? 85 : 75, source: 'rule' });
    if (sp) setOrg(ctx, orgStart, sp);
  }
}

/**
 * Media that open a line as its source: a name, a date, then 讯/电/消息/获悉 (长江网6月27日讯,
 * 金融界3月20日消息, 36氪获悉), and media a sentence cites: 据X报道/消息, 据X， (据工信微报，). The name
 * is two to ten characters of a name, no function word (据介绍, 据了解; functionWords.ts) and no
 * writer (记者获悉, 本报讯). Priority 85: the line says what the name is, as a source line does.
 */
/** Longest bracketed headline a dateline may follow on its line. */
const HEADLINE_MAX = 80;

function datelineMedia(ctx: Ctx): void {
  const { s } = ctx;
  const tryAt = (re: RegExp, p: number) => {
    re.lastIndex = p;
    const m = re.exec(s);
    if (!m) return;
    // the outlet's app or account is the outlet (智通财经APP获悉, 据人民邮电报微信公众号消息)
    // (据 opens a cited dateline: 据新华社北京12月31日电)
    let name = m[1].trim().replace(OUTLET_CHANNEL, '').replace(/^据(?=.{2})/, '');
    // a news flash is 快讯/简讯 (新华网快讯): the outlet before it
    if (/[快简]$/.test(name) && s.charCodeAt(p + m[0].indexOf(name) + name.length) === 0x8baf) name = name.slice(0, -1);
    // an agency's dateline names where it was filed after it (新华社北京3月5日电, 中新社香港电): the agency
    for (let k = 2; k <= name.length - 2; k++) {
      if (ctx.lx.placeByName.has(name.slice(k)) && /[社台网报]$/.test(name.slice(0, k))) {
        name = name.slice(0, k);
        break;
      }
    }
    const a = p + m[0].indexOf(name);
    const b = a + name.length;
    if (name.length < 2 || NOT_MEDIA.test(name) || hasFunctionWord(s, a, b) || /^[0-9]+$/.test(name)) return;
    if (ctx.lx.placeByName.has(name)) return; // 北京3月1日电: a place in a dateline, not a medium
    const sp = add(ctx, { type: 'organization', start: a, end: b, priority: 85, source: 'rule' });
    if (sp) setOrg(ctx, a, sp);
  };
  for (let p = 0; p < s.length; p = s.indexOf('\n', p) + 1) {
    let q = p;
    // (and in the bracket some papers write it in: 【大公报讯】, [本报讯])
    while (q < s.length && (s[q] === ' ' || s[q] === '\u3000' || s[q] === '\t' || s[q] === '【' || s[q] === '[')) q++;
    if (!ctx.taken[q]) tryAt(DATELINE_RE, q);
    // …and right after a headline in lenticular brackets that opens the line (【…】财联社9月26日电)
    if (s[p] === '【') {
      const close = s.indexOf('】', p);
      const eol = s.indexOf('\n', p);
      if (close > p && close - p <= HEADLINE_MAX && (eol < 0 || close < eol) && close + 1 < s.length && !ctx.taken[close + 1]) tryAt(DATELINE_RE, close + 1);
    }
    if (s.indexOf('\n', p) < 0) break;
  }
  // a source label written with what it labels (文章来源:每日经济新闻, 本文来源：…; the bare labels are
  // bylines.ts's), the media it names joined by a dash
  SOURCE_LABEL_RE.lastIndex = 0;
  for (let m = SOURCE_LABEL_RE.exec(s); m; m = SOURCE_LABEL_RE.exec(s)) {
    // (the label says what follows is a source: no function-word check, 每日经济新闻 holds 每日)
    let a = m.index + m[0].length - m[1].length;
    for (const part of m[1].split(/[-—]/)) {
      const b = a + part.length;
      if (part.length >= 2 && OUTLET_END.test(part) && !NOT_MEDIA.test(part) && !ctx.lx.placeByName.has(part) && free(ctx, a, b)) {
        const sp = add(ctx, { type: 'organization', start: a, end: b, priority: 85, source: 'rule' });
        if (sp) setOrg(ctx, a, sp);
      }
      a = b + 1;
    }
  }
  // 据 as a preposition opening a clause (not 根据, 数据, 占据)
  for (let z = s.indexOf('据'); z >= 0; z = s.indexOf('据', z + 1)) {
    if (z > 0 && isHan(s.charCodeAt(z - 1)) && !ctx.taken[z - 1] && !'又另并还而也但亦'.includes(s[z - 1])) continue;
    if (!ctx.taken[z + 1]) tryAt(CITED_RE, z + 1);
  }
}
const DATELINE_RE = /([A-Za-z0-9\u4e00-\u9fff](?:[A-Za-z0-9\u4e00-\u9fff]| (?=[\u4e00-\u9fff])){1,9}?)(?:\d{1,2}月\d{1,2}日)?(?:讯|电|消息|获悉)(?=[\s(（:：,，】\]]|$)/y;
/** 据X报道 / 据X消息, or 据X， where X is named as a medium (…报, …网, …社, …台, …刊). */
const CITED_RE = /([A-Za-z0-9\u4e00-\u9fff]{2,10}?)(?:报道|消息|(?<=[报网社台刊])[，,])/y;
/** What an outlet's app or account adds to its name (智通财经APP, 人民邮电报微信公众号, 央视新闻客户端). */
const OUTLET_CHANNEL = /(?:APP|App|app|客户端|微信公众号|公众号|官方微博|官微|微博)$/;
/** A source label written with what it labels (文章来源, 本文来源) and the names after it. */
const SOURCE_LABEL_RE = /(?:文章|本文|新闻|信息|稿件)来源[ \t\u3000]*[:：][ \t\u3000]*([\u4e00-\u9fffA-Za-z0-9]{2,12}(?:[-—][\u4e00-\u9fffA-Za-z0-9]{2,12})?)/g;
/**
 * How an outlet's name ends: a paper, a site, a station, an agency, a news brand or an app (not a
 * site's channel: 人民网-湖北频道 names one outlet). Shared with bylines.ts's source lines.
 */
export const OUTLET_END = /(?:报|网|台|社|刊|新闻|财经|客户端|发布|视)$/;
/** Suffixes of newspapers, sites and stations. */
const MEDIA_SUFFIX = /(报|网|台|社|周刊|杂志)$/;
/** Before a medium cited as a source: 据, 来源：, 转自, 稿源：. */
/**
 * A medium the text cites as its source or whose pages it quotes (据新京报报道, 来源：人民日报, 新华社消息,
 * 《辽宁日报》头版, 据《经济日报》报道), or a paper named in book quotes (《新华日报》): the outlet, as People's
 * Daily marks it (MSRA train: 97 of 100 such papers ORG). CLUENER marks a paper in book quotes as a
 * work (book); its organization score pays for this (73.20 → 72.80).
 */
function citedMedium(s: string, a: number, b: number): boolean {
  if (!MEDIA_SUFFIX.test(s.slice(a, b))) return false;
  const quoted = a > 0 && s.charCodeAt(a - 1) === 0x300a && s.charCodeAt(b) === 0x300b;
  const before = s.slice(Math.max(0, a - (quoted ? 4 : 3)), quoted ? a - 1 : a);
  const after = s.slice(quoted ? b + 1 : b, b + 4);
  return CITED_BEFORE.test(before) || CITED_AFTER.test(after) || (quoted && (QUOTED_CITED_AFTER.test(after) || /报$/.test(s.slice(a, b))));
}
/** What follows a paper's name in book quotes when the text cites its pages (《辽宁日报》头版, …刊发). */
const QUOTED_CITED_AFTER = /^(?:头版|刊发|刊登|刊载|发表|社论|评论员|披露)/;
const CITED_BEFORE = /(?:据|来源[:：]?|转自|稿源[:：]?)$/;
/** After it: 报道, 消息, 讯, 记者, 电. */
const CITED_AFTER = /^(?:报道|消息|讯|记者|电)/;
/** After a medium that opens a page's source line: the end of the line, or a date (2021-03-19, 3月19日). */
const SOURCE_LINE_AFTER = /^[ \t\u3000]*(?:$|\n|\r|\d{4}[-./年]\d{1,2}|\d{1,2}月\d{1,2}日)/;
/** A reporter's post right after a medium's name. */
const BYLINE_POST_AFTER = /^(?:记者|特约记者|摄影记者|见习记者|通讯员|评论员)/;
/** Writers and the outlet itself, not a named medium: 记者获悉, 本报讯, 笔者获悉. */
const NOT_MEDIA = /^(早报|晨报|晚报|日报|本报|本刊|本台|本网|本站|记者|笔者|编者|我们|他们|有关|相关|媒体|外媒|消息|报道|公司|集团|政府|会议|今天|今日|昨天|昨日|日前|近日|目前)|(记者|人士|部门|方面|官员|专家|分析|调查|统计|介绍|了解|报告|研究)$/;
