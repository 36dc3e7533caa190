/**
 * The region an official's post belongs to when the chain does not write it (part of step 5,
 * entities). A reader resolves 区委书记 in a Songjiang story to 松江区, 行政长官 in a Macau story to 澳门,
 * 部长 of 工业和信息化部 to the central government; so does this:
 *
 * - the level of the post, read from the chain's words: central (国务院, 中共中央, a ministry 部 or
 *   总局, 总理, 国务委员…) → 中央; a Hong Kong / Macau post (特区, 行政长官, 立法会, 政务司…) → the SAR;
 *   a province, city, district or county post (省委, 副市长, 区长, 县领导, 厅长…) → that level;
 * - then the region at that level: the article's region section when it has that level, else the
 *   region the article's own posts and place names point to at that level (a region written in a
 *   title chain counts thrice), when one clearly leads.
 */
import type { HomeRegion, Region } from '../types';
import { lexicons, lookupPlace, type PlaceInfo } from '../lexicon';
import { countShortForms } from '../lexicon/regionNames';
import type { RichSpan, TitleChain } from '../recognize';

/** Agencies and papers that file from everywhere: their dateline's place is no home of the posts. */
const NATIONAL_OUTLET = /新华社|新华网|人民日报|人民网|中新社|中国新闻网|中新网|央视|中央电视台|中国日报|光明日报|经济日报|中国台湾网|香港新闻网|香港中通社|中通社/;

/** How far back (code units) a region named before a post in the same line still names its region. */
const NEAR_CHARS = 60;

/** Province-level regions without a province's party committee or government (省委, 省长). */
const NOT_A_PROVINCE = /^(香港|澳门|台湾)/;
/** The words for Hong Kong and Macau a report uses: the name, and a local paper's words for its own city. */
const SAR_WORDS = { 香港: ['香港', '本港', '全港', '港人', '港府', '港商', '港元'], 澳门: ['澳门', '本澳', '全澳', '澳人', '澳府', '澳门元'] } as const;

export type PostLevel = 'central' | 'sar' | 'province' | 'city' | 'district' | 'county';

/** Bodies and posts of the central party and state (no region of their own). */
const CENTRAL = /^(中共中央|中央(?!区)|国务院|全国人大|全国政协|国家(?!级)|最高人民法院|最高人民检察院|中国人民银行|总书记|国家主席|国家副主席|总理|副总理|国务委员|委员长|副委员长|部(?:党组|长|副部长|长助理)|(?:发改委|发展改革委|发展和改革委员会|国资委|证监会|银保监会|金融监管总局|海关总署|税务总局))/;
/** A ministry or national bureau written without a region: 工业和信息化部, 商务部, 海关总署, 民航局 under 中国. */
const MINISTRY = /(?<!(?:组织|宣传|统战|武装|政治工作|联络|政法|办公|工作))部$|总局$|总署$|^审计署$|^中国(?!人民)\S*(?:局|委员会|委)$/;
/** The central government's offices stationed in Hong Kong and Macau: the liaison offices, the foreign ministry's commissioners. */
const STATIONED_CENTRAL = /中联办|中央人民政府驻(?:香港|澳门)[^，。]*联络办|驻(?:香港|澳门|港|澳)(?:特别行政区|特区)?联络办|特派员公署/;
/** Hong Kong and Macau posts and bodies. */
const SAR = /特区|特别行政区|行政长官|特首|立法会|行政会议|行政会|政务司|财政司|律政司|经济财政司|行政法务司|社会文化司|运输工务司|保安司/;
/**
 * A bureau named by two portfolios joined by 及 (创新科技及工业局, 运输及物流局, 财经事务及库务局): Hong
 * Kong's and Macau's way of naming their bureaus (a mainland one joins them with 和: 住房和城乡建设局).
 */
const JOINED_BUREAU_NAME = '[\\u4e00-\\u9fff]{2,8}及[\\u4e00-\\u9fff]{2,8}[局署]';
const JOINED_BUREAU = new RegExp(`^${JOINED_BUREAU_NAME}$`);
/** Hong Kong's and Macau's own posts, before a bare bureau's in a list (sarListed). */
const SAR_POST = /行政长官|特首|政务司|财政司|律政司|经济财政司|行政法务司|社会文化司|运输工务司|保安司|特区政府/;
/** …or the head of a bureau of two portfolios (创新科技及工业局局长), which only Hong Kong and Macau name so. */
const JOINED_BUREAU_POST = new RegExp(`${JOINED_BUREAU_NAME}(?:副)?(?:局长|署长)`);
/** How far back in its paragraph a bare bureau's post looks for those posts. */
const SAR_LIST_NEAR = 300;
// (an acting post reads as the post: 代理省长, 代省长; and a post named with its charge: 主管副区长)
const LEVEL: [RegExp, PostLevel][] = [
  [/^(?:代理|主管|分管)?(省|自治区|副?省长|常务副省长|代省长|厅长|副厅长)/, 'province'],
  [/^(?:代理|主管|分管)?(市|副?市长|常务副市长|代市长)/, 'city'],
  [/^(?:代理|主管|分管)?(区|副?区长|常务副区长|代区长)/, 'district'],
  [/^(?:代理|主管|分管)?(县|旗|副?县长|常务副县长|代县长)/, 'county'],
];

/** The level of a chain's post, from its first unit (and the body it is written in, when known). */
export function postLevel(chain: TitleChain, normalized: string): PostLevel | undefined {
  const u = chain.units[0];
  if (!u) return undefined;
  // (China's name before its national body is no region: 中国国务院副总理)
  const unit = normalized.slice(u.start, u.end).replace(/^中国(?=国务院|中共中央|中央|全国|国家)/, '');
  const org = chain.orgStart !== undefined && chain.orgEnd !== undefined ? normalized.slice(chain.orgStart, chain.orgEnd) : '';
  if (SAR.test(unit) || SAR.test(org) || JOINED_BUREAU.test(org)) return 'sar';
  if (CENTRAL.test(unit) || CENTRAL.test(org) || (org && chain.orgType === 'government' && MINISTRY.test(org))) return 'central';
  // a national body written after 中国 (中国民航局党组书记: the place 中国, then the body)
  if (org && chain.orgStart! >= 2 && normalized.slice(chain.orgStart! - 2, chain.orgStart) === '中国') return 'central';
  for (const [re, level] of LEVEL) if (re.test(unit)) return level;
  if (/厅$/.test(org)) return 'province';
  return undefined;
}

/** How local a division is: a province 1, a city 2, a district or county 3. */
const LEVEL_RANK: Record<string, number> = { province: 1, city: 2, district: 3 };
const POST_RANK: Record<PostLevel, number> = { central: 0, sar: 0, province: 1, city: 2, district: 3, county: 3 };

/**
 * The most local level among a chain's links written without their region (省委常委、市委书记 → city):
 * the post the person holds in that place, as mostLocal reads a chain with its regions written. The
 * first link's level when no later link is more local.
 */
function localLevel(chain: TitleChain, normalized: string, first: PostLevel): PostLevel {
  let level = first;
  for (let k = 1; k < chain.units.length; k++) {
    const u = chain.units[k];
    const unit = normalized.slice(u.start, u.end);
    for (const [re, l] of LEVEL) {
      if (!re.test(unit)) continue;
      if (POST_RANK[l] > POST_RANK[level]) level = l;
      break;
    }
  }
  return level;
}

/**
 * A chain of posts at several levels has the most local one's region (江苏省委常委、南京市委书记 →
 * 南京; 市委副书记、张店区委书记 → 张店区): the post the person holds in that place. Undefined when
 * no unit writes a division's name.
 */
function mostLocal(chain: TitleChain): string | undefined {
  let best: string | undefined;
  let rank = 0;
  for (const u of chain.units) {
    if (!u.region) continue;
    const r = LEVEL_RANK[lookupPlace(u.region)?.level ?? ''] ?? 0;
    if (r >= rank && r > 0) {
      best = u.region;
      rank = r;
    }
  }
  return best;
}

/** 其 (its) as a word of its own: not 其中, 其他, 其实, 尤其, 极其, 与其. */
const ITS = /(?<![尤极与])其(?![中他它余实次间后])/;
/** Characters a sentence starts after. */
const SENTENCE_START_AFTER = /[。！？!?；;\n]/;
/** A province-level division that is a 省 (广东省), not an autonomous region (宁夏回族自治区) or a municipality. */
function isSheng(name: string): boolean {
  return /省$/.test(lookupPlace(name)?.full ?? '');
}
/** An autonomous region (内蒙古, 广西, 西藏, 宁夏, 新疆): its full name ends in 自治区. */
function isZizhiqu(name: string): boolean {
  return /自治区$/.test(lookupPlace(name)?.full ?? '');
}
/** Province-level names no 自治区 post belongs to, as lead()'s skip. */
const NOT_A_ZIZHIQU = { test: (r: string): boolean => !isZizhiqu(r) };
/** Province-level names no 省 post belongs to, as lead()'s skip: the SARs, Taiwan and every non-省. */
const NOT_A_SHENG = { test: (r: string): boolean => NOT_A_PROVINCE.test(r) || !isSheng(r) };

/** A visit's verb after its holder's name: the place after it is where they go. */
const VISIT_VERB = /(?:带队|率队|率团|一行)?(?:拜访了?|拜会了?|考察了?|走访了?|访问了?|来到|前往|赴|抵达|到访)/g;
/** A Han character's code unit. */
const isHanCode = (c: number): boolean => c >= 0x4e00 && c <= 0x9fff;
/** Between two chains of a list: the first one's holder's name and a list's mark. */
const LISTED_AFTER = /^[\u4e00-\u9fff·]{2,4}[，,、；;][ \t]*$/;
/** Posts one person holds at a time in a region: two chains of them side by side are two regions'. */
const SINGLE_HOLDER = /^(?:市长|省长|县长|区长|州长|旗长|镇长|乡长|书记|市委书记|省委书记|县委书记|区委书记|主席|行政长官)$/;
/** The end of a sentence between a place and a post. */
const SENTENCE_END = /[。！？!?；;]/;
/** A visiting party, in the sentence its arrival is written in (考察团, 代表团一行, 一行). */
const DELEGATION = '(?:考察团|代表团|访问团|调研组|考察组|一行)(?:一行)?';
/** A delegation that came to the article's own place (考察团，考察我市, 代表团一行来我县, 一行莅临我区). */
const GUESTS_TO_US = new RegExp(`${DELEGATION}[，,]?(?:来到|来|到|抵达|莅临|考察|调研|访问)(?:了)?我(?:市|县|区|省|州|镇)`, 'g');
/** A delegation arriving: 率…考察团来…考察, 代表团一行抵达, 一行到我市, 率党政考察团，考察我市. */
const GUESTS_ARRIVE = new RegExp(`${DELEGATION}(?:[^，,。]{0,3}(?:来|到|抵|赴)(?!自)|[，,]?(?:考察|莅临|莅)(?:了)?(?:我|本))`);

/** A town's or township's post written without its name: 镇党委书记, 乡长, 镇人大主席. */
const TOWN_POST = /^(?:镇|乡)/;
/** A town's name after a clause's start, a date or a conjunction: 板浦镇召开…, 8月23日，板浦镇…, 和新坝镇 */
const TOWN_NAME = /(^|[\n，。；：,;:、\s日和与及])((?:(?![在和与及由同的了是为对向从将把被])[\u4e00-\u9fff]){2,3}?)(镇|乡)(?=[\u4e00-\u9fff])/g;
/** A town named anywhere (在石桥镇，, 来到七都镇): after a mark, a visit's verb or a conjunction. */
const TOWN_MENTION = /(?<=^|[^\u4e00-\u9fff]|[在到赴往和与及、])((?:(?![在到赴往和与及由同的了是为对向从将把被])[\u4e00-\u9fff]){2,3}?)(镇|乡)(?![长政党人纪])/g;
/** How far back in its paragraph a bare town post looks for the town named before it. */
const TOWN_NEAR = 200;
/** A town written right after its county (射阳县盘湾镇, 米脂县龙镇: one to three characters then). */
const COUNTY_TOWN = /(?<=[县区旗市])((?:(?![在和与及由同的了是为对向从将把被])[\u4e00-\u9fff]){1,3}?)(镇|乡)/g;
/** Words before 镇/乡 that name no town (城乡, 各乡镇, 全镇, 我镇). */
const NOT_A_TOWN = /^(?:城|乡|全|各|该|本|每|小|集|重|城关|村|县|区|市|省|特色|中心)$|[各全该本每城我县区市省]$/;

/** Regions of the article by level, counted once on first use. */
export class ArticleRegion {
  private tallies: Record<PostLevel, Map<string, number>> | undefined;
  /** `normalized` is the article normalised for matching; `spans` its final spans. */
  constructor(
    private readonly spans: RichSpan[],
    private readonly normalized: string,
    private readonly home?: HomeRegion,
  ) {}

  private nameMask: Uint8Array | undefined;
  /** Non-zero inside people's names: a place read there is a name's piece (大庆 of 徐大庆), no mention. */
  private inName(): Uint8Array {
    if (!this.nameMask) {
      this.nameMask = new Uint8Array(this.normalized.length);
      for (const sp of this.spans) if (sp.type === 'person') this.nameMask.fill(1, sp.start, sp.end);
    }
    return this.nameMask;
  }

  /**
   * The region of an official's chain: as written, else (for a post whose level the chain shows) the
   * section's region at that level, else the article's; central posts → 中央.
   */
  of(chain: TitleChain, section?: Region): string | undefined {
    // the central government's offices in Hong Kong and Macau (香港中联办, 外交部驻港特派员公署): central posts
    const org = chain.orgStart !== undefined && chain.orgEnd !== undefined ? this.normalized.slice(chain.orgStart, chain.orgEnd) : '';
    if (STATIONED_CENTRAL.test(this.normalized.slice(chain.start, chain.end)) || STATIONED_CENTRAL.test(org)) return '中央';
    // (China's own national posts written with its name, 中国外交部长, 中国国务院副总理: central posts)
    if (chain.region) {
      const r = mostLocal(chain) ?? chain.region;
      return r === '中国' ? '中央' : r;
    }
    const level = postLevel(chain, this.normalized);
    // a central post and a region's after it (中共中央政治局委员、省委书记俞正声): the region the person leads
    if (level === 'central' && chain.units.length > 1) {
      const local = localLevel(chain, this.normalized, level);
      if (local !== 'central' && local !== 'sar') {
        const r = this.atLevel(chain, local, section);
        if (r) return r;
      }
    }
    // (a ministry in a Taiwan report is Taiwan's: 经济部主任秘书)
    if (level === 'central') return !CENTRAL.test(this.normalized.slice(chain.start, chain.end)) && this.ownBody(chain) === '台湾' ? '台湾' : '中央';
    if (level === 'sar') {
      const written = /澳门/.test(this.normalized.slice(chain.start, chain.end)) ? '澳门' : /香港/.test(this.normalized.slice(chain.start, chain.end)) ? '香港' : undefined;
      return written ?? this.sar();
    }
    // a town's post written bare (镇党委书记, 乡长): the one town the article names
    if (!level && TOWN_POST.test(this.normalized.slice(chain.units[0]?.start ?? chain.start, chain.end))) {
      const town = this.town() ?? this.townBefore(chain.start);
      if (town) return town;
    }
    if (!level) return this.succeeds(chain) ?? section?.name ?? this.ownBody(chain) ?? this.sarListed(chain);
    return this.atLevel(chain, localLevel(chain, this.normalized, level), section);
  }

  /** The region of a chain written without its region, for a post at `level`. */
  private atLevel(chain: TitleChain, level: PostLevel, section?: Region): string | undefined {
    // Hong Kong and Macau have no provincial party committee or governor: a 省委/省长 post is never theirs
    // …and a post written with 省 (省领导, 省委书记) is a 省's, not an autonomous region's or a municipality's
    const sheng = level === 'province' && /^(?:代理)?省/.test(this.normalized.slice(chain.units[0]?.start ?? chain.start, chain.end));
    // …and one written with 自治区 (自治区党委书记, 自治区主席) an autonomous region's, whatever provinces the article names more
    const zizhiqu = level === 'province' && /^(?:代理)?自治区/.test(this.normalized.slice(chain.units[0]?.start ?? chain.start, chain.end));
    const fits = (r: string | undefined) => (r !== undefined && !(level === 'province' && NOT_A_PROVINCE.test(r)) && !(sheng && !isSheng(r)) && !(zizhiqu && !isZizhiqu(r)) ? r : undefined);
    // the region of that level named last before the post in the same line (臺北市：市長郝龍斌，…新北市：市長朱立倫),
    // unless the post's own section heading comes after it
    // 其 before the post (浙江省与江西省接壤，其现任省委书记为…): the sentence's subject, its first place
    // (and the posts after it in the sentence: …，现任的省长为王浩), unless a place is named after 其
    const nearHit = this.nearest(level, chain.start, section?.headingStart ?? -1);
    const sinceNear = this.normalized.slice(nearHit ? nearHit.end : Math.max(0, chain.start - NEAR_CHARS), chain.start);
    const its = ITS.test(sinceNear) && !SENTENCE_END.test(sinceNear.slice(sinceNear.search(ITS))) ? fits(this.subject(level, chain.start)) : undefined;
    if (its) return its;
    const twin = this.twinBefore(chain);
    const near = nearHit?.name !== undefined && nearHit.name === twin ? undefined : fits(nearHit?.name);
    const localHome = this.home && !NATIONAL_OUTLET.test(this.home.evidence) ? fits(this.homeAt(level)) : undefined;
    // a local paper's bare post in a later sentence than the other place it named is its own place's
    // (乌兰察布市委书记…率团到我市考察。市委书记邢国辉… in 张家口日报): the place named in the same
    // sentence is the post's (…市委书记王学丰、市长陶淑菊)
    if (near && localHome && near !== localHome && SENTENCE_END.test(this.normalized.slice(nearHit!.end, chain.start))) return localHome;
    // …and so are the bare posts after a sentence in which that place's delegation arrives (长治市…率长治市
    // 党政考察团来潍考察。市委书记杜昌文…陪同): the hosts', the article's other place of that level
    if (near && nearHit && this.guestsArrive(nearHit.end, chain.start)) {
      let host = localHome ?? fits(this.lead(level, undefined, { test: (r: string) => r === near || ancestors(r).includes(near) || ancestors(near).includes(r) }));
      // (a county-level city inside a city the article names too: the bare 市委 is the outer city's —
      // 寿光 is written with its posts, 寿光市委书记)
      const outer = host && !localHome ? ancestors(host).find((a) => (this.tallies![level].get(a) ?? 0) > 0) : undefined;
      if (outer) host = outer;
      if (host) return host;
    }
    if (near) return near;
    if (section) {
      const p = lookupPlace(section.name);
      if (p && levelOf(p) === level && fits(section.name)) return section.name;
    }
    if (section) {
      // a city post in a province's section: the article's city of that province
      const inside = this.lead(level, section.name);
      if (inside) return inside;
    }
    // the article's own outlet or local dateline (马鞍山日报, 本报讯) says whose 市领导 these are; a
    // national agency's dateline (新华社北京…电) says only where it was filed
    const home = fits(this.homeAt(level));
    if (home && !NATIONAL_OUTLET.test(this.home!.evidence)) return home;
    // (never the place the holder is visiting: 市委副书记、市长宋军继带队拜访了北京市海淀区政府 — a delegation's
    // posts are its own city's, whichever the article names more)
    const visited = this.visited(chain);
    const skipBase = level === 'province' ? (sheng ? NOT_A_SHENG : zizhiqu ? NOT_A_ZIZHIQU : NOT_A_PROVINCE) : undefined;
    const skip = visited.size ? { test: (r: string): boolean => visited.has(r) || !!skipBase?.test(r) } : skipBase;
    // a local paper whose guests' delegation came to 我市 (开封市委书记…率党政考察团，考察我市): a bare post
    // in a later sentence is the host's, never the guests' place
    if (!visited.size && !this.visitorRegion.has(level)) {
      const guests = this.guestRegions();
      if (guests.size) {
        const host = fits(this.lead(level, undefined, { test: (r: string) => guests.has(r) || ancestors(r).some((a) => guests.has(a)) || !!skipBase?.test(r) }));
        if (host && !this.guestSentenceHolds(chain.start)) return host;
      }
    }
    const led = fits(this.lead(level, undefined, skip));
    // …and the visitors' other bare posts at that level later in the article are the same city's
    // (市委常委、副市长张旋宇 in the list of those present): the reader keeps the delegation's side, where
    // the visit changed the reading (the place visited is the one the article names most)
    if (visited.size && led) {
      const plain = fits(this.lead(level, undefined, skipBase));
      if (plain && plain !== led && !this.visitorRegion.has(level)) this.visitorRegion.set(level, led);
    } else if (this.visitorRegion.has(level)) return fits(this.visitorRegion.get(level));
    return led ?? home;
  }

  private guests: { regions: Set<string>; spans: [number, number][] } | undefined;
  /**
   * The regions of delegations that came to the article's own place (…率党政考察团，考察我市; …代表团一行
   * 来我县): the places named in that sentence before the arrival. Empty where no such sentence is.
   */
  private guestRegions(): Set<string> {
    if (!this.guests) {
      const regions = new Set<string>();
      const spans: [number, number][] = [];
      const t = this.normalized;
      const lx = lexicons();
      GUESTS_TO_US.lastIndex = 0;
      for (let m = GUESTS_TO_US.exec(t); m; m = GUESTS_TO_US.exec(t)) {
        const start = sentenceStartWithin(t, m.index, 2 * NEAR_CHARS);
        spans.push([start, m.index + m[0].length]);
        for (let k = start; k < m.index; k++) {
          if (lx.places.first[t.charCodeAt(k)] === 0) continue;
          const hit = lx.places.longest(t, k, m.index);
          if (!hit) continue;
          if (levelOf(hit[1])) regions.add(hit[1].name);
          k = hit[0] - 1;
        }
      }
      this.guests = { regions, spans };
    }
    return this.guests.regions;
  }
  /** `pos` lies in a sentence where the guests arrive (their own posts are read there). */
  private guestSentenceHolds(pos: number): boolean {
    return !!this.guests?.spans.some(([a, b]) => pos >= a && pos < b);
  }

  /**
   * The sentence holding `placeEnd` has a delegation arrive (率…考察团来…, 代表团一行抵达…), and `pos`
   * lies in a later sentence.
   */
  private guestsArrive(placeEnd: number, pos: number): boolean {
    const t = this.normalized;
    const between = t.slice(placeEnd, pos);
    const stop = between.search(SENTENCE_END);
    if (stop < 0) return false;
    return GUESTS_ARRIVE.test(t.slice(sentenceStartWithin(t, placeEnd, NEAR_CHARS), placeEnd + stop));
  }

  /**
   * Where the article names several towns: the one town its paragraph names before `pos` (在石桥镇，
   * …。镇党委书记李强汇报: 石桥镇's), the visit's town the paragraph is about.
   */
  private townBefore(pos: number): string | undefined {
    const from = lineStartWithin(this.normalized, pos, TOWN_NEAR);
    const t = this.normalized.slice(from, pos);
    const named = new Set<string>();
    TOWN_MENTION.lastIndex = 0;
    for (let m = TOWN_MENTION.exec(t); m; m = TOWN_MENTION.exec(t)) if (!NOT_A_TOWN.test(m[1])) named.add(m[1] + m[2]);
    // (two towns in the paragraph, 板浦镇和新坝镇召开会议: whose post it is is not known)
    return named.size === 1 ? [...named][0] : undefined;
  }

  private townCache: string | null | undefined;
  /**
   * The one town or township the article names (板浦镇召开…会议), read from the text: two or three
   * characters and 镇 or 乡 after a clause's start. None when it names none or several.
   */
  private town(): string | undefined {
    if (this.townCache === undefined) {
      const found = new Set<string>();
      TOWN_NAME.lastIndex = 0;
      for (let m = TOWN_NAME.exec(this.normalized); m && found.size < 2; m = TOWN_NAME.exec(this.normalized)) {
        if (!NOT_A_TOWN.test(m[2])) found.add(m[2] + m[3]);
      }
      // (the county before it a division the lexicon knows: 射阳县, not 全县 or 该区)
      COUNTY_TOWN.lastIndex = 0;
      for (let m = COUNTY_TOWN.exec(this.normalized); m && found.size < 2; m = COUNTY_TOWN.exec(this.normalized)) {
        if (NOT_A_TOWN.test(m[1]) || found.has(m[1] + m[2])) continue;
        const county = [4, 3, 2].map((n) => this.normalized.slice(Math.max(0, m!.index - n), m!.index)).find((w) => w.length > 1 && lookupPlace(w));
        if (county) found.add(m[1] + m[2]);
      }
      this.townCache = found.size === 1 ? [...found][0] : null;
    }
    return this.townCache ?? undefined;
  }

  /**
   * The place at `level` named last before `pos` on the same line (and at or after `after`), at most
   * NEAR_CHARS before it: read from the text itself, so a region inside a body's name counts too
   * (中共山西省第九届委员会…选举张宝顺为省委书记).
   */
  private nearest(level: PostLevel, pos: number, after: number): { name: string; end: number } | undefined {
    const t = this.normalized;
    const lx = lexicons();
    const from = Math.max(after, lineStartWithin(t, pos, NEAR_CHARS));
    let best: { name: string; end: number } | undefined;
    const inName = this.inName();
    for (let k = from; k < pos; k++) {
      if (lx.places.first[t.charCodeAt(k)] === 0 || inName[k] !== 0) continue;
      const hit = lx.places.longest(t, k, pos);
      if (!hit) continue;
      const p = hit[1];
      const l = levelOf(p);
      if (l === level || (level === 'city' && l === 'province' && /市$/.test(p.full))) best = { name: p.name, end: hit[0] };
      k = hit[0] - 1;
    }
    return best;
  }

  /** The first place at `level` in the sentence before `pos` (its subject, as 其 refers to it). */
  private subject(level: PostLevel, pos: number): string | undefined {
    const t = this.normalized;
    let from = pos;
    while (from > 0 && pos - from < NEAR_CHARS && !SENTENCE_START_AFTER.test(t[from - 1])) from--;
    const lx = lexicons();
    for (let k = from; k < pos; k++) {
      if (lx.places.first[t.charCodeAt(k)] === 0) continue;
      const hit = lx.places.longest(t, k, pos);
      if (!hit) continue;
      const l = levelOf(hit[1]);
      if (l === level || (level === 'city' && l === 'province' && /市$/.test(hit[1].full))) return hit[1].name;
      k = hit[0] - 1;
    }
    return undefined;
  }

  /**
   * A bare post taking over a post just named (马飚辞去广西壮族自治区主席职务，陈武任代理主席): the region of
   * the last chain before it on the same line, at most NEAR_CHARS back, whose post is the same
   * (代理/代 aside) and whose region is written.
   */
  private succeeds(chain: TitleChain): string | undefined {
    const core = bareCore(chain);
    if (!core) return undefined;
    const posts = (this.posts ??= this.spans
      .filter((sp) => sp.chain?.region && sp.chain.units.length && sp.type === 'title' && sp.end === sp.chain.end)
      .map((sp) => ({ start: sp.chain!.start, core: bareCore(sp.chain!), region: sp.chain!.region! })));
    // the last post starting before this chain (posts are in text order)
    let lo = 0;
    let hi = posts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (posts[mid].start < chain.start) lo = mid + 1;
      else hi = mid;
    }
    const from = lineStartWithin(this.normalized, chain.start, NEAR_CHARS);
    for (let k = lo - 1; k >= 0 && posts[k].start >= from; k--) {
      if (posts[k].core === core) return posts[k].region;
    }
    return undefined;
  }
  private posts: { start: number; core: string | undefined; region: string }[] | undefined;
  /** The region of a visiting delegation's bare posts, by level, once one was read (atLevel). */
  private readonly visitorRegion = new Map<PostLevel, string>();

  /**
   * The places a post's holder goes to in its own sentence (…宋军继带队拜访了北京市海淀区政府: 海淀区 and
   * 北京), with the regions they lie in: a visit's destination is not the visitor's region.
   */
  private visited(chain: TitleChain): Set<string> {
    const out = new Set<string>();
    const t = this.normalized;
    let end = chain.end;
    while (end < t.length && end - chain.end < NEAR_CHARS && !SENTENCE_END.test(t[end]) && t[end] !== '\n') end++;
    VISIT_VERB.lastIndex = 0;
    const after = t.slice(chain.end, end);
    const m = VISIT_VERB.exec(after);
    if (!m) return out;
    const lx = lexicons();
    const from = chain.end + m.index + m[0].length;
    for (let k = from; k < end && k < from + 12; k++) {
      if (lx.places.first[t.charCodeAt(k)] === 0) continue;
      const hit = lx.places.longest(t, k, end);
      if (!hit) continue;
      // (a place the holder goes to, written as one: 北京市, 海淀区政府 — not a body named after the
      // holder's own city, 拜访了宁波旅港同乡会)
      const word = t.slice(k, hit[0]);
      const next = t.charCodeAt(hit[0]);
      if (/[省市区县州旗镇乡]$/.test(word) || !isHanCode(next) || /^(?:政府|市委|区委|县委|省委|党委)/.test(t.slice(hit[0], hit[0] + 2))) {
        out.add(hit[1].name);
        for (const a of ancestors(hit[1].name)) out.add(a);
      }
      k = hit[0] - 1;
    }
    return out;
  }

  /**
   * The region of a chain just before this one in the same sentence that holds the very same posts
   * with a head's post among them, its region written (镇江市委副书记、市长张叶飞，市委副书记、市长李毅): a
   * city has one mayor, so the bare chain is another region's.
   */
  private twinBefore(chain: TitleChain): string | undefined {
    const cores = chain.units.map((u) => u.core).join('、');
    if (!chain.units.some((u) => SINGLE_HOLDER.test(u.core))) return undefined;
    const from = Math.max(lineStartWithin(this.normalized, chain.start, NEAR_CHARS), 0);
    let found: string | undefined;
    // (the spans are sorted by start: only those of the line's window, found by bisection)
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.spans[mid].start < from) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo; k < this.spans.length; k++) {
      const sp = this.spans[k];
      const c = sp.chain;
      if (sp.start >= chain.start) break;
      if (!c || c === chain || c.start < from || c.end > chain.start || !c.region || sp.type !== 'title' || sp.end !== c.end) continue;
      // (side by side in a list: only the first holder's name between them — not a succession,
      // 李斌辞去安徽省省长职务，王学军任代理省长)
      if (!LISTED_AFTER.test(this.normalized.slice(c.end, chain.start))) continue;
      found = c.units.map((u) => u.core).join('、') === cores ? c.region : undefined;
    }
    return found;
  }

  /** The home region, or the region it lies in, at `level`. */
  private homeAt(level: PostLevel): string | undefined {
    if (!this.home) return undefined;
    for (const name of [this.home.region, ...ancestors(this.home.region)]) {
      const p = lookupPlace(name);
      const l = p && levelOf(p);
      if (l === level || (level === 'city' && l === 'province' && p && /市$/.test(p.full))) return p!.name;
      // (Taiwan's counties are listed at a city's level: 彰化县 is a 县长's all the same)
      if (level === 'county' && p && /县$/.test(p.full) && p.parents.includes('台湾')) return p.name;
    }
    return undefined;
  }

  /**
   * A post in a body named without a region (发展局局长, 经济部主任秘书) in an article about Hong
   * Kong, Macau or Taiwan: theirs, when the article names that one more than the other two and at
   * least as often as any mainland province (a bare 商务局 in a mainland report stays without a region).
   */
  private ownBody(chain: TitleChain): string | undefined {
    if (chain.orgType !== 'government' && chain.orgType !== 'organization') return undefined;
    if (this.separate === undefined) {
      this.tallies ??= this.count();
      let mainland = 0;
      for (const [k, v] of this.tallies.province) if (!NOT_A_PROVINCE.test(k) && v > mainland) mainland = v;
      const c: [string, number][] = [
        ['香港', this.sarCount('香港')],
        ['澳门', this.sarCount('澳门')],
        ['台湾', this.tallies.province.get('台湾') ?? 0],
      ];
      c.sort((x, y) => y[1] - x[1]);
      this.separate = c[0][1] > 0 && c[0][1] > c[1][1] && c[0][1] >= mainland ? c[0][0] : null;
    }
    return this.separate ?? undefined;
  }
  private separate: string | null | undefined;

  /**
   * A bureau's post with no region listed after Hong Kong's or Macau's own posts in its paragraph
   * (政务司司长陈国基、…、发展局局长甯汉豪): that SAR's, whatever the article's other places.
   */
  private sarListed(chain: TitleChain): string | undefined {
    if (chain.orgType !== 'government' && chain.orgType !== 'organization') return undefined;
    const before = this.normalized.slice(lineStartWithin(this.normalized, chain.start, SAR_LIST_NEAR), chain.start);
    if (!SAR_POST.test(before) && !JOINED_BUREAU_POST.test(before)) return undefined;
    const hk = before.lastIndexOf('香港');
    const mo = before.lastIndexOf('澳门');
    return hk > mo ? '香港' : mo > hk ? '澳门' : this.sar();
  }

  /**
   * Hong Kong or Macau, whichever the article names more often: by name, and by the words a local
   * paper uses for its own city (本港, 港人, 港府; 本澳, 澳人), as a Hong Kong report on its Chief
   * Executive may name Macau's once and Hong Kong never.
   */
  private sar(): string | undefined {
    const hk = this.sarCount('香港'), mo = this.sarCount('澳门');
    return hk > mo ? '香港' : mo > hk ? '澳门' : undefined;
  }

  /** How often the article names Hong Kong or Macau, by name and by a local paper's words for it. Counted once. */
  private sarCount(which: '香港' | '澳门'): number {
    this.sarCounts ??= new Map();
    let n = this.sarCounts.get(which);
    if (n === undefined) {
      n = 0;
      for (const w of SAR_WORDS[which]) for (let i = this.normalized.indexOf(w); i >= 0; i = this.normalized.indexOf(w, i + w.length)) n++;
      this.sarCounts.set(which, n);
    }
    return n;
  }
  private sarCounts: Map<string, number> | undefined;

  /** The region at `level` the article points to (within `within`, when given), if one clearly leads. */
  private lead(level: PostLevel | 'sar', within?: string, skip?: { test(region: string): boolean }): string | undefined {
    this.tallies ??= this.count();
    const m = this.tallies[level === 'sar' ? 'sar' : level];
    let best: string | undefined;
    let bestN = 0;
    let second = 0;
    for (const [k, v] of m) {
      if (within && k !== within && !ancestors(k).includes(within)) continue;
      if (skip?.test(k)) continue;
      if (v > bestN) {
        second = bestN;
        bestN = v;
        best = k;
      } else if (v > second) second = v;
    }
    return bestN > second ? best : undefined;
  }

  /**
   * Every region the text names, by level: read from the text itself (a region inside a body's name
   * counts: 馬鞍山經開區; not one inside a company's), a region written in a title chain thrice, and the short forms
   * of districts and counties (秀屿 for 秀屿区), which are no place mentions but show whose district it is.
   */
  private count(): Record<PostLevel, Map<string, number>> {
    const t: Record<PostLevel, Map<string, number>> = { central: new Map(), sar: new Map(), province: new Map(), city: new Map(), district: new Map(), county: new Map() };
    const bump = (p: PlaceInfo, w: number, withAncestors = true) => {
      const own = levelOf(p);
      if (own) t[own].set(p.name, (t[own].get(p.name) ?? 0) + w);
      // 北京, 上海, 天津, 重庆 are cities too
      if (own === 'province' && /市$/.test(p.full)) t.city.set(p.name, (t.city.get(p.name) ?? 0) + w);
      // and every place counts for the regions it lies in
      if (withAncestors) for (const a of ancestors(p.name)) {
        const ap = lookupPlace(a);
        const al = ap && levelOf(ap);
        // (not at the place's own level: a county-level city's 市委 is its own, not its prefecture's)
        if (al && al !== own) t[al].set(a, (t[al].get(a) ?? 0) + w);
        if (al === 'province' && ap && /市$/.test(ap.full)) t.city.set(a, (t.city.get(a) ?? 0) + w);
      }
    };
    const text = this.normalized;
    // 1: in a title chain (counts thrice), 2: in a company's name (上海建工集团 says nothing of whose 市委书记)
    const mark = new Uint8Array(text.length);
    for (const sp of this.spans) {
      // (and a person's name: 大庆 of 徐大庆)
      if (sp.type === 'company' || sp.type === 'person') mark.fill(2, sp.start, sp.end);
      else if (sp.priority >= 95 && (sp.type === 'place' || sp.type === 'government')) mark.fill(1, sp.start, sp.end);
    }
    const places = lexicons().places;
    for (let i = 0; i < text.length; ) {
      if (places.first[text.charCodeAt(i)] === 0) {
        i++;
        continue;
      }
      const hit = places.longest(text, i);
      if (!hit) {
        i++;
        continue;
      }
      if (mark[i] !== 2) bump(hit[1], mark[i] === 1 ? 3 : 1);
      i = hit[0];
    }
    // (a short form is weak evidence, often an ordinary word: 资源 of 自然资源 for 资源县; it speaks
    // for its own county or district's posts only, never for the city or province around it)
    for (const [name, n] of countShortForms(text, this.inName())) {
      const p = lookupPlace(name);
      if (p) bump(p, n, false);
    }
    return t;
  }
}

/** The post level a place is the region of: provinces, cities (county-level cities too), districts, counties. */
function levelOf(p: PlaceInfo): PostLevel | undefined {
  if (p.level === 'province') return 'province';
  if (p.level === 'city') return 'city';
  if (p.level === 'district') {
    if (/市$/.test(p.full)) return 'city';
    if (/区$/.test(p.full)) return 'district';
    if (/(县|旗)$/.test(p.full)) return 'county';
  }
  return undefined;
}

/** Enclosing regions of a place, innermost first (its first parent each time). */
function ancestors(name: string): string[] {
  const out: string[] = [];
  let cur = lookupPlace(name);
  for (let k = 0; cur?.parents[0] && k < 4; k++) {
    const up = cur.parents[0];
    if (out.includes(up)) break;
    out.push(up);
    cur = lookupPlace(up);
  }
  return out;
}

/** The post of a chain's last unit, an acting post read as the post (代理主席 → 主席). */
function bareCore(chain: TitleChain): string | undefined {
  const core = chain.units[chain.units.length - 1]?.core;
  return core?.replace(/^代理?/, '');
}

/** Where the sentence holding `pos` starts (after a sentence's end or a line break), at most `max` back. */
function sentenceStartWithin(t: string, pos: number, max: number): number {
  let start = pos;
  while (start > 0 && pos - start < max && !SENTENCE_END.test(t[start - 1]) && t[start - 1] !== '\n') start--;
  return start;
}

/**
 * The start of `pos`'s line, or `pos - max` when the line starts further back: looked for only that
 * far, so a megabyte on one line costs no more than a short one.
 */
function lineStartWithin(t: string, pos: number, max: number): number {
  const floor = Math.max(0, pos - max);
  for (let j = pos - 1; j >= floor; j--) if (t.charCodeAt(j) === 10) return j + 1;
  return floor;
}
