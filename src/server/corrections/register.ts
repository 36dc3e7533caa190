/**
 * Server side of the user's corrections and the cards' commands:
 *  - tracks `.vscode/news-lens.json` (open editor text, else the file on disk, re-read on
 *    `newsLens/correctionsFileChanged`), publishes its problems as diagnostics, and re-analyses
 *    every open article when the corrections change;
 *  - answers `textDocument/codeAction` (mark as …, not an entity, another name for …);
 *  - answers `newsLens/entityInfo` (mentions with sentences, the card as text) for the card links.
 */
import { DiagnosticSeverity, type Connection, type InitializeParams, type TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../core/types';
import { sentenceText } from '../analysisUtil';
import { codeActions } from '../codeActions';
import { entityById, sortedMentions } from '../core';
import { cardMarkdown, kindLabel, markdownToPlain, type CardContext } from '../hover';
import { displayKind } from '../analysisUtil';
import {
  CorrectionsFileChangedNotificationMethod,
  DEFAULT_HOVER_SETTINGS,
  EntityInfoRequestMethod,
  type CorrectionsFileChangedParams,
  type EntityInfoResult,
  type EntityRef,
  type HoverSettings,
} from '../../protocol';
import { CorrectionsStore, isCorrectionsUri } from './store';

export { isCorrectionsUri };

export interface CorrectionsDeps {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The current analysis of an article (undefined when not analysable). */
  usable(uri: string): Promise<{ doc: TextDocument; analysis: Analysis; analysedLength: number } | undefined>;
  /** Re-analyse these documents (corrections changed). */
  invalidate(uris: string[]): void;
  /** The corrections of a folder changed: files that `affects` accepts (URIs) need analysing again (the workspace index). */
  correctionsChanged?(affects: (uri: string) => boolean): void;
  hoverSettings(): HoverSettings | undefined;
  log(message: string): void;
}

/** `newsLens.hover.*` from the settings section, with defaults. */
export function mergeHoverSettings(raw: unknown): HoverSettings {
  const r = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const b = (k: Exclude<keyof HoverSettings, 'english'>) => (typeof r[k] === 'boolean' ? (r[k] as boolean) : DEFAULT_HOVER_SETTINGS[k]);
  return {
    enabled: b('enabled'),
    showPinyin: b('showPinyin'),
    showKnowledgeBase: b('showKnowledgeBase'),
    showFirstSentence: b('showFirstSentence'),
    showCommandLinks: b('showCommandLinks'),
    english: r.english === 'always' || r.english === 'never' ? r.english : 'auto',
  };
}

export function registerCorrections(deps: CorrectionsDeps) {
  const { connection, documents, log } = deps;
  const safe = async <T>(what: string, fallback: T, fn: () => Promise<T> | T): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      log(`News Lens: ${what} failed: ${String((err as Error)?.stack ?? err)}`);
      return fallback;
    }
  };

  const store = new CorrectionsStore({
    log,
    report(uri, text, problems) {
      const doc = TextDocument.create(uri, 'jsonc', 0, text);
      const diagnostics = problems.map((p) => ({
        range: { start: doc.positionAt(p.offset), end: doc.positionAt(Math.min(text.length, p.offset + p.length)) },
        severity: p.severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        source: 'News Lens',
        message: p.message.replace(/^News Lens: /, ''),
      }));
      void connection.sendDiagnostics({ uri, diagnostics }).catch(() => undefined);
    },
    changed(folder) {
      const uris = documents.keys().filter((u) => !isCorrectionsUri(u) && store.affects(folder, u));
      deps.invalidate(uris);
      deps.correctionsChanged?.((u) => store.affects(folder, u));
    },
  });

  const cardContext = (uri: string): CardContext => ({ settings: deps.hoverSettings(), knowledge: store.knowledge(uri) });

  documents.onDidOpen((e) => {
    if (isCorrectionsUri(e.document.uri)) store.openChanged(e.document.uri, e.document.getText());
  });
  documents.onDidChangeContent((e) => {
    if (isCorrectionsUri(e.document.uri)) store.openChanged(e.document.uri, e.document.getText());
  });
  documents.onDidClose((e) => {
    if (isCorrectionsUri(e.document.uri)) store.closed(e.document.uri);
  });
  connection.onNotification(CorrectionsFileChangedNotificationMethod, (p: CorrectionsFileChangedParams) => {
    if (p && typeof p.uri === 'string' && isCorrectionsUri(p.uri)) store.fileChanged(p.uri);
  });

  connection.onCodeAction((p) =>
    safe('codeAction', [], async () => {
      if (isCorrectionsUri(p.textDocument.uri)) return [];
      const entry = await deps.usable(p.textDocument.uri);
      if (!entry) return [];
      const end = entry.doc.offsetAt(p.range.end);
      if (end > entry.analysedLength) return [];
      return codeActions(entry.doc, entry.analysis, p.range, { only: p.context?.only, triggerKind: p.context?.triggerKind, correctionsUri: store.fileFor(p.textDocument.uri) });
    }),
  );

  connection.onRequest(EntityInfoRequestMethod, (p: EntityRef): Promise<EntityInfoResult | null> =>
    safe('entityInfo', null, async () => {
      if (!p || typeof p.uri !== 'string' || typeof p.entityId !== 'string') return null;
      const entry = await deps.usable(p.uri);
      if (!entry) return null;
      const e = entityById(entry.analysis, p.entityId);
      if (!e) return null;
      const text = entry.doc.getText();
      const ms = sortedMentions(e);
      const ctx = cardContext(p.uri);
      const md = cardMarkdown(entry.analysis, text, e, ms[0], { ...ctx, settings: { ...(ctx.settings ?? DEFAULT_HOVER_SETTINGS), showFirstSentence: true, showKnowledgeBase: true, showPinyin: true } });
      return {
        uri: entry.doc.uri,
        entityId: e.id,
        name: e.name,
        type: e.type,
        kindLabel: kindLabel(displayKind(e)),
        mentions: ms.map((m) => ({
          range: { start: entry.doc.positionAt(m.start), end: entry.doc.positionAt(m.end) },
          text: m.text,
          sentence: sentenceText(entry.analysis, text, m.sentence, 160) ?? m.text,
        })),
        cardText: markdownToPlain(md),
      };
    }),
  );

  return {
    initialize(params: InitializeParams): void {
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      store.setFolders(folders);
    },
    analyzeOptions: (uri: string) => store.analyzeOptions(uri),
    cardContext,
    store,
  };
}

export type CorrectionsFeature = ReturnType<typeof registerCorrections>;
