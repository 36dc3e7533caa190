/** Lazily built lookup structures over the lexicon data. */
import { Trie } from '../trie';
import { PLACES_DATA } from './places.data';
import { NAME_STOP_WORDS } from './nameStops.data';
import { TAIWAN_PLACES_DATA } from './taiwanPlaces.data';
import { ASHARE_DATA } from '../knowledge/ashare.data';
import { ASHARE_NOT_COMPANIES } from './companies.data';
import { BRANDS } from './brands';
import {
  COUNTRIES_EXTRA, ECONOMIC_REGIONS, FOREIGN_CITIES, FOREIGN_STATES, WORLD_CITIES, WORLD_REGIONS, GOV_FIXED, ORG_FIXED, SURNAMES_COMPOUND, SURNAMES_SINGLE, TITLE_CORES,
  TITLE_MODIFIERS, TITLE_ORG_PREFIXES, AFTER_NAME, GOV_STEMS, PROVINCE_ABBR, TAIWAN_CITIES, LANDMARKS,
} from './words';

export type PlaceLevel = 'province' | 'city' | 'district' | 'country' | 'foreign-city' | 'region' | 'landmark';

export interface PlaceInfo {
  /** Canonical name: 北京, 广州, 朝阳区. */
  name: string;
  level: PlaceLevel;
  /** Canonical names of possible enclosing regions (duplicates like 朝阳区 have several). */
  parents: string[];
  /** Official full name: 北京市, 广州市. */
  full: string;
}

export interface CompanyInfo {
  name: string;
  source: 'a-share' | 'brand';
  code?: string;
  area?: string;
  industry?: string;
}

export interface Lexicons {
  places: Trie<PlaceInfo>;
  placeByName: Map<string, PlaceInfo>;
  companies: Trie<CompanyInfo>;
  companyByName: Map<string, CompanyInfo>;
  govFixed: Trie<string>;
  orgFixed: Trie<string>;
  titleCores: Trie<string>;
  titleModifiers: Trie<string>;
  titlePrefixes: Trie<string>;
  afterName: Trie<string>;
  govStems: Trie<string>;
  surnames: Set<number>;
  /** Two-character words that start with a surname character but begin no name (关注, 尚未): nameStops.data.ts. */
  nameStops: Set<string>;
  compoundSurnames: Set<string>;
}

let cache: Lexicons | undefined;

/** Short forms of district-less cities that are common words or names (孙中山, 中山路). */
const CITY_SHORT_STOP = new Set(['中山']);

const COUNTRY_STOP = new Set(['中非', '多哥', '马里', '乍得', '汤加', '关岛', '圣诞岛', '中国']);

export function lexicons(): Lexicons {
  if (cache) return cache;
  const places = new Trie<PlaceInfo>();
  const placeByName = new Map<string, PlaceInfo>();
  // GB/T 2260's divisions, then Taiwan's municipalities, cities and counties (taiwanPlaces.data.ts)
  for (const line of `${PLACES_DATA}\n${TAIWAN_PLACES_DATA}`.split('\n')) {
    const [name, level, parent, full, flag] = line.split('|');
    if (!name) continue;
    // an everyday word as well (大同, 长治): looked up by name, matched in text only written in full
    const fullOnly = flag === 'full-only';
    // (a two-character county, 萧县: looked up by name, never matched in text)
    const nameOnly = flag === 'name-only';
    if (level === 'country' && COUNTRY_STOP.has(name)) continue;
    let info = placeByName.get(name);
    // prefecture-level cities without districts are listed as 东莞市 under the province: 东莞 is a city
    if (!info && level === 'district' && name.endsWith('市') && name.length >= 3 && parent && placeByName.get(parent)?.level === 'province' && !CITY_SHORT_STOP.has(name.slice(0, -1))) {
      const short = name.slice(0, -1);
      if (!placeByName.has(short)) {
        info = { name: short, level: 'city', parents: [parent], full: name };
        placeByName.set(short, info);
        places.set(short, info);
        places.set(name, info);
        continue;
      }
    }
    if (info) {
      if (parent && !info.parents.includes(parent)) info.parents.push(parent);
    } else {
      info = { name, level: level as PlaceLevel, parents: parent ? [parent] : [], full: full || name };
      placeByName.set(name, info);
      if (!fullOnly && !nameOnly) places.set(name, info);
    }
    if (nameOnly) continue;
    if (full && full !== name && !places.has(full)) places.set(full, info);
    if (full && full !== name && !placeByName.has(full)) placeByName.set(full, info);
  }
  // a Taiwan county is also known without 县 (苗栗 for 苗栗县) where no city has that name (新竹 is the city)
  for (const line of TAIWAN_PLACES_DATA.split('\n')) {
    const name = line.split('|')[0];
    const info = placeByName.get(name);
    if (!info || !name.endsWith('县')) continue;
    const stem = name.slice(0, -1);
    if (stem.length >= 2 && !placeByName.has(stem)) {
      placeByName.set(stem, info);
      places.set(stem, info);
    }
  }
  for (const c of TAIWAN_CITIES) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'city', parents: ['台湾'], full: c + '市' };
      placeByName.set(c, info);
      places.set(c, info);
      places.set(c + '市', info);
    }
  }
  for (const c of FOREIGN_CITIES) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'foreign-city', parents: [], full: c };
      placeByName.set(c, info);
      places.set(c, info);
    }
  }
  for (const c of WORLD_CITIES) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'foreign-city', parents: [], full: c };
      placeByName.set(c, info);
      places.set(c, info);
    }
  }
  for (const c of WORLD_REGIONS) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'region', parents: [], full: c };
      placeByName.set(c, info);
      places.set(c, info);
    }
  }
  for (const c of FOREIGN_STATES) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'region', parents: [], full: c };
      placeByName.set(c, info);
      places.set(c, info);
    }
  }
  for (const c of COUNTRIES_EXTRA) {
    if (!placeByName.has(c)) {
      const info: PlaceInfo = { name: c, level: 'country', parents: [], full: c };
      placeByName.set(c, info);
      places.set(c, info);
    }
  }
  for (const [name, province] of Object.entries(LANDMARKS)) {
    if (!placeByName.has(name)) {
      const info: PlaceInfo = { name, level: 'landmark', parents: [province], full: name };
      placeByName.set(name, info);
      places.set(name, info);
    }
  }
  for (const r of ECONOMIC_REGIONS) {
    if (!placeByName.has(r)) {
      const info: PlaceInfo = { name: r, level: r === '中国' ? 'country' : 'region', parents: [], full: r };
      placeByName.set(r, info);
      places.set(r, info);
    }
  }
  // 中华人民共和国 is 中国 written in full; 中华 (振兴中华) names it too
  const china = placeByName.get('中国');
  if (china) {
    china.full = '中华人民共和国';
    places.set('中华人民共和国', china);
    if (!places.has('中华')) places.set('中华', china);
  }
  for (const [abbr, region] of Object.entries(PROVINCE_ABBR)) void abbr, void region;

  const companies = new Trie<CompanyInfo>();
  const companyByName = new Map<string, CompanyInfo>();
  // the A-share table ships once, in the knowledge base; the lexicon leaves out the short names
  // that are place names or ordinary words (companies.data.ts)
  // (nor the listed media the organizations' list names: 新华网 reports, it is not written as a company)
  const notCompanies = new Set([...ASHARE_NOT_COMPANIES.split('|'), ...ORG_FIXED]);
  for (const line of ASHARE_DATA.split('\n')) {
    const [name, code, area, industry] = line.split('|');
    if (!name || notCompanies.has(name)) continue;
    const info: CompanyInfo = { name, source: 'a-share', code, area, industry };
    companies.set(name, info);
    companyByName.set(name, info);
  }
  for (const b of BRANDS) {
    if (!companyByName.has(b)) {
      const info: CompanyInfo = { name: b, source: 'brand' };
      companies.set(b, info);
      companyByName.set(b, info);
    }
  }
  const mk = (words: string[]) => {
    const t = new Trie<string>();
    for (const w of words) t.set(w, w);
    return t;
  };
  const surnames = new Set<number>();
  for (const ch of SURNAMES_SINGLE) surnames.add(ch.charCodeAt(0));
  cache = {
    places, placeByName, companies, companyByName,
    govFixed: mk(GOV_FIXED), orgFixed: mk(ORG_FIXED), titleCores: mk(TITLE_CORES), titleModifiers: mk(TITLE_MODIFIERS),
    titlePrefixes: mk(TITLE_ORG_PREFIXES), afterName: mk(AFTER_NAME), govStems: mk(GOV_STEMS),
    surnames, compoundSurnames: new Set(SURNAMES_COMPOUND),
    nameStops: new Set(NAME_STOP_WORDS.match(/../g) ?? []),
  };
  return cache;
}

/** Canonical place info by any of its names (北京市 → 北京). */
export function lookupPlace(name: string): PlaceInfo | undefined {
  const lx = lexicons();
  return lx.placeByName.get(name) ?? lx.places.get(name);
}
