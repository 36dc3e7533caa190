/**
 * The forms one company or body name takes in an article, as pure string rules over normalised
 * names: a company's core and legal form (珠海华发集团 = 珠海华发 + 集团), a body's shorter forms
 * without its region or parent (海南省台办 → 省台办, 国务院国资委 → 国资委), a body's abbreviation
 * (发改委 of 发展和改革委员会). The aliases stage (rules/aliases.ts) finds the short forms in the text;
 * the aliases step (analysis/aliases.ts) joins the forms into entities.
 */
import { lexicons } from '../lexicon';

/** Which forms of one company name are the same company (see compatibleForms). */
export type FormClass = 'bare' | 'group' | 'share' | 'groupShare' | 'plain' | 'branch';

/** Legal forms, longest first, with their class. */
const LEGAL_FORMS: Array<[string, FormClass]> = [
  ['集团股份有限公司', 'groupShare'], ['集团股份公司', 'groupShare'], ['控股集团有限公司', 'group'], ['集团有限责任公司', 'group'], ['集团有限公司', 'group'], ['控股集团', 'group'], ['集团公司', 'group'], ['集团', 'group'],
  ['股份有限公司', 'share'], ['股份公司', 'share'], ['股份', 'share'], ['控股有限公司', 'plain'], ['有限责任公司', 'plain'], ['有限公司', 'plain'], ['控股', 'plain'], ['公司', 'plain'],
];
const BRACKET_RE = /\([^()]{1,8}\)/g;
const BRANCH_RE = /(分公司|分行|支行|办事处|代表处)$/;

/** A company form's core (the name without its legal form and bracketed region) and the form's class. */
export function companyCore(key: string): { core: string; cls: FormClass } {
  if (BRANCH_RE.test(key)) return { core: key, cls: 'branch' };
  const t = key.replace(BRACKET_RE, '');
  for (const [suf, cls] of LEGAL_FORMS) if (t.length > suf.length + 1 && t.endsWith(suf)) return { core: t.slice(0, -suf.length), cls };
  return { core: t, cls: 'bare' };
}

/**
 * Whether two forms of one core name one company. A group (集团) is one company with its bare name
 * only: its 股份 company is its listed subsidiary, its 控股/有限公司 companies are subsidiaries too;
 * and a listed short name (the A-share lexicon: 中国石油) names the listed company, not the group of
 * the same words (中国石油集团). A branch is its own company. A group whose legal name is its
 * 股份 company (福耀玻璃工业集团股份有限公司) is one company with every form of its name.
 */
export function compatibleForms(a: FormClass, b: FormClass, aListed: boolean, bListed: boolean): boolean {
  if (a === 'branch' || b === 'branch') return false;
  // a group that is itself the listed company (X集团股份有限公司) goes by its group form and by its
  // listed short name alike
  if (a === 'groupShare' || b === 'groupShare') return true;
  if (a === 'group' || b === 'group') {
    const other = a === 'group' ? b : a;
    const otherListed = a === 'group' ? bListed : aListed;
    return other === 'group' || (other === 'bare' && !otherListed);
  }
  if ((a === 'share' && b === 'plain') || (a === 'plain' && b === 'share')) return false;
  return true;
}

/** Length of the longest place name (province, city, district, country) at `from` in `s`, or 0. */
export function placePrefix(s: string, from = 0): number {
  const hit = lexicons().places.longest(s, from);
  if (!hit) return 0;
  const lv = hit[1].level;
  return lv === 'province' || lv === 'city' || lv === 'district' || lv === 'country' || lv === 'foreign-city' ? hit[0] - from : 0;
}

/**
 * A state-owned builder named by its bureau (中建三局, 中铁十八局, 中交一公局, 水利水电第八工程局): a
 * company, though 局 ends its name.
 */
export const BUREAU_COMPANY = /^中[\u4e00-\u9fff]{1,2}[一二三四五六七八九十]+(?:公|航)?局(集团)?$|工程局(集团)?$/;

/** A unit inside a company: a department, an office, a division, a region of its business (东区, 华东区, 信息化管理部). */
export const COMPANY_UNIT = /^[\u4e00-\u9fffA-Za-z]{0,10}(?:部|办公室|中心|处|室|事业部|事业群|分部|[东西南北中]区|大区|区域)$/;

/** Parent bodies written before a body's own name (国务院国资委, 中央气象署, 中共中央宣传部). */
const PARENTS = ['国务院', '中共中央', '中央', '中共'];
const LEVEL_CHARS = '省市区县州';
const SAR = new Set(['香港', '澳门']);

/**
 * Body keys compare with 特别行政区 as 特区 and without 特区 after a region (香港特别行政区政府 =
 * 香港特区政府 = 香港政府; 香港特区立法会 = 香港立法会).
 */
const TERM = /([省市区县州])第?[一二三四五六七八九十]{1,3}届(?=人大|政协)/;

export function bodyKey(key: string): string {
  // a region's 人民政府 is its 政府 (黄石市人民政府 ↔ 市政府)
  if (key.endsWith('人民政府')) key = key.slice(0, -4) + '政府';
  // …and Taiwan's 县府, 市府 its 县政府, 市政府 (彰化县府 ↔ 彰化县政府 ↔ 县府)
  else if (key.endsWith('县府') || key.endsWith('市府')) key = key.slice(0, -1) + '政府';
  // a congress's or a CPPCC's term is no part of its name (省十届人大常委会 ↔ 省人大常委会)
  if (key.includes('届')) key = key.replace(TERM, '$1').replace(NATIONAL_TERM, '');
  // 人民代表大会 is written 人大, 政治协商会议 政协 (全国人民代表大会 ↔ 全国人大)
  if (key.includes('人民代表大会')) key = key.replace('人民代表大会', '人大');
  if (key.includes('政治协商会议')) key = key.replace('政治协商会议', '政协');
  // a district's or county's level written twice before its committee (海淀区区委 ↔ 海淀区委)
  key = key.replace(DOUBLED_LEVEL, '$1$2$3');
  if (!key.includes('特')) return key;
  const k = key.replace(/特别行政区/g, '特区');
  // (a SAR's council written with 特区 alone is the council: 特区立法会 ↔ 立法会)
  if (SAR_COUNCIL.test(k)) return k.slice(2);
  const p = placePrefix(k);
  return p && k.startsWith('特区', p) ? k.slice(0, p) + k.slice(p + 2) : k;
}
/** A national congress's or CPPCC's term before it (十四届全国人大 ↔ 全国人大). */
const NATIONAL_TERM = /^第?[一二三四五六七八九十]{1,3}届(?=全国人大|全国政协)/;
const DOUBLED_LEVEL = /^(.{1,6}?)([区县])\2(委|政府|人大|政协)/;
const SAR_COUNCIL = /^特区(?:立法会|行政会议?|终审法院)$/;

/**
 * The body's name with a province's or city's full name at its start made short (西藏自治区红十字会 →
 * 西藏红十字会), not before its committee or government (广东省委), or undefined.
 */
function shortRegionBefore(key: string): string | undefined {
  const hit = lexicons().places.longest(key, 0);
  if (!hit || (hit[1].level !== 'province' && hit[1].level !== 'city')) return undefined;
  const written = key.slice(0, hit[0]);
  const short = hit[1].name;
  const rest = key.slice(hit[0]);
  if (written === short || !written.startsWith(short) || rest.length < 3 || /^[委政人党纪监]/.test(rest)) return undefined;
  return short + rest;
}

/**
 * The shorter names a body (its bodyKey) is also written as: without its parent and region, the
 * level kept (海南省台办 → 省台办; 天津北方网 → 北方网; 国务院国资委 → 国资委), and without 特区 too
 * (澳门政府代表团, the bodyKey of 澳门特别行政区政府代表团 → 政府代表团, 特区政府代表团). At least three characters (立法会), or a level
 * and 委 (市委): a bare 商会 or 政府 could be any.
 */
export function bodyShortForms(key: string): string[] {
  const out: string[] = [];
  // (the region's short name for its full one: 西藏自治区红十字会 → 西藏红十字会)
  const shortRegion = shortRegionBefore(key);
  if (shortRegion) out.push(shortRegion);
  // (a body's office written with and without 驻: 驻吉隆坡经贸办 → 吉隆坡经贸办)
  if (key.startsWith('驻') && key.length >= 5) out.push(key.slice(1));
  // (a party committee or a CPPCC named by its term: 中国共产党鞍山市第十一届委员会 → 中共鞍山市委;
  // 中国人民政治协商会议第十届山东省委员会 → 政协第十届山东省委员会, 山东省政协)
  const term = TERM_COMMITTEE.exec(key);
  if (term) {
    if (term[1]) out.push('中共' + term[3] + '委');
    else out.push('政协' + term[2] + term[3] + '委员会', term[3] + '政协');
  }
  let at = 0;
  const parent = PARENTS.find((w) => key.startsWith(w));
  if (parent) {
    at = parent.length;
    out.push(key.slice(at));
  }
  // (each place of a nested region in turn: 浙江省嘉兴市委 → 嘉兴市委 → 市委)
  for (let p = placePrefix(key, at), guard = 0; p && guard < 3; p = innerPlace(key, at), guard++) {
    at += p;
    // the level stays with the body: 海南省台办 → 省台办
    if (LEVEL_CHARS.includes(key[at - 1]) && p > 2) out.push(key.slice(at - 1));
    out.push(key.slice(at));
    // a special administrative region's bodies are written with 特区 for the region too (特区政府)
    if (SAR.has(key.slice(at - p, at))) out.push('特区' + key.slice(at));
  }
  return out.filter((f) => f.length >= 3 || (f.length === 2 && LEVEL_CHARS.includes(f[0]) && f[1] === '委'));
}

/** A committee named by its term: the party's (中国共产党X市第N届委员会) or a CPPCC's (中国人民政治协商会议第N届X省委员会). */
const TERM_COMMITTEE = /^(?:(中国共产党|中共)|中国人民政治协商会议)(第[一二三四五六七八九十百0-9]+届)?([\u4e00-\u9fff]{2,12}?[省市县区州])(?:第[一二三四五六七八九十百0-9]+届)?委员会$/;

/** A city's or district's name at `from`, inside the region before it (嘉兴 of 浙江省嘉兴市委; not 浙江 of 上海市浙江商会). */
function innerPlace(s: string, from: number): number {
  const hit = lexicons().places.longest(s, from);
  return hit && (hit[1].level === 'city' || hit[1].level === 'district') ? hit[0] - from : 0;
}

/** 委员会 → 委 and 和 dropped (国家发展和改革委员会 → 国家发展改革委): the form abbreviations are read from. */
function longForm(key: string): string {
  return key.replace(/委员会$/, '委').replace(/办公室$/, '办').replace(/和/g, '');
}

/**
 * `short` abbreviates `long` (both normalised): its characters appear in order in longForm(long),
 * with the same first and last character, and at least two characters of the long form left out
 * (发改委 in 发展改革委, 工信部 in 工业信息化部; not 公安局 in 公安分局).
 */
export function abbreviates(short: string, long: string): boolean {
  if (short.length < 3) return false;
  // (a national body's 国家 may be left out too: 发改委 of 国家发展改革委)
  if (long.startsWith('国家') && !short.startsWith('国') && abbreviates(short, long.slice(2))) return true;
  // (…and 委员会 may end an abbreviation as 会: 美中贸委会 of 美中贸易全国委员会)
  if (long.endsWith('委员会') && short.endsWith('会') && abbreviatesIn(short, long.replace(/和/g, ''), long)) return true;
  return abbreviatesIn(short, longForm(long), long);
}

function abbreviatesIn(short: string, l: string, long: string): boolean {
  // (two characters left out of the name as written; 委员会 → 委 and 办公室 → 办 count: 省侨办 of 省侨务办公室)
  if (long.length < short.length + 2 || l.length <= short.length || l[0] !== short[0] || l[l.length - 1] !== short[short.length - 1]) return false;
  let k = 0;
  for (let i = 0; i < l.length && k < short.length; i++) if (l[i] === short[k]) k++;
  return k === short.length;
}
