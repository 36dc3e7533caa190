/**
 * News Lens language server: wires LSP requests to the pure analysis core through a per-document
 * cache. Started by the client over node IPC; `--stdio` works too (protocol tests use it).
 * The same file, started as a worker thread, is the background analyser (see analysisWorker.ts).
 */
import * as l10n from '@vscode/l10n';
import {
  createConnection,
  MessageType,
  ShowMessageNotification,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { isMainThread, workerData } from 'node:worker_threads';
import { AnalysisWorkerPool, runWorker, WORKER_MARK } from './analysisWorker';
import { checkedDocuments, displayName } from './clientInput';
import { DocumentAnalysisCache, type AnalysisEntry } from './documentCache';
import { outlineOf, rangesOf } from './derived';
import { hoverAt } from './hover';
import { isCorrectionsUri, mergeHoverSettings, registerCorrections, type CorrectionsFeature } from './corrections/register';
import { CORRECTION_QUICKFIX, CORRECTION_REFACTOR } from './codeActions';
import { mergeUserAliases } from './corrections/aliases';
import { applyUserPeople } from '../core/userPeople';
import { regroup } from '../core/analyze';
import type { Analysis, AnalyzeOptions } from '../core/types';
import { setupL10n } from './l10nSetup';
import { setDisplayLocale } from './english';
import { startupStatus } from './startupStatus';
import { hasCjk } from './documentCache';
import {
  AnalysisChangedNotificationMethod,
  DEFAULT_SETTINGS,
  EntityRangesRequestMethod,
  type AnalysisChangedParams,
  type EntityRangesParams,
  type EntityRangesResult,
  type InitializationOptions,
  type ServerSettings,
} from '../protocol';
import { definition, documentHighlights, references } from './references';
import { workspaceSymbols } from './workspaceSymbols';
import { registerWorkspaceIndex, type WorkspaceIndex } from './workspaceIndex/index';

/**
 * The user's corrections applied to a finished analysis (aliases merged, roles and titles set), and
 * the region grouping made again when they changed the entities it groups.
 */
function userCorrected(analysis: Analysis, options: AnalyzeOptions | undefined, text: string): Analysis {
  const corrected = applyUserPeople(mergeUserAliases(analysis, options?.userLexicon), options?.userPeople);
  return corrected === analysis ? analysis : regroup(corrected, text);
}

function outlineSetting(v: unknown): ServerSettings['outlineMarkdown'] {
  return v === 'always' || v === 'never' ? v : 'sections';
}

function startServer(): void {
  const connection = createConnection(ProposedFeatures.all);
  const documents = new TextDocuments(checkedDocuments);
  let settings: ServerSettings = { ...DEFAULT_SETTINGS };

  function log(message: string): void {
    connection.console.log(message);
  }

  // The last resort: a failure that escaped every handler's own catch (a timer, a promise nobody
  // awaited) is logged, and the server keeps serving the other documents. Each boundary catches its
  // own; reaching this is a bug to fix, so it says so.
  process.on('uncaughtException', (err) => log(`News Lens: uncaught exception (a bug; the server keeps running): ${String(err?.stack ?? err)}`));
  process.on('unhandledRejection', (err) => log(`News Lens: unhandled rejection (a bug; the server keeps running): ${String((err as Error)?.stack ?? err)}`));

  function mergeSettings(partial: unknown): ServerSettings {
    const p = (partial && typeof partial === 'object' ? partial : {}) as Partial<ServerSettings>;
    const langs = Array.isArray(p.languages) ? p.languages.filter((x): x is string => typeof x === 'string') : undefined;
    const num = (v: unknown, d: number, min: number) => (typeof v === 'number' && Number.isFinite(v) ? Math.max(min, v) : d);
    return {
      languages: langs ?? DEFAULT_SETTINGS.languages,
      maxDocumentSize: num(p.maxDocumentSize, DEFAULT_SETTINGS.maxDocumentSize, 1_000),
      debounceMs: num(p.debounceMs, DEFAULT_SETTINGS.debounceMs, 0),
      hover: mergeHoverSettings(p.hover),
      // the client sends the whole newsLens section on a change: outline.markdown there
      outlineMarkdown: outlineSetting(p.outlineMarkdown ?? (p as { outline?: { markdown?: unknown } }).outline?.markdown),
    };
  }

  const pool = new AnalysisWorkerPool(__filename, log);
  const startup = startupStatus(connection, log);
  let workerBroken = false;
  let corrections: CorrectionsFeature | undefined; // the user's .vscode/news-lens.json (set below)
  let workspaceIndex: WorkspaceIndex | undefined; // closed articles of the workspace (set below)

  const cache = new DocumentAnalysisCache({
    getDocument: (uri) => documents.get(uri),
    settings: () => settings,
    log,
    analyzeOptions: (uri) => corrections?.analyzeOptions(uri),
    postProcess: (analysis, options, text) => userCorrected(analysis, options, text),
    background(text, options) {
      if (workerBroken) return undefined;
      try {
        return pool.submit(text, options);
      } catch (err) {
        workerBroken = true; // e.g. worker_threads unavailable: analyse inline from now on
        log(`News Lens: no analysis worker (${String(err)}); analysing on the main thread`);
        return undefined;
      }
    },
    analysed(entry: AnalysisEntry) {
      startup.analysed();
      const params: AnalysisChangedParams = {
        uri: entry.uri,
        version: entry.version,
        mentionCount: entry.analysis.mentions.length,
        truncated: entry.truncated,
      };
      void connection.sendNotification(AnalysisChangedNotificationMethod, params).catch(() => undefined);
    },
    guarded(uri, reason, { limit, length }) {
      const name = displayName(uri);
      const msg =
        reason === 'binary'
          ? l10n.t('News Lens skipped {0}: it looks like binary data.', name)
          : l10n.t('News Lens analysed only the first {0} of {1} characters of {2} (setting newsLens.maxDocumentSize).', limit, length, name);
      // A plain window/showMessage notification: nothing to answer, nothing to await.
      void connection
        .sendNotification(ShowMessageNotification.type, { type: reason === 'binary' ? MessageType.Info : MessageType.Warning, message: msg })
        .catch(() => undefined);
      log(msg);
    },
  });

  /** Run a handler; an exception in a feature must never take the server down. */
  async function safe<T>(what: string, fallback: T, fn: () => T | Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      log(`News Lens: ${what} failed: ${String((err as Error)?.stack ?? err)}`);
      return fallback;
    }
  }

  /** Analysis of the current version, or undefined when there is nothing to say about the document. */
  async function usable(uri: string): Promise<AnalysisEntry | undefined> {
    const entry = await cache.get(uri);
    return entry && !entry.skipped ? entry : undefined;
  }

  /**
   * Snapshot + analysis + offset for a position request. The snapshot is the version the request
   * was made against (requests are ordered after the edits that precede them).
   */
  async function at(uri: string, position: { line: number; character: number }) {
    const entry = await usable(uri);
    if (!entry) return undefined;
    const offset = entry.doc.offsetAt(position);
    if (offset > entry.analysedLength) return undefined;
    return { doc: entry.doc, analysis: entry.analysis, offset };
  }

  // Corrections file, code actions and the cards' entity-info request (src/server/corrections).
  corrections = registerCorrections({
    connection,
    documents,
    usable,
    invalidate: (uris) => cache.invalidateAll(uris),
    // closed files in the workspace index are analysed with the corrections too
    correctionsChanged: (affects) => workspaceIndex?.reindex(affects),
    hoverSettings: () => settings.hover,
    log,
  });

  connection.onInitialize((params: InitializeParams): InitializeResult => {
    const opts = (params.initializationOptions ?? {}) as InitializationOptions;
    settings = mergeSettings(opts.settings);
    setupL10n(opts.l10nBundle, params.locale, log);
    setDisplayLocale(params.locale);
    corrections?.initialize(params);
    return {
      capabilities: {
        textDocumentSync: {
          openClose: true,
          change: TextDocumentSyncKind.Incremental,
        },
        hoverProvider: true,
        documentSymbolProvider: { label: 'News Lens' },
        documentHighlightProvider: true,
        referencesProvider: true,
        definitionProvider: true,
        workspaceSymbolProvider: true,
        codeActionProvider: { codeActionKinds: [CORRECTION_QUICKFIX, CORRECTION_REFACTOR] },
      },
      serverInfo: { name: 'news-lens', version: '0.1.0' },
    };
  });

  connection.onDidChangeConfiguration((change) => {
    const s = (change.settings as { newsLens?: unknown } | undefined)?.newsLens;
    if (s === undefined) return;
    settings = mergeSettings(s);
    cache.invalidateAll(documents.keys());
  });

  const justOpened = new Set<string>();
  documents.onDidOpen((e) => {
    justOpened.add(e.document.uri);
    const d = e.document;
    startup.opened(d.uri, !isCorrectionsUri(d.uri) && settings.languages.includes(d.languageId) && hasCjk(d.getText().slice(0, 20_000)));
  });
  documents.onDidChangeContent((e) => {
    const uri = e.document.uri;
    if (isCorrectionsUri(uri)) return; // not an article: src/server/corrections reads it
    // First paint as soon as possible; edits wait for quiet, as long as the document takes to analyse
    // (IME composition sends many changes)
    const first = justOpened.delete(uri);
    cache.schedule(uri, first ? 0 : cache.editDelay(uri));
  });
  documents.onDidClose((e) => {
    justOpened.delete(e.document.uri);
    cache.delete(e.document.uri);
  });

  connection.onHover((p) =>
    safe('hover', null, async () => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? hoverAt(a.doc, a.analysis, a.offset, corrections?.cardContext(p.textDocument.uri)) : null;
    }),
  );

  connection.onDocumentSymbol((p) =>
    safe('documentSymbol', [], async () => {
      const entry = await usable(p.textDocument.uri);
      return entry ? outlineOf(entry, settings.outlineMarkdown) : [];
    }),
  );

  connection.onDocumentHighlight((p) =>
    safe('documentHighlight', null, async () => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? documentHighlights(a.doc, a.analysis, a.offset) : null;
    }),
  );

  connection.onReferences((p) =>
    safe('references', null, async () => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? references(a.doc, a.analysis, a.offset, p.context?.includeDeclaration ?? true) : null;
    }),
  );

  connection.onDefinition((p) =>
    safe('definition', null, async () => {
      const a = await at(p.textDocument.uri, p.position);
      return a ? definition(a.doc, a.analysis, a.offset) : null;
    }),
  );

  connection.onWorkspaceSymbol((p) =>
    safe('workspaceSymbol', [], async () => {
      const entries = await Promise.all(documents.keys().map((uri) => usable(uri)));
      const docs = entries.filter((e): e is AnalysisEntry => !!e).map((e) => ({ doc: e.doc, analysis: e.analysis }));
      const fromIndex = (await workspaceIndex?.symbols(p.query, new Set(documents.keys()))) ?? [];
      return [...workspaceSymbols(p.query, docs), ...fromIndex].slice(0, 500);
    }),
  );

  connection.onRequest(EntityRangesRequestMethod, (p: EntityRangesParams): Promise<EntityRangesResult> =>
    safe('entityRanges', { uri: p?.uri, version: null, groups: [] }, async () => {
      const entry = typeof p?.uri === 'string' ? await cache.get(p.uri) : undefined;
      if (!entry) return { uri: p?.uri, version: null, groups: [] };
      return { uri: entry.uri, version: entry.version, groups: entry.skipped ? [] : await rangesOf(entry) };
    }),
  );

  // Regions view summaries, the workspace index (workspace mode, Ctrl+T), file watching; files on
  // disk are analysed with the same corrections (and alias merging) as open documents.
  workspaceIndex = registerWorkspaceIndex({
    connection,
    documents,
    usable,
    background: (text, options) => (workerBroken ? undefined : pool.submit(text, options)),
    analyzeOptions: (uri) => corrections?.analyzeOptions(uri),
    postProcess: (analysis, options, text) => userCorrected(analysis, options, text),
    foldersChanged: (folders) => corrections?.store.addFolders(folders),
    maxDocumentSize: () => settings.maxDocumentSize,
    log,
  });

  connection.onShutdown(() => {
    workspaceIndex?.dispose();
    cache.dispose();
    pool.dispose();
  });

  documents.listen(connection);
  connection.listen();
}

if (!isMainThread && workerData === WORKER_MARK) runWorker();
else startServer();
