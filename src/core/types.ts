/**
 * The contract between the analysis core and everything that consumes it (server, client via LSP,
 * CLI, eval, bench). Offsets are UTF-16 code units into the original text, end exclusive, so they
 * map straight onto VS Code positions and JavaScript string indices.
 */

export type EntityType =
  | 'person'
  | 'title'
  | 'company'
  | 'government'
  | 'organization'
  | 'place'
  | 'date';

export const ENTITY_TYPES: readonly EntityType[] = [
  'person',
  'title',
  'company',
  'government',
  'organization',
  'place',
  'date',
];

/** A person's role in the article: an official holds a public post, business people hold corporate ones. */
export type PersonRole = 'official' | 'business' | 'other';

/** A recognized span, the unit `news-lens tag` prints and eval scores. */
export interface Span {
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** Which recognizer produced it: rules/lexicon or the statistical model. */
  source?: 'rule' | 'lexicon' | 'model';
}

export interface Position {
  line: number;
  character: number;
}

export interface Mention {
  entityId: string;
  type: EntityType;
  start: number;
  end: number;
  text: string;
  /** Region section the mention lies in; undefined in the lead (text before the first section). */
  regionId?: string;
  /** Index into Analysis.sentences. */
  sentence: number;
}

/** A title as the article states it, and its full form with the region made explicit. */
export interface TitleInfo {
  /** As written, e.g. "市委副书记、市长". */
  inText: string;
  /** With the region spelled out, e.g. "北京市委副书记、北京市市长". */
  full: string;
  /** Region the post belongs to (canonical region name such as "北京"), when known. */
  region?: string;
  /** Organization the post belongs to for business people (canonical company name). */
  organization?: string;
}

export interface Entity {
  id: string;
  type: EntityType;
  /** Canonical name: the longest/legal form seen, e.g. "西门子（中国）有限公司". */
  name: string;
  /** Other surface forms that refer to the same entity, e.g. ["西门子"]. */
  aliases: string[];
  role?: PersonRole;
  titles: TitleInfo[];
  /** Region (canonical name) where a person holds office, or where a place/organization lies. */
  region?: string;
  /** For people: the canonical name of the company/organization they represent. */
  organization?: string;
  /** For places: canonical name of the enclosing region, e.g. 朝阳区 → 北京. */
  within?: string;
  /** Region section ids (Region.id) this entity is mentioned in, in article order. */
  sections: string[];
  mentions: Mention[];
}

export type RelationKind =
  /** An official met / visited / held talks with a company or person. */
  | 'met'
  /** A person holds a post at a company/organization. */
  | 'works-for'
  /** Two entities appear in the same sentence. */
  | 'co-mentioned';

export interface Relation {
  kind: RelationKind;
  from: string;
  to: string;
  /** Sentence indices that support the relation. */
  sentences: number[];
}

export type RegionLevel = 'province' | 'city' | 'district' | 'other';

/** How the article opened a section (src/core/analysis/sections.ts lists the forms). */
export type SectionMarker = 'heading' | 'bold' | 'bracket' | 'colon' | 'line' | 'numbered' | 'bullet' | 'dateline';

/** A section of the article that belongs to a region, opened by a heading/lead line/【…】. */
export interface Region {
  id: string;
  /** Canonical region name, e.g. "北京". */
  name: string;
  level: RegionLevel;
  /** Canonical name of the enclosing region (朝阳区 → 北京), if any. */
  parent?: string;
  /** Id of the section this one is nested in, where the article nests them (## 江苏 → ### 苏州). */
  parentId?: string;
  /** The form of the line that opened the section. */
  marker?: SectionMarker;
  /** Offsets of the marker that opened the section (e.g. "**北京：**"). */
  headingStart: number;
  headingEnd: number;
  /** The section's own text runs from headingStart to end (exclusive): to the next marker, nested or not. */
  start: number;
  end: number;
  /** Entity ids mentioned in the section, in order of first mention there. */
  entityIds: string[];
}

/** Why an entity is in a group: the rule that placed it and the words it was read from. */
export interface GroupReason {
  rule:
    | 'section' // mentioned in the article's own section
    | 'post' // an official's post names the region (北京市委书记)
    | 'central-post' // a central post (国务院副总理, 工业和信息化部部长): 中央
    | 'sar-post' // a Hong Kong or Macau post (行政长官, 立法会主席)
    | 'article-region' // a post written without its region (县委书记): the article's place of that level
    | 'visit' // a company visited or met there (在北京拜会…)
    | 'name' // the region its name begins with or names (上海临港集团, 行吟信息科技（上海）有限公司)
    | 'listing' // the province of its A-share listing
    | 'employer' // a business person: their company's region
    | 'met-by' // the region of the official who met it
    | 'home'; // the article's home region (dateline, source line)
  /** The title, sentence fragment, name or dateline the rule read. */
  evidence: string;
}

/**
 * Entities grouped under a region: one of the article's own sections (kind 'section'), or a region
 * News Lens inferred for officials, business people and companies (kind 'inferred'), nested in a
 * section or at the top level (src/core/analysis/grouping.ts says how).
 */
export interface RegionGroup {
  /** `section:<Region.id>`, `section:<Region.id>/<region>` (nested inferred) or `inferred:<region>`. */
  id: string;
  /** Canonical region name (江苏, 海淀区), 中央, or a country. */
  region: string;
  kind: 'section' | 'inferred';
  /** For a section's group: its Region.id. */
  sectionId?: string;
  /** The enclosing group's id. */
  parentId?: string;
  /** Entities in the group, in order of first mention. */
  entityIds: string[];
  /** Why each entity is there, by entity id. */
  reasons: Record<string, GroupReason>;
}

/** Where the article was filed or who published it (src/core/analysis/homeRegion.ts). */
export interface HomeRegion {
  /** Canonical region name (南京, 湖北) or a foreign place's name. */
  region: string;
  /** Read from the dateline, or from the outlet a source or relay line names. */
  from: 'dateline' | 'source';
  /** The words it was read from (新华社南京11月20日电, 来源：湖北日报). */
  evidence: string;
  start: number;
  end: number;
}

export interface Sentence {
  start: number;
  end: number;
}

export interface Analysis {
  /** Length of the analysed text, for sanity checks by consumers. */
  length: number;
  entities: Entity[];
  /** All mentions sorted by start offset; no two overlap. */
  mentions: Mention[];
  /** The article's own sections by region, in order (empty when it has none). */
  regions: Region[];
  /** Entities grouped by region: the sections' groups, then inferred ones (grouping.ts). */
  grouping: RegionGroup[];
  /** The article's home region, from its dateline or source line, when it states one. */
  homeRegion?: HomeRegion;
  relations: Relation[];
  sentences: Sentence[];
  /** Human-readable notes, e.g. "text truncated at 2 MB"; never thrown. */
  warnings: string[];
}

export interface AnalyzeOptions {
  /** Extra lexicon entries owned by the user (corrections file). */
  userLexicon?: UserLexicon;
  /** Use the statistical model when available (default true; long texts use rules only). */
  useModel?: boolean;
  /** The user's corrections about people (role, title, organization), applied after analysis by src/core/userPeople.ts. */
  userPeople?: { text: string; role?: PersonRole; title?: string; organization?: string }[];
  /**
   * Asked between the analysis' steps and between the rule stages: true stops it, and analyze()
   * returns at once with what it has and the warning "analysis cancelled". The server's worker stops
   * a superseded job this way instead of being terminated. A function: set it where analyze() runs,
   * never in options sent to another thread.
   */
  shouldStop?: () => boolean;
}

export interface UserLexicon {
  entries: { text: string; type: EntityType | 'none'; aliasOf?: string }[];
}
