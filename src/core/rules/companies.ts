/**
 * Stage: companies by their legal-name suffix (华为技术有限公司, 中国建设银行, 新星投资有限公司), with a
 * bracketed short name after them (（以下简称“康宁”）) as an alias. The stem is walked back from the
 * suffix; it runs before the lexicon stage, so 华为技术有限公司 is one span, not 华为 and the rest.
 */
import { COMPANY_GENERIC_STEMS, COMPANY_SUFFIXES } from '../lexicon/words';
import { allTrades } from '../model/companyEvidence';
import { lexicons, lookupPlace } from '../lexicon';
import { shortFormPlace } from '../lexicon/regionNames';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';
import * as walkBackModule from './walkBack';
import * as functionWordsModule from '../lexicon/functionWords';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet } = charClassesModule;
const { add, setOrg } = contextModule;
const { WordScanner } = scanModule;
const { walkBack, longStopWordEndingAt } = walkBackModule;
const { hasFunctionWord, onlyFunctionWords } = functionWordsModule;

/** Stop words that are also common words of company names (新星投资有限公司, 中国建设银行). */
const COMPANY_NAME_STOPS = new Set(['投资', '建设', '合作', '联合']);
const COMPANY_WORDS = new WordScanner(() => [...COMPANY_SUFFIXES, '分行', '支行', '分公司', '办事处', '代表处']);
const DASH = codeSet('—–―－');
const REGION_BRACKET_RE = /（[^（）]{1,8}）|\([^()]{1,8}\)/g;

function companyStem(name: string): string {
  let t = name.replace(REGION_BRACKET_RE, '');
  t = t.replace(/(股份有限公司|有限责任公司|集团有限公司|集团股份有限公司|控股有限公司|有限公司|集团公司|公司|集团|控股|股份)$/, '');
  t = t.replace(/(股份有限公司|有限责任公司|有限公司).*$/, '');
  return t;
}

const MODEL_SUFFIX_RE = /(?:集团|集團)(?:股份)?(?:有限)?(?:公司)?$|(?:股份)?有限(?:责任|責任)?公司$|公司$/;
const NO_TAKEN = new Uint8Array(0);

/**
 * Where a company the model read [start, end) of the normalised text really starts, as the rules'
 * walk back over a stem would start it: after a verb or conjunction run into the name (以及集团公司,
 * 盛赞正威集团, 深入集团). -1 when no name is left before the suffix. Names without a company suffix
 * are the model's own reading and are kept as they are.
 */
export function modelCompanyStart(s: string, start: number, end: number): number {
  const suf = MODEL_SUFFIX_RE.exec(s.slice(start, end));
  if (!suf || suf.index === 0) return suf ? -1 : start;
  const sufStart = start + suf.index;
  // (a stop word may begin before the span: 点赞 of 赞正威集团)
  const floor = Math.max(0, start - 3);
  // a verb of an event or the particle of one run into it (孙述涛出席集团, 都业洲介绍了集团公司,
  // 举行本公司董事会, 莅临我集团): what follows it, if a name (else nothing: 本公司 is no firm's name)
  EVENT_VERB.lastIndex = 0;
  let cut = -1;
  const stem = s.slice(floor, sufStart);
  for (let m = EVENT_VERB.exec(stem); m; m = EVENT_VERB.exec(stem)) cut = floor + m.index + m[0].length;
  if (cut > start) return sufStart - cut >= 2 && !SELF_REFERENCE.test(s.slice(cut, sufStart)) ? cut : -1;
  // a place and a conjunction run into it (道县与五矿二十三冶建设集团有限公司): the name after them
  const joined = PLACE_AND.exec(s.slice(start, sufStart));
  // (not a conjunction that opens a name the company lexicon knows: 天津同仁堂集团)
  if (joined && sufStart - (start + joined[0].length) >= 2 && !((lexicons().companies.longest(s, start + joined[0].length - 1, sufStart)?.[0] ?? 0) > start + joined[0].length)) {
    const place = joined[1];
    const level = lookupPlace(place)?.level;
    if (/[省市县区州旗]$/.test(place) || level === 'province' || level === 'city' || level === 'district' || shortFormPlace(place)) return start + joined[0].length;
  }
  const back = walkBack(s, sufStart, sufStart - floor, NO_TAKEN, floor);
  // the model reads a one-character conjunction (香港交易及结算所有限公司) and a name word that is
  // also a stop word (中国交通建设股份公司) inside names well: only the other words cut
  // also a body's name and a preposition (市政府对集团公司的支持): no name goes on after 对 or 向
  const cutBy = back.cutBy && back.cutBy.length < 2 ? (PREPOSITION_CUTS.has(back.cutBy) ? back.cutBy : longStopWordEndingAt(s, back.start)) : back.cutBy;
  if (!cutBy || COMPANY_NAME_STOPS.has(cutBy)) return start;
  const from = Math.max(start, back.start);
  if (from === start) return start;
  if (sufStart - from < 2 || onlyFunctionWords(s, from, sufStart)) return -1;
  return from;
}

/** Verbs of an event (出席, 举行, 介绍 …) and 了: no company's name holds one. */
// (and a filing's: 辞任公司董事长, 报告自送达公司董事会之日, 代行公司董事长职责, 未导致公司, 其所持公司股份)
const EVENT_VERB = /(?:出席|举行|介绍|莅临|参观|考察|调研|走访|会见|签约|签署|召开|主持|参加|陪同|来到|视察|看望|慰问|表示|指出|送达|辞任|辞去|代行|导致|所持|持有|加强|告知|通知|担任|任职|离开|退出|退任|卸任|履行|履职|了)/g;
/** A legal form ending a company's name: no verb check before it (the model and the suffix speak for it). */
const LEGAL_SUFFIX = /有限|株式|Ltd|Inc|Co\.|Corporation/i;
/** A place's name (two to six characters) and a conjunction opening a model's company. */
const PLACE_AND = /^([\u4e00-\u9fff]{2,6}?)[与和及同跟]/;
/** What a text calls the company it speaks for or of: 本, 该, 我, 贵 and nothing else of a name. */
const SELF_REFERENCE = /^(?:本|该|我|贵|其)$/;

/** A bracketed "short name" that is a word for any company (（以下简称“公司”）). */
const GENERIC_SHORT = /^(?:本|该)?(?:公司|集团|本集团|发行人|上市公司|企业|银行|股份公司)$/;

/** Prepositions that end what stands before a company in a clause (对, 向, 给, 把, 被). */
// (以丰越公司为基础, 即丰越公司的前身: 以 and 即 before a name are the clause's)
const PREPOSITION_CUTS = new Set(['对', '向', '给', '把', '被', '以', '即']);

/** A company's 集团 or 公司 whose last character starts a post (团长, 司长). */
const SUFFIX_END_CORE = new Set(['集团', '公司']);

/** Length of the province's or city's name a firm's stem opens with (温州 of 温州乾元光学), or 0. */
function placeLead(stem: string): number {
  let hit = 0;
  for (let L = Math.min(stem.length - 3, 7); L >= 2 && !hit; L--) {
    const p = lookupPlace(stem.slice(0, L));
    if (p && (p.level === 'province' || p.level === 'city')) hit = L;
  }
  return hit;
}

/**
 * A firm named by its brand alone before its region of business and a company's post (翱兰食品中国区CEO,
 * 緯創資通亞太區資深副總經理): the brand is the firm, as the post says. Only after a clause's mark,
 * two to eight letters with no function word, no place alone.
 */
function firmsBeforeRegionalPosts(ctx: Ctx): void {
  const { s } = ctx;
  if (s.indexOf('区') < 0) return;
  REGIONAL_POST.lastIndex = 0;
  for (let m = REGIONAL_POST.exec(s); m; m = REGIONAL_POST.exec(s)) {
    const start = m.index + m[1].length;
    const end = start + m[2].length;
    if (hasFunctionWord(s, start, end) || lookupPlace(m[2]) || shortFormPlace(m[2])) continue;
    const sp = add(ctx, { type: 'company', start, end, priority: 80, source: 'rule' });
    if (sp) setOrg(ctx, start, sp);
  }
}
const REGIONAL_POST = /(^|[，,、。；;：:\s（(由与和及同])([\u4e00-\u9fff]{2,8}?)(?=(?:中国区|大中华区|亚太区|华[东南西北中]大?区|全球制造亚太区)(?:资深|高级|执行)?(?:首席执行官|CEO|总裁|副总裁|总经理|副总经理|董事总经理))/g;

export function stageCompanies(ctx: Ctx): void {
  const { s, lx } = ctx;
  firmsBeforeRegionalPosts(ctx);
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
    // a bare 公司 or 集团 after an event's or a filing's verb (举行本公司, 辞职报告自送达公司, 代行公司董事长职责):
    // the company the text speaks of, or of nothing; the name, if any, starts after the verb
    if (!LEGAL_SUFFIX.test(suffix)) {
      EVENT_VERB.lastIndex = 0;
      let cut = -1;
      const stem = s.slice(start, sufStart);
      for (let m = EVENT_VERB.exec(stem); m; m = EVENT_VERB.exec(stem)) cut = start + m.index + m[0].length;
      if (cut > start) {
        if (sufStart - cut < 2 || SELF_REFERENCE.test(s.slice(cut, sufStart))) continue;
        start = cut;
      }
    }
    // a post inside the stem ends a clause the walk ran over (胡昌升省长盛赞正威集团): the name starts after it
    for (let k = start; k < sufStart - 2; k++) {
      if (lx.titleCores.first[s.charCodeAt(k)] === 0) continue;
      // (团长 of 集团长三角…, 司长 of 公司长沙…: the first character ends a company's 集团 or 公司)
      if (k > start && SUFFIX_END_CORE.has(s.slice(k - 1, k + 1))) continue;
      const core = lx.titleCores.longest(s, k, sufStart);
      if (core && core[0] - k >= 2 && sufStart - core[0] >= 2) {
        start = core[0];
        k = core[0] - 1;
      }
    }
    // two names joined by a dash are one foreign company (拜耳—孟山都集团): the walk back goes on over it
    if (start >= 2 && DASH[s.charCodeAt(start - 1)] === 1 && !back.cutBy) {
      const first = walkBack(s, start - 1, 12, ctx.taken, 0, lx);
      if (start - 1 - first.start >= 2) start = first.start;
    }
    // 控股股东, 控股子公司, 控股权: holding, not a company suffix
    if (suffix === '控股' && (s.startsWith('股东', sufEnd) || s.startsWith('子公司', sufEnd) || s.charCodeAt(sufEnd) === 0x6743)) continue;
    let name = s.slice(start, sufEnd);
    const stemAll = s.slice(start, sufStart).replace(REGION_BRACKET_RE, '');
    if (stemAll.length < 2 && !/公司$/.test(suffix)) continue;
    if (stemAll.length < 1) continue;
    // one character after a word the walk stopped at names no firm (被投公司: 被 + 投)
    if (stemAll.length === 1 && back.cutBy && start === back.start) continue;
    if (COMPANY_GENERIC_STEMS.has(stemAll) || /^[这那该本此各每其][家个]?$/.test(stemAll)) continue;
    // a unit named by its number alone (二公司, 第三分公司): a part of the group the text is about
    if (/^第?[一二三四五六七八九十]{1,3}分?$/.test(stemAll) && /公司$/.test(suffix)) continue;
    // trades alone before a bare 公司 (全球领先的健康科技公司): a kind of firm, no firm's name
    if (suffix === '公司' && allTrades(stemAll)) continue;
    // a verb or pronoun before 集团/公司 (深入集团下属企业, 我们公司): no name
    if (onlyFunctionWords(s, start, sufStart)) continue;
    // 1.55亿股股份, 500万元股份: a quantity, not a name
    // (控股 before 集团 is a legal form: 中梁控股集团)
    if (/(家|个|些|类|级|型|性|化|的|股|亿|万|元)$/.test(stemAll) && !/控股$/.test(stemAll) && !lx.companies.has(stemAll)) continue;
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
    // …and the stem without the city or province it opens with (温州乾元光学有限公司 → 乾元光学), where
    // what is left is a name of three characters or more, no trade or generic word alone
    const lead = placeLead(stem);
    const bare = lead > 0 ? stem.slice(lead) : '';
    if (bare.length >= 3 && !allTrades(bare) && !COMPANY_GENERIC_STEMS.has(bare) && !lx.placeByName.has(bare)) aliases.push(bare);
    const sp = add(ctx, { type: 'company', start, end, priority: 80, source: 'rule', legal: true, aliases });
    if (!sp) continue;
    const br = /^[（(](?:以下简称|下称|简称)?[“"「]?([^（）()“”"「」]{2,10})[”"」]?[）)]/.exec(s.slice(end, end + 20));
    if (br) {
      const inner = br[1];
      const innerStart = end + br[0].indexOf(inner);
      // (not a word for any company: （以下简称“公司”）, “本公司”)
      if (!lx.placeByName.has(inner) && !/^[0-9]+$/.test(inner) && !GENERIC_SHORT.test(inner)) {
        sp.aliases!.push(inner);
        add(ctx, { type: 'company', start: innerStart, end: innerStart + inner.length, priority: 80, source: 'rule', aliasOf: sp.text });
      }
    }
    setOrg(ctx, start, sp);
    end = sp.end;
  }
}
