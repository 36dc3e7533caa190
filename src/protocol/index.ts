/**
 * The contract between the News Lens client and server beyond standard LSP: request and notification
 * names, their parameter and result types, settings. Both sides import this module (and
 * `./corrections/`, the corrections file's format); the client never imports server code.
 * Types, method names and the summary's paging (./summaryPages.ts); it pulls nothing else into the
 * client's bundle.
 */
import type { Range } from 'vscode-languageserver-types';
import type { EntityType, PersonRole } from '../core/types';
export * from './relations';
export * from './summaryPages';

/** `newsLens/entityRanges`: the ranges the client paints with decorations. */
export const EntityRangesRequestMethod = 'newsLens/entityRanges';
export interface EntityRangesParams {
  uri: string;
}
/** One group per (type, role) pair that has at least one mention. */
export interface EntityRangeGroup {
  type: EntityType;
  /** For people: 'official' or 'business'/'other'; the client paints officials apart. */
  role?: PersonRole;
  ranges: Range[];
}
/** `version` is the document version the ranges were computed for; null when not analysed. */
export interface EntityRangesResult {
  uri: string;
  version: number | null;
  groups: EntityRangeGroup[];
}

/** `newsLens/analysisChanged` (server → client): a document's analysis changed; repaint it. */
export const AnalysisChangedNotificationMethod = 'newsLens/analysisChanged';
export interface AnalysisChangedParams {
  uri: string;
  version: number;
  /** Number of mentions found, handy for status display and tests. */
  mentionCount: number;
  /** True when only a prefix of the document was analysed (size guard). */
  truncated: boolean;
}

/** Settings under `newsLens.*` the server honours (sent in initializationOptions and on change). */
export interface ServerSettings {
  /** Language ids to analyse. */
  languages: string[];
  /** Characters; larger documents are analysed only up to this many characters. */
  maxDocumentSize: number;
  /** The longest wait for quiet before re-analysing after an edit, in ms (the wait adapts to the document's analysis time below it). */
  debounceMs: number;
  /** Hover card detail (`newsLens.hover.*`); defaults when absent. */
  hover?: HoverSettings;
  /**
   * `newsLens.outline.markdown`: News Lens' symbols in Markdown articles only where the article has
   * region sections of its own ('sections', the default), in every article ('always'), or none.
   */
  outlineMarkdown?: 'sections' | 'always' | 'never';
}

export const DEFAULT_SETTINGS: ServerSettings = {
  languages: ['markdown', 'plaintext'],
  maxDocumentSize: 500_000,
  debounceMs: 300,
};

export interface InitializationOptions {
  settings?: Partial<ServerSettings>;
  /** fsPath of the l10n bundle for the UI language (vscode.l10n.uri.fsPath), if any. */
  l10nBundle?: string;
}

// ---- Regions view, workspace index, export (reader features) ----------------------------------

/** Entity kind as the UI distinguishes it: people split into officials and other people. */
export type SummaryKind = 'official' | 'person' | 'title' | 'company' | 'government' | 'organization' | 'place' | 'date';

/** `newsLens/analysis`: a serialisable summary of one open document's analysis. */
export const ArticleSummaryRequestMethod = 'newsLens/analysis';
export interface ArticleSummaryParams {
  uri: string;
  /**
   * Ask for the summary in pages (./summaryPages.ts): the page that starts at this item of the
   * summary's regions, entities, relations and mentions, at most SUMMARY_PAGE_ITEMS of them. Absent:
   * the whole summary in one response.
   */
  from?: number;
}
export interface SummaryMention {
  entityId: string;
  range: Range;
  /** Id of the SummaryRegion (tree node) the mention belongs under; undefined = the lead. */
  regionId?: string;
  /** The line's text around the mention (whitespace collapsed), and where the mention sits in it. */
  snippet: string;
  snippetStart: number;
  snippetEnd: number;
}
export interface SummaryTitle {
  inText: string;
  full: string;
  region?: string;
  organization?: string;
}
export interface SummaryEntity {
  id: string;
  type: EntityType;
  kind: SummaryKind;
  name: string;
  aliases: string[];
  role?: PersonRole;
  titles: SummaryTitle[];
  region?: string;
  organization?: string;
  within?: string;
  /** The name the views show: the form the article uses most (小红书 rather than its legal name). */
  shown?: string;
  /** Tone-marked pinyin for people. */
  pinyin?: string;
  mentionCount: number;
  /** English renderings (src/core/english): the name and each title's full form; absent: none. */
  english?: SummaryEnglish;
}
export interface SummaryEnglish {
  name?: string;
  /** Parallel to `titles`; null where a title has no English rendering. */
  titles: (string | null)[];
}
/**
 * A node of the region hierarchy: the article's sections plus administrative sub-regions found in
 * them (朝阳区 in the 北京 section), nested by GB/T 2260 level.
 */
export interface SummaryRegion {
  id: string;
  name: string;
  full?: string;
  level: 'province' | 'city' | 'district' | 'country' | 'central' | 'other';
  /** Id of the enclosing SummaryRegion, if any. */
  parentId?: string;
  /** True for the article's own sections (heading/lead line), false for regions News Lens inferred. */
  section: boolean;
  /** A region News Lens inferred for officials, business people and companies (not one of the article's sections). */
  inferred?: boolean;
  /** Why each entity is in this region, by entity id: the rule (post, visit, name, …) and the words it read. */
  reasons?: Record<string, { rule: string; evidence: string }>;
  /** The section heading (sections) or the first mention (sub-regions). */
  range?: Range;
}
export interface SummaryRelation {
  kind: 'met' | 'works-for';
  from: string;
  to: string;
  /** The first supporting sentence, whitespace-collapsed and clipped. */
  sentence?: string;
  /** For `met`: whether the sentence says they met (会见, 座谈…) or that the official visited (调研, 考察…). */
  verb?: 'met' | 'visited';
}
export interface ArticleSummary {
  uri: string;
  /** Document version analysed; null when the server does not track the document. */
  version: number | null;
  /** First Markdown heading or first line, clipped. */
  title?: string;
  skipped?: string;
  truncated?: boolean;
  entities: SummaryEntity[];
  /** In article order. */
  mentions: SummaryMention[];
  /** Parents before children, sections in article order. */
  regions: SummaryRegion[];
  relations: SummaryRelation[];
  /** Paged requests only: more items follow; ask again with `from` set to this. */
  next?: number;
}

/** `newsLens/workspace/configure` (client → server request): which folders to index, and how. */
export const WorkspaceConfigureRequestMethod = 'newsLens/workspace/configure';
export interface WorkspaceIndexSettings {
  enabled: boolean;
  /** Folder or file names skipped anywhere in the tree (node_modules, .git, ...). */
  exclude: string[];
  /** Bytes; larger files are skipped. */
  maxFileSize: number;
  /** Most files indexed per workspace. */
  maxFiles: number;
}
export interface WorkspaceConfigureParams {
  /** Workspace folder URIs (file: scheme only are indexed). */
  folders: string[];
  settings: WorkspaceIndexSettings;
}
export const DEFAULT_WORKSPACE_INDEX_SETTINGS: WorkspaceIndexSettings = {
  enabled: true,
  exclude: ['node_modules', '.git', '.hg', '.svn', '.vscode-test', 'dist', 'out'],
  maxFileSize: 2_000_000,
  maxFiles: 5_000,
};

/** `newsLens/workspace/index` (request): the merged entities of every indexed article. */
export const WorkspaceIndexRequestMethod = 'newsLens/workspace/index';
export interface WorkspaceIndexParams {
  /** Wait until the running indexing pass has finished (tests, export). */
  waitForIdle?: boolean;
}
export interface WorkspaceArticleRef {
  uri: string;
  /** Path relative to its workspace folder. */
  path: string;
  title?: string;
  mentionCount: number;
  mentions: { range: Range; snippet: string; snippetStart: number; snippetEnd: number }[];
  titles: string[];
  regions: string[];
  /** The Regions view's regions that list the entity in this article, and whether News Lens inferred them. */
  groups?: { name: string; inferred: boolean }[];
}
export interface WorkspaceEntity {
  /** `${type}:${name}`: entities are merged across articles by canonical name and type. */
  key: string;
  type: EntityType;
  kind: SummaryKind;
  name: string;
  aliases: string[];
  /** Full titles seen in any article. */
  titles: string[];
  /** English name (src/core/english), when there is one. */
  english?: string;
  regions: string[];
  mentionCount: number;
  /** Articles mentioning it, most mentions first. */
  articles: WorkspaceArticleRef[];
}
export interface WorkspaceIndexResult {
  indexing: boolean;
  /** Articles (files with Chinese text) indexed. */
  articleCount: number;
  filesSeen: number;
  entities: WorkspaceEntity[];
}

/** `newsLens/workspace/progress` (server → client): indexing progress. */
export const WorkspaceProgressNotificationMethod = 'newsLens/workspace/progress';
export interface WorkspaceProgressParams {
  state: 'begin' | 'report' | 'end';
  done: number;
  total: number;
  /** Relative path of the file being indexed. */
  file?: string;
}

/**
 * `newsLens/status` (server → client): what a cold start is doing, so the client can say so
 * ("loading the recognition model…", "analysing leaders-visit-firms.md…") instead of showing nothing.
 */
export const StatusNotificationMethod = 'newsLens/status';
export interface StatusParams {
  state: 'begin' | 'report' | 'end';
  phase?: 'loading-model' | 'analysing';
  /** File name of the article being analysed. */
  file?: string;
}

/** `newsLens/workspace/changed` (server → client): the index changed; refresh views. */
export const WorkspaceChangedNotificationMethod = 'newsLens/workspace/changed';

// ---- Cards and corrections (hover command links, code actions, `.vscode/news-lens.json`) ----

/** How much a hover card shows (settings `newsLens.hover.*`). */
export interface HoverSettings {
  /** Show hover cards at all. */
  enabled: boolean;
  /** Romanised name (Yǐn Lì) on people's cards. */
  showPinyin: boolean;
  /** The 📚 knowledge-base section on company cards (and the user's notes on people). */
  showKnowledgeBase: boolean;
  /** The sentence of the first mention. */
  showFirstSentence: boolean;
  /** The command links line (mentions, find all, Regions view, copy). */
  showCommandLinks: boolean;
  /** English renderings on the cards: `auto` in an English UI, `always`, or `never`. */
  english?: 'auto' | 'always' | 'never';
}

export const DEFAULT_HOVER_SETTINGS: HoverSettings = {
  enabled: true,
  showPinyin: true,
  showKnowledgeBase: true,
  showFirstSentence: true,
  showCommandLinks: true,
  english: 'auto',
};

/** Client commands the cards link to; the client trusts exactly these in hover Markdown. */
export const CardCommands = {
  /** Quick pick of the entity's mentions with their sentences; picking one jumps there. Args: [EntityRef]. */
  showMentions: 'newsLens.showMentions',
  /** References view of all mentions (editor.action.showReferences). Args: [EntityRef]. */
  findAllMentions: 'newsLens.findAllMentions',
  /** Copy the card as plain text. Args: [EntityRef]. */
  copyCard: 'newsLens.copyCard',
  /** Provided by the Regions view. Args: [EntityRef]. */
  revealInRegions: 'newsLens.revealInRegions',
} as const;

/** Client commands the code actions run. */
export const CorrectionCommands = {
  /** Write one correction to .vscode/news-lens.json. Args: [ApplyCorrectionArgs]. */
  apply: 'newsLens.corrections.apply',
  /** Pick the entity a text is another name for, then write it. Args: [AddAliasArgs]. */
  addAlias: 'newsLens.corrections.addAlias',
  /** Open the corrections file (created when missing). */
  open: 'newsLens.corrections.open',
  /** Ask for a person's title, role or organization, then write it. Args: [SetPersonArgs]. */
  setPerson: 'newsLens.corrections.setPerson',
} as const;

/** "Mark as official with title…" (mode official) and "set role/organization…" (mode role). */
export interface SetPersonArgs {
  uri: string;
  correctionsUri?: string;
  /** The person's name as the article writes it. */
  text: string;
  mode: 'official' | 'role';
  /** Pre-filled answers: the title chain written before the name, the person's current role and organization. */
  title?: string;
  role?: PersonRole;
  organization?: string;
}

/** An entity of one document, as card command links pass it. */
export interface EntityRef {
  uri: string;
  entityId: string;
}

export interface CorrectionEntry {
  text: string;
  type: EntityType | 'none';
  aliasOf?: string;
  /** People only: role, title as written, organization (src/core/userPeople.ts applies them). */
  role?: PersonRole;
  title?: string;
  organization?: string;
}

export interface ApplyCorrectionArgs {
  /** The article the correction was made in (selects the workspace folder). */
  uri: string;
  /** The corrections file the server reads for that article. */
  correctionsUri?: string;
  correction: CorrectionEntry;
}

export interface AddAliasArgs {
  uri: string;
  correctionsUri?: string;
  text: string;
  /** The article's entities the text may be another name for (the client offers a quick pick). */
  candidates: { entityId: string; name: string; type: EntityType; kindLabel: string; mentions: number }[];
}

/** `newsLens/entityInfo`: an entity's mentions with their sentences, and its card as plain text. */
export const EntityInfoRequestMethod = 'newsLens/entityInfo';
export interface EntityInfoResult {
  uri: string;
  entityId: string;
  name: string;
  type: EntityType;
  kindLabel: string;
  mentions: { range: Range; text: string; sentence: string }[];
  /** The hover card as plain text (no Markdown), for the clipboard. */
  cardText: string;
}

/**
 * `newsLens/correctionsFileChanged` (client → server): a `.vscode/news-lens.json` was created,
 * changed or deleted on disk (the client's file watcher; the server re-reads it). A separate
 * message rather than workspace/didChangeWatchedFiles, whose single handler the workspace index owns.
 */
export const CorrectionsFileChangedNotificationMethod = 'newsLens/correctionsFileChanged';
export interface CorrectionsFileChangedParams {
  uri: string;
}
