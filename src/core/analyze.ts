/**
 * Article analysis: sections by region, entities with titles/aliases/regions, relations.
 * Pure and deterministic; never throws (errors become warnings).
 */
import type {
  Analysis, AnalyzeOptions, Entity, EntityType, Mention, PersonRole, Region, RegionLevel, Relation, Sentence, TitleInfo,
} from './types';
import { recognize, MODEL_MAX_CHARS, type RichSpan, type TitleChain } from './recognize';
import { lexicons, lookupPlace, type PlaceInfo } from './lexicon';
import { MEET_VERBS } from './lexicon/words';
import { normalizeForMatching } from './normalize';

export const MAX_ANALYZE_CHARS = 2_000_000;

// ---------- sections ----------
const SECTION_PATTERNS: RegExp[] = [
  /^[ \t]*\*\*[ \t]*([^*\n]{1,16}?)[ \t]*[：:]?[ \t]*\*\*[ \t]*[：:]?/gm, // **北京：**
  /^[ \t]*#{1,6}[ \t]+([^\n#]{1,16}?)[ \t]*#*[ \t]*$/gm, // ## 北京
  /^[ \t]*【([^】\n]{1,16})】/gm, // 【北京】
  /^[ \t]*([^\s：:*#【】，。,]{2,10})[：:]/gm, // 北京：
];

function regionLevel(p: PlaceInfo): RegionLevel {
  if (p.level === 'province') return 'province';
  if (p.level === 'city') return 'city';
  if (p.level === 'district') return 'district';
  return 'other';
}

function placeFromMarker(label: string): PlaceInfo | undefined {
  const t = normalizeForMatching(label.trim()).replace(/[：:\s]+$/, '');
  const p = lookupPlace(t);
  if (p) return p;
  const stripped = t.replace(/(特别行政区|自治区|省|市|地区)$/, '');
  return lookupPlace(stripped);
}

export function findRegions(text: string): Region[] {
  const found: { start: number; end: number; place: PlaceInfo }[] = [];
  // code units covered by accepted markers (markers are short), so the overlap test stays linear
  let covered: Uint8Array | undefined;
  for (const re of SECTION_PATTERNS) {
    re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const place = placeFromMarker(m[1]);
      if (!place) continue;
      const start = m.index + (m[0].length - m[0].trimStart().length);
      const end = m.index + m[0].length;
      if (start < end) {
        if (covered) {
          let hit = false;
          for (let k = start; k < end && !hit; k++) if (covered[k]) hit = true;
          if (hit) continue;
        }
      } else if (found.some((f) => f.start < end && start < f.end)) continue;
      found.push({ start, end, place });
      if (start < end) (covered ??= new Uint8Array(text.length)).fill(1, start, end);
    }
  }
  found.sort((a, b) => a.start - b.start);
  const regions: Region[] = [];
  const used = new Map<string, number>();
  for (let i = 0; i < found.length; i++) {
    const f = found[i];
    const k = (used.get(f.place.name) ?? 0) + 1;
    used.set(f.place.name, k);
    regions.push({
      id: k === 1 ? `region:${f.place.name}` : `region:${f.place.name}#${k}`,
      name: f.place.name,
      level: regionLevel(f.place),
      parent: f.place.parents[0],
      headingStart: f.start,
      headingEnd: f.end,
      start: f.start,
      end: i + 1 < found.length ? found[i + 1].start : text.length,
      entityIds: [],
    });
  }
  return regions;
}

// ---------- sentences ----------
/** Code units String.prototype.trim removes (WhiteSpace and LineTerminator). */
const TRIM_WS = (() => {
  const t = new Uint8Array(65536);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) t[c] = 1;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 1;
  return t;
})();
/** Same as text.slice(a, b).trim() !== '' without the copy. */
function hasContent(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (TRIM_WS[text.charCodeAt(i)] === 0) return true;
  return false;
}
const CLOSERS = (() => {
  const t = new Uint8Array(65536);
  for (const ch of '”’」』）)*') t[ch.charCodeAt(0)] = 1;
  return t;
})();

export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let cut = -1;
    if (c === 0x0a) cut = i;
    // 。 ！ ？ ! ? ；
    else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b) {
      cut = i + 1;
      // closing quotes belong to the sentence
      while (cut < n && CLOSERS[text.charCodeAt(cut)] === 1) cut++;
      i = cut - 1;
    }
    if (cut >= 0) {
      if (hasContent(text, start, cut)) out.push({ start, end: cut });
      start = c === 0x0a ? i + 1 : cut;
    }
  }
  if (start < n && hasContent(text, start, n)) out.push({ start, end: n });
  return out;
}

function indexAt(items: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid];
    if (offset < it.start) hi = mid - 1;
    else if (offset >= it.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(items.length - 1, lo - 1));
}

// ---------- titles ----------
const REGION_HEAD_CORES = /^(副|常务副|代)?(市长|省长|区长|县长|州长)$/;

function regionFull(region: string): string {
  const p = lookupPlace(region);
  return p?.full ?? region;
}

export function titleInfo(chain: TitleChain, region: string | undefined, organization: string | undefined, text: string): TitleInfo {
  const parts: string[] = [];
  let cursor = chain.start;
  for (const u of chain.units) {
    if (u.start > cursor) parts.push(text.slice(cursor, u.start));
    let full = text.slice(u.start, u.end);
    if (!u.region && region && !organization) {
      const t = normalizeForMatching(full);
      if (REGION_HEAD_CORES.test(t)) full = regionFull(region) + full;
      else if (/^[市省区县州]/.test(t)) full = region + full;
    }
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

// ---------- entities ----------
const ROLE_RANK: Record<PersonRole, number> = { official: 3, business: 2, other: 1 };

interface Builder {
  entity: Entity;
  firstOffset: number;
}

export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  const warnings: string[] = [];
  if (typeof text !== 'string') text = String(text ?? '');
  let src = text;
  if (src.length > MAX_ANALYZE_CHARS) {
    warnings.push(`text truncated for analysis at ${MAX_ANALYZE_CHARS} characters`);
    src = src.slice(0, MAX_ANALYZE_CHARS);
  }
  const result: Analysis = { length: text.length, entities: [], mentions: [], regions: [], relations: [], sentences: [], warnings };
  try {
    build(src, result, options);
  } catch (e) {
    warnings.push(`analysis incomplete: ${(e as Error)?.message ?? String(e)}`);
  }
  return result;
}

function applyUserLexicon(text: string, spans: RichSpan[], options?: AnalyzeOptions): RichSpan[] {
  const entries = options?.userLexicon?.entries;
  if (!entries?.length) return spans;
  const extra: RichSpan[] = [];
  const drop = new Set<string>();
  for (const e of entries) {
    if (!e || typeof e.text !== 'string' || !e.text) continue;
    if (e.type === 'none') {
      drop.add(e.text);
      continue;
    }
    let from = 0;
    for (let guard = 0; guard < 10000; guard++) {
      const i = text.indexOf(e.text, from);
      if (i < 0) break;
      extra.push({ type: e.type, start: i, end: i + e.text.length, text: e.text, priority: 200, source: 'lexicon', aliasOf: e.aliasOf });
      from = i + e.text.length;
    }
  }
  const all = [...extra, ...spans.filter((s) => !drop.has(s.text))];
  all.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: RichSpan[] = [];
  const occupied = new Uint8Array(text.length);
  for (const s of all) {
    let ok = true;
    for (let i = s.start; i < s.end; i++) if (occupied[i]) ok = false;
    if (!ok) continue;
    for (let i = s.start; i < s.end; i++) occupied[i] = 1;
    taken.push(s);
  }
  return taken.sort((a, b) => a.start - b.start);
}

function build(text: string, result: Analysis, options?: AnalyzeOptions): void {
  const regions = findRegions(text);
  result.regions = regions;
  const sentences = splitSentences(text);
  result.sentences = sentences;
  let spans = recognize(text, { useModel: options?.useModel });
  if (text.length > MODEL_MAX_CHARS && options?.useModel !== false) result.warnings.push(`statistical model skipped: text longer than ${MODEL_MAX_CHARS} characters (rules only)`);
  spans = applyUserLexicon(text, spans, options);
  // spans inside section markers are still mentions (the heading names the region)

  const regionAt = (off: number): Region | undefined => {
    if (!regions.length || off < regions[0].start) return undefined;
    return regions[indexAt(regions, off)];
  };
  const sentenceAt = (off: number): number => (sentences.length ? indexAt(sentences, off) : 0);

  // company canonicalisation: legal names and their short forms
  // keys are normalised (simplified, half-width) so traditional and simplified forms meet
  const N = (t: string) => normalizeForMatching(t);
  const companyKey = new Map<string, string>(); // normalised surface → legal name as written
  for (const sp of spans) {
    if (sp.type === 'company' && sp.legal) {
      const legal = sp.text;
      if (!companyKey.has(N(legal))) companyKey.set(N(legal), legal);
      for (const a of sp.aliases ?? []) if (!companyKey.has(N(a))) companyKey.set(N(a), legal);
    }
  }
  for (const sp of spans) {
    if (sp.type === 'company' && sp.aliasOf && !companyKey.has(N(sp.text))) companyKey.set(N(sp.text), companyKey.get(N(sp.aliasOf)) ?? sp.aliasOf);
  }
  const canonicalCompany = (t: string): string => companyKey.get(N(t)) ?? t;

  const builders = new Map<string, Builder>();
  // per type, by normalised name: the same entity as looking up `${type}:${N(name)}`, without
  // building (and hashing) that key for every mention
  const byType = new Map<EntityType, Map<string, Builder>>();
  const getEntity = (type: EntityType, name: string, off: number): Entity => {
    const key = N(name);
    let m = byType.get(type);
    if (!m) byType.set(type, (m = new Map()));
    let b = m.get(key);
    if (!b) {
      const id = `${type}:${key}`;
      b = builders.get(id);
      if (!b) {
        b = { entity: { id, type, name, aliases: [], titles: [], sections: [], mentions: [] }, firstOffset: off };
        builders.set(id, b);
      }
      m.set(key, b);
    }
    return b.entity;
  };

  const lx = lexicons();
  // The article's own province and city, for 省委书记/市长 written without a region outside any
  // region section: the province (city) the article names most, when one clearly leads.
  let docRegions: { province?: string; city?: string } | undefined;
  const articleRegion = (chain: TitleChain, src: string): string | undefined => {
    const head = normalizeForMatching(src.slice(chain.units[0]?.start ?? chain.start, chain.units[0]?.end ?? chain.end));
    const level = /^省/.test(head) || /^(副|常务副|代)?省长$/.test(head) ? 'province' : /^市/.test(head) || /^(副|常务副|代)?市长$/.test(head) ? 'city' : undefined;
    if (!level) return undefined;
    docRegions ??= articleRegions(spans);
    return docRegions[level];
  };
  const mentions: Mention[] = [];
  // membership sets beside the output arrays, so long documents stay linear
  const seen = new Map<Entity, { aliases: Set<string>; sections: Set<string>; titles: Set<string> }>();
  const seenOf = (e: Entity) => {
    let v = seen.get(e);
    if (!v) {
      v = { aliases: new Set(e.aliases), sections: new Set(e.sections), titles: new Set(e.titles.map((t) => t.inText)) };
      seen.set(e, v);
    }
    return v;
  };
  const regionEntities = new Map<Region, Set<string>>();
  for (const sp of spans) {
    const region = regionAt(sp.start);
    const sentence = sentenceAt(sp.start);
    let entity: Entity;
    if (sp.type === 'company') {
      entity = getEntity('company', canonicalCompany(sp.text), sp.start);
      const info = lx.companyByName.get(sp.text);
      if (info?.area && !entity.region) entity.region = lookupPlace(info.area)?.name ?? info.area;
    } else if (sp.type === 'place') {
      const p = sp.place ?? lookupPlace(normalizeForMatching(sp.text));
      entity = getEntity('place', p?.name ?? sp.text, sp.start);
      if (!entity.within) {
        const parents = p?.parents ?? [];
        const sectionName = region?.name;
        let within: string | undefined = sp.within;
        if (within) {
          // written with its region: 香港北部都会区
        } else if (parents.length) {
          within = parents.find((x) => x === sectionName || lookupPlace(x)?.parents.includes(sectionName ?? '')) ?? parents[0];
          // report the province-level parent for a district of a municipality, the city otherwise
        } else if (sectionName && (!p || (p.level !== 'province' && p.level !== 'country' && p.level !== 'foreign-city' && p.name !== sectionName))) {
          within = sectionName;
        }
        if (within && within !== entity.name) entity.within = within;
      }
      entity.region = entity.within ?? entity.name;
    } else if (sp.type === 'person') {
      entity = getEntity('person', sp.text, sp.start);
      const role = sp.role;
      if (role && (!entity.role || ROLE_RANK[role] > ROLE_RANK[entity.role])) entity.role = role;
      if (sp.chain) {
        const org = sp.chain.organization ? canonicalCompany(sp.chain.organization) : undefined;
        const isOfficial = sp.role === 'official';
        const reg = isOfficial ? sp.chain.region ?? region?.name ?? articleRegion(sp.chain, text) : undefined;
        // an official's post in a body (省科技厅党组成员) is a regional post, not a company's
        const inBody = sp.chain.orgType === 'government' || sp.chain.orgType === 'organization';
        const ti = titleInfo(sp.chain, reg, isOfficial && inBody ? undefined : org, text);
        const titleSet = seenOf(entity).titles;
        if (!titleSet.has(ti.inText)) {
          titleSet.add(ti.inText);
          entity.titles.push(ti);
        }
        if (isOfficial && reg && !entity.region) entity.region = reg;
        if (org && !entity.organization) entity.organization = org;
      }
    } else {
      entity = getEntity(sp.type, sp.text, sp.start);
      if ((sp.type === 'government' || sp.type === 'organization') && !entity.region) {
        const lead = lx.places.longest(normalizeForMatching(sp.text), 0);
        if (lead) entity.region = lead[1].name;
        else if (region) entity.region = region.name;
      }
    }
    const m: Mention = { entityId: entity.id, type: entity.type, start: sp.start, end: sp.end, text: sp.text, regionId: region?.id, sentence };
    entity.mentions.push(m);
    mentions.push(m);
    const es = seenOf(entity);
    if (sp.text !== entity.name && !es.aliases.has(sp.text)) {
      es.aliases.add(sp.text);
      entity.aliases.push(sp.text);
    }
    if (region) {
      if (!es.sections.has(region.id)) {
        es.sections.add(region.id);
        entity.sections.push(region.id);
      }
      let re = regionEntities.get(region);
      if (!re) regionEntities.set(region, (re = new Set(region.entityIds)));
      if (!re.has(entity.id)) {
        re.add(entity.id);
        region.entityIds.push(entity.id);
      }
    }
  }
  // people without a title chain on their first mention take the title of a later one
  const entities = [...builders.values()].sort((a, b) => a.firstOffset - b.firstOffset).map((b) => b.entity);
  for (const e of entities) {
    if (e.type === 'person' && !e.role) e.role = 'other';
  }
  // a place also written with its region in front (北部都会区 … 香港北部都会区) lies in that region
  const placeByKey = new Map<string, Entity>();
  for (const e of entities) if (e.type === 'place') placeByKey.set(N(e.name), e);
  for (const e of entities) {
    if (e.type !== 'place') continue;
    const key = N(e.name);
    const lead = lx.places.longest(key, 0);
    if (!lead || lead[0] > key.length - 2) continue;
    const info = lead[1];
    if (info.level !== 'province' && info.level !== 'city' && info.level !== 'district') continue;
    const rest = placeByKey.get(key.slice(lead[0]));
    if (rest && !rest.within && !lookupPlace(N(rest.name))) {
      rest.within = info.name;
      rest.region = info.name;
    }
    if (!e.within && !lookupPlace(key)) {
      e.within = info.name;
      e.region = info.name;
    }
  }
  result.entities = entities;
  result.mentions = mentions.sort((a, b) => a.start - b.start);
  result.relations = buildRelations(text, result);
}

/** The province and city an article names most (places in titles count thrice), if one clearly leads. */
function articleRegions(spans: RichSpan[]): { province?: string; city?: string } {
  const prov = new Map<string, number>();
  const city = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  for (const sp of spans) {
    if (sp.type !== 'place') continue;
    const p = sp.place ?? lookupPlace(normalizeForMatching(sp.text));
    if (!p) continue;
    const w = sp.priority >= 95 ? 3 : 1;
    if (p.level === 'province') {
      bump(prov, p.name, w);
      // 北京, 上海, 天津, 重庆: a 市 too
      if (/市$/.test(p.full)) bump(city, p.name, w);
    } else if (p.level === 'city' || p.level === 'district') {
      if (p.level === 'city') bump(city, p.name, w);
      let up = p.parents[0] ? lookupPlace(p.parents[0]) : undefined;
      for (let g = 0; up && up.level !== 'province' && g < 2; g++) up = up.parents[0] ? lookupPlace(up.parents[0]) : undefined;
      if (up) bump(prov, up.name, w);
    }
  }
  const lead = (m: Map<string, number>): string | undefined => {
    let best: string | undefined;
    let bestN = 0;
    let second = 0;
    for (const [k, v] of m) {
      if (v > bestN) {
        second = bestN;
        bestN = v;
        best = k;
      } else if (v > second) second = v;
    }
    return bestN > second ? best : undefined;
  };
  return { province: lead(prov), city: lead(city) };
}

// ---------- relations ----------
const MEET_RE = new RegExp(`(${MEET_VERBS.join('|')})`);
const PARTY_RE = /(一同|一起|陪同|一行|共同|参加|出席)/;
const PARTY_ONLY_RE = /^(?:[^，。]*?)(一行人?等?|随后|之后|其间|期间|先后)/;

function buildRelations(text: string, a: Analysis): Relation[] {
  const rel = new Map<string, Relation>();
  const addRel = (kind: Relation['kind'], from: string, to: string, sentence: number) => {
    if (from === to) return;
    const key = `${kind}|${from}|${to}`;
    const r = rel.get(key);
    if (r) {
      // sentences arrive in increasing order per key: only a smaller one needs the full search
      const last = r.sentences[r.sentences.length - 1];
      if (sentence > last || (sentence < last && !r.sentences.includes(sentence))) r.sentences.push(sentence);
    } else rel.set(key, { kind, from, to, sentences: [sentence] });
  };
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  // works-for
  for (const e of a.entities) {
    if (e.type === 'person' && e.organization) {
      const k = normalizeForMatching(e.organization);
      const org = byId.get(`company:${k}`) ?? byId.get(`organization:${k}`) ?? byId.get(`government:${k}`);
      if (org) addRel('works-for', e.id, org.id, e.mentions[0]?.sentence ?? 0);
    }
  }
  // per sentence groups
  const bySentence: (Mention[] | undefined)[] = new Array(a.sentences.length);
  for (const m of a.mentions) {
    const arr = bySentence[m.sentence];
    if (arr) arr.push(m);
    else bySentence[m.sentence] = [m];
  }
  const none: Mention[] = [];
  let party: string[] = [];
  let partySet = new Set<string>();
  let partyRegion: string | undefined = '\0';
  for (let si = 0; si < a.sentences.length; si++) {
    const ms = bySentence[si] ?? none;
    const s = a.sentences[si];
    const region = ms[0]?.regionId;
    const regionOfSentence = a.regions.length && s.start >= a.regions[0].start ? a.regions[indexAt(a.regions, s.start)].id : undefined;
    if (regionOfSentence !== partyRegion) {
      party = [];
      partySet = new Set();
      partyRegion = regionOfSentence;
    }
    void region;
    const officials = uniq(ms.filter((m) => m.type === 'person' && byId.get(m.entityId)?.role === 'official').map((m) => m.entityId));
    const targets = uniq(ms.filter((m) => m.type === 'company' || (m.type === 'person' && byId.get(m.entityId)?.role === 'business')).map((m) => m.entityId));
    // the sentence text is only needed when there is someone to relate
    // normalised (simplified, half-width), so 會見 and 會晤 in traditional text are meetings too
    const stext = officials.length || targets.length ? normalizeForMatching(text.slice(s.start, s.end)) : '';
    const meets = stext !== '' && MEET_RE.test(stext);
    if (officials.length && (meets || PARTY_RE.test(stext))) {
      for (const o of officials) {
        if (!partySet.has(o)) {
          partySet.add(o);
          party.push(o);
        }
      }
    }
    if (meets && targets.length) {
      const subjects = officials.length ? (PARTY_ONLY_RE.test(stext) ? uniq([...officials, ...party]) : officials) : party;
      for (const o of subjects) for (const t of targets) addRel('met', o, t, si);
    }
    // co-mentions between people and organisations
    const salient = uniq(ms.filter((m) => m.type === 'person' || m.type === 'company' || m.type === 'government' || m.type === 'organization').map((m) => m.entityId));
    if (salient.length <= 12) {
      for (let i = 0; i < salient.length; i++) for (let j = i + 1; j < salient.length; j++) addRel('co-mentioned', salient[i], salient[j], si);
    }
  }
  return [...rel.values()];
}

function uniq<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

/** The mention (and its entity) covering `offset`, if any. */
export function entityAt(analysis: Analysis, offset: number): { entity: Entity; mention: Mention } | undefined {
  const ms = analysis.mentions;
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else {
      const entity = analysis.entities.find((e) => e.id === m.entityId);
      return entity ? { entity, mention: m } : undefined;
    }
  }
  return undefined;
}
