/**
 * Step 8 of analyze(): the article's entities grouped by region, for the outline and the Regions
 * view. The article's own sections come first (kind 'section', nested as the article nests them);
 * officials, business people and companies are also placed by inference (kind 'inferred'), each
 * with the reason it was placed there:
 *
 *  - an official under the region of the post (entity.region and titles[].region as the titles step
 *    computes them), a central post under 中央, a Hong Kong or Macau post under 香港 / 澳门, a post
 *    written without its region (省长, 县委书记) under the section it is mentioned in, else the home
 *    region or the article's most named place of that level;
 *  - a company under the region where the article places it: the place of a visit or meeting in a
 *    sentence that names it (在北京拜会…), the region its name begins with (上海临港集团, 行吟信息科技
 *    （上海）有限公司), the province of its A-share listing (already in entity.region), the home region
 *    from the dateline or source line; else the region of the official who met it;
 *  - a business person under their company's region, else as a company.
 *
 * In a section, an entity whose inferred region is neither the section's region nor inside it (a
 * central minister in a 【湖北要闻】 item) goes into an inferred group nested in the section. An entity
 * the article names only outside its sections (all of them, in an article without sections) goes into
 * a top-level inferred group; those nest by the administrative hierarchy (苏州 under 江苏). Other kinds
 * (government bodies, organizations, places, other people) are grouped only by the sections they are
 * mentioned in. Pure, never throws, linear in the number of mentions (sentences are scanned once).
 */
import type { Analysis, Entity, GroupReason, HomeRegion, Mention, Region, RegionGroup } from '../types';
import { lexicons, type PlaceInfo } from '../lexicon';
import { countShortForms, lookupRegion } from '../lexicon/regionNames';
import { normalizeForMatching } from '../normalize';

/** 中央: posts of the central party, state, congress, CPPCC, courts, ministries and national bodies. */
export const CENTRAL = '中央';

const CENTRAL_POST = /^(?:中共中央|中央|国务院|全国人大|全国政协|最高人民(?:法院|检察院)|国家(?!级)|中国人民银行|中国人民解放军|解放军|中华人民共和国|人民银行|民航局|国资委|发展改革委|发改委|外交部|国防部|商务部|财政部|教育部|科技部|科学技术部|工业和信息化部|工信部|公安部|民政部|司法部|人力资源和社会保障部|自然资源部|生态环境部|住房和城乡建设部|交通运输部|水利部|农业农村部|文化和旅游部|退役军人事务部|应急管理部|审计署|海关总署|中国民航局|中国民用航空局|中国证监会|证监会|银保监会|金融监管总局|中国气象局|中国科学院|中国工程院|中国社会科学院)/;
const HK_MACAU_POST = /(行政长官|特首|立法会|行政会议|行政会|政务司|财政司|律政司|特区政府|特别行政区|司长|廉政公署|金管局|贸发局)/;
// a visit to a company where it is (调研, 走访, 拜会…), not a meeting with its guests (会见, 会谈):
// 在海口会见台湾企业家 says where the officials were, not where the companies are
const VISIT_VERB = /(调研|考察|走访|参观|视察|拜会|拜访|看望|慰问|深入|来到|莅临)/;
/** A post in a ministry written without a region (交通运输部党组书记), not in a party committee's department (组织部部长). */
const MINISTRY_POST = /^(?!.*(?:组织部|宣传部|统战部|统一战线工作部|武装部|政法委))[\u4e00-\u9fff]{2,9}部(?:党组|部长|副部长|党委)/;
const VISIT_AFTER = new RegExp(`^[,，]?(?:进行|开展|实地)?${VISIT_VERB.source}`);
/** A meeting an official holds or attends (在深圳主持召开座谈会, 在东京会见…). */
const MEETING_AFTER = /^(?:先后|分别|亲切)?(?:会见|会晤|接见|会谈|座谈|主持|召开|出席|参加|举行|举办|约见)/;
/** A Hong Kong stock code (00328.HK, 01152: five digits from 0) or a Taiwan one (2330.TW) in brackets. */
const HK_TW_CODE = /^[(（]\s*(?:(?:HK|港股|股票代码|股份代号)[:：]?\s*)?(?:0\d{4}|\d{4,5}\.HK|\d{4}\.(TWO?))\s*[)）]/i;
/** A stay in a place (在深圳期间, 在香港参加交流会期间): where a travelling party meets the firms it calls on. */
const STAY_AFTER = /^[^,，。；;！？!?]{0,30}?期间/;
/**
 * The innermost division of `region` the chain writes after it (湖北省秭归县人大常委会副主任: 秭归县),
 * each inside the one before; none when another region comes first, or only after 驻.
 */
function innerWritten(chain: string, region: string): string | undefined {
  const lx = lexicons();
  let found: string | undefined;
  for (let k = 0; k < chain.length; k++) {
    const hit = lx.places.longest(chain, k);
    if (!hit) continue;
    const p = regionPlace(hit[1]);
    const at = k;
    k = hit[0] - 1;
    if (!p || p.name === region) continue;
    if (p.level !== 'country' && p.level !== 'foreign-city' && sameOrWithin(p.name, found ?? region) && chain[at - 1] !== '驻') found = p.name;
    else if (!found) return undefined;
  }
  return found;
}
/** `region` is written in `chain`, and not only after 驻 (驻澳门部队: where the body is stationed). */
function writtenNotStationed(chain: string, region: string): boolean {
  for (let k = chain.indexOf(region); k >= 0; k = chain.indexOf(region, k + 1)) if (chain[k - 1] !== '驻') return true;
  return false;
}
/** Taiwan's 院 (行政院长, 立法院副院长, 监察委员 of 监察院), and its 总统 and 副总统 (a Taiwan story's). */
const TAIWAN_YUAN = /^(?:行政|立法|司法|考试|监察)院/;
const TAIWAN_PRESIDENT = /^副?总统 /;
/** Posts only the centre has, written bare (总书记, 国务院总理 → 总理). */
const CENTRAL_ONLY = /^(?:总书记|国家主席|国家副主席|总理|副总理|国务委员|委员长|副委员长|军委主席)$/;
// 来琼考察 (guests who came to 海南) says where the guests went, not where their companies are
const BEFORE_PLACE = /(在|赴|到|来到|深入|于|转战|抵达|前往)$/;
/** A visiting party (考察团, 代表团, 访问团, 参访团). */
const PARTY = /考察团|代表团|访问团|参访团/g;
/** A travelling party between a firm and the place it goes to (一行, 率队, 带队, 率团). */
const PARTY_AFTER = /一行|率队|带队|率团|率领/;
/** A firm's legal name (星河电子有限公司, 云帆食品股份有限公司, 星河有限责任公司) or a branch's (北京星河分公司). */
const LEGAL_NAME = /(?:有限(?:责任)?|分)公司$/;
/** A visit's verb before a firm in its sentence (走访了…, 来到…, 走进…): the firm is where the party went. */
const VISITED = new RegExp(`(?:${VISIT_VERB.source.slice(1, -1)}|走进|到)`);

interface Placement extends GroupReason {
  region: string;
}

export interface GroupingInput {
  normalized: string;
  analysis: Analysis;
  home?: HomeRegion;
}

const canon = (name: string | undefined): string | undefined => (name ? lookupRegion(name)?.name ?? name : undefined);

/** True when region `inner` is `outer` or lies in it (海淀区 in 北京); 中央 and countries only equal themselves. */
export function sameOrWithin(inner: string, outer: string): boolean {
  const a = canon(inner);
  const b = canon(outer);
  if (!a || !b) return false;
  if (a === b) return true;
  let cur: PlaceInfo | undefined = lookupRegion(a);
  for (let g = 0; cur && g < 4; g++) {
    if (cur.parents.includes(b)) return true;
    cur = cur.parents.length === 1 ? lookupRegion(cur.parents[0]) : undefined;
  }
  return false;
}

function isGrouped(e: Entity): boolean {
  return e.type === 'company' || (e.type === 'person' && (e.role === 'official' || e.role === 'business'));
}

/** A place usable as a region: a division, a country or a foreign city (not 中国 itself, not a landmark). */
function regionPlace(p: PlaceInfo | undefined): PlaceInfo | undefined {
  if (!p || p.name === '中国') return undefined;
  return p.level === 'province' || p.level === 'city' || p.level === 'district' || p.level === 'country' || p.level === 'foreign-city' ? p : undefined;
}

/**
 * The region a company's name places it in: a branch's region (中国电信新疆分公司 → 新疆), a region in
 * brackets (行吟信息科技（上海）有限公司, 暉陽(貴州)新能源材料有限公司 → 上海, 贵州), the region its name
 * begins with (上海临港集团 → 上海), narrowed to a county or district written right after it (湖州南浔临港…
 * → 南浔区). Read normalised, so traditional names (晉江福源…) place too.
 */
export function nameRegion(written: string): PlaceInfo | undefined {
  const lx = lexicons();
  const name = normalizeForMatching(written);
  // a branch (分公司, 分行, 分厂) stands in the last region its name writes: 吉林森工北京门业分公司 → 北京
  if (/分(?:公司|行|厂|院)$/.test(name)) {
    let last: PlaceInfo | undefined;
    for (let i = 1; i < name.length - 3; i++) {
      const hit = lx.places.longest(name, i);
      const p = hit && regionPlace(hit[1]);
      if (p && p.level !== 'foreign-city' && p.level !== 'country') {
        last = p;
        i = hit[0] - 1;
      }
    }
    if (last) return last;
  }
  for (const m of name.matchAll(/[（(]([^（()）]{2,8})[)）]/g)) {
    const p = regionPlace(lookupRegion(m[1]));
    if (p) return p;
  }
  const lead = lx.places.longest(name, 0);
  // a foreign firm's Chinese company names its place right before the legal suffix (星河斯天津有限公司:
  // 天津), where a foreign place read at the start may be only the sound of its name
  const local = /([\u4e00-\u9fff]{2,4})(?:股份)?有限(?:责任)?公司$/.exec(name);
  if (local && lead && (lead[1].level === 'country' || lead[1].level === 'foreign-city')) {
    for (let k = 0; k + 2 <= local[1].length; k++) {
      const q = regionPlace(lookupRegion(local[1].slice(k)));
      if (q && q.level !== 'country' && q.level !== 'foreign-city') return q;
    }
  }
  if (lead && lead[0] < name.length) {
    const p = regionPlace(lead[1]);
    if (p) {
      // a county or district of it written next (湖州南浔…, 江苏南通…), by its full or short name
      for (let len = 4; len >= 2; len--) {
        if (lead[0] + len >= name.length) continue;
        const q = lookupRegion(name.slice(lead[0], lead[0] + len));
        if (q && q.name !== p.name && (q.level === 'city' || q.level === 'district') && sameOrWithin(q.name, p.name)) return q;
      }
      return p;
    }
  }
  return undefined;
}

/**
 * The region of a chain's later link that names one (中共中央政治局委员、湖北省委书记 → 湖北): a
 * division written at a link's start, after 、 or 兼, and followed by its post.
 */
function localAfterCentral(chain: string): string | undefined {
  const lx = lexicons();
  let found: string | undefined;
  for (const m of chain.matchAll(/[、，,兼]/g)) {
    const hit = lx.places.longest(chain, m.index + 1);
    const p = hit && regionPlace(hit[1]);
    if (p && p.level !== 'country' && p.level !== 'foreign-city' && /^[省市区县]?(?:委|长|副|政府|人大|政协|党委)/.test(chain.slice(hit[0]))) found = p.name;
  }
  return found;
}

export function buildGrouping(input: GroupingInput): RegionGroup[] {
  const { normalized, analysis: a, home } = input;
  const lx = lexicons();
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const sectionById = new Map(a.regions.map((r) => [r.id, r]));

  // places named in each sentence (with the two characters before them), for visits and for
  // the article's most named place of a level
  const placesBySentence = new Map<number, Mention[]>();
  const placeCount = new Map<string, number>();
  for (const m of a.mentions) {
    if (m.type !== 'place') continue;
    let list = placesBySentence.get(m.sentence);
    if (!list) placesBySentence.set(m.sentence, (list = []));
    list.push(m);
    const e = byId.get(m.entityId);
    if (e) placeCount.set(e.name, (placeCount.get(e.name) ?? 0) + 1);
  }

  // every mention of each sentence, in text order, to see whom a visit verb is aimed at
  const mentionsBySentence = new Map<number, Mention[]>();
  for (const m of a.mentions) {
    let list = mentionsBySentence.get(m.sentence);
    if (!list) mentionsBySentence.set(m.sentence, (list = []));
    list.push(m);
  }
  /**
   * The official a visit verb ending at `at` is aimed at (在南京拜会了江苏省委副书记、省长许昆林): a call on
   * them, not a visit to a firm. `null` when the verb is aimed at an official or a government body but
   * the sentence names no official after it; undefined when it is aimed at something else.
   */
  const calledOn = (si: number, at: number): Entity | null | undefined => {
    const ms = mentionsBySentence.get(si) ?? [];
    const k = ms.findIndex((m) => m.start >= at);
    const next = ms[k];
    if (!next || next.start - at > 2 || !/^了?$/.test(normalized.slice(at, next.start))) return undefined;
    const official = (m: Mention) => m.type === 'person' && byId.get(m.entityId)?.role === 'official';
    if (!(next.type === 'government' || next.type === 'title' || official(next))) return undefined;
    const o = ms.slice(k).find(official);
    return o ? byId.get(o.entityId)! : null;
  };

  interface Visit {
    /** where the place is written (-1: carried over from the sentence before) */
    at: number;
    placement: Placement;
    /** a call on an official, not a visit to a firm: the official (null: none named) */
    callOn?: Entity | null;
  }
  /**
   * The visits of sentence `si`: 在北京拜会…, 来到朝阳区调研, 转战武汉，考察…; a stay (在深圳期间…, 在桐乡，
   * 考察团参观了…); a sentence opening with 期间 / 其间 takes its predecessor's last one.
   */
  const visitsIn = (si: number, depth = 0): Visit[] => {
    const out: Visit[] = [];
    const sentence = a.sentences[si];
    for (const m of placesBySentence.get(si) ?? []) {
      const before = normalized.slice(Math.max(0, m.start - 2), m.start);
      if (!BEFORE_PLACE.test(before)) continue;
      const after = normalized.slice(m.end, Math.min(sentence?.end ?? normalized.length, m.end + 48));
      const p = regionPlace(lookupRegion(byId.get(m.entityId)?.name ?? m.text));
      if (!p) continue;
      const placement: Placement = { region: p.name, rule: 'visit', evidence: normalized.slice(Math.max(0, m.start - 2), Math.min(normalized.length, m.end + 6)) };
      // a stay: 在深圳期间, 在香港参加交流会期间; 在桐乡，(then a visit in the sentence)
      if (/在$/.test(before) && (STAY_AFTER.test(after) || (/^[,，]/.test(after) && VISIT_VERB.test(after)))) {
        out.push({ at: m.start, placement });
        continue;
      }
      // 在北京拜会…, 来到朝阳区调研, 赴苏州考察: the visit verb follows the place closely (在海口会见 is a meeting)
      const v = VISIT_AFTER.exec(after.slice(0, 9));
      if (!/(来到|深入|莅临)$/.test(before) && !v) continue;
      out.push({ at: m.start, placement, callOn: v ? calledOn(si, m.end + v[0].length) : undefined });
    }
    if (!out.length && depth === 0 && si > 0 && sentence && /^\s*(?:期间|其间)/.test(normalized.slice(sentence.start, sentence.start + 8))) {
      const prev = visitsIn(si - 1, 1).filter((v) => v.callOn === undefined);
      if (prev.length) out.push({ ...prev[prev.length - 1], at: -1 });
    }
    return out;
  };
  const visitCache = new Map<number, Visit[]>();
  /**
   * The place of the visit that mention `m` takes part in: the nearest visit written before it in its
   * sentence, else the first after it. A firm named before a call on an official (中交集团…在南京拜会了
   * 江苏省长许昆林) is on the calling side: it takes the official's region, or nothing from the sentence.
   */
  const visitPlace = (m: Mention): Placement | undefined => {
    let vs = visitCache.get(m.sentence);
    if (!vs) visitCache.set(m.sentence, (vs = visitsIn(m.sentence)));
    if (!vs.length) return undefined;
    let v = vs[0];
    for (const x of vs) if (x.at < m.start) v = x;
    // the firm's own party travelling there (星河集团董事长张三一行到孝感考察): no visit to the firm
    if (m.start < v.at && v.at - m.end < 40 && PARTY_AFTER.test(normalized.slice(m.end, v.at))) return undefined;
    if (v.callOn !== undefined && m.start < v.at) {
      const op = v.callOn ? ownPost(v.callOn) : undefined;
      return op && op.region !== CENTRAL ? { region: op.region, rule: 'met-by', evidence: v.callOn!.name } : undefined;
    }
    return v.placement;
  };

  // the SAR an article is about, for 行政长官 and the like written without 香港 / 澳门
  let sar: string | undefined | null = null;
  const sarOfArticle = (): string | undefined => {
    if (sar === null) {
      const hk = (placeCount.get('香港') ?? 0) + (/香港|港府|港区/.test(normalized) ? 1 : 0);
      const mo = (placeCount.get('澳门') ?? 0) + (/澳门|澳府/.test(normalized) ? 1 : 0);
      sar = hk > mo ? '香港' : mo > hk ? '澳门' : hk > 0 ? '香港' : undefined;
    }
    return sar;
  };

  // a Taiwan story: filed in Taiwan, or naming Taiwan's places and no country
  let taiwan: boolean | undefined;
  const taiwanStory = (): boolean => {
    if (taiwan === undefined) {
      const names = [...placeCount.keys()].map((n) => lookupRegion(n));
      taiwan = (!!home && sameOrWithin(home.region, '台湾')) || (names.some((p) => p && sameOrWithin(p.name, '台湾')) && !names.some((p) => p?.level === 'country' && p.name !== '中国'));
    }
    return taiwan;
  };

  /**
   * The article's most named place of a level (ties: the first named), for 县委书记 written without 县;
   * short forms the recognizer leaves alone (秀屿 for 秀屿区) count too.
   */
  let shortCounts: Map<string, number> | undefined;
  const mostNamed = (test: (p: PlaceInfo) => boolean): string | undefined => {
    let best: string | undefined;
    let n = 0;
    if (!shortCounts) {
      // (not inside a person's name: 卫东 of 张卫东)
      const inName = new Uint8Array(normalized.length);
      for (const e of a.entities) if (e.type === 'person') for (const m of e.mentions) inName.fill(1, m.start, m.end);
      shortCounts = countShortForms(normalized, inName);
    }
    for (const [name, k] of [...placeCount, ...shortCounts]) {
      const p = lookupRegion(name);
      if (p && test(p) && k > n) {
        best = p.name;
        n = k;
      }
    }
    return best;
  };

  /** An official's region from the post itself: central, the post's region, Hong Kong or Macau. */
  const ownPost = (e: Entity): Placement | undefined => {
    const title = e.titles[0];
    const evidence = title?.full || title?.inText || e.name;
    // titles as written may be traditional (總書記): read them normalised
    const texts = e.titles.map((t) => normalizeForMatching(t.inText + ' ' + t.full));
    // a central post held with a local one the chain writes (中央政治局委员、北京市委书记): the region
    // (not a region after 驻, where a body is stationed: 解放军驻澳门部队)
    if (e.region && e.region !== CENTRAL && texts.length && writtenNotStationed(normalizeForMatching(e.titles[0].inText), normalizeForMatching(e.region))) {
      // (…narrowed to a division of it written right after it: 湖北省秭归县人大常委会副主任 → 秭归县)
      return { region: innerWritten(normalizeForMatching(e.titles[0].inText), canon(e.region)!) ?? canon(e.region)!, rule: 'post', evidence };
    }
    if (texts.some((t) => CENTRAL_POST.test(t) || / (?:中共中央|国务院)/.test(t) || CENTRAL_ONLY.test(t.slice(0, t.indexOf(' ')))) || texts.some((t) => MINISTRY_POST.test(t))) {
      // …and a region's post after the central one (中共中央政治局委员、湖北省委书记): the region the person leads
      const local = texts.length ? localAfterCentral(texts[0].slice(texts[0].indexOf(' ') + 1)) : undefined;
      if (local) return { region: local, rule: 'post', evidence };
      return { region: CENTRAL, rule: 'central-post', evidence };
    }
    if (e.region) return { region: canon(e.region)!, rule: 'post', evidence };
    for (const t of e.titles) if (t.region) return { region: canon(t.region)!, rule: 'post', evidence: t.full || t.inText };
    // a chain that begins with a region's name the titles step left unread (雲南省僑辦經科處副處長)
    for (const t of texts) {
      const lead = lx.places.longest(t, 0);
      const p = lead && lead[0] < t.indexOf(' ') ? regionPlace(lead[1]) : undefined;
      if (p) return { region: innerWritten(t.slice(0, t.indexOf(' ')), p.name) ?? p.name, rule: 'post', evidence };
    }
    for (const t of texts) {
      // Taiwan's own central posts: its 院 (行政院长, 立法院副院长) anywhere, its 总统 in a Taiwan story
      if (TAIWAN_YUAN.test(t) || (TAIWAN_PRESIDENT.test(t) && taiwanStory())) return { region: '台湾', rule: 'post', evidence };
      const named = /(香港|澳门)/.exec(t);
      if (named) return { region: named[1], rule: 'sar-post', evidence };
      if (HK_MACAU_POST.test(t)) {
        const s = sarOfArticle();
        if (s) return { region: s, rule: 'sar-post', evidence };
      }
    }
    return undefined;
  };

  const officialPlacement = (e: Entity, section: Region | undefined): Placement | undefined => {
    const own = ownPost(e);
    if (own) return own;
    const title = e.titles[0];
    const evidence = title?.full || title?.inText || e.name;
    // a post written without its region: the section, the home region, the article's place of that level
    const head = title ? title.inText.replace(/^(?:原|前|时任|代)/, '') : '';
    const level = /^(?:省|副?省长)/.test(head) ? 'province' : /^(?:市|副?市长)/.test(head) ? 'city' : /^(?:县|副?县长)/.test(head) ? 'county' : /^(?:区|副?区长)/.test(head) ? 'district' : undefined;
    if (!level) {
      // a bare post (副部长, 秘书长): where the article's other officials hold theirs, when they agree
      const m = majority(e);
      return m ? { region: m, rule: 'article-region', evidence } : undefined;
    }
    const fits = (p: PlaceInfo) =>
      level === 'province' ? p.level === 'province' : level === 'city' ? p.level === 'city' || (p.level === 'province' && /市$/.test(p.full)) : level === 'county' ? p.level === 'district' && /县$/.test(p.full) : p.level === 'district' && /区$/.test(p.full);
    if (section) {
      const p = lookupRegion(section.name);
      if (p && fits(p)) return { region: p.name, rule: 'section', evidence };
    }
    const h = home && lookupRegion(home.region);
    if (h && fits(h)) return { region: h.name, rule: 'home', evidence: home!.evidence };
    const m = mostNamed(fits);
    if (m) return { region: m, rule: 'article-region', evidence };
    return undefined;
  };

  // the region most of the article's officials with a region hold their posts in (a strict majority)
  // (officials placed by their own posts: central, regional, Hong Kong or Macau)
  let officialRegions: Map<Entity, string> | undefined;
  const majority = (except: Entity): string | undefined => {
    if (!officialRegions) {
      officialRegions = new Map();
      for (const o of a.entities) {
        if (o.role !== 'official') continue;
        const p = ownPost(o);
        if (p) officialRegions.set(o, p.region);
      }
    }
    const counts = new Map<string, number>();
    let total = 0;
    for (const [o, r] of officialRegions) {
      if (o === except) continue;
      counts.set(r, (counts.get(r) ?? 0) + 1);
      total++;
    }
    let best: string | undefined;
    let n = 0;
    for (const [r, k] of counts) {
      if (k > n) {
        best = r;
        n = k;
      }
    }
    return best && n * 2 > total ? best : undefined;
  };

  // the first visit place per entity and section ('' = anywhere), one pass over its mentions
  const visitsOf = new Map<string, Map<string, Placement>>();
  const firstVisit = (e: Entity, section: Region | undefined): Placement | undefined => {
    let visits = visitsOf.get(e.id);
    if (!visits) {
      visitsOf.set(e.id, (visits = new Map()));
      let last = -1;
      for (const m of e.mentions) {
        if (m.sentence === last) continue;
        last = m.sentence;
        const key = m.regionId ?? '\0';
        if (visits.has(key) && visits.has('')) continue;
        const v = visitPlace(m);
        if (!v) continue;
        if (!visits.has(key)) visits.set(key, v);
        if (!visits.has('')) visits.set('', v);
      }
    }
    return visits.get(section ? section.id : '');
  };

  const metBy = new Map<string, string[]>();
  for (const r of a.relations) {
    if (r.kind !== 'met') continue;
    let l = metBy.get(r.to);
    if (!l) metBy.set(r.to, (l = []));
    l.push(r.from);
  }

  /**
   * Where official `o` holds a meeting away from the region of the post (湖南's secretary 在深圳主持召开
   * 座谈会): the firms met there are placed there. A meeting at home (在海口会见 by 海南's officials)
   * says where the officials were, not where their guests' firms are.
   */
  const awayOf = new Map<string, Placement | null>();
  const awayMeeting = (o: Entity): Placement | undefined => {
    const known = awayOf.get(o.id);
    if (known !== undefined) return known ?? undefined;
    let found: Placement | null = null;
    const own = ownPost(o);
    if (own && own.region !== CENTRAL) {
      for (const om of o.mentions) {
        for (const m of placesBySentence.get(om.sentence) ?? []) {
          if (m.start < om.end || m.start - om.end > 12 || normalized[m.start - 1] !== '在') continue;
          if (!MEETING_AFTER.test(normalized.slice(m.end, m.end + 8))) continue;
          const p = regionPlace(lookupRegion(byId.get(m.entityId)?.name ?? m.text));
          if (!p || p.level === 'country' || sameOrWithin(p.name, own.region) || sameOrWithin(own.region, p.name)) continue;
          found = { region: p.name, rule: 'visit', evidence: normalized.slice(m.start - 1, Math.min(normalized.length, m.end + 6)) };
          break;
        }
        if (found) break;
      }
    }
    awayOf.set(o.id, found);
    return found ?? undefined;
  };

  /**
   * A province or city on a firm's legal name is where it was registered (辽宁星河电子有限公司, 温州云帆
   * 光学有限公司), not just where it stands: a firm the article visits (走访了…, 来到…) in one place of
   * that province or city (its officials' posts, or those of the officials who met the firm) stands there. A
   * province's group (湖南星河集团) is the province's own, and a firm only named (a guest's) keeps the name's.
   */
  const localOf = (e: Entity, province: string): string | undefined => {
    if (e.type !== 'company' || !LEGAL_NAME.test(normalizeForMatching(e.name))) return undefined;
    const visited = e.mentions.some((m) => {
      const s = a.sentences[m.sentence];
      return !!s && VISITED.test(normalized.slice(s.start, m.start));
    });
    if (!visited) return undefined;
    const counts = new Map<string, number>();
    const ids = metBy.get(e.id) ?? [];
    for (const o of ids.length ? ids.map((id) => byId.get(id)!) : a.entities) {
      if (o?.role !== 'official') continue;
      const r = ownPost(o)?.region;
      if (r && r !== CENTRAL && r !== canon(province) && sameOrWithin(r, province)) counts.set(r, (counts.get(r) ?? 0) + 1);
    }
    const h = home && canon(home.region);
    if (h && h !== canon(province) && sameOrWithin(h, province)) counts.set(h, (counts.get(h) ?? 0) + 1);
    let best: string | undefined;
    let n = 0;
    let tie = false;
    for (const [r, k] of counts) {
      if (k > n) [best, n, tie] = [r, k, false];
      else if (k === n) tie = true;
    }
    return tie ? undefined : best;
  };

  /**
   * The region of the party a firm's people make up, as the sentence writes it: 由 and a region, the
   * firm, then 组成 (由香港十多位委员及星河集团、云帆集团等负责人组成的代表团 → 香港), in one sentence.
   */
  const partyOf = (e: Entity): Placement | undefined => {
    for (const m of e.mentions) {
      const s = a.sentences[m.sentence];
      if (!s) continue;
      const before = normalized.slice(Math.max(s.start, m.start - 80), m.start);
      const by = before.lastIndexOf('由');
      if (by < 0 || !/组成/.test(normalized.slice(m.end, Math.min(s.end, m.end + 80)))) continue;
      const hit = lx.places.longest(before, by + 1);
      const p = hit && regionPlace(hit[1]);
      if (p) return { region: p.name, rule: 'visit', evidence: before.slice(by, hit[0]) };
    }
    return undefined;
  };

  /**
   * The region a visiting party's name begins with (上海市浙江商会企业考察团 → 上海, 香港工商界代表团 →
   * 香港), when the parties the article names with a region are all of one (a bare 考察团 is one of them).
   */
  let guests: Placement | null | undefined;
  const guestParty = (): Placement | undefined => {
    if (guests === undefined) {
      guests = null;
      const found = new Map<string, string>();
      for (const m of normalized.matchAll(PARTY)) {
        const clause = /[\u4e00-\u9fff]*$/.exec(normalized.slice(Math.max(0, m.index - 12), m.index))![0];
        for (let k = 0; k < clause.length; k++) {
          const hit = lx.places.longest(clause, k);
          const p = hit && regionPlace(hit[1]);
          if (p) {
            found.set(p.name, clause.slice(k) + m[0]);
            break;
          }
        }
      }
      if (found.size === 1) {
        const [region, evidence] = [...found][0];
        guests = { region, rule: 'visit', evidence };
      }
    }
    return guests ?? undefined;
  };

  /**
   * The region of the officials who accompanied a visit to firm `e` in the sentence that names it:
   * those written between the visit (调研, 考察 …) or 在 and 陪同 (…莅临星河集团调研，深圳市委书记张三、
   * 广东省副省长李四陪同; 在区委书记王五陪同下). The region most of them hold posts in or above.
   */
  const hostsOf = (e: Entity): Placement | undefined => {
    for (const m of e.mentions) {
      const s = a.sentences[m.sentence];
      if (!s) continue;
      const text = normalized.slice(s.start, s.end);
      const k = text.indexOf('陪同');
      if (k < 0) continue;
      let from = 0;
      for (const v of text.slice(0, k).matchAll(new RegExp(`${VISIT_VERB.source}|在`, 'g'))) from = v.index + v[0].length;
      const met: Placement[] = [];
      for (const om of mentionsBySentence.get(m.sentence) ?? []) {
        const o = byId.get(om.entityId);
        if (om.type !== 'person' || o?.role !== 'official' || om.start < s.start + from || om.end > s.start + k) continue;
        const op = ownPost(o);
        if (op && op.region !== CENTRAL) met.push({ region: op.region, rule: 'met-by', evidence: o.name });
      }
      let p: Placement | undefined;
      let n = 0;
      for (const x of met) {
        const c = met.filter((y) => sameOrWithin(x.region, y.region)).length;
        if (c > n) [p, n] = [x, c];
      }
      if (p) return p;
    }
    return undefined;
  };

  const companyCache = new Map<string, Placement | undefined>();
  const companyPlacement = (e: Entity, section: Region | undefined, depth = 0): Placement | undefined => {
    const key = `${e.id}|${section?.id ?? ''}`;
    if (companyCache.has(key)) return companyCache.get(key);
    companyCache.set(key, undefined); // cycles (met-by chains) end here
    let p: Placement | undefined = firstVisit(e, section);
    if (!p && section) p = { region: section.name, rule: 'section', evidence: section.name };
    if (!p) {
      const n = [e.name, ...e.aliases].map((x) => nameRegion(x)).find(Boolean);
      if (n) p = { region: ((n.level === 'province' || n.level === 'city') && localOf(e, n.name)) || n.name, rule: 'name', evidence: e.name };
    }
    if (!p && e.type === 'company') {
      // a Hong Kong or Taiwan stock code written after it: 爱高集团(00328.HK), 正乾金融控股(01152), 台积电(2330.TW)
      for (const m of e.mentions) {
        const code = HK_TW_CODE.exec(normalized.slice(m.end, m.end + 14));
        if (code) {
          p = { region: code[1] ? '台湾' : '香港', rule: 'listing', evidence: code[0] };
          break;
        }
      }
    }
    if (!p && e.type === 'company' && e.region) {
      // …narrowed to a city or county of that province its name begins with, by its short form too (东阿… listed in 山东 → 东阿县)
      const n = normalizeForMatching(e.name);
      const local = [3, 2].map((k) => lookupRegion(n.slice(0, k))).find((q) => q && q.level !== 'province' && q.name !== canon(e.region) && sameOrWithin(q.name, e.region!));
      p = { region: local?.name ?? canon(e.region)!, rule: 'listing', evidence: lx.companyByName.get(e.name)?.code ?? e.name };
    }
    if (!p) {
      // met by an official who travelled to meet it (沈晓明在深圳主持召开座谈会): where that meeting was
      for (const id of metBy.get(e.id) ?? []) {
        const o = byId.get(id);
        const away = o?.role === 'official' ? awayMeeting(o) : undefined;
        if (away) {
          p = away;
          break;
        }
      }
    }
    // a member of a party the article says a region's people make up (由香港…星河集团…等负责人组成的代表团)
    // the hosts who accompanied a visit to it (…莅临星河集团调研，深圳市委书记张三陪同): their region
    if (!p && e.type === 'company') p = hostsOf(e);
    if (!p) p = partyOf(e);
    if (!p && home) p = { region: canon(home.region)!, rule: 'home', evidence: home.evidence };
    if (!p && depth < 2) {
      // the region that most of them hold posts in or above (a city's secretary and the district's
      // host: the district; a county's secretary and two of the town's hosts: the town); ties, the first official's
      const met: Placement[] = [];
      for (const id of metBy.get(e.id) ?? []) {
        const o = byId.get(id);
        const op = o?.role === 'official' ? officialPlacement(o, section) : undefined;
        // (a central official's 中央 is no place a firm stands: a minister visiting 河北's firms)
        if (op && op.region !== CENTRAL) met.push({ region: op.region, rule: 'met-by', evidence: o!.name });
      }
      let depthOf = 0;
      for (const x of met) {
        const k = met.filter((y) => sameOrWithin(x.region, y.region)).length;
        if (k > depthOf) [p, depthOf] = [x, k];
      }
    }
    // nothing places it: where the article's officials hold their posts, when they agree
    if (!p && depth === 0) {
      const m = majority(e);
      if (m) p = { region: m, rule: 'article-region', evidence: m };
    }
    // …else a visiting party's region, when the article names parties of one region (上海市浙江商会企业考察团)
    if (!p && depth === 0 && e.type === 'company') p = guestParty();
    // …else where its own people went (its chairman 在汉期间 visiting a subsidiary)
    if (!p && e.type === 'company') {
      const names = new Set([e.name, ...e.aliases]);
      for (const b of a.entities) {
        const v = b.role === 'business' && b.organization && names.has(b.organization) ? firstVisit(b, section) : undefined;
        if (v) {
          p = { ...v, evidence: `${b.name}: ${v.evidence}` };
          break;
        }
      }
    }
    companyCache.set(key, p);
    return p;
  };

  const companyByName = new Map<string, Entity>();
  for (const e of a.entities) if (e.type === 'company') for (const n of [e.name, ...e.aliases]) if (!companyByName.has(n)) companyByName.set(n, e);
  const companyOf = (e: Entity): Entity | undefined => (e.organization ? companyByName.get(e.organization) : undefined);

  const placement = (e: Entity, section: Region | undefined): Placement | undefined => {
    if (e.type === 'company') return companyPlacement(e, section);
    // an official who holds a post of the section's region too (殷勇, 北京 and then 上海市长) belongs to it there
    if (e.role === 'official' && section && ownPost(e)?.rule === 'post') {
      const t = e.titles.find((x) => x.region && sameOrWithin(x.region, section.name));
      if (t) return { region: section.name, rule: 'post', evidence: t.full || t.inText };
    }
    if (e.role === 'official') return officialPlacement(e, section);
    // a business person: their company's region, else placed as a company would be
    const c = companyOf(e);
    const cp = c ? companyPlacement(c, section) : undefined;
    if (cp) return { region: cp.region, rule: 'employer', evidence: c!.name };
    return companyPlacement(e, section);
  };

  // ---- the groups ----
  const groups: RegionGroup[] = [];
  const byGroupId = new Map<string, RegionGroup>();
  const addTo = (g: RegionGroup, e: Entity, why: GroupReason) => {
    if (g.reasons[e.id]) return;
    g.entityIds.push(e.id);
    g.reasons[e.id] = why;
  };
  const sectionGroups: RegionGroup[] = [];
  for (const r of a.regions) {
    const g: RegionGroup = { id: `section:${r.id}`, region: r.name, kind: 'section', sectionId: r.id, ...(r.parentId ? { parentId: `section:${r.parentId}` } : {}), entityIds: [], reasons: {} };
    byGroupId.set(g.id, g);
    sectionGroups.push(g);
  }
  // inferred groups nested in a section, in order of first entity
  const nested = new Map<string, RegionGroup[]>();
  const topLevel: RegionGroup[] = [];
  for (const e of a.entities) {
    if (e.type === 'title' || e.type === 'date') continue;
    for (const sid of e.sections) {
      const r = sectionById.get(sid);
      const sg = byGroupId.get(`section:${sid}`);
      if (!r || !sg) continue;
      const p = isGrouped(e) ? placement(e, r) : undefined;
      if (p && !sameOrWithin(p.region, r.name)) {
        const id = `section:${sid}/${p.region}`;
        let g = byGroupId.get(id);
        if (!g) {
          g = { id, region: p.region, kind: 'inferred', parentId: sg.id, entityIds: [], reasons: {} };
          byGroupId.set(id, g);
          let list = nested.get(sg.id);
          if (!list) nested.set(sg.id, (list = []));
          list.push(g);
        }
        addTo(g, e, p);
      } else addTo(sg, e, p && p.rule !== 'section' ? p : { rule: 'section', evidence: r.name });
    }
    if (!e.sections.length && isGrouped(e)) {
      const p = placement(e, undefined);
      if (!p) continue;
      const id = `inferred:${p.region}`;
      let g = byGroupId.get(id);
      if (!g) {
        g = { id, region: p.region, kind: 'inferred', entityIds: [], reasons: {} };
        byGroupId.set(id, g);
        topLevel.push(g);
      }
      addTo(g, e, p);
    }
  }
  // top-level inferred groups nest by the administrative hierarchy: in the innermost enclosing one
  const topByRegion = new Map(topLevel.map((g) => [g.region, g]));
  for (const g of topLevel) {
    let cur = lookupRegion(g.region);
    for (let d = 0; cur && cur.parents.length === 1 && d < 4; d++) {
      const up = topByRegion.get(cur.parents[0]) ?? topByRegion.get(lookupRegion(cur.parents[0])?.name ?? '');
      if (up && up !== g) {
        g.parentId = up.id;
        break;
      }
      cur = lookupRegion(cur.parents[0]);
    }
  }
  for (const sg of sectionGroups) {
    groups.push(sg);
    for (const g of nested.get(sg.id) ?? []) groups.push(g);
  }
  // parents before children
  const pushed = new Set<RegionGroup>();
  const push = (g: RegionGroup) => {
    if (pushed.has(g)) return;
    const parent = g.parentId ? byGroupId.get(g.parentId) : undefined;
    if (parent && topLevel.includes(parent)) push(parent);
    pushed.add(g);
    groups.push(g);
  };
  for (const g of topLevel) push(g);
  return groups;
}

/**
 * Where each mention is listed: in a section, the section's nested inferred group that holds the
 * entity, else the section's group; outside the sections, the top-level inferred group that holds
 * the entity; else undefined (the lead, or an entity no rule places). Built once per analysis.
 */
export function mentionGroups(grouping: RegionGroup[]): (m: Mention) => RegionGroup | undefined {
  const sectionGroup = new Map<string, RegionGroup>();
  const nestedGroup = new Map<string, RegionGroup>();
  const topGroup = new Map<string, RegionGroup>();
  const byId = new Map(grouping.map((g) => [g.id, g]));
  for (const g of grouping) {
    if (g.kind === 'section' && g.sectionId) sectionGroup.set(g.sectionId, g);
    else if (g.kind === 'inferred') {
      const parent = g.parentId ? byId.get(g.parentId) : undefined;
      const sectionId = parent?.kind === 'section' ? parent.sectionId : undefined;
      for (const id of g.entityIds) {
        if (sectionId !== undefined) {
          const k = `${sectionId}\0${id}`;
          if (!nestedGroup.has(k)) nestedGroup.set(k, g);
        } else if (!topGroup.has(id)) topGroup.set(id, g);
      }
    }
  }
  return (m) => (m.regionId !== undefined ? nestedGroup.get(`${m.regionId}\0${m.entityId}`) ?? sectionGroup.get(m.regionId) : topGroup.get(m.entityId));
}

/** The region an entity is grouped under: the first group that holds it (the eval's placement). */
export function groupedRegion(grouping: RegionGroup[], entityId: string): string | undefined {
  // a section's nested inferred groups come right after it, so the first section that names it wins
  for (const g of grouping) if (g.reasons[entityId]) return g.region;
  return undefined;
}
