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
  regions: Region[];
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
}

export interface UserLexicon {
  entries: { text: string; type: EntityType | 'none'; aliasOf?: string }[];
}
