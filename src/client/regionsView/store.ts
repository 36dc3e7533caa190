/**
 * What the reader features (Regions view, status bar, export, analysis table) know about the
 * server: summaries of open articles fetched with `newsLens/analysis` and cached per document
 * version, and the workspace index. Nothing is analysed in the client.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ArticleSummaryRequestMethod,
  fetchSummary,
  WorkspaceChangedNotificationMethod,
  WorkspaceConfigureRequestMethod,
  WorkspaceIndexRequestMethod,
  WorkspaceProgressNotificationMethod,
  type ArticleSummary,
  type WorkspaceConfigureParams,
  type WorkspaceIndexResult,
  type WorkspaceProgressParams,
} from '../../protocol';

/** How the reader features reach the language client (which is replaced on restart). */
export interface ReaderHost {
  /** The current client once it runs; undefined when there is none. */
  client(): Promise<LanguageClient | undefined>;
  /** Fires when the server reports a new analysis of a document. */
  readonly onAnalysisChanged: vscode.Event<vscode.Uri>;
  /** Calls `hook` for the current client and every client created later (restarts). */
  onClient(hook: (c: LanguageClient) => void): void;
}

export function isArticle(doc: vscode.TextDocument | undefined): doc is vscode.TextDocument {
  if (!doc || (doc.uri.scheme !== 'file' && doc.uri.scheme !== 'untitled')) return false;
  const langs = vscode.workspace.getConfiguration('newsLens').get<string[]>('languages', ['markdown', 'plaintext']);
  return langs.includes(doc.languageId);
}

export class SummaryStore implements vscode.Disposable {
  private readonly cache = new Map<string, { version: number; summary: ArticleSummary }>();
  private readonly inflight = new Map<string, { version: number; promise: Promise<ArticleSummary | undefined> }>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  /** A document's summary may have changed (new analysis). */
  readonly onDidChange = this.changed.event;
  private readonly wsChanged = new vscode.EventEmitter<void>();
  /** The workspace index changed. */
  readonly onDidChangeWorkspace = this.wsChanged.event;
  private readonly progressEmitter = new vscode.EventEmitter<WorkspaceProgressParams>();
  readonly onWorkspaceProgress = this.progressEmitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly host: ReaderHost) {
    this.disposables.push(
      this.changed,
      this.wsChanged,
      this.progressEmitter,
      host.onAnalysisChanged((uri) => {
        this.cache.delete(uri.toString());
        this.changed.fire(uri);
      }),
      vscode.workspace.onDidCloseTextDocument((d) => this.cache.delete(d.uri.toString())),
    );
    host.onClient((c) => {
      c.onNotification(WorkspaceChangedNotificationMethod, () => this.wsChanged.fire());
      c.onNotification(WorkspaceProgressNotificationMethod, (p: WorkspaceProgressParams) => this.progressEmitter.fire(p));
    });
  }

  /** Summary of a document at its current version (undefined when the server is not running). */
  async summary(doc: vscode.TextDocument): Promise<ArticleSummary | undefined> {
    const key = doc.uri.toString();
    const version = doc.version;
    const hit = this.cache.get(key);
    if (hit && hit.version === version) return hit.summary;
    const pending = this.inflight.get(key);
    if (pending && pending.version === version) return pending.promise;
    const promise = (async () => {
      const c = await this.host.client();
      if (!c) return undefined;
      const s = await fetchSummary((p) => c.sendRequest<ArticleSummary>(ArticleSummaryRequestMethod, p), key);
      if (s && doc.version === version && !doc.isClosed) this.cache.set(key, { version, summary: s });
      return s;
    })().finally(() => {
      if (this.inflight.get(key)?.promise === promise) this.inflight.delete(key);
    });
    this.inflight.set(key, { version, promise });
    return promise;
  }

  /** Summary for a URI that may not be open (the server answers from its workspace index). */
  async summaryOf(uri: vscode.Uri): Promise<ArticleSummary | undefined> {
    const doc = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    if (doc) return this.summary(doc);
    const c = await this.host.client();
    return c ? fetchSummary((p) => c.sendRequest<ArticleSummary>(ArticleSummaryRequestMethod, p), uri.toString()) : undefined;
  }

  async workspaceIndex(waitForIdle = false): Promise<WorkspaceIndexResult | undefined> {
    const c = await this.host.client();
    return c?.sendRequest<WorkspaceIndexResult>(WorkspaceIndexRequestMethod, { waitForIdle });
  }

  async configureWorkspace(): Promise<void> {
    const c = await this.host.client();
    if (!c) return;
    const cfg = vscode.workspace.getConfiguration('newsLens.workspace');
    const params: WorkspaceConfigureParams = {
      folders: (vscode.workspace.workspaceFolders ?? []).filter((f) => f.uri.scheme === 'file').map((f) => f.uri.toString()),
      settings: {
        enabled: cfg.get<boolean>('index', true),
        exclude: cfg.get<string[]>('exclude', []),
        maxFileSize: cfg.get<number>('maxFileSize', 2_000_000),
        maxFiles: cfg.get<number>('maxFiles', 5_000),
      },
    };
    await c.sendRequest(WorkspaceConfigureRequestMethod, params);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
