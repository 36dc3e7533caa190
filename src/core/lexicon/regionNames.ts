/**
 * Region names as readers write them in lead lines and section labels: the lexicon's names, and the
 * short forms of divisions whose canonical name keeps its suffix (海淀 for 海淀区, 浦东 for 浦东新区,
 * 黄石 for 黄石市, 岐山 for 岐山县), derived by rule from the GB/T 2260 names: the suffix is cut off
 * where what remains (at least two characters) names no other place and is the stem of exactly one
 * division, itself in one place. 长安区 (石家庄, 西安) and 新华区 (several cities) have no short
 * form: ambiguous.
 *
 * These short forms are for region labels and comparisons only (sections, grouping,
 * regionHierarchy.lookup), never for recognising places in running text, where 海淀 or 长寿 could be
 * any word.
 */
import { lexicons, lookupPlace, type PlaceInfo } from './index';
import { Trie } from '../trie';
import { SHORT_FORM_WORDS } from './shortFormWords.data';

// the suffix of a county-level or prefecture-level name: (民族)自治县/旗, 新区, 林区, 特区, 区, 县, 旗, 市, 地区, 盟
const SUFFIX = /^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,6}族)*自治(?:县|旗)|新区|林区|特区|地区|区|县|旗|市|盟)$/;
// 开发区, 园区, 管理区 …: zones, not divisions a reader shortens
const ZONE = /(开发|园|管理|示范|实验|试验|合作|保税|工业|风景|旅游|经济|高新|矿)区$|市辖区$/;

let shortForms: Map<string, PlaceInfo> | undefined;
let shortFormTrie: Trie<PlaceInfo> | undefined;

function buildShortForms(): Map<string, PlaceInfo> {
  const lx = lexicons();
  const byStem = new Map<string, PlaceInfo[]>();
  const seen = new Set<PlaceInfo>();
  for (const info of lx.placeByName.values()) {
    if (seen.has(info)) continue;
    seen.add(info);
    if (info.level !== 'city' && info.level !== 'district') continue;
    if (ZONE.test(info.name)) continue;
    const m = SUFFIX.exec(info.name);
    if (!m) continue;
    const stem = m[1];
    let list = byStem.get(stem);
    if (!list) byStem.set(stem, (list = []));
    if (!list.includes(info)) list.push(info);
  }
  const out = new Map<string, PlaceInfo>();
  ambiguous = new Map();
  for (const [stem, list] of byStem) {
    if (lookupPlace(stem)) continue;
    // one division of that name in one place: 长安区 is a district of both 石家庄 and 西安
    if (list.length !== 1 || list[0].parents.length > 1) {
      ambiguous.set(stem, list);
      continue;
    }
    out.set(stem, list[0]);
  }
  return out;
}
let ambiguous: Map<string, PlaceInfo[]> | undefined;

/**
 * The divisions a short form may name when it names several (宝山: 上海's 宝山区 and 双鸭山's): for a
 * label whose siblings say which (金山 / 宝山 / 青浦, all 上海's). Empty when it names one or none.
 */
export function shortFormCandidates(name: string): readonly PlaceInfo[] {
  if (typeof name !== 'string' || name.length < 2) return [];
  shortForms ??= buildShortForms();
  return ambiguous!.get(name) ?? [];
}

/** The derived short form's division (海淀 → 海淀区), if the name is one. */
export function shortFormPlace(name: string): PlaceInfo | undefined {
  if (typeof name !== 'string' || name.length < 2) return undefined;
  shortForms ??= buildShortForms();
  return shortForms.get(name);
}

/**
 * A region by the name a label gives it: the lexicon's name or full name (北京, 北京市, 海淀区), a
 * derived short form (海淀), or a name with its level written out (江苏省, 广西壮族自治区).
 */
export function lookupRegion(name: string): PlaceInfo | undefined {
  if (typeof name !== 'string' || !name) return undefined;
  return (
    lookupPlace(name) ??
    shortFormPlace(name) ??
    lookupPlace(name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, '')) ??
    undefined
  );
}

/**
 * How often each derived short form occurs in `normalized` (秀屿 in 为秀屿经济高质量发展), by its
 * division's canonical name: evidence of the article's own county or district for a post written
 * without one (区委书记), never a place mention. One walk of the text. `inName`, where given, is
 * non-zero inside people's names: no short form is read there.
 */
const everydayWords = new Set(SHORT_FORM_WORDS.split('|'));

export function countShortForms(normalized: string, inName?: Uint8Array): Map<string, number> {
  const out = new Map<string, number>();
  if (typeof normalized !== 'string') return out;
  shortForms ??= buildShortForms();
  if (!shortFormTrie) {
    shortFormTrie = new Trie<PlaceInfo>();
    for (const [k, v] of shortForms) shortFormTrie.set(k, v);
  }
  const places = lexicons().places;
  for (let i = 0; i < normalized.length; ) {
    // a place the lexicon names in full is read whole: 江口 inside 丹江口 is no short form of 江口县
    const full = places.first[normalized.charCodeAt(i)] !== 0 ? places.longest(normalized, i) : undefined;
    const hit = shortFormTrie.longest(normalized, i);
    if (full && (!hit || full[0] >= hit[0])) {
      i = full[0];
      continue;
    }
    if (!hit) {
      i++;
      continue;
    }
    // an everyday word (共同富裕: 富裕 of 富裕县; 光明, 和平) is no evidence of a county
    // …nor one inside a person's name (卫东 of 张卫东 for 卫东区)
    if (!everydayWords.has(normalized.slice(i, hit[0])) && !(inName && inName[i] !== 0)) out.set(hit[1].name, (out.get(hit[1].name) ?? 0) + 1);
    i = hit[0];
  }
  return out;
}
