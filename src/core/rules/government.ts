/**
 * Stage: government bodies. Fixed names from the lexicon (国务院, 发改委; 省国资委 with the level
 * written before), long suffixes with a stem walked back (北京商务中心区管委会, 广东省人民检察院), and
 * department stems with a one-character suffix and their region or committee (北京市商务局,
 * 市委宣传部, 省台办). Bodies come before titles: a title chain attaches to the body before it.
 */
import { GOV_LONG_SUFFIXES } from '../lexicon/words';
import * as charClassesModule from './charClasses';
import * as functionWordsModule from '../lexicon/functionWords';
import type { Ctx } from './context';
import type { RichSpan } from './types';
import * as contextModule from './context';
import * as namesModule from './names';
import * as placeNamesModule from './placeNames';
import * as scanModule from './scan';
import * as walkBackModule from './walkBack';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add, free, setOrg } = contextModule;
const { levelCharBefore, regionEndingAt } = placeNamesModule;
const { titleEndsAt } = namesModule;
const { candidates, WordScanner } = scanModule;
const { walkBack } = walkBackModule;
const { functionWordEnd, hasFunctionWord } = functionWordsModule;

const GOV_LONG_WORDS = new WordScanner(() => GOV_LONG_SUFFIXES);

/** The committees of a listed company's board, as filings name them. */
export const BOARD_COMMITTEE = /^(?:董事会)?(?:审计|审核|薪酬|提名|战略|薪酬与考核|考核|风险管理|风险|关联交易控制|投资决策|执行|战略与投资|环境、社会及管治|ESG)(?:委员会)$|^董事会[\u4e00-\u9fff]{0,8}委员会$/;

/** Suffixes a level alone may come before: the army's regional commands, a government's offices. */
const LEVEL_STEM = /^(军区|军分区|警备区|政府办|政府研究室|政策研究室)$/;

/**
 * 中国 written right before a national body (中国民航局, 中国气象局), free, and not the end of a longer
 * word (新中国, 全中国).
 */
function chinaBefore(ctx: Ctx, i: number): boolean {
  const { s } = ctx;
  if (i < 2 || s.charCodeAt(i - 2) !== 0x4e2d || s.charCodeAt(i - 1) !== 0x56fd || !free(ctx, i - 2, i)) return false;
  return i === 2 || !CHINA_WORD_BEFORE[s.charCodeAt(i - 3)];
}
/**
 * Another country's name written right before a ministry (美国商务部, 日本外务省 is no fixed name): its
 * start. The ministry is that country's, and its posts are (美国商务部部长).
 */
function countryBefore(ctx: Ctx, i: number, end: number): number | undefined {
  const { s, lx } = ctx;
  if (!/[部署]$/.test(s.slice(i, end))) return undefined;
  for (let a = Math.max(0, i - 6); a <= i - 2; a++) {
    if (lx.places.first[s.charCodeAt(a)] === 0) continue;
    const hit = lx.places.longest(s, a, i);
    if (hit && hit[0] === i && hit[1].level === 'country' && hit[1].name !== '中国' && free(ctx, a, i)) return a;
  }
  return undefined;
}
/** Characters that make 中国 the end of another word (新中国, 全中国, 在中国 is fine: a verb's object). */
const CHINA_WORD_BEFORE = codeSet('新全旧老大');

/**
 * A two-character body's first character ends a name written right after a post (市委书记王建国会见:
 * 国会 is no parliament there): a surname and one character before it, a post's word right before them.
 */
function endsNameAfterPost(ctx: Ctx, i: number): boolean {
  const { s, lx, taken } = ctx;
  if (i < 3 || taken[i - 1] || taken[i - 2] || !lx.surnames.has(s.charCodeAt(i - 2)) || !isHan(s.charCodeAt(i - 1))) return false;
  return titleEndsAt(ctx, i - 2);
}

export function stageGov(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  // fixed names (with an optional region before them: 北京市人民政府, 广东省人民检察院 handled by long suffixes)
  const cands = candidates(ctx);
  // Hong Kong's and Macau's bureaus of two portfolios first: their last portfolio alone (科技局, 旅游局)
  // is a body the suffix loops below would take
  bureausJoinedByJi(ctx);
  let nextI = 0;
  for (const i of cands.govFixed) {
    if (i < nextI || ctx.taken[i]) continue;
    const hit = lx.govFixed.longest(s, i);
    if (hit) {
      // 教育部队 (教育 + 部队), 外交部门: a body ending in 部 glued to 队/门/分/位 is another word
      if (s.charCodeAt(hit[0] - 1) === 0x90e8 && GOV_BU_NEXT[s.charCodeAt(hit[0])] === 1) continue;
      if (hit[0] - i === 2 && endsNameAfterPost(ctx, i)) continue;
      // a province/city level written before a national name: 省国资委, 市发改委; or the country
      // itself (中国民航局, 中国证监会: the body's name as written, People's Daily's one ORG)
      const start = levelCharBefore(ctx, i) ? i - 1 : chinaBefore(ctx, i) ? i - 2 : countryBefore(ctx, i, hit[0]) ?? i;
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
    const back = walkBack(s, a, 16, ctx.taken);
    let start = back.start;
    // 和 inside a department's name (发展和改革委员会, 人力资源和社会保障局) does not end it; its
    // region may come before (安徽省发展和改革委员会)
    if (back.cutBy === '和') {
      for (let L = 4; L <= 10 && a - L >= 0; L++) {
        const stem = lx.govStems.getIn(s, a - L, a);
        if (stem === undefined || !stem.includes('和') || !free(ctx, a - L, a)) continue;
        start = a - L;
        const region = regionEndingAt(ctx, start);
        if (region !== undefined) start = region;
        else if (levelCharBefore(ctx, start)) start--;
        else if (s.slice(start - 2, start) === '国家') start -= 2;
      }
    }
    // acting for a body's post (刘慧代理宁夏回族自治区人民政府主席职务): the body starts at the region after
    // 代理 (a verb here; the companies' walk keeps it, 广告代理有限公司)
    // (looked for in the stem only: a text with many bodies and no 代理 is not scanned back each time)
    const acting = s.slice(start, a).lastIndexOf('代理');
    if (acting >= 0 && acting + 2 < a - start && ctx.lx.places.longest(s, start + acting + 2, a)) start += acting + 2;
    // a level alone before a command or an office (省军区, 市政府办): the region's own
    if (a - start === 1 && LEVEL_STEM.test(s.slice(a, b)) && levelCharBefore(ctx, a)) start = a - 1;
    else if (a - start < 2) continue;
    const stem = s.slice(start, a);
    if (/^(该|本|此|各|这个|相关|有关|上述|其|我|你|他)/.test(stem)) continue;
    // a company board's committee (董事会审计委员会, 薪酬与考核委员会) is part of the company, no body
    if (BOARD_COMMITTEE.test(s.slice(start, b))) continue;
    const sp = add(ctx, { type: 'government', start, end: b, priority: 80, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
  // department stems with short suffixes: (region)商务部, 发改委, 市场监管局
  for (const a of cands.govShort) {
    if (ctx.taken[a]) continue;
    const b = a + 1;
    if (s.charCodeAt(a) === 0x90e8 && GOV_BU_NEXT[s.charCodeAt(b)] === 1) continue; // 公安部门, 国防部队
    if (s.charCodeAt(a) === 0x59d4 && s.charCodeAt(b) === 0x5458) continue; // 组织委员, 宣传委员: a member's post, not a 委
    // find a stem ending at a
    let best = -1;
    for (let L = 2; L <= 10 && a - L >= 0; L++) {
      if (lx.govStems.getIn(s, a - L, a)) best = a - L;
    }
    // one-character stems of 办 offices, only with a level written before them: 省台办, 市侨办
    // (or a region written with its level: 海南省台办)
    if (best < 0 && a >= 2 && s.charCodeAt(a) === 0x529e && GOV_BAN_ONE[s.charCodeAt(a - 1)] === 1 && (levelCharBefore(ctx, a - 1) || (LEVEL_END[s.charCodeAt(a - 2)] === 1 && regionEndingAt(ctx, a - 1) !== undefined))) best = a - 1;
    if (best < 0) best = stemAfterRegion(ctx, a, b);
    if (best < 0) continue;
    let start = best;
    // the party committee or government a department belongs to: 市委宣传部, 省政府办公厅, 镇江市委组织部
    if (start >= 2 && PARTY_HEADS.has(s.slice(start - 2, start)) && free(ctx, start - 2, start)) start -= 2;
    // optional region (北京市 / 市 / 省 / 国家) before the stem
    const region = regionEndingAt(ctx, start);
    if (region !== undefined) start = region;
    else if (levelCharBefore(ctx, start)) start--;
    else if (s.slice(start - 2, start) === '国家') start -= 2;
    else if (chinaBefore(ctx, start)) start -= 2;
    if (!free(ctx, start, b)) continue;
    const sp = add(ctx, { type: 'government', start, end: b, priority: 78, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
  joinStationedOffices(ctx);
  joinCentralBodies(ctx);
}

/**
 * A department whose stem the lexicon does not know, between a region and a post (福建省 +
 * 对外贸易经济合作 + 厅 + 副厅长, 某市 + 住房保障和房产管理 + 局 + 局长): the region and the post around
 * it make the stem a department's name. The stem's start (after the region), or -1.
 */
function stemAfterRegion(ctx: Ctx, a: number, b: number): number {
  const { s } = ctx;
  if (DEPT_END[s.charCodeAt(a)] !== 1 || !ctx.lx.titleCores.longest(s, b)) return -1;
  // (a level's own committee, 省委 or 县委, is the region heads' and the titles' to read)
  if (LEVEL_END[s.charCodeAt(a - 1)] === 1) return -1;
  for (let L = 2; L <= 10 && a - L > 0; L++) {
    const k = a - L;
    // (对外, "external", opens departments' names: 对外贸易经济合作厅, 对外联络部)
    if (!isHan(s.charCodeAt(k)) || ctx.taken[k] || (CLAUSE_CHARS.test(s[k]) && !s.startsWith('对外', k))) return -1;
    const r = regionEndingAt(ctx, k);
    if (r === undefined) continue;
    // (a mainland region's: Hong Kong's and Macau's statutory bodies, 香港贸易发展局, are read elsewhere)
    if (SAR_OR_TAIWAN.test(s.slice(r, k))) return -1;
    // a stem is a department's words: no verb of the clause (王安顺担任甘肃省委: 担任), no place
    const stem = s.slice(k, a).replace(/^对外/, '');
    if (hasFunctionWord(stem, 0, stem.length) || placeInside(ctx, k, a)) return -1;
    return k;
  }
  return -1;
}

/** A province's, city's or district's name starts inside [a, b). */
function placeInside(ctx: Ctx, a: number, b: number): boolean {
  for (let k = a; k < b; k++) {
    if (ctx.lx.places.first[ctx.s.charCodeAt(k)] === 0) continue;
    const hit = ctx.lx.places.longest(ctx.s, k, b);
    if (hit && hit[0] - k >= 2 && (hit[1].level === 'province' || hit[1].level === 'city' || hit[1].level === 'district')) return true;
  }
  return false;
}
const DEPT_END = codeSet('厅局委');
const SAR_OR_TAIWAN = /^(?:香港|澳门|台湾|台北|高雄)/;

/**
 * A bureau named by two portfolios joined by 及, as Hong Kong's and Macau's governments name theirs
 * (商務及經濟發展局, 創新科技及工業局, 運輸及物流局, 政制及內地事務局): one body, from a clause's
 * start, a list's mark, a bracket, 和 or the government's name (特區政府, 香港特別行政區政府) to 局 or 署. Each part is
 * two to six letters with none of a clause's small words (的, 和, 在, 他 …); a bare 以及 (…，以及教育局)
 * joins nothing.
 */
function bureausJoinedByJi(ctx: Ctx): void {
  const { s } = ctx;
  if (s.indexOf('及') < 0) return;
  JI_BUREAU.lastIndex = 0;
  for (let m = jiBureauFrom(s); m; m = jiBureauFrom(s)) {
    let start = m.index + m[1].length;
    const end = start + m[2].length;
    // (a match may end inside the next one's lead: resume right after this body)
    JI_BUREAU.lastIndex = end;
    // the government's name before it is its own body (特区政府 + 政制及内地事务局)
    const gov = GOV_BEFORE_BUREAU.exec(m[2]);
    if (gov) start += gov[0].length;
    // …and an acting head's 署理/代理 is the post's (署理商务及经济发展局局长)
    else if (/^(?:署理|代理)/.test(m[2])) start += 2;
    const ji = s.indexOf('及', start);
    if (ji - start < 2 || end - 1 - (ji + 1) < 2 || !free(ctx, start, end)) continue;
    if (CLAUSE_CHARS.test(s.slice(start, end))) {
      // (a clause's words before the name, ,还包括政制及…局: a later start may hold the name alone)
      JI_BUREAU.lastIndex = m.index + m[1].length + 1;
      continue;
    }
    // (priority 85: the form is the name, whichever portfolio alone the model reads as the body)
    const sp = add(ctx, { type: 'government', start, end, priority: 85, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
}
/**
 * JI_BUREAU.exec(s), the scan started no earlier than it must: a match's 及 is two to thirteen
 * characters after its start and 局 or 署 three to seven after 及, so the scan starts thirteen before
 * the first such 及 from lastIndex on (same matches as scanning every position, in a fraction of the time).
 */
function jiBureauFrom(s: string): RegExpExecArray | null {
  const from = JI_BUREAU.lastIndex;
  const n = s.length;
  for (let j = s.indexOf('及', from + 2); j >= 0; j = s.indexOf('及', j + 1)) {
    for (let t = j + 3; t <= j + 7 && t < n; t++) {
      const c = s.charCodeAt(t);
      if (c === 0x5c40 || c === 0x7f72) {
        // 局, 署
        JI_BUREAU.lastIndex = Math.max(from, j - 13);
        return JI_BUREAU.exec(s);
      }
    }
  }
  return null;
}
/** Characters of a clause, not of a portfolio's name (portfolios are nouns and verbs: 创新, 发展). */
const CLAUSE_CHARS = /[的了是在和与等将把被向对从这那我你他她们也都就还又说称]/;
const GOV_BEFORE_BUREAU = /^(?:香港|澳门)?(?:特别行政区|特区)?政府/;
// (…or a verb a list of those present opens with: 还包括政制及内地事务局局长)
const JI_BUREAU = /(^|[，。、；：:;,\s（(「“【】」”和与]|特区政府|特别行政区政府|包括|还有|以及|陪同|出席|会见|率领|现任|前任)([\u4e00-\u9fff]{2,6}及[\u4e00-\u9fff]{2,6}?[局署])/g;

/**
 * A body's office in another place, written after it (香港特别行政区政府 + 驻成都经济贸易办事处,
 * 大连市政府驻上海办事处): one body. The two spans this stage found side by side become one.
 */
function joinStationedOffices(ctx: Ctx): void {
  const { s } = ctx;
  for (let z = s.indexOf('驻'); z > 0; z = s.indexOf('驻', z + 1)) {
    const office = ctx.orgAt.get(z);
    if (!office || office.type !== 'government' || !OFFICE_RE.test(office.text)) continue;
    // the body the office belongs to ends right before 驻
    let head: RichSpan | undefined;
    for (let k = ctx.spans.length - 1; k >= 0 && !head; k--) {
      const sp = ctx.spans[k];
      if (sp.end === z && (sp.type === 'government' || sp.type === 'organization')) head = sp;
    }
    if (!head) continue;
    joinIntoBody(ctx, head, office, office.end);
  }
}

/**
 * One body from a span and what this stage found or reads right after it: the span (and `tail`,
 * this stage's span after it, if any) give way to one government span from head.start to `end`,
 * which posts written after it attach to.
 */
function joinIntoBody(ctx: Ctx, head: RichSpan, tail: RichSpan | undefined, end: number): void {
  ctx.spans = ctx.spans.filter((sp) => sp !== head && sp !== tail);
  if (tail) {
    ctx.orgAt.delete(tail.start);
    ctx.orgMark[tail.start] = 0;
    const k = ctx.orgStarts.indexOf(tail.start);
    if (k >= 0) ctx.orgStarts.splice(k, 1);
  }
  ctx.taken.fill(0, head.start, end);
  const sp = add(ctx, { type: 'government', start: head.start, end, priority: 80, source: 'rule' });
  if (sp) setOrg(ctx, head.start, sp);
}
/** The central bodies whose offices and committees are written after their name (国务院港澳办). */
const CENTRAL_HEADS = new Set(['国务院', '中共中央', '党中央', '中央', '全国人大常委会', '全国人大', '全国政协', '中央军委']);
/**
 * An office or committee of one, written after it: 港澳办, 研究室, 法工委, 财经委, 发展研究中心 (one
 * character before 办 only for the offices so abbreviated, 侨办, 台办: 督办 and 承办 are verbs).
 */
/** Conjunctions and prepositions that put another body after a central one (党中央和省委). */
const JOINING = codeSet('和与及同跟对在向为由把被将从于或并');
/** After 办, what makes a word of it (办法, 办理, 办事). */
const NOT_OFFICE_AFTER_BAN = codeSet('法理事好得成');
const CENTRAL_OFFICE = /^(?:[侨台外编财]办|[\u4e00-\u9fff]{2,4}办|[\u4e00-\u9fff]{0,4}(?:办公室|研究室|参事室|研究中心)|政治局|书记处|[\u4e00-\u9fff]{2,3}委)/;

/**
 * A central body and an office or committee of it written after it (国务院 + 港澳办, 国务院 + 研究室,
 * 全国人大常委会 + 法工委): one body, as the text means it. The office is this stage's span beside the
 * head, or free text ending in an office's suffix that no verb ends (国务院部署).
 */
function joinCentralBodies(ctx: Ctx): void {
  const { s } = ctx;
  const heads = ctx.spans.filter((sp) => sp.type === 'government' && CENTRAL_HEADS.has(sp.text));
  for (const head of heads) {
    const e = head.end;
    let end = -1;
    let office: RichSpan | undefined = ctx.orgAt.get(e);
    if (office && (office.type !== 'government' || CENTRAL_HEADS.has(office.text) || !CENTRAL_OFFICE.test(office.text))) office = undefined;
    if (office) end = office.end;
    else {
      const m = CENTRAL_OFFICE.exec(s.slice(e, e + 8));
      if (!m || !free(ctx, e, e + m[0].length)) continue;
      end = e + m[0].length;
      // not a verb whose last character is an office's (国务院部署), nor 办 of 办法, 办理
      let verb = false;
      for (let k = e; k < end - 1 && !verb; k++) verb = functionWordEnd(s, k, end) === end;
      // nor a conjunction or preposition and another body (党中央和省委)
      if (verb || JOINING[s.charCodeAt(e)] === 1 || (s[end - 1] === '办' && NOT_OFFICE_AFTER_BAN[s.charCodeAt(end)] === 1)) continue;
      // nor the 委 of a member's post (中共中央政治局委员: 政治局 + 委员, no 政治局委)
      if (s.charCodeAt(end - 1) === 0x59d4 && s.charCodeAt(end) === 0x5458) continue;
    }
    joinIntoBody(ctx, head, office, end);
  }
}

/** The offices a body keeps elsewhere (驻…办事处, 驻…代表处). */
const OFFICE_RE = /^驻.+(办事处|代表处|联络处|联络办|特派员公署|办)$/;

const GOV_BU_NEXT = codeSet('队门分位');
/** A region written with its level ends with one of these (海南省, 青州市). */
const LEVEL_END = codeSet('省市区县州');
/** Committees a department is written under: 市委宣传部, 省委组织部. */
const PARTY_HEADS = new Set(['市委', '省委', '区委', '县委', '州委']);
/** 台办, 侨办, 外办, 编办. */
const GOV_BAN_ONE = codeSet('台侨外编');
