/**
 * News Lens client: starts the language server (node IPC), paints entity decorations, and exposes a
 * small API for the integration tests. All analysis lives in the server.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  State,
  TransportKind,
  type DocumentSelector,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import {
  AnalysisChangedNotificationMethod,
  EntityRangesRequestMethod,
  StatusNotificationMethod,
  type StatusParams,
  type AnalysisChangedParams,
  type EntityRangesResult,
  type InitializationOptions,
  type ServerSettings,
} from '../protocol';
import { decorationKind, Highlighter, type PaintGroup } from './highlighting';
import { registerReaderFeatures } from './regionsView/index';
import { registerCardCommands, TRUSTED_HOVER_COMMANDS } from './cardCommands';
import { CORRECTIONS_SELECTOR, registerCorrections } from './corrections/index';
import { registerPersonCorrections } from './corrections/people';
import { StartupProgress } from './startupProgress';
import { CrashPolicy, type ServerHealth } from './serverHealth';

export type { PaintGroup, DecorationKind } from './highlighting';

/** Returned from `activate`; the integration suite uses it to check that highlighting happened. */
export interface NewsLensApi {
  /** Resolves once the language server is up (rejects if it could not start). */
  readonly ready: Promise<void>;
  /** Ranges the server reports for a document at its current version, grouped by decoration kind. */
  getEntityRanges(uri: vscode.Uri | string): Promise<PaintGroup[]>;
  /** Ranges currently painted as decorations for a document (empty when hidden or disabled). */
  getPaintedRanges(uri: vscode.Uri | string): PaintGroup[];
  /** Fires after a document's decorations were applied or cleared. */
  readonly onDidPaint: vscode.Event<vscode.Uri>;
  /** The cold-start progress messages shown so far ("loading the recognition model…", …). */
  readonly startupMessages: readonly string[];
  /** The code action requests VS Code made, with how they were triggered and how many actions came back. */
  readonly codeActionLog: readonly { trigger: 'invoke' | 'automatic'; empty: boolean; actions: number }[];
  /** The current server's crashes and whether the client gave up restarting it (./serverHealth.ts). */
  serverHealth(): ServerHealth;
}

let client: LanguageClient | undefined;
let crashPolicy: CrashPolicy | undefined;
const startupProgress = new StartupProgress();
/** The last code action requests (bounded), for the integration tests. */
const codeActionLog: { trigger: 'invoke' | 'automatic'; empty: boolean; actions: number }[] = [];
let starting: Promise<void> = Promise.resolve();
/** Reader features (Regions view, status bar, export) hook into every client and its analyses. */
const analysisChanged = new vscode.EventEmitter<vscode.Uri>();
const clientHooks: ((c: LanguageClient) => void)[] = [];

function toUri(u: vscode.Uri | string): vscode.Uri {
  return typeof u === 'string' ? vscode.Uri.parse(u) : u;
}

function readSettings(): ServerSettings {
  const c = vscode.workspace.getConfiguration('newsLens');
  return {
    languages: c.get<string[]>('languages', ['markdown', 'plaintext']),
    maxDocumentSize: c.get<number>('maxDocumentSize', 500_000),
    debounceMs: 300,
    hover: c.get<ServerSettings['hover']>('hover'),
    outlineMarkdown: c.get<ServerSettings['outlineMarkdown']>('outline.markdown', 'sections'),
  };
}

function selectorFor(languages: string[]): DocumentSelector {
  return languages.flatMap((language) => [
    { scheme: 'file', language },
    { scheme: 'untitled', language },
  ]);
}

/**
 * `fileEvents` watchers are never disposed by the language client (stop() only drops its listeners),
 * so each client restart must not create a new one: one watcher lives as long as the extension and
 * every client hooks into it.
 */
function createClient(context: vscode.ExtensionContext, highlighter: () => Highlighter | undefined, articleWatcher: vscode.FileSystemWatcher): LanguageClient {
  const module = context.asAbsolutePath(path.join('dist', 'server', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const settings = readSettings();
  const initializationOptions: InitializationOptions = { settings, l10nBundle: vscode.l10n.uri?.fsPath };
  const clientOptions: LanguageClientOptions = {
    // the corrections file is synced too, so unsaved edits to it apply at once
    documentSelector: [...selectorFor(settings.languages), ...CORRECTIONS_SELECTOR],
    // hover cards link to our own commands, and only those may run
    markdown: { isTrusted: { enabledCommands: TRUSTED_HOVER_COMMANDS } },
    // Sends workspace/didChangeConfiguration with the whole `newsLens` section on change.
    synchronize: { configurationSection: 'newsLens', fileEvents: articleWatcher },
    initializationOptions,
    outputChannelName: 'News Lens',
    middleware: {
      // records how VS Code asked for code actions (the lightbulb asks automatically on every selection)
      async provideCodeActions(document, range, context, token, next) {
        const result = await next(document, range, context, token);
        codeActionLog.push({ trigger: context.triggerKind === vscode.CodeActionTriggerKind.Invoke ? 'invoke' : 'automatic', empty: range.isEmpty, actions: result?.length ?? 0 });
        if (codeActionLog.length > 200) codeActionLog.splice(0, codeActionLog.length - 200);
        return result;
      },
    },
    // restart after a crash, and at the fifth in three minutes stop with a message that says so
    errorHandler: (crashPolicy = new CrashPolicy({
      restart: () => void vscode.commands.executeCommand('newsLens.restartServer'),
      showLog: () => client?.outputChannel.show(),
    })),
  };
  const c = new LanguageClient('newsLens', 'News Lens', serverOptions, clientOptions);
  // Handlers registered before start() survive the client's automatic restarts.
  c.onNotification(AnalysisChangedNotificationMethod, (p: AnalysisChangedParams) => {
    highlighter()?.analysisChanged(c.protocol2CodeConverter.asUri(p.uri));
    analysisChanged.fire(c.protocol2CodeConverter.asUri(p.uri));
  });
  c.onNotification(StatusNotificationMethod, (p: StatusParams) => startupProgress.handle(p));
  for (const hook of clientHooks) hook(c);
  c.onDidChangeState((e) => {
    if (e.newState === State.Running) highlighter()?.repaintAll();
  });
  return c;
}

async function fetchRanges(uri: vscode.Uri): Promise<{ version: number | null; groups: PaintGroup[] } | undefined> {
  const c = client;
  if (!c) return undefined;
  await starting;
  if (c !== client || !c.isRunning()) return undefined;
  const res = await c.sendRequest<EntityRangesResult>(EntityRangesRequestMethod, { uri: c.code2ProtocolConverter.asUri(uri) });
  return {
    version: res.version,
    groups: res.groups.map((g) => ({ kind: decorationKind(g), ranges: g.ranges.map((r) => c.protocol2CodeConverter.asRange(r)) })),
  };
}

export async function activate(context: vscode.ExtensionContext): Promise<NewsLensApi> {
  let highlighter: Highlighter | undefined;
  // the workspace index follows article files on disk (workspace/didChangeWatchedFiles); shared by all clients
  const articleWatcher = vscode.workspace.createFileSystemWatcher('**/*.{md,txt}');
  context.subscriptions.push(articleWatcher);
  client = createClient(context, () => highlighter, articleWatcher);
  highlighter = new Highlighter({ fetch: (uri) => fetchRanges(uri) });
  context.subscriptions.push(highlighter);

  const start = async () => {
    try {
      await client!.start();
    } catch (err) {
      void vscode.window.showErrorMessage(vscode.l10n.t('News Lens could not start its language server: {0}', String(err)));
      throw err;
    }
  };
  starting = start();
  const ready = starting;
  ready.catch(() => undefined);
  registerReaderFeatures(context, {
    onAnalysisChanged: analysisChanged.event,
    onClient: (hook) => {
      clientHooks.push(hook);
      if (client) hook(client);
    },
    async client() {
      await starting.catch(() => undefined);
      return client?.isRunning() ? client : undefined;
    },
  });
  // Card links (mentions, find all, copy) and the user's corrections (.vscode/news-lens.json).
  const featureHost = {
    onClient: (hook: (c: LanguageClient) => void) => {
      clientHooks.push(hook);
      if (client) hook(client);
    },
    async client() {
      await starting.catch(() => undefined);
      return client?.isRunning() ? client : undefined;
    },
  };
  registerCardCommands(context, featureHost);
  registerCorrections(context, featureHost);
  registerPersonCorrections(context, featureHost);

  const restart = async () => {
    const old = client;
    client = createClient(context, () => highlighter, articleWatcher);
    starting = (async () => {
      try {
        await old?.stop();
      } catch {
        /* was not running */
      }
      await start();
    })();
    starting.catch(() => undefined);
    await starting;
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('newsLens.toggleHighlighting', async () => {
      const config = vscode.workspace.getConfiguration('newsLens');
      const next = !highlighter!.isEnabled;
      // Persist as a user setting; the configuration listener applies it (and other windows follow).
      await config.update('highlighting.enabled', next, vscode.ConfigurationTarget.Global);
      highlighter!.setEnabled(next);
      vscode.window.setStatusBarMessage(
        next ? vscode.l10n.t('News Lens: entity highlighting on') : vscode.l10n.t('News Lens: entity highlighting off'),
        2500,
      );
    }),
    vscode.commands.registerCommand('newsLens.restartServer', () => restart()),
    vscode.workspace.onDidChangeConfiguration((e) => {
      // The document selector is fixed when the client starts: a new language list needs a restart.
      if (e.affectsConfiguration('newsLens.languages')) void restart();
    }),
    { dispose: () => void client?.stop() },
    startupProgress,
  );

  return {
    ready,
    async getEntityRanges(uri) {
      await starting;
      return (await fetchRanges(toUri(uri)))?.groups ?? [];
    },
    getPaintedRanges(uri) {
      return highlighter!.paintedRanges(toUri(uri));
    },
    onDidPaint: highlighter.onDidPaint,
    startupMessages: startupProgress.shown,
    codeActionLog,
    serverHealth: () => ({ ...(crashPolicy?.health ?? { crashes: 0 }) }),
  };
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  if (c?.isRunning()) await c.stop();
}
