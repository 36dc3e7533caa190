/**
 * Step 5 of analyze(): entities and mentions from the spans. Each span becomes a mention of an
 * entity of its type and normalised name (traditional and simplified, full- and half-width forms
 * meet); companies under their legal name when the article wrote one (宁德时代 → 宁德时代新能源科技股份
 * 有限公司 when both appear), places under their lexicon name with the region they lie in, people
 * with their role, titles (titles.ts), region and organization; every entity with the sections it
 * is mentioned in, and every section with its entities.
 */
import { BUSINESS_ASSOCIATION, BUSINESS_CORES } from '../rules/roles';
import { isHan } from '../rules/charClasses';
import type { Entity, EntityType, Mention, PersonRole, Region, Sentence, HomeRegion, TitleInfo } from '../types';
import { lexicons, lookupPlace } from '../lexicon';
import { normalizeForMatching } from '../normalize';
import type { RichSpan, TitleChain } from '../recognize';
import { resolveAliases } from './aliases';
import { bodyKey, bodyShortForms, COMPANY_UNIT } from '../rules/orgForms';
import { indexAt } from './sentences';
import { ArticleRegion, titleInfo } from './titles';

const ROLE_RANK: Record<PersonRole, number> = { official: 3, business: 2, other: 1 };

interface Builder {
  entity: Entity;
  firstOffset: number;
}

export interface EntityInput {
  /** The analysed text, and the same normalised for matching (same length). */
  text: string;
  normalized: string;
  /** Final spans (recognizer and user lexicon), sorted by start, non-overlapping. */
  spans: RichSpan[];
  regions: Region[];
  sentences: Sentence[];
  /** The article's home region (dateline, source line), for posts written without their region. */
  home?: HomeRegion;
}

/**
 * Key of a name that is no span of the text (a lexicon name, a short form the recognizer derived):
 * normalised like the text, so it meets the keys read from the normalised text.
 */
const nameKey = (t: string) => normalizeForMatching(t);

/** Entities in order of first mention, and every mention (in span order). */
export function buildEntities(input: EntityInput): { entities: Entity[]; mentions: Mention[] } {
  const { text, normalized, spans, regions, sentences } = input;
  // the normalised text of a span (every span's text is text.slice(start, end))
  const keyOf = (sp: RichSpan) => normalized.slice(sp.start, sp.end);

  const regionById = new Map(regions.map((r) => [r.id, r]));
  const regionAt = (off: number): Region | undefined => {
    if (!regions.length || off < regions[0].start) return undefined;
    // a section may end before the next one opens (leads run together end with their paragraph):
    // past its end, the enclosing section, else none
    let r: Region | undefined = regions[indexAt(regions, off)];
    while (r && off >= r.end) r = r.parentId ? regionById.get(r.parentId) : undefined;
    return r;
  };
  const sentenceAt = (off: number): number => (sentences.length ? indexAt(sentences, off) : 0);

  // company canonicalisation: legal names and their short forms
  // keys are normalised (simplified, half-width) so traditional and simplified forms meet
  const companyKey = new Map<string, string>(); // normalised surface → legal name as written
  for (const sp of spans) {
    if (sp.type === 'company' && sp.legal) {
      const legal = sp.text;
      const key = keyOf(sp);
      if (!companyKey.has(key)) companyKey.set(key, legal);
      for (const a of sp.aliases ?? []) if (!companyKey.has(nameKey(a))) companyKey.set(nameKey(a), legal);
    }
  }
  for (const sp of spans) {
    if (sp.type === 'company' && sp.aliasOf && !companyKey.has(keyOf(sp))) companyKey.set(keyOf(sp), companyKey.get(nameKey(sp.aliasOf)) ?? sp.aliasOf);
  }
  // every company, government-body and organization mention's entity (aliases.ts); a company's name
  // by the key of any of its forms, for the organization of a title chain
  const aliasTargets = resolveAliases(spans, normalized, keyOf, nameKey);
  for (const [i, t] of aliasTargets) if (spans[i].type === 'company' && t.type === 'company') companyKey.set(keyOf(spans[i]), t.name);
  const canonicalCompany = (t: string, key: string): string => companyKey.get(key) ?? t;
  // the company a mention ends with, by its end: a department written right after it is its (below)
  const companyEndingAt = new Map<number, string>();
  for (const sp of spans) if (sp.type === 'company') companyEndingAt.set(sp.end, canonicalCompany(sp.text, keyOf(sp)));

  const builders = new Map<string, Builder>();
  // business people whose post names no company (ownCompany below)
  const companyless: { entity: Entity; title: TitleInfo; ref?: string; at: number; sentence: number | undefined }[] = [];
  // per type, by normalised name: the same entity as looking up `${type}:${key}`, without
  // building (and hashing) that key for every mention
  const byType = new Map<EntityType, Map<string, Builder>>();
  /** The entity of `type` named `name`, whose normalised form is `key`. */
  const getEntity = (type: EntityType, name: string, key: string, off: number): Entity => {
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
  const articleRegion = new ArticleRegion(spans, normalized, input.home);
  const mentions: Mention[] = [];
  // membership sets beside the output arrays, so long documents stay linear
  // (bareOfficial: the person is an official only by a bare post so far; regionStated: the region
  // came from a post that writes it, not from the article around a bare post)
  const seen = new Map<Entity, { aliases: Set<string>; sections: Set<string>; titles: Set<string>; bareOfficial?: boolean; regionStated?: boolean }>();
  const seenOf = (e: Entity) => {
    let v = seen.get(e);
    if (!v) {
      v = { aliases: new Set(e.aliases), sections: new Set(e.sections), titles: new Set(e.titles.map((t) => t.inText)) };
      seen.set(e, v);
    }
    return v;
  };
  const regionEntities = new Map<Region, Set<string>>();
  for (let si = 0; si < spans.length; si++) {
    const sp = spans[si];
    const region = regionAt(sp.start);
    const sentence = sentenceAt(sp.start);
    let entity: Entity;
    const alias = aliasTargets.get(si);
    if (alias) {
      entity = getEntity(alias.type, alias.name, alias.key, sp.start);
      if (alias.extraAliases) {
        const es = seenOf(entity);
        for (const a of alias.extraAliases) if (a !== entity.name && !es.aliases.has(a)) {
          es.aliases.add(a);
          entity.aliases.push(a);
        }
      }
      if (entity.type === 'company') {
        const info = lx.companyByName.get(sp.text);
        if (info?.area && !entity.region) entity.region = lookupPlace(info.area)?.name ?? info.area;
      } else if (!entity.region) {
        const lead = lx.places.longest(alias.key, 0);
        if (lead) entity.region = lead[1].name;
        else if (region) entity.region = region.name;
      }
    } else if (sp.type === 'company') {
      const spanKey = keyOf(sp);
      const name = canonicalCompany(sp.text, spanKey);
      entity = getEntity('company', name, name === sp.text ? spanKey : nameKey(name), sp.start);
      const info = lx.companyByName.get(sp.text);
      if (info?.area && !entity.region) entity.region = lookupPlace(info.area)?.name ?? info.area;
    } else if (sp.type === 'place') {
      const p = sp.place ?? lookupPlace(keyOf(sp));
      // (a place can come without a name: the country abbreviations' 波 has no entry)
      entity = p?.name != null ? getEntity('place', p.name, nameKey(p.name), sp.start) : getEntity('place', sp.text, keyOf(sp), sp.start);
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
      entity = getEntity('person', sp.text, keyOf(sp), sp.start);
      const role = sp.role;
      // a bare post (王文银主席, 书记) says less than a company's post (集团董事局主席王文银): a business
      // person stays one when elsewhere only a bare post is written with the name, and becomes one over it
      const bare = role === 'official' && isBarePost(sp.chain);
      const es0 = seenOf(entity);
      if (role === 'business' && sp.chain && entity.role === 'official' && es0.bareOfficial) {
        entity.role = 'business';
        es0.bareOfficial = false;
      } else if (bare && entity.role === 'business') {
        // keep the business role
      } else if (role && (!entity.role || ROLE_RANK[role] > ROLE_RANK[entity.role])) {
        entity.role = role;
        es0.bareOfficial = bare;
      } else if (role === 'official' && entity.role === 'official' && !bare) es0.bareOfficial = false;
      if (sp.chain) {
        // (a body's council or board, 澳門歐洲商會理事會, 律师事务所管理委员会: its members are the body's)
        const orgName = sp.chain.organization?.replace(OWN_COUNCIL, (w, _c, off: number) => (off >= 3 ? '' : w));
        let org = orgName ? canonicalCompany(orgName, nameKey(orgName)) : undefined;
        // a company's department or division written right after it (西门子(中国)有限公司东区总裁, 正大集团CEO办公室主任,
        // 中国建筑股份有限公司信息化管理部总经理): the person works for the company
        // …and one whose company is named earlier in the clause: the company of the clause (ownCompany)
        if (org && sp.role === 'business' && COMPANY_UNIT.test(normalizeForMatching(sp.chain.organization!))) {
          org = sp.chain.orgStart !== undefined ? companyEndingAt.get(sp.chain.orgStart) : undefined;
        }
        const isOfficial = sp.role === 'official';
        const reg = isOfficial ? articleRegion.of(sp.chain, region) : undefined;
        // an official's post in a body (省科技厅党组成员) is a regional post, not a company's
        const inBody = sp.chain.orgType === 'government' || sp.chain.orgType === 'organization';
        const ti = titleInfo(sp.chain, reg, isOfficial && inBody ? undefined : org, text, normalized);
        const titleSet = seenOf(entity).titles;
        if (!titleSet.has(ti.inText)) {
          titleSet.add(ti.inText);
          entity.titles.push(ti);
        }
        // the first post's region, unless it was read from the article around a bare post (孙志洋副省长
        // in a headline) and a later post writes its own (广东省副省长孙志洋)
        if (isOfficial && reg && (!entity.region || (sp.chain.region && !seenOf(entity).regionStated))) {
          entity.region = reg;
          seenOf(entity).regionStated = !!sp.chain.region;
        }
        if (org && !entity.organization) entity.organization = org;
        // a company's post with no company named: the article's own company, when the post is
        // written after 公司/集团 (公司董事长, 集团党组书记、董事长) or the article names one company
        // (not a chamber's post: 中华总商会永远荣誉会长 is no company's)
        // (…and a chamber's post written bare, 商会执行会长X: the chamber the text named last, ownCompany)
        if (!org && sp.role === 'business' && sp.chain.units.some((u) => BUSINESS_CORES.has(u.core) || /董事|监事|監事/.test(u.text) || CHAMBER_POST.test(normalizeForMatching(u.text)))) {
          companyless.push({ entity, title: ti, ref: bareCompanyRef(normalized, sp.chain.start), at: sp.start, sentence });
        }
      }
    } else {
      entity = getEntity(sp.type, sp.text, keyOf(sp), sp.start);
      if ((sp.type === 'government' || sp.type === 'organization') && !entity.region) {
        const lead = lx.places.longest(keyOf(sp), 0);
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
  ownCompany(entities, normalized, companyless);
  chamberHeads(entities);
  for (const e of entities) {
    if (e.type === 'person' && !e.role) e.role = 'other';
  }
  bodiesInPosts(entities, spans, text, normalized);
  return { entities, mentions };
}

/** A level's body written at the head of a post (省政府秘书长, 省人大常委会副主任, 省十届人大常委会). */
const BODY_IN_POST = /^(?:省|市|区|县|州|自治区)(?:第?[一二三四五六七八九十]{1,3}届)?(?:人民政府|政府|人大常委会|人大|政协|纪委|委)/;

/**
 * The bodies the article writes only at the head of its posts (黑龙江省人民政府 … 省政府秘书长李四): the
 * short form is another name of the one body of the article it can be (its level and kind), an
 * alias on its card, not a mention of its own.
 */
function bodiesInPosts(entities: Entity[], spans: RichSpan[], text: string, normalized: string): void {
  const govs = entities.filter((e) => e.type === 'government');
  if (!govs.length) return;
  const formsOf = new Map<Entity, Set<string>>();
  for (const g of govs) {
    const forms = new Set<string>();
    for (const n of [g.name, ...g.aliases]) {
      const k = bodyKey(nameKey(n));
      forms.add(k);
      for (const f of bodyShortForms(k)) forms.add(f);
    }
    formsOf.set(g, forms);
  }
  const done = new Set<string>();
  for (const sp of spans) {
    if (sp.type !== 'title' || !sp.chain) continue;
    for (const u of sp.chain.units) {
      const m = BODY_IN_POST.exec(normalized.slice(u.start, u.end));
      if (!m || m[0].length >= u.end - u.start) continue;
      const written = text.slice(u.start, u.start + m[0].length);
      if (done.has(written)) continue;
      done.add(written);
      const k = bodyKey(m[0]);
      const owners = govs.filter((g) => formsOf.get(g)!.has(k));
      if (owners.length !== 1) continue;
      const g = owners[0];
      if (g.name !== written && !g.aliases.includes(written)) g.aliases.push(written);
    }
  }
}

/**
 * 公司 or 集团 standing alone right before a chain or opening it (，公司董事长, 本公司总裁,
 * 集团党组书记、董事长): the article's own company. Not the end of a name the rules missed (某某集团).
 */
function bareCompanyRef(normalized: string, chainStart: number): string | undefined {
  const alone = (at: number): string | undefined => {
    const w = normalized.slice(at, at + 2);
    if (w !== '公司' && w !== '集团') return undefined;
    // (集团公司 is the group: 集团公司党委书记、董事长都业洲)
    if (w === '公司' && at >= 2 && normalized.startsWith('集团', at - 2)) return alone(at - 2) && '集团';
    const c = at > 0 ? normalized.charCodeAt(at - 1) : 0;
    return !isHan(c) || c === 0x672c /* 本 */ || c === 0x8be5 /* 该 */ ? w : undefined;
  };
  return (chainStart >= 2 ? alone(chainStart - 2) : undefined) ?? alone(chainStart);
}

/**
 * Business people whose post names no company (公司董事长高登锋, 集团党组书记、董事长吕军) work for
 * the article's own company: the one it names most (a 集团 reference, the most named 集团). Without
 * a 公司/集团 reference, only where the article names a single company.
 */
function ownCompany(entities: Entity[], normalized: string, pending: { entity: Entity; title: TitleInfo; ref?: string; at: number; sentence: number | undefined }[]): void {
  if (!pending.length) return;
  // (a unit of a company read as one, 东区 of 西门子(中国)有限公司…东区总经理, employs no one)
  const companies = entities.filter((e) => e.type === 'company' && !COMPANY_UNIT.test(normalizeForMatching(e.name)));
  // (a chamber named by its own name: a bare 商会 names none)
  const chambers = entities.filter((e) => e.type === 'organization' && BUSINESS_ASSOCIATION.test(normalizeForMatching(e.name)) && !BARE_CHAMBER.test(normalizeForMatching(e.name)));
  if (!companies.length && !chambers.length) return;
  const most = (list: Entity[]) => list.reduce<Entity | undefined>((b, e) => (!b || e.mentions.length > b.mentions.length ? e : b), undefined);
  /**
   * The company named nearest the post in its own clause (香港霍英东集团公司行政总裁霍震寰和总经理霍震霆,
   * 余彪董事代表海螺水泥与…签约): not across a comma, where a list of firms' people goes on to the
   * next firm's (、 too: …总经理霍震霆、新世界发展有限公司主席…).
   */
  // (a 、 between the company and the post is no boundary where no one is named between them: the
  // company's own posts listed on, 西门子(中国)有限公司高级副总裁、东区总经理高岩)
  const personStarts = entities.filter((e) => e.type === 'person').flatMap((e) => e.mentions.map((m) => m.start));
  const nameBetween = (a: number, b: number): boolean => personStarts.some((p) => p >= a && p < b);
  const inClause = (sentence: number | undefined, at: number): Entity | undefined => {
    if (sentence === undefined) return undefined;
    let best: Entity | undefined;
    let dist = Infinity;
    for (const c of companies) {
      for (const m of c.mentions) {
        if (m.sentence !== sentence) continue;
        const between = m.start < at ? normalized.slice(m.end, at) : normalized.slice(at, m.start);
        if (CLAUSE_MARK.test(between) && !(m.end <= at && !CLAUSE_MARK.test(between.replace(/、/g, '')) && !nameBetween(m.end, at))) continue;
        const d = Math.abs(m.start - at);
        if (d < dist) {
          dist = d;
          best = c;
        }
      }
    }
    return best;
  };
  /**
   * The one company its sentence names, before the post and with no one named between (三花股份(002050)
   * 发布人事变动公告，董事、总经理王洪卫…): the sentence is about that firm's people.
   */
  const soleCompanyBefore = (sentence: number | undefined, at: number): Entity | undefined => {
    if (sentence === undefined) return undefined;
    let found: Entity | undefined;
    let foundEnd = -1;
    for (const c of companies) {
      for (const m of c.mentions) {
        if (m.sentence !== sentence) continue;
        if (m.start >= at || (found && found !== c)) return undefined;
        found = c;
        foundEnd = Math.max(foundEnd, m.end);
      }
    }
    return found && !nameBetween(foundEnd, at) ? found : undefined;
  };
  /** The business association named last before `at`: the chamber the text is speaking of. */
  const chamberBefore = (at: number): Entity | undefined => {
    let best: Entity | undefined;
    let bestAt = -1;
    for (const c of chambers) {
      for (const m of c.mentions) {
        if (m.end > at || m.start <= bestAt) continue;
        best = c;
        bestAt = m.start;
      }
    }
    return best;
  };
  /**
   * The company an article is about, where it names one far more than any other (a filing's 公司, a
   * visit to one firm): three mentions or more and at least twice the next one's. A company's post
   * written bare in such an article (董事会秘书周雪华, 独立董事X) is that company's.
   */
  const ranked = [...companies].sort((a, b) => b.mentions.length - a.mentions.length);
  const dominant = ranked.length && ranked[0].mentions.length >= 3 && ranked[0].mentions.length >= 2 * (ranked[1]?.mentions.length ?? 0) ? ranked[0] : undefined;
  for (const { entity, title, ref, at, sentence } of pending) {
    if (entity.organization) continue;
    // a chamber's post (会董, 会长) with no body named: the chamber the text named last before it
    // (香港中华厂商联合会副会长倪锦辉…厂商会出席接待者尚包括：常务会董吴清焕…)
    // (none before it: the chamber the article names most; none at all: the firm's, whose chairman
    // Japanese and Korean groups call 会长)
    let company: Entity | undefined = CHAMBER_POST.test(normalizeForMatching(title.inText)) ? chamberBefore(at) ?? most(chambers) : undefined;
    if (!company) {
      if (ref === '集团') company = most(companies.filter((c) => /集团|集團/.test(c.name))) ?? most(companies);
      else if (ref) company = most(companies);
      else if (companies.length === 1) company = companies[0];
      else company = inClause(sentence, at) ?? soleCompanyBefore(sentence, at) ?? dominant;
    }
    if (!company) continue;
    entity.organization = company.name;
    if (!title.organization) title.organization = company.name;
  }
}

/**
 * A post of a business association written bare (新任会长马有礼, 会长陈幼南) in an article that names a
 * chamber of commerce: that chamber's, held by a business person (README: 会长 of a 商会), not an
 * official of no body. The chamber named last before the person's first mention, else the one the
 * article names most.
 */
function chamberHeads(entities: Entity[]): void {
  const chambers = entities.filter((e) => e.type === 'organization' && BUSINESS_ASSOCIATION.test(normalizeForMatching(e.name)));
  if (!chambers.length) return;
  for (const e of entities) {
    if (e.type !== 'person' || (e.role !== 'official' && e.role !== 'other') || e.organization || !e.titles.length) continue;
    if (!e.titles.every((t) => !t.organization && !t.region && CHAMBER_POST.test(normalizeForMatching(t.inText)))) continue;
    const at = e.mentions[0]?.start ?? 0;
    let chamber: Entity | undefined;
    let chamberAt = -1;
    for (const c of chambers) for (const m of c.mentions) if (m.end <= at && m.start > chamberAt) {
      chamber = c;
      chamberAt = m.start;
    }
    chamber ??= chambers.reduce((b, c) => (c.mentions.length > b.mentions.length ? c : b));
    e.role = 'business';
    e.region = undefined;
    e.organization = chamber.name;
    for (const t of e.titles) t.organization = chamber.name;
  }
}

/** A body's own council or board written after its name (…商會理事會, …律师事务所管理委员会). */
const OWN_COUNCIL = /(理事会|理事會|监事会|監事會|管理委员会|管理委員會)$/;

/** A chamber written bare (商会, 总商会): the one the text speaks of, no name of its own. */
const BARE_CHAMBER = /^总?商会$/;

/** A business association's posts, written bare (常务会董, 会长, 副会长, 理事长). */
const CHAMBER_POST = /^(?:[\u4e00-\u9fff]{0,6}总?商会)?(?:常务|执行|永远|名誉|荣誉|创会){0,2}(?:副)?(?:会董|会长|理事长|理事|监事长|会务顾问)$/;

/** Marks that end a clause: a company across one is another clause's. */
const CLAUSE_MARK = /[，,、；;：:。！？!?\n]/;

/** A post written bare, with no region, body or company (王文银主席, 书记): weak evidence of office. */
function isBarePost(chain: TitleChain | undefined): boolean {
  if (!chain) return false;
  return chain.units.length === 1 && !chain.region && !chain.organization && !chain.units[0].hasRegionalPrefix && chain.units[0].text === chain.units[0].core;
}
