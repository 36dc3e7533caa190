/**
 * Messages between the News Lens client and server beyond standard LSP. Type-only plus method
 * names, so the client can import this file without pulling server code into its bundle.
 */
import type { Range } from 'vscode-languageserver-types';
import type { EntityType, PersonRole } from '../core/types';

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
  /** Debounce for re-analysis after edits, in ms. */
  debounceMs: number;
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
