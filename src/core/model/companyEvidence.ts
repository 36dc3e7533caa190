/**
 * When the model's reading of a company stands on nothing. The model learnt companies from
 * CLUENER's short brand sentences; in news about officials it also reads a company in a policy
 * phrase (湖北汽车工业, 深港科技创新, 交通同网), a bare two-character word (民生, 兴业 of 投资兴业,
 * 必行 of 言必行) or a generic noun (中资企业, IC设计中心). A model company is kept when something
 * in the text supports it — a company's suffix, a Latin brand, a business post after it, another
 * company beside it in a list — and dropped only when it has none of these and its own form says
 * it names no firm: too short to be a brand alone, or a trade word that runs on into the phrase.
 */
import type { Span } from '../types';
import { lexicons, lookupPlace } from '../lexicon';
import { shortFormPlace } from '../lexicon/regionNames';
import { normalizeForMatching } from '../normalize';
import { Trie } from '../trie';
import { PROVINCE_ABBR } from '../lexicon/words';

/** Endings that make a company's name (or a firm's part: 总部, 分行). */
const COMPANY_END = /(?:公司|集团|集團|股份|控股|银行|銀行|基金|证券|證券|保险|保險|信托|信託|书店|書店|总部|總部|分行|支行|酒店|饭店|飯店|商场|商場|超市|工厂|工廠|厂|廠|研究院|设计院|設計院|实业|實業|有限)$/;

/** Nouns that end a phrase about a trade or a policy, never a firm's own name alone. */
const TRADE_WORDS = new Set([
  '汽车', '汽車', '科技', '交通', '产业', '產業', '战略', '戰略', '经济', '經濟', '能源', '电力', '電力', '金融', '农业', '農業',
  '工业', '工業', '旅游', '文化', '物流', '贸易', '貿易', '航运', '航運', '港航', '医药', '醫藥', '制造', '製造', '服务', '服務',
  '建设', '建設', '发展', '發展', '创新', '創新', '合作', '民生', '环保', '環保', '教育', '卫生', '衛生', '数字', '數字', '信息', '資訊',
]);

/** More words of a trade, read only where a reading is made of trades alone (食品加工, 中医药). */
const MORE_TRADES = ['食品', '加工', '中医药', '中医', '医疗', '健康', '养老', '法律', '金融服务', '商贸', '电子商务', '电商', '零售', '餐饮', '装备', '材料', '新材料', '化工', '纺织', '服装', '机械', '通信', '软件', '互联网', '咨询', '设计', '会展', '体育', '影视', '传媒', '农产品', '生物', '医疗器械', '环境', '水务', '燃气'];
let trades: Trie<string> | undefined;
/** Every trade word, normalised, as the project's word trie (built on first use). */
function tradeTrie(): Trie<string> {
  if (!trades) {
    trades = new Trie<string>();
    for (const w of [...TRADE_WORDS, ...MORE_TRADES]) trades.set(normalizeForMatching(w), w);
  }
  return trades;
}

/**
 * `t` is nothing but trade words, joined by 及/和/与/、 if at all (食品加工, 法律及金融服务, 健康科技).
 * Three characters at least by default: a model's trade named alone in two is the two-character
 * rule's (a list's item may ask for two).
 */
export function allTrades(t: string, minLength = 3): boolean {
  if (t.length < minLength) return false;
  const trie = tradeTrie();
  let p = 0;
  let words = 0;
  while (p < t.length) {
    if (words > 0 && /[及和与與、]/.test(t[p])) p++;
    const e = trie.longestEnd(t, p);
    if (e < 0) return false;
    p = e;
    words++;
  }
  return words >= 1;
}

/** Nouns a trade word runs on into in a phrase about policy (汽车工业, 科技创新, 产业项目). */
const RUN_ON_NOUNS = new Set([
  ...TRADE_WORDS, '项目', '項目', '基地', '园区', '園區', '设施', '設施', '政策', '领域', '領域', '体系', '體系', '规划', '規劃',
  '布局', '佈局', '资源', '資源', '优势', '優勢', '基础', '基礎', '集群', '转型', '轉型', '升级', '升級', '人才', '水平',
]);

/** Generic heads: a kind of firm or body, not one firm (中资企业, 设计中心, 交通厅). */
const GENERIC_END = /(?:企业|企業|中心|厅|廳)$/;

/** Business posts written right after a company's name (中粮粮谷董事长). */
const POST_AFTER = /^(?:董事长|董事長|副董事长|副董事長|总裁|總裁|副总裁|副總裁|总经理|總經理|副总经理|副總經理|首席|董事|创始人|創始人|党委书记|黨委書記|CEO|负责人|負責人)/;

/** Marks between the items of a list (、 和 与 及). */
const LIST_MARK = /^[、和与與及]$/;

/**
 * True when the model's company text[start, end) has no support and its form names no firm.
 * `prev` / `next` are the spans kept right before and after it (a company there, across one list
 * mark, supports it).
 */
/** A word of policy after a place, in listed short names (湖南发展, 西部建设, 渝开发). */
export const PLACE_POLICY_WORD = /(?:发展|建设|开发|振兴)$/;
/** A firm's word right after its name: a legal form, a post, a stock code, what a firm does in news. */
export const FIRM_WORD_AFTER = /^(?:股份|集团|公司|控股|[(（0-9]|董事|总经理|总裁|党委|旗下|公告|发布|表示|称|披露|回应|股价|股票|证券)/;

export function unsupportedModelCompany(text: string, norm: string, start: number, end: number, prev?: Span, next?: Span): boolean {
  const t = norm.slice(start, end);
  // a place and a word of policy (推动湖南发展), a province's merchants (湘商, 浙商): no firm, unless a
  // firm's word follows
  if (((t.length === 2 && t[1] === '商' && PROVINCE_ABBR[t[0]] !== undefined) || (PLACE_POLICY_WORD.test(t) && lookupPlace(t.slice(0, -2)) !== undefined)) && !FIRM_WORD_AFTER.test(norm.slice(end, end + 3))) return true;
  // a generic head is no firm whatever stands beside it (中资企业负责人, IC设计中心); a bank's card
  // centre is its business (信用卡中心)
  if (t.length > 2 && GENERIC_END.test(t) && !t.endsWith('卡中心')) return true;
  if (/[A-Za-z]/.test(t)) return false;
  // trades alone, with or without a bare 公司 (食品加工, 法律及金融服务, 健康科技公司: a kind of firm, no firm)
  if (allTrades(t.replace(/(?:公司|企业|企業)$/, ''))) return true;
  if (COMPANY_END.test(t) && t.length > 2) return false;
  if (POST_AFTER.test(text.slice(end, end + 4))) return false;
  if (prev && prev.type === 'company' && prev.end >= start - 1 && LIST_MARK.test(text.slice(prev.end, start) || '、')) return false;
  if (next && next.type === 'company' && next.start <= end + 1 && LIST_MARK.test(text.slice(end, next.start) || '、')) return false;
  // one character alone (韩 of 日、韩、欧盟), or two that are a trade's or a place's word (民生, 交通, 福田):
  // a short brand (招行, 暴雪) is common enough that two characters alone prove nothing
  if (t.length === 1) return true;
  if (t.length === 2) return TRADE_WORDS.has(t) || (shortFormPlace(t) !== undefined && namedInFull(text, t)) || unintroducedInArticle(norm, t);
  // …and in an article, a longer reading never introduced as a firm is no firm either (重庆投资兴业,
  // 交通同网, 新华通讯社): see unintroducedInArticle
  if (unintroducedInArticle(norm, t)) return true;
  const tail = t.slice(-2);
  if (TRADE_WORDS.has(tail)) {
    // a place and its trade (湖北汽车, 湖南交通), or a trade phrase that runs on into another noun
    // (港航产业项目, 深港科技创新, 湖北汽车工业)
    if (lookupPlace(t.slice(0, -2)) !== undefined) return true;
    if (RUN_ON_NOUNS.has(norm.slice(end, end + 2))) return true;
  }
  return false;
}

/**
 * An article (ARTICLE_MIN_CHARS or more) names a firm it writes about in a form that shows it is one
 * somewhere (a suffix, a post, a list of firms, or a name the company lexicon knows): a reading with
 * none of these, never so introduced anywhere in it, is a phrase's (投资兴业, 言必行, 重庆投资兴业) or
 * another kind of body's (新华通讯社, 港交所). In a sentence alone (a headline, a snippet, CLUENER's
 * sentences) nothing else is there to introduce a brand, and the reading stands. On the article set
 * no such reading was a company: two characters, dev 124: 4 dropped, all wrong; any length, dev 156:
 * company precision 86.8 -> 89.7 and held out 62.2 -> 67.0, company recall unchanged in both.
 */
function unintroducedInArticle(norm: string, t: string): boolean {
  if (norm.length < ARTICLE_MIN_CHARS || lexicons().companyByName.has(t)) return false;
  // (once per name and text: a long document's many readings of one name scan it once)
  if (introCache?.norm !== norm) introCache = { norm, seen: new Map() };
  const known = introCache.seen.get(t);
  if (known !== undefined) return known;
  let unintroduced = true;
  for (let k = norm.indexOf(t); k >= 0 && unintroduced; k = norm.indexOf(t, k + 1)) {
    if (FULL_FORM_AFTER.test(norm.slice(k + t.length, k + t.length + 6))) unintroduced = false;
  }
  introCache.seen.set(t, unintroduced);
  return unintroduced;
}
let introCache: { norm: string; seen: Map<string, boolean> } | undefined;
const ARTICLE_MIN_CHARS = 300;
/** A firm's form after its short name, elsewhere in the article (兴业 … 兴业银行, 万达 … 万达集团). */
const FULL_FORM_AFTER = /^(?:[\u4e00-\u9fff]{0,4}(?:公司|集团|股份|控股|银行|证券|保险|基金|信托)|董事长|总裁|总经理)/;

/**
 * `t` (normalised) ends with a government body's fixed name (中联办, 商务部): the model's company
 * 香港中联办 is a body, whatever comes before the name (recognize() retypes it).
 */
export function endsInGovBody(t: string): boolean {
  const gov = lexicons().govFixed;
  for (let k = 0; k <= t.length - 2; k++) {
    if (gov.first[t.charCodeAt(k)] === 0) continue;
    const hit = gov.longest(t, k);
    if (hit && hit[0] === t.length) return true;
  }
  return false;
}

/** The text also writes the place whose short form `t` is in full (福田 beside 福田区). */
function namedInFull(text: string, t: string): boolean {
  for (const suffix of ['区', '區', '县', '縣', '市']) if (text.includes(t + suffix)) return true;
  return false;
}
