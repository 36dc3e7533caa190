/**
 * Stage: title chains and the names after them (北京市委书记尹力, 市委副书记、市长殷勇, 宁德时代董事长曾毓群,
 * 国务院总理李鹏, 记者李蕾张羽飞). A chain is units joined by 、/兼/和/及, each an optional known body
 * or region, org prefixes (市委, 中共中央政治局), modifiers (副, 常务) and a title core (书记, 市长,
 * 董事长). A regional prefix becomes a government body or a place, the rest the title; the names
 * after the chain are people with the chain's region, organization and role. Title words are in
 * lexicon/words.ts (TITLE_CORES, TITLE_MODIFIERS, TITLE_ORG_PREFIXES).
 */
import type { PersonRole } from '../types';
import type { Lexicons, PlaceInfo } from '../lexicon';
import { POST_NAME_TITLES } from '../lexicon/words';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as placeNamesModule from './placeNames';
import * as rolesModule from './roles';
import * as scanModule from './scan';
import { hasFunctionWord } from '../lexicon/functionWords';
import { COMPANY_UNIT } from './orgForms';
import type { RichSpan, TitleChain } from './types';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add, free } = contextModule;
const { boundaryAfter, nameBefore, nextNameAt, readForeignName, readName, TITLE_AFTER_NAME } = namesModule;
const { bodyLeadPlace, provinceOf } = placeNamesModule;
const { BUSINESS_ASSOCIATION, BUSINESS_CORES, OTHER_CORES, STATE_BODY } = rolesModule;
const { candidates } = scanModule;

/** After a region written with no org prefix (北京市长), a unit needs one of these cores (or a 国家/中央 one, or a country). */
const REGION_CORES = new Set(['行政长官', '特首', '议长', '副议长', '市长', '副市长', '常务副市长', '代市长', '省长', '副省长', '常务副省长', '代省长', '市长助理', '省长助理', '县长助理', '区长助理', '代区长', '代县长', '代州长', '区长', '副区长', '常务副区长', '县长', '副县长', '常务副县长', '州长', '副州长', '常务副州长', '市领导', '省领导', '区领导', '县领导', '州领导', '自治区领导', '镇长', '副镇长', '常务副镇长', '乡长', '副乡长', '议员']);

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

/** A level's party committee, government, congress or CPPCC opening a post's prefix (市委, 县政府, 省人大常委会). */
const LEVEL_BODY_START = /^(?:自治区|自治州|省|市|区|县|州|旗|镇|乡)(?:委|党委|人民政府|政府|人大|政协)/;

/** A short name in brackets (（厂商会）, (贸发局)): two to eight letters. */
const BRACKETED_SHORT = /^[（(][\u4e00-\u9fffA-Za-z]{2,8}[）)]/;

function parseUnit(ctx: Ctx, i: number): Unit | undefined {
  const { s, lx } = ctx;
  // candidate starts in order: after a known org; after a place name (longest first); at i itself
  const org = ctx.orgMark[i] === 1 ? ctx.orgAt.get(i) : undefined;
  if (org && (org.type === 'company' || org.type === 'government' || org.type === 'organization')) {
    const u = unitFrom(ctx, i, org.end, undefined, undefined, org);
    if (u) return u;
    // the body's short name in brackets between it and the post (香港中华厂商联合会(厂商会)副会长)
    const br = BRACKETED_SHORT.exec(s.slice(org.end, org.end + 12));
    if (br) {
      const ub = unitFrom(ctx, i, org.end + br[0].length, undefined, undefined, org);
      if (ub) return ub;
    }
    const head = org.type === 'government' ? headOfBody(ctx, org) : undefined;
    if (head) return head;
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
        // a province and a city in it before the post (江苏省苏州市市长, 新疆昌吉回族自治州州长): the
        // inner region's post, written with both (tried first: 内蒙古 + 乌兰察布市市委 would read as a
        // body of the province)
        const inner = info.level === 'province' || info.level === 'city' ? places.longest(s, pEnd) : undefined;
        if (inner && inner[1].parents.includes(info.name) && free(ctx, pEnd, inner[0])) {
          const v = unitFrom(ctx, i, inner[0], inner[1].name, inner[0], undefined) ?? unitAtLevelChar(ctx, i, pEnd, inner[0], inner[1].name);
          if (v) return v;
        }
        // (新竹 + 县长 where 新竹县 is a place too: the county's post, not the city's)
        const longer = k + 1 < count && ends[k + 1] === pEnd + 1 && LEVEL_CHAR[s.charCodeAt(pEnd)] === 1 ? vals[k + 1] : undefined;
        const u = unitFrom(ctx, i, pEnd, longer?.name ?? info.name, pEnd, undefined);
        if (u) return u;
        const v = unitAtLevelChar(ctx, i, i, pEnd, info.name);
        if (v) return v;
      }
    }
  }
  return unitFrom(ctx, i, i, undefined, undefined, undefined);
}

/**
 * The region [regionStart, regionEnd)'s level character also starts the body: 平原县 + 县委副书记,
 * 海南省 + 省台办主任 (a unit from that character with a prefix before its core).
 */
function unitAtLevelChar(ctx: Ctx, i: number, regionStart: number, regionEnd: number, region: string): Unit | undefined {
  if (regionEnd - regionStart < 3 || LEVEL_CHAR[ctx.s.charCodeAt(regionEnd - 1)] !== 1) return undefined;
  const v = unitFrom(ctx, i, regionEnd - 1, region, regionEnd - 1, undefined);
  return v && v.prefixStart < v.coreStart ? v : undefined;
}

/** The last character of a body whose head is written by adding 长 to it (外交部长, 公安局长). */
const HEAD_OF = codeSet('部局厅处署');
/** After 长, what makes a word of it rather than the head's post (外交部长期以来, …部长远规划). */
const NOT_HEAD_AFTER = codeSet('期远久度途效足篇短大达廊跑征寿');

/**
 * A body's head written with the body's last character (外交部长王毅 = 外交部部长, 市公安局长, 教育
 * 厅长): the post X长 of the body, read on the 长 after it; the body keeps its own span, as People's
 * Daily marks it (CLUENER marks 国防部长 as one post: a title or two in its dev set). Not where 长
 * starts a word or a place (外交部长期以来, 交通运输部长江航务管理局).
 */
function headOfBody(ctx: Ctx, org: RichSpan): Unit | undefined {
  const { s, lx } = ctx;
  const e = org.end;
  const last = s.charCodeAt(e - 1);
  if (HEAD_OF[last] !== 1 || s[e] !== '长' || !free(ctx, e, e + 1)) return undefined;
  if (NOT_HEAD_AFTER[s.charCodeAt(e + 1)] === 1 || lx.places.longest(s, e)) return undefined;
  const core = s[e - 1] + '长';
  const known = lx.titleCores.longest(core, 0);
  if (!known || known[0] !== 2) return undefined;
  return { start: org.start, end: e + 1, org, prefixStart: e, coreStart: e, core };
}

function unitFrom(ctx: Ctx, i: number, pos: number, region: string | undefined, regionEnd: number | undefined, org: RichSpan | undefined): Unit | undefined {
  const { s, lx } = ctx;
  // a unit needs an org prefix, a modifier or a core right here
  const c0 = s.charCodeAt(pos);
  // (after a region, a body's own name may come first: 漳州 + 开发区党委)
  if (!region && lx.titlePrefixes.first[c0] === 0 && lx.titleCores.first[c0] === 0 && lx.titleModifiers.first[c0] === 0) return undefined;
  let p = pos;
  const prefixStart = p;
  // org prefixes, e.g. 市委, 中共中央政治局
  for (let k = 0; k < 3; k++) {
    const pre = free(ctx, p, p + 1) ? lx.titlePrefixes.longest(s, p) : undefined;
    if (!pre || !free(ctx, p, pre[0])) break;
    // 集团 or 公司 that ends a name the rules did not read (信和集团副主席: 和 stopped the walk back):
    // the name's, not the post's
    if (k === 0 && p > 0 && COMPANY_HEAD.test(s.slice(p, pre[0])) && isHan(s.charCodeAt(p - 1)) && !ctx.taken[p - 1] && NAME_BOUNDARY[s.charCodeAt(p - 1)] === 0) break;
    // don't eat a core that is also a prefix (e.g. 董事会秘书)
    const core = parseCore(ctx, p);
    if (core && core.end >= pre[0] && k > 0) break;
    const after = parseCore(ctx, pre[0]);
    if (!after && !lx.titlePrefixes.longest(s, pre[0])) {
      const b = genericBodyEnd(ctx, pre[0]);
      if (b === undefined || !parseCore(ctx, b)) break;
    }
    p = pre[0];
  }
  let hasPrefix = p > prefixStart;
  let core = parseCore(ctx, p);
  if (!core && (hasPrefix || region)) {
    // a body of the committee named between it and the post: 省委巡视工作领导小组组长, 市委全面深化改革委员会办公室主任
    const b = genericBodyEnd(ctx, p);
    if (b !== undefined) {
      core = parseCore(ctx, b);
      if (core) {
        p = b;
        hasPrefix = true;
      }
    }
  }
  if (!core) return undefined;
  const country = region ? lx.placeByName.get(region)?.level === 'country' : false;
  // an autonomous region's head of government is its 主席 (广西壮族自治区主席, 内蒙古自治区副主席)
  const autonomousHead = region !== undefined && AUTONOMOUS_HEADS.has(core.core) && s.endsWith('自治区', regionEnd ?? pos);
  if (region && !hasPrefix && !country && !autonomousHead && !REGION_CORES.has(core.core) && !/^(国家|中央)/.test(core.core)) return undefined;
  return { start: i, end: core.end, region, regionEnd, org, prefixStart, coreStart: p, core: core.core };
}

/** The head of an autonomous region's government and deputies: 主席 after the region's name. */
const AUTONOMOUS_HEADS = new Set(['主席', '副主席', '常务副主席', '代主席']);

/** Posts one person holds at a time in a region (a chain repeating them is another region's). */
const SINGLE_HOLDER_CORES = new Set(['市长', '省长', '县长', '区长', '州长', '旗长', '镇长', '乡长', '书记', '主席', '行政长官']);

/**
 * A town or township named right before one of its posts, at a clause's start or after a list's mark
 * or a preposition (在南雅镇党委书记陈远益, 、七都镇镇长孙文敏, 讲治镇党委书记李伟): the region of
 * the post, though no lexicon lists towns. Not 全镇, 各乡 or 城乡 (no town's name).
 */
const TOWN_BEFORE_POST = /(^|[^\u4e00-\u9fff]|[在和与及由同、])((?:(?![在和与及由同的了是为对向从将把被])[\u4e00-\u9fff]){1,3}?[镇乡])(?=党委|党工委|人大|人民政府|政府|镇长|乡长|副镇长|副乡长|纪委)/gm;
const NOT_A_TOWN_NAME = /^(?:城|乡|全|各|该|本|每|小|集|重|城关|村|县|区|市|省|特色|中心|乡村|城镇)[镇乡]$|^.*[各全该本每城][镇乡]$/;
function townsBeforePosts(ctx: Ctx): { start: number; end: number }[] {
  const { s } = ctx;
  const out: { start: number; end: number }[] = [];
  // (and a two-character county the lexicon matches by name only, 道县, never read in running text,
  // where its level is written again before the post: 道县县委书记, 道县县长)
  if (s.indexOf('县县') >= 0) {
    COUNTY_BEFORE_POST.lastIndex = 0;
    for (let m = COUNTY_BEFORE_POST.exec(s); m; m = COUNTY_BEFORE_POST.exec(s)) {
      const county = ctx.lx.placeByName.get(m[1]);
      if (county && county.level === 'district' && county.name === m[1] && !ctx.lx.places.has(m[1])) out.push({ start: m.index, end: m.index + 2 });
    }
  }
  if (s.indexOf('镇') < 0 && s.indexOf('乡') < 0) return out;
  TOWN_BEFORE_POST.lastIndex = 0;
  for (let m = townBeforePostFrom(s); m; m = townBeforePostFrom(s)) {
    const start = m.index + m[1].length;
    const end = start + m[2].length;
    // (a town the place lexicon knows is read the usual way)
    const known = ctx.lx.places.longest(s, start);
    // (nor a clause's words run into it: 会议由镇人大主席)
    if (NOT_A_TOWN_NAME.test(m[2]) || (known && known[0] >= end) || hasFunctionWord(s, start, end - 1)) continue;
    out.push({ start, end });
  }
  // (counties and towns found apart, read in text order)
  return out.sort((a, b) => a.start - b.start);
}

/**
 * TOWN_BEFORE_POST.exec(s), the scan started no earlier than it must: a match's 镇 or 乡 is one to four
 * characters after its start and a post's first character follows it, so the scan starts four before
 * the first such pair from lastIndex on (same matches as scanning every position, in a fraction of the time).
 */
function townBeforePostFrom(s: string): RegExpExecArray | null {
  const from = TOWN_BEFORE_POST.lastIndex;
  let z = s.indexOf('镇', from + 1);
  let x = s.indexOf('乡', from + 1);
  while (z >= 0 || x >= 0) {
    const t = x < 0 || (z >= 0 && z < x) ? z : x;
    if (TOWN_POST_FIRST[s.charCodeAt(t + 1)] === 1) {
      TOWN_BEFORE_POST.lastIndex = Math.max(from, t - 4);
      return TOWN_BEFORE_POST.exec(s);
    }
    if (t === z) z = s.indexOf('镇', z + 1);
    else x = s.indexOf('乡', x + 1);
  }
  return null;
}
/** The first characters of TOWN_BEFORE_POST's posts. */
const TOWN_POST_FIRST = codeSet('党人政镇乡副纪');

/** A two-character county and its level written again before a post (道县县委, 萧县县长). */
const COUNTY_BEFORE_POST = /([\u4e00-\u9fff]县)(?=县(?:委|长|人民政府|政府|人大|政协|副县长))/g;

/** Posts held by a group (市领导 A、B): the names after them are a list. */
const GROUP_CORES = new Set(['市领导', '省领导', '区领导', '县领导', '州领导', '自治区领导']);
/** What may follow the last name of a list: punctuation, or the verb the list is the subject of. */
const LIST_END = /^[，,。；;、：:）)\s出参陪等一在到分会调视考慰察]?$/;

/** Level characters that end a place name and may start the body written after it (县委, 省台办). */
const LEVEL_CHAR = codeSet('省市县区州');

/** Words a body named inside a committee ends in (巡视工作领导小组, 全面深化改革委员会). */
const GENERIC_BODY_ENDS = ['领导小组', '工作小组', '小组', '工作组', '委员会', '办公室', '指挥部', '发展局', '管理局', '总局', '党工委', '党委', '管委会', '局', '委', '办'];
const GENERIC_BODY_MAX = 12;
/** The end of a body name of Han characters starting at p and ending in a GENERIC_BODY_ENDS word, if any. */
function genericBodyEnd(ctx: Ctx, p: number): number | undefined {
  const { s, n } = ctx;
  for (let k = p + 1; k < n && k - p <= GENERIC_BODY_MAX; k++) {
    if (!isHan(s.charCodeAt(k - 1)) || ctx.taken[k - 1]) return undefined;
    // a body's name holds no post (福建省 + 委书记宋德福与河北省委 is no body)
    if (ctx.lx.titleCores.first[s.charCodeAt(k - 1)] !== 0 && ctx.lx.titleCores.longest(s, k - 1)) return undefined;
    // …and no verb of a visit or meeting (武汉 + 拜会湖北省委常委 is no body of 武汉's)
    if (k - p >= 2 && TITLE_CTX_WORD_LAST[s.charCodeAt(k - 1)] === 1 && TITLE_CTX_WORD_SET.has(s.slice(k - 2, k))) return undefined;
    // …nor 的 or the time of a post (湖南省 + 现任的省委 is no body: 现任的 + 省委书记)
    if (s.charCodeAt(k - 1) === 0x7684 || (k - p >= 2 && TENURE.test(s.slice(k - 2, k)))) return undefined;
    for (const w of GENERIC_BODY_ENDS) if (s.startsWith(w, k) && free(ctx, k, k + w.length)) return k + w.length;
  }
  return undefined;
}

/** When a post is held, written before it: 现任, 时任, 新任, 前任, 曾任, 原任. */
const TENURE = /^[现时新前曾原]任$/;

// after a verb like 会见/任/由/在 a title may start
const TITLE_CTX_WORDS = [
  '会见', '接见', '会晤', '陪同', '出席', '参加', '听取', '看望', '慰问', '表示', '指出', '强调', '包括', '辞去', '担任', '出任', '升任', '调任', '接任', '兼任', '代理', '当选',
  '收到', '带领', '率领', '走访', '参观', '来到', '拜会', '拜访', '宴请', '欢迎', '感谢', '邀请', '聘请', '推举', '选举', '任命', '免去', '授予', '致电', '致信', '祝贺',
  // a list's part (其中省长王浩…)
  '其中',
  // on behalf of a post's holder (代表省委书记刘奇葆)
  '代表',
  // a company's own post after a bare reference to it (公司董事长, 本公司总裁; the article's company)
  '公司',
];
const TITLE_CTX_WORD_SET = new Set(TITLE_CTX_WORDS);
const TITLE_CTX_WORD_LAST = codeSet(TITLE_CTX_WORDS.map((w) => w[1]).join(''));
// (and 以 of 以…为团长: 以宁夏回族自治区党委副书记于革胜为团长的代表团)
const TITLE_CTX_CHARS = codeSet('与和同及由向对在了是为任的据请邀经让给说等率应有以获');
const DETERMINER_CHARS = codeSet('该本原前');
const LEVEL_FIRST = codeSet('省市县区州镇乡');

function isTitleStartContext(ctx: Ctx, i: number): boolean {
  if (i === 0) return true;
  const c = ctx.s.charCodeAt(i - 1);
  if (!isHan(c)) return true;
  if (ctx.taken[i - 1]) return true;
  if (TITLE_CTX_CHARS[c] === 1) return true;
  // a determiner before a level's body (该县委常委, 本市副市长, 原省委书记)
  if (DETERMINER_CHARS[c] === 1 && LEVEL_FIRST[ctx.s.charCodeAt(i)] === 1) return true;
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
  /** The posts (cores) of the chain before, joined. */
  prevCores?: string;
}
export function stageTitles(ctx: Ctx): void {
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
  // towns written right before their posts (南雅镇党委书记, 七都镇镇长): no lexicon knows them
  const towns = townsBeforePosts(ctx);
  let ti = 0;
  while (fi < freeStarts.length || oi < orgs.length || ti < towns.length) {
    let i: number;
    if (ti < towns.length && (fi >= freeStarts.length || towns[ti].start <= freeStarts[fi]) && (oi >= orgs.length || towns[ti].start <= orgs[oi])) {
      const t = towns[ti++];
      if (t.start < nextI || !free(ctx, t.start, t.end)) continue;
      const u = unitFrom(ctx, t.start, t.end, s.slice(t.start, t.end), t.end, undefined);
      if (u) nextI = titleChainAt(ctx, t.start, u, st) + 1;
      continue;
    }
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
    // an academic title right after a name is that person's (孫東教授和…主任葉文娟): no chain of the next
    if (i > 0 && taken[i - 1] && TITLE_AFTER_NAME.has(s.substr(i, 2)) && personEndsAt(ctx, i)) continue;
    const first = parseUnit(ctx, i);
    if (!first) continue;
    // 代表 right before another post is the verb, on behalf of (代表省委书记刘奇葆): the chain starts after it
    if (first.core === '代表' && first.start === i && first.end === i + 2 && parseUnit(ctx, i + 2)) continue;
    nextI = titleChainAt(ctx, i, first, st) + 1;
  }
}

/**
 * A name of two or three characters at `a`, free, a surname first, right before a place that opens
 * another post (王锋 + 市南区代区长): [a, end] or undefined.
 */
function nameBeforePlacePost(ctx: Ctx, a: number): [number, number] | undefined {
  const { s, lx } = ctx;
  if (!lx.surnames.has(s.charCodeAt(a))) return undefined;
  for (let L = 2; L <= 3; L++) {
    const q = a + L;
    if (q >= ctx.n || !free(ctx, a, q) || !isHan(s.charCodeAt(q - 1))) return undefined;
    const place = lx.places.longest(s, q);
    if (!place || !free(ctx, q, place[0])) continue;
    const u = parseUnit(ctx, q);
    if (u && u.region !== undefined) return [a, q];
  }
  return undefined;
}

/** A person's span ends at `pos` (asked only before an academic title on claimed text: rare). */
function personEndsAt(ctx: Ctx, pos: number): boolean {
  for (let k = ctx.spans.length - 1; k >= 0; k--) if (ctx.spans[k].end === pos) return ctx.spans[k].type === 'person';
  return false;
}

/**
 * The post as written names a level (市…, 县…, 区…, 省…) that the region is not: 市领导 and 浙江.
 * A province-level municipality (北京) is a province and a city.
 */
function levelDiffers(ctx: Ctx, post: string, region: string): boolean {
  // (an autonomous region's post is no province's: 黑龙江省政协主席黄建盛，自治区政协主席李秀领)
  if (post.startsWith('自治区')) {
    const p = ctx.lx.placeByName.get(region);
    return !!p && !/自治区$/.test(p.full);
  }
  // (a head's post written bare names its level by its core: 副市长 is a city's, 县长 a county's)
  const want = POST_LEVEL_CHAR[post[0]] ?? POST_LEVEL_CHAR[HEAD_CORE.exec(post)?.[1] ?? ''];
  if (!want) return false;
  const p = ctx.lx.placeByName.get(region);
  if (!p) return false;
  // (a city post fits a province only where the province is a municipality, a district only where
  // it is a county-level city)
  const cityFits = /市$/.test(p.full);
  if (p.level === 'province') return want === 'county' || (want === 'city' && !cityFits);
  if (p.level === 'city') return want === 'province';
  if (p.level === 'district') return want === 'province' || (want === 'city' && !cityFits);
  return false;
}
const POST_LEVEL_CHAR: Record<string, 'province' | 'city' | 'county'> = { 省: 'province', 市: 'city', 县: 'county', 区: 'county' };
/** A head of government's post and its deputies', written bare (副市长, 常务副省长, 代县长). */
const HEAD_CORE = /^(?:常务)?(?:副|代)?([省市县区])长$/;

/** A chamber of commerce's or a business association's name (中华总商会, 台商协会; not 工商联). */
const CHAMBER_NAME = /(?:商会|商协会|商业联合会|厂商联合会|台协会|台商协会)$/;

/** A hometown, alumni or friendship association (同乡会, 校友会, 联谊会): its officers hold no public post. */
const FELLOWSHIP = /(?:同乡会|同乡联谊会|校友会|联谊会)$/;

/**
 * A body written before its post without its region: a level's party committee, discipline commission,
 * congress, CPPCC or office (县委办); a Hong Kong or Macau department (财政司); the party centre's bodies
 * (中央政治局, 中央军委). People's Daily marks each as an organization of its own.
 */
const BARE_LEVEL_BODY = /^(?:(?:自治区|自治州|省|市|县|区|州|旗|地)(?:党委|纪委|委办公室|委办|政府办公室|政府办|府办|委|人大常委会|人大|政协)|(?:乡|镇|街道)(?:党委|党工委|人大)|(?:政务|财政|律政|经济财政|行政法务|社会文化|运输工务|保安)司|中央(?:政治局|书记处|军委))/;

/** A party written between a post and its holder's name (ctx.s is normalised: 國民黨 reads 国民党). */
const PARTY_BETWEEN = /^(?:为)?(?:中国国民党|国民党|民主进步党|民进党|台湾民众党|民众党|亲民党|新党|时代力量|无党籍|无党团结联盟)(?:籍)?(?:的)?/;

/**
 * The name on the line after a post that fills its own line (a roster's layout: 光明区政协主席 / 郭 钢):
 * a surname and one to three more characters, a roster's space allowed between them. [start, end)
 * of the name, or undefined.
 */
function rosterName(ctx: Ctx, chainStart: number, p: number): [number, number] | undefined {
  const { s, n } = ctx;
  if (s[p] !== '\n' || (chainStart > 0 && s[chainStart - 1] !== '\n')) return undefined;
  let a = p + 1;
  while (a < n && (s[a] === ' ' || s[a] === '\u3000' || s[a] === '\t')) a++;
  let e = s.indexOf('\n', a);
  if (e < 0) e = n;
  let b = e;
  while (b > a && /\s/.test(s[b - 1])) b--;
  if (!ROSTER_NAME.test(s.slice(a, b)) || !ctx.lx.surnames.has(s.charCodeAt(a)) || !free(ctx, a, b)) return undefined;
  // (a line that is a place or a post is the next item's, not a name)
  if (ctx.lx.places.longest(s, a, b)?.[0] === b || ctx.lx.titleCores.longestEnd(s, a, b) === b) return undefined;
  return [a, b];
}
const ROSTER_NAME = /^[\u4e00-\u9fff](?:[ \u3000]?[\u4e00-\u9fff]){1,3}$/;

/** What ends the clause after a post, 为 and a name: punctuation, or the text's end. */
const COPULA_NAME_END = /^[，。；,;！？!?\n \u3000\t]?$/;

const BYLINE_CORES = new Set(['记者', '特约记者', '通讯员', '实习生', '编辑']);

/**
 * Names a chain is given in appointment news: before 为 (选举张宝顺为省委书记, 于幼军、金银焕(女)为省委副书记,
 * 决定：郭庚茂为河北省代理省长), before 辞去 (接受季允石辞去河北省省长职务), and after 的还有 / 的有 (当选为
 * 省委常委的还有薛延忠、申联彬). Pushes [start, end] pairs into `names`.
 */
function appointed(ctx: Ctx, start: number, end: number, names: number[][]): void {
  const { s, n } = ctx;
  for (const w of ['的还有', '的有']) {
    if (!s.startsWith(w, end)) continue;
    let p = end + w.length;
    for (let k = 0; k < 30 && p < n; k++) {
      const ne = readName(ctx, p);
      if (ne === undefined) break;
      names.push([p, ne]);
      p = skipNote(s, ne);
      if (s[p] !== '、') break;
      p++;
    }
    return;
  }
  // a verb of appointment before the chain, the names before the verb (陆昊被任命为, 王学军任代理省长);
  // a filing names the company only as 公司 between them (获委任为公司独立非执行董事)
  const at = COMPANY_WORD_BEFORE.exec(s.slice(Math.max(0, start - 3), start));
  const chainStart = at ? start - at[0].length : start;
  let v = chainStart;
  for (const w of APPOINT_VERBS) {
    if (chainStart >= w.length && s.startsWith(w, chainStart - w.length)) {
      v = chainStart - w.length;
      break;
    }
  }
  if (v === chainStart && at) return;
  if (v === start) {
    // 免去张松岭省政府秘书长职务: the names between 免去 and the post, which ends in 职务
    if (!s.startsWith('职务', end)) return;
    const listed: number[][] = [];
    // (免去李明的市长职务, 免去王五同志的…: the 的 and 同志 are no part of the name)
    let e = s[start - 1] === '的' ? start - 1 : start;
    if (s.startsWith('同志', e - 2)) e -= 2;
    namesListBefore(ctx, e, listed);
    if (listed.length && REMOVE_VERB_BEFORE.test(s.slice(Math.max(0, listed[0][0] - 3), listed[0][0]))) names.push(...listed);
    return;
  }
  if (s[v - 1] === '被') v--;
  // 冼家敏先生已获委任为…: a filing's 已, 获 and 先生/女士 between the name and the verb
  const polite = FILING_BEFORE_VERB.exec(s.slice(Math.max(0, v - 6), v));
  if (polite) v -= polite[0].length;
  // 接受张左己同志请求辞去…职务: the request and the 同志 after the name
  if (s.startsWith('请求', v - 2)) v -= 2;
  if (s.startsWith('同志', v - 2)) v -= 2;
  namesListBefore(ctx, v, names);
}

/** 以 opening the words right before the chain at `i`, no punctuation between (以宁夏回族自治区党委副书记…). */
function ledByYi(ctx: Ctx, i: number): boolean {
  const k = ctx.s.lastIndexOf('以', i - 1);
  return k >= 0 && i - k <= 20 && !/[^\u4e00-\u9fff]/.test(ctx.s.slice(k + 1, i));
}

/** At `q`, an appointment verb and a post after it (任怀柔区委书记, 为省委副书记). */
function appointsNext(ctx: Ctx, q: number): boolean {
  const { s } = ctx;
  for (const w of APPOINT_VERBS) {
    if (w === '等' || !s.startsWith(w, q)) continue;
    if (parseUnit(ctx, q + w.length)) return true;
  }
  return false;
}

/** Removing from a post, written before the names (免去张松岭省政府秘书长职务). */
const REMOVE_VERB_BEFORE = /(?:免去|免除|撤销|撤去)(?:其)?$/;

/** A company's head word as a post's prefix (集团董事长, 公司总经理). */
const COMPANY_HEAD = /^(?:集团|公司|集团公司)$/;
/** Characters a bare 集团/公司 before a post may follow: a pronoun, a conjunction, a verb (not 和, which ends names: 信和, 协和). */
const NAME_BOUNDARY = codeSet('本该其与及同并任为是由向对在了的');

/** The company a filing is about, named only as such between the verb and the post (委任为公司董事). */
const COMPANY_WORD_BEFORE = /(?:本|该)?(?:公司|集团)$/;
/** Between a name and the verb in a filing: 先生/女士, then 已, 获, 已获, 将 (冼家敏先生已获委任为). */
const FILING_BEFORE_VERB = /(?:先生|女士)?(?:已获|已|获|将|正式)$/;

/** Verbs between appointed people and their post, longest first (选举X为…: 为; 接受X辞去…: 辞去). */
const APPOINT_VERBS = ['被任命为', '被选举为', '被选为', '任命为', '选举为', '当选为', '委任为', '升任', '调任', '接任', '出任', '担任', '兼任', '代理', '辞去', '任', '为', '等'];

/** After a name: a note in brackets such as (女) or （满族） is skipped. */
function skipNote(s: string, p: number): number {
  const c = s[p];
  if (c !== '(' && c !== '（') return p;
  const close = s.indexOf(c === '(' ? ')' : '）', p);
  return close > p && close - p <= 5 ? close + 1 : p;
}

/** A list of names ending at `end` (于幼军、金银焕(女)), read backwards; pushed in text order. */
function namesListBefore(ctx: Ctx, end: number, names: number[][]): void {
  const { s } = ctx;
  const found: number[][] = [];
  let e = end;
  for (let k = 0; k < 30 && e > 0; k++) {
    // a note in brackets right before: 金银焕(女)为
    if (s[e - 1] === ')' || s[e - 1] === '）') {
      const open = Math.max(s.lastIndexOf('(', e - 1), s.lastIndexOf('（', e - 1));
      if (open >= 0 && e - open <= 5) e = open;
    }
    const a = nameBefore(ctx, e);
    if (a === undefined) break;
    found.push([a, e]);
    if (a < 1 || s[a - 1] !== '、') break;
    e = a - 1;
  }
  for (let k = found.length - 1; k >= 0; k--) names.push(found[k]);
}

/** Reads the title chain starting with `first` at i and the names after it; returns the next loop index. */
function titleChainAt(ctx: Ctx, i: number, first: Unit, st: ChainState): number {
  const { s, n } = ctx;
  const units: Unit[] = [first];
  let e = first.end;
  for (let k = 0; k < 6; k++) {
    const sep = s[e];
    let next: Unit | undefined;
    if (sep === '、' || sep === '兼' || sep === '暨' || sep === '和' || sep === '及' || sep === '/') {
      next = parseUnit(ctx, e + 1);
      // 、 between a title and another title only; a name after 、 ends the chain
    }
    if (!next) break;
    units.push(next);
    e = next.end;
  }
  // names after the chain
  const names: number[][] = [];
  let colonName: [number, number] | undefined;
  let p = e;
  while (p < n && (s[p] === ' ' || s[p] === '\u3000') && p - e < 2) p++;
  // a party between the post and the name (议长为中国国民党的吴碧珠, 副议长民进党籍周柏雅)
  const party = PARTY_BETWEEN.exec(s.slice(p, p + 12));
  if (party) p += party[0].length;
  // a copula or a colon between the post and a name that ends the clause (现任省委书记为信长星。,
  // 省长是王浩，, 杭州市长:徐立毅 on a line of its own)
  else if ((s[p] === '为' || s[p] === '是' || s[p] === ':' || s[p] === '：') && free(ctx, p, p + 1)) {
    const ne = readName(ctx, p + 1);
    if (ne !== undefined && ne - p - 1 >= 2 && COPULA_NAME_END.test(s[ne] ?? '')) p += 1;
    // …or a run of such lines whose breaks the page lost (市南区委书记:王锋市南区代区长:刘存东): the
    // name ends where the next post's place starts
    else if (s[p] !== '为' && s[p] !== '是') colonName = nameBeforePlacePost(ctx, p + 1);
  }
  // a roster: the post alone on its line, the holder's name alone on the next (光明区委书记、区长 / 蔡 颖)
  const roster = colonName ?? rosterName(ctx, first.start, p);
  if (roster) names.push(roster);
  for (let k = 0; k < 12 && !roster; k++) {
    const nat = readName(ctx, p);
    const foreign = readForeignName(ctx, p);
    // a transliterated name that runs on past a surname-led reading (易卜拉欣, not 易卜拉)
    const ne = nat === undefined || (foreign !== undefined && foreign > nat && !boundaryAfter(ctx, nat)) ? foreign : nat;
    if (ne === undefined) break;
    // a later name of a list ends where a name can (not 国家计 of 国家计委副主任)
    if (names.length && s[p - 1] === '、' && !boundaryAfter(ctx, ne)) break;
    // the subject of the next appointment (…平谷区委书记 齐静任怀柔区委书记): not this chain's — but
    // 以…为团长 frames a delegation's head (以宁夏回族自治区党委副书记于革胜为团长): the name is this chain's
    if (appointsNext(ctx, ne) && !(s[ne] === '为' && ledByYi(ctx, i))) break;
    names.push([p, ne]);
    if (s[ne] === '、' && !parseUnit(ctx, ne + 1)) {
      p = ne + 1;
      continue;
    }
    // the last name of a list joined by 和/及 (市领导A、B和C参加; 市领导A和B): a list, or a group's post
    if ((s[ne] === '和' || s[ne] === '及') && (names.length >= 2 || GROUP_CORES.has(units[units.length - 1].core)) && !parseUnit(ctx, ne + 1)) {
      const last = readName(ctx, ne + 1);
      if (last !== undefined && boundaryAfter(ctx, last) && !appointsNext(ctx, last) && LIST_END.test(s[last] ?? '')) names.push([ne + 1, last]);
    }
    // reporters' bylines run names together: 记者李蕾张羽飞
    if (ne - p <= 3 && BYLINE_CORES.has(units[units.length - 1].core) && ctx.lx.surnames.has(s.charCodeAt(ne)) && nextNameAt(ctx, ne)) {
      p = ne;
      continue;
    }
    break;
  }
  // a company's post names the employer even after another body's (全国人大代表、森马集团董事长)
  const explicitOrg = units.find((u) => u.org?.type === 'company')?.org ?? units.find((u) => u.org)?.org;
  let org = explicitOrg;
  let region = units.find((u) => u.region)?.region;
  if (region && !first.region && !first.org && s.charCodeAt(first.prefixStart) === 0x7701) {
    // 省委副书记、武汉市委书记: the 省 post is in the province of the city named later
    const province = provinceOf(ctx, region);
    if (province) region = province;
  }
  if (!region && org && org.type !== 'company') {
    // a body named with its region holds its posts there: 香港贸易发展局主席, 北京市发改委主任
    // (after the party's name: 中共濱州市委书记 → 滨州)
    const lead = bodyLeadPlace(ctx.lx, s, org.start, org.end);
    if (lead) region = lead[1].name;
  }
  // a title right after "、" continuing a business list inherits the company: 高级副总裁张铮、副总裁刘之菲
  // …and after a comma, a company's people listed on (中通快递股份有限公司董事长赖梅松，总裁陈向东): a
  // company's posts only, every link of them
  const listedOn = s[i - 1] === '、' || ((s[i - 1] === '，' || s[i - 1] === ',') && st.prevOrg?.type === 'company' && units.every((u) => BUSINESS_CORES.has(u.core) || /董事|监事/.test(s.slice(u.start, u.end))));
  // (not a chain that names its own level's body: 舜宇集团副总裁孙泱、市委常委、秘书长李红梅 — 市委 is no
  // post of the firm)
  // (a bare 党委 is the firm's own: 董事长A、党委书记B)
  const ownBody = units.some((u) => u.prefixStart < u.coreStart && LEVEL_BODY_START.test(s.slice(u.prefixStart, u.coreStart)));
  if (!org && !region && st.prevChainEnd === i - 1 && listedOn && st.prevOrg && !ownBody) org = st.prevOrg;
  // …and a unit of that company written before the next post (西门子(中国)有限公司高级副总裁、东区总经理高岩;
  // …首席信息官、信息化管理部总经理颜建国): the company is the employer
  else if (org && st.prevChainEnd === i - 1 && s[i - 1] === '、' && st.prevOrg?.type === 'company' && COMPANY_UNIT.test(s.slice(org.start, org.end))) org = st.prevOrg;
  // (a chain right after another takes its region, unless its own level says otherwise: 市领导 after a
  // province's office is no post of the province)
  // (not the very same posts with a head's among them: 镇江市委副书记、市长张叶飞，市委副书记、市长李毅 —
  // a city has one mayor, so the second is another city's)
  const cores = units.map((u) => u.core).join('、');
  const twin = cores === st.prevCores && units.some((u) => SINGLE_HOLDER_CORES.has(u.core));
  const inherited = st.prevChainEnd === i - 1 && !org && !twin ? st.prevRegion : undefined;
  const chainRegion = region ?? (inherited !== undefined && !levelDiffers(ctx, s.slice(first.start, first.end), inherited) ? inherited : undefined);
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
  // a public post in the chain: a region, or a party/state body written before the post (市政协副主席)
  // (not a chamber named with its region: 上海市新沪商联合会会长, 中华总商会会长)
  const statePost = units.some((u) => !BUSINESS_ASSOCIATION.test(s.slice(u.start, u.coreStart)) && (!!u.region || (u.prefixStart < u.coreStart && STATE_BODY.test(s.slice(u.prefixStart, u.coreStart)))));
  // (a board's post is a company's: 董事局主席, 董事会秘书, 监事会主席)
  // (…and a post of the group or the company written bare before it: 集团主席, 公司党委书记)
  const boardPost = units.some((u) => /董事|监事|^集团|^公司/.test(s.slice(u.prefixStart, u.coreStart)));
  if (org?.type === 'company' || boardPost || allCores.some((c) => BUSINESS_CORES.has(c))) role = 'business';
  else if (allCores.every((c) => OTHER_CORES.has(c))) role = 'other';
  // posts in a chamber of commerce or a manufacturers' association are held by business people
  else if (!statePost && org?.type === 'organization' && BUSINESS_ASSOCIATION.test(s.slice(org.start, org.end))) role = 'business';
  else if (!statePost && units.every((u) => BUSINESS_ASSOCIATION.test(s.slice(u.start, u.coreStart)))) role = 'business';
  // …and in a hometown or friendship association by people of no public post (宁波旅港同乡会会长)
  else if (!statePost && org?.type === 'organization' && FELLOWSHIP.test(s.slice(org.start, org.end))) role = 'other';
  chain.role = role;
  // a known short name a post follows (理想汽车联合创始人): the article shows it is the firm, so the merge
  // keeps it as it keeps the rules' firms (a brand alone it keeps only where the model agrees)
  if (org && org.type === 'company' && org.source === 'lexicon' && (org.priority ?? 0) < 85 && role === 'business') org.priority = 85;
  // a bare core with nothing around it (no org, no region, no name) is weak: only title span
  const titleSpans: { start: number; end: number }[] = [];
  for (const u of units) {
    // regionful prefix (北京市委) becomes a government span; otherwise the prefix is part of the title
    if (u.region && u.prefixStart < u.coreStart && u.regionEnd === u.prefixStart && s.slice(u.prefixStart, u.coreStart) === '国家') {
      // 中国国家主席: the country, then the post 国家主席 (国家 is no body of its own)
      add(ctx, { type: 'place', start: u.start, end: u.regionEnd, priority: 95, source: 'rule', place: ctx.lx.placeByName.get(u.region) });
      titleSpans.push({ start: u.prefixStart, end: u.end });
    } else if (u.region && u.prefixStart < u.coreStart) {
      // (a chamber named with its region, 中华总商会 + 永远荣誉会长: an organization, not a government's body)
      // (not a federation of industry and commerce, 省工商联: a body of the united front, as the readings list it)
      const bodyType = CHAMBER_NAME.test(s.slice(u.start, u.coreStart)) ? 'organization' : 'government';
      add(ctx, { type: bodyType, start: u.start, end: u.coreStart, priority: 95, source: 'rule' });
      titleSpans.push({ start: u.coreStart, end: u.end });
    } else if (u.region) {
      add(ctx, { type: 'place', start: u.start, end: u.regionEnd!, priority: 95, source: 'rule', place: ctx.lx.placeByName.get(u.region) });
      titleSpans.push({ start: u.regionEnd!, end: u.end });
    } else {
      // a level's own committee, congress or CPPCC written bare (市委副书记, 省人大常委会副主任,
      // 县政协主席): a body, as People's Daily marks it (MSRA train: bare 市委/省委/县委 before a
      // post ORG 24 of 26, 人大/政协/纪委 ORG 33 of 34); a bare 政府 stays in the post (O 123 of 125)
      const bare = BARE_LEVEL_BODY.exec(s.slice(u.prefixStart, u.coreStart));
      if (bare && u.prefixStart + bare[0].length < u.end) {
        add(ctx, { type: 'government', start: u.prefixStart, end: u.prefixStart + bare[0].length, priority: 95, source: 'rule' });
        titleSpans.push({ start: u.prefixStart + bare[0].length, end: u.end });
      } else titleSpans.push({ start: u.prefixStart, end: u.end });
    }
  }
  if (names.length === 0) appointed(ctx, textStart, e, names);
  if (names.length === 0) {
    // title after the name: 江泽民主席, 李鹏总理
    const lone = units.length === 1 && !first.org && !first.region && first.prefixStart === first.coreStart;
    if (lone && POST_NAME_TITLES.includes(first.core)) {
      const nb = nameBefore(ctx, first.start, first.core);
      if (nb !== undefined) names.push([nb, first.start]);
    }
  }
  for (const t of titleSpans) add(ctx, { type: 'title', start: t.start, end: t.end, priority: 95, source: 'rule', chain });
  // the body's short name in brackets between it and the post (香港中华厂商联合会(厂商会)副会长): a
  // mention of the body, which the aliases join to the name before it
  for (const u of units) {
    if (!u.org || u.prefixStart <= u.org.end) continue;
    const br = BRACKETED_SHORT.exec(s.slice(u.org.end, u.prefixStart));
    if (br && br[0].length === u.prefixStart - u.org.end) add(ctx, { type: u.org.type, start: u.org.end + 1, end: u.prefixStart - 1, priority: 85, source: 'rule' });
  }
  for (const [a, b] of names) add(ctx, { type: 'person', start: a, end: b, priority: 100, source: 'rule', role, chain });
  const last = names.length ? names[names.length - 1][1] : e;
  st.prevChainEnd = last;
  st.prevOrg = org;
  st.prevRegion = chainRegion;
  st.prevCores = cores;
  const nextI = Math.max(i, last - 1);
  if (names.length && s[last] === '、') st.prevChainEnd = last; // next iteration starts at last+1
  return nextI;
}
