/**
 * Titles in the analysis (part of step 5, entities): a title as the article states it and in full,
 * with the region spelled out (市委副书记、市长 → 北京市委副书记、北京市市长; 行政长官 → 香港特别行政区行政长官)
 * and a link that belongs to the body of the link before it written with that body (市委常委、秘书长 →
 * 镇江市委常委、镇江市委秘书长; 工业和信息化部党组书记、部长 → …、工业和信息化部部长). The region of a
 * post the chain does not write is postRegion.ts's.
 */
import type { TitleInfo } from '../types';
import { lexicons, lookupPlace } from '../lexicon';
import { normalizeForMatching } from '../normalize';
import type { TitleChain } from '../recognize';

export { ArticleRegion } from './postRegion';

const REGION_HEAD_CORES = /^(?:主管|分管)?(副|常务副|代理|代)?(市长|省长|区长|县长|州长|镇长|乡长|行政长官|特首|议长|秘书长|副秘书长|市长助理|省长助理|区长助理|县长助理)$/;
/** The head of the central government and the deputies, written without 国务院 (总理, 副总理). */
const PREMIER = /^(副)?总理$/;
const AUTONOMOUS_HEAD = /^(副|常务副|代理|代)?主席$/;
/** Links that are posts of a party committee when written after one (市委常委、秘书长, 统战部部长). */
const PARTY_LINK = /^(副?秘书长|组织部|宣传部|统战部|政法委|纪委|政策研究室|办公室|办公厅)/;
/** A government, congress, CPPCC, association or office written before a link's post, the last of them (济南市政府, 淄博市工商联, 浙江省人民政府驻上海办事处). */
const HELD_BODY = /^(.*(?:人民政府|政府|人大常委会|政协|工商联|总工会|妇联|科协|办事处|联络处|代表处))/;
/** Posts of such a body a later link names bare (办公厅主任, 副主席, 党组书记). */
const HELD_LINK = /^(?:副?主席|副?主任|常务副主任|副?秘书长|办公厅|办公室|党组(?:副)?书记|党组成员)/;
/** A development zone's party working committee in a link (孝感市高新区党工委): the zone, written in full. */
const ZONE_BODY = /^(.*?(?:开发区|高新区|经开区|新区|园区|科技园|工业园|合作区|试验区))(?:党工委|工委)/;
/** A zone's own administration a later link names bare (管委会主任, 管委会副主任). */
const ZONE_LINK = /^管委会/;
/** The body a link is written in: a region's party committee, or a named body before its post. */
const PARTY_BODY = /^(.*?[省市区县州]委)/;

/**
 * The region of `local` at the level a link's first character names: itself, or the city or
 * province that holds it (合肥 at 省 → 安徽; 张店区 at 市 → 淄博). `local` itself when it holds none.
 */
function regionAtLevel(local: string, levelChar: string): string {
  const want = levelChar === '省' ? 'province' : levelChar === '市' || levelChar === '州' ? 'city' : 'district';
  let p = lookupPlace(local);
  for (let k = 0; p && k < 3; k++) {
    // (a municipality is a city too, and so is a county-level city: 丹江口市 + 市领导)
    if (p.level === want || (want === 'city' && p.level !== 'city' && /市$/.test(p.full))) return p.name;
    // (a district or city is never the region of a higher link than its own level)
    if ((want === 'district' && p.level !== 'district') || p.parents.length !== 1) break;
    p = lookupPlace(p.parents[0]);
  }
  return local;
}

/** The prefecture-level city holding a county-level city (寿光 → 潍坊), if any. */
function outerCity(local: string): string | undefined {
  const p = lookupPlace(local);
  if (!p || p.level === 'city' || !/市$/.test(p.full) || p.parents.length !== 1) return undefined;
  const up = lookupPlace(p.parents[0]);
  return up && up.level === 'city' ? up.name : undefined;
}

function regionFull(region: string): string {
  const p = lookupPlace(region);
  return p?.full ?? region;
}

/**
 * A title chain as stated and in full. `normalized` is normalizeForMatching(text) when the caller
 * has it (analyze): the units are then read from it instead of being normalised one by one.
 */
export function titleInfo(chain: TitleChain, region: string | undefined, organization: string | undefined, text: string, normalized?: string): TitleInfo {
  const parts: string[] = [];
  let cursor = chain.start;
  // the body of the link before, as written in full: 镇江市委, 工业和信息化部
  let body: { zone?: string; party?: string; named?: string; held?: string } = {};
  const local = region && region !== '中央' && !organization ? region : undefined;
  // the ministry a chain written as 部党组成员、副部长 belongs to, when the article names one
  let ministry: string | undefined;
  for (let k = 0; k < chain.units.length; k++) {
    const u = chain.units[k];
    if (u.start > cursor) parts.push(text.slice(cursor, u.start));
    let full = text.slice(u.start, u.end);
    const t = normalized === undefined ? normalizeForMatching(full) : normalized.slice(u.start, u.end);
    if (k > 0 && !u.region && body.zone && ZONE_LINK.test(t)) full = body.zone + full; // 高新区党工委副书记、管委会主任
    else if (k > 0 && !u.region && body.party && PARTY_LINK.test(t)) full = body.party + full; // 市委常委、秘书长
    // a post of the government, congress, CPPCC or association the link before names (济南市政府副秘书长、
    // 办公厅主任 → 济南市政府办公厅主任; 淄博市工商联党组成员、副主席 → 淄博市工商联副主席)
    else if (k > 0 && !u.region && body.held && HELD_LINK.test(t)) full = body.held + full;
    else if (!u.region && local && REGION_HEAD_CORES.test(t)) full = regionFull(local) + full;
    // an autonomous region's head of government is its 主席 (广西 + 代理主席 → 广西壮族自治区代理主席)
    else if (!u.region && local && AUTONOMOUS_HEAD.test(t) && regionFull(local).endsWith('自治区')) full = regionFull(local) + full;
    else if (!u.region && local && /^[市省区县州镇乡]/.test(t)) {
      // 周宁县 + 县委 → 周宁县委; a link of a higher level than the chain's region takes the region
      // that holds it (合肥 + 省委常委 → 安徽省委常委, 张店区 + 市委副书记 → 淄博市委副书记)
      let at = regionAtLevel(local, t[0]);
      // (a county-level city another link writes out, 市委常委、寿光市委书记: the bare 市 link is the
      // city around it — the chain would not name 寿光 again for its own committee)
      if (at === local && t[0] === '市' && chain.units.some((o) => o !== u && o.region === local)) at = outerCity(local) ?? at;
      full = (at.endsWith(t[0]) ? at.slice(0, -1) : at) + full;
    }
    else if (!u.region && local && /^自治区/.test(t)) full = local + full; // 内蒙古 + 自治区党委书记
    else if (!u.region && local && /[镇乡]$/.test(local) && /^(?:党委|人大|纪委)/.test(t)) full = local + full; // 南雅镇 + 党委副书记
    // a region's own congress, CPPCC or government written bare after its committee's link
    // (自治区党委书记、人大常委会主任 → 内蒙古自治区人大常委会主任; 郊区委副书记、政府区长 → 郊区政府区长)
    else if (k > 0 && !u.region && local && LEVEL_BODY_LINK.test(t)) full = regionFull(local) + full;
    else if (!u.region && region === '中央' && !organization && !u.hasRegionalPrefix && PREMIER.test(t)) full = '国务院' + full; // 总理 → 国务院总理
    else if (k > 0 && !u.region && !u.hasRegionalPrefix && body.named && t === u.core) full = body.named + full; // 部党组书记、部长
    else if (k === 0 && !u.region && chain.orgStart === undefined && MINISTRY_LINK.test(t)) {
      // 部党组成员、副部长 in a ministry's own news: the one ministry the article names
      const m = articleMinistry(text, normalized ?? normalizeForMatching(text));
      if (m) {
        full = m + full.slice(1);
        ministry = m;
      }
    }
    const written = normalizeForMatching(full);
    const party = PARTY_BODY.exec(written.slice(0, Math.max(0, written.length - u.core.length)));
    // a named body before the post (工业和信息化部党组书记 → 工业和信息化部); not a plain region prefix
    const added = full.slice(0, full.length - (u.end - u.start)); // the region written in front, if any
    const named = chain.orgStart !== undefined && chain.orgEnd !== undefined && chain.orgType !== 'company' && k === 0 ? added + text.slice(chain.orgStart, chain.orgEnd) : undefined;
    const held = HELD_BODY.exec(written.slice(0, Math.max(0, written.length - u.core.length)));
    const zone = ZONE_BODY.exec(written);
    body = { zone: zone ? full.slice(0, zone[1].length) : body.zone, party: party ? full.slice(0, party[1].length) : body.party, named: named ?? (k === 0 ? ministry : undefined) ?? body.named, held: held ? full.slice(0, held[1].length) : body.held };
    parts.push(full);
    cursor = u.end;
  }
  return {
    inText: text.slice(chain.start, chain.end),
    full: parts.join(''),
    region: organization ? undefined : region,
    organization,
  };
}

/** A link opening with a region's own congress, CPPCC or government, its level unwritten. */
const LEVEL_BODY_LINK = /^(?:人大常委会|人大|政协|人民政府|政府)/;

/** A link that names its ministry only as 部 (部党组书记, 部长, 副部长, 部党组成员). */
const MINISTRY_LINK = /^部(?:党组|长|副部长|长助理)|^副部长$/;

const PARTY_DEPT = /(组织|宣传|统战|政法|武装|联络)部$/;

let ministryCache: { normalized: string; ministry: string | undefined } | undefined;
/**
 * The one ministry (a fixed government name ending in 部) the article names, as written; undefined
 * when it names none or several. Computed once per article (every chain of it asks the same).
 */
function articleMinistry(text: string, normalized: string): string | undefined {
  if (ministryCache?.normalized === normalized) return ministryCache.ministry;
  const lx = lexicons();
  const found = new Map<string, string>();
  // every 部 that ends a ministry's name: a fixed name (商务部) or a department stem (工业和信息化 + 部)
  for (let e = normalized.indexOf('部'); e >= 0 && found.size < 2; e = normalized.indexOf('部', e + 1)) {
    let start = -1;
    for (let L = 10; L >= 2 && start < 0; L--) {
      const a = e + 1 - L;
      if (a < 0) continue;
      if (lx.govFixed.getIn(normalized, a, e + 1) !== undefined || (L > 2 && lx.govStems.getIn(normalized, a, e) !== undefined)) start = a;
    }
    if (start < 0) continue;
    const name = normalized.slice(start, e + 1);
    // (a party's departments are no ministry: 组织部, 宣传部)
    if (!PARTY_DEPT.test(name) && !found.has(name)) found.set(name, text.slice(start, e + 1));
  }
  const ministry = found.size === 1 ? [...found.values()][0] : undefined;
  ministryCache = { normalized, ministry };
  return ministry;
}
