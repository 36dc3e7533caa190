/**
 * The workspace index: every article (*.md, *.txt containing Chinese) in the workspace folders,
 * read from disk with fs and analysed in the background, one file at a time (yielding to the event
 * loop between files; analysis itself runs in the server's worker thread when it is available), so
 * the server keeps answering while a large folder is indexed. Huge and binary files are skipped.
 * Open documents are answered from their live analysis instead of the disk copy. Files are
 * re-indexed on workspace/didChangeWatchedFiles (the client watches **\/*.{md,txt}). Files are analysed
 * with the user's corrections (.vscode/news-lens.json) like open documents, and re-indexed when the
 * corrections change (reindex()).
 *
 * Also answers `newsLens/analysis` (the per-article summary the Regions view, the table and export
 * use), since it shares the summary code.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { FileChangeType, type Connection, type SymbolInformation, type TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { AnalysisJob } from '../analysisWorker';
import { analyzeText, type Analysis, type AnalyzeOptions } from '../core';
import { hasCjk, safePrefix, type AnalysisEntry } from '../documentCache';
import { symbolKindFor } from '../documentSymbols';
import { buildSummarySliced } from '../export/summary';
import { summaryOf } from '../derived';
import {
  ArticleSummaryRequestMethod,
  summaryPage,
  DEFAULT_WORKSPACE_INDEX_SETTINGS,
  WorkspaceChangedNotificationMethod,
  WorkspaceConfigureRequestMethod,
  WorkspaceIndexRequestMethod,
  WorkspaceProgressNotificationMethod,
  type ArticleSummary,
  type ArticleSummaryParams,
  type WorkspaceConfigureParams,
  type WorkspaceIndexParams,
  type WorkspaceIndexResult,
  type WorkspaceIndexSettings,
  type WorkspaceProgressParams,
} from '../../protocol';
import { matches } from '../workspaceSymbols';
import { indexResult, indexSymbols, type IndexedArticle } from './merge';
import { buildGraph, RelationsRequestMethod, type RelationsGraph } from '../../protocol/relations';

export interface WorkspaceIndexHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  /** The live analysis of an open document (undefined when not open or skipped). */
  usable(uri: string): Promise<AnalysisEntry | undefined>;
  /** Analysis in the server's worker thread; undefined or throwing = analyse inline. */
  background?(text: string, options?: AnalyzeOptions): AnalysisJob | undefined;
  /** Options for a file's analysis (the user's corrections, as for open documents); reindex() when they change. */
  analyzeOptions?(uri: string): AnalyzeOptions | undefined;
  /** Adjust a finished analysis made with `options` (the user's aliases the core leaves apart). */
  postProcess?(analysis: Analysis, options: AnalyzeOptions | undefined, text: string): Analysis;
  /** The index was (re)configured with these workspace folders (URIs). */
  foldersChanged?(folderUris: string[]): void;
  maxDocumentSize(): number;
  log(message: string): void;
}

const ARTICLE_EXT = /\.(md|markdown|txt)$/i;
/** Files read to look for NUL bytes (binary) before decoding. */
const SNIFF_BYTES = 8192;

function emptySummary(uri: string, skipped?: string): ArticleSummary {
  return { uri, version: null, skipped, entities: [], mentions: [], regions: [], relations: [] };
}

function toPath(uri: string): string | undefined {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : undefined;
  } catch {
    return undefined;
  }
}

const tick = () => new Promise<void>((r) => setImmediate(r));

export class WorkspaceIndex {
  private folders: string[] = [];
  private settings: WorkspaceIndexSettings = { ...DEFAULT_WORKSPACE_INDEX_SETTINGS };
  /** fsPath → indexed article */
  private readonly articles = new Map<string, IndexedArticle>();
  private readonly queue: string[] = [];
  private readonly queued = new Set<string>();
  private generation = 0;
  private running = false;
  private walking = 0;
  private filesSeen = 0;
  private progress = { done: 0, total: 0, lastSent: 0, begun: false };
  private idleWaiters: (() => void)[] = [];
  private changedTimer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;
  /** The file being analysed right now (not yet in `articles`). */
  private current: string | undefined;

  constructor(private readonly host: WorkspaceIndexHost) {}

  get busy(): boolean {
    return this.running || this.walking > 0 || this.queue.length > 0;
  }

  configure(p: WorkspaceConfigureParams): void {
    const s = p?.settings ?? DEFAULT_WORKSPACE_INDEX_SETTINGS;
    this.settings = {
      enabled: s.enabled !== false,
      exclude: Array.isArray(s.exclude) ? s.exclude.filter((x) => typeof x === 'string') : DEFAULT_WORKSPACE_INDEX_SETTINGS.exclude,
      maxFileSize: typeof s.maxFileSize === 'number' && s.maxFileSize > 0 ? s.maxFileSize : DEFAULT_WORKSPACE_INDEX_SETTINGS.maxFileSize,
      maxFiles: typeof s.maxFiles === 'number' && s.maxFiles > 0 ? s.maxFiles : DEFAULT_WORKSPACE_INDEX_SETTINGS.maxFiles,
    };
    this.folders = (Array.isArray(p?.folders) ? p.folders : []).map(toPath).filter((x): x is string => !!x);
    this.generation++;
    this.queue.length = 0;
    this.queued.clear();
    this.articles.clear();
    this.filesSeen = 0;
    // the folders' corrections files, read before their articles are analysed
    try {
      this.host.foldersChanged?.(this.folders.map((f) => pathToFileURL(f).toString()));
    } catch (err) {
      this.host.log(`News Lens: workspace folders: ${String(err)}`);
    }
    this.notifyChanged();
    if (!this.settings.enabled) return this.checkIdle();
    const gen = this.generation;
    this.walking++;
    void this.walkAll(gen).finally(() => {
      this.walking--;
      this.checkIdle();
    });
  }

  /** The merged index, with open documents' live analyses in place of their disk copies. */
  async result(p: WorkspaceIndexParams = {}): Promise<WorkspaceIndexResult> {
    if (p.waitForIdle) await this.idle();
    return indexResult(await this.withOpenDocuments(), { indexing: this.busy, filesSeen: this.filesSeen });
  }

  async symbols(query: string, openUris: Set<string>): Promise<SymbolInformation[]> {
    return indexSymbols(query, [...this.articles.values()], openUris, matches, (k) => symbolKindFor(k));
  }

  /** The indexed summary of a file that is not open, if any. */
  indexed(uri: string): ArticleSummary | undefined {
    const p = toPath(uri);
    return p ? this.articles.get(p)?.summary : undefined;
  }

  idle(): Promise<void> {
    if (!this.busy) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  filesChanged(changes: { uri: string; type: number }[]): void {
    let removed = false;
    for (const c of changes) {
      const p = toPath(c.uri);
      if (!p || !this.accepts(p)) continue;
      if (c.type === FileChangeType.Deleted) {
        removed = this.articles.delete(p) || removed;
        // a deleted folder: drop what was under it
        for (const k of [...this.articles.keys()]) if (k.startsWith(p + path.sep)) removed = this.articles.delete(k) || removed;
      } else {
        this.enqueue(p);
      }
    }
    if (removed) this.notifyChanged();
    this.pump();
  }

  /**
   * The analysis options changed (the user's corrections file): analyse again every indexed file
   * they apply to, and the one being analysed now.
   */
  reindex(affects: (uri: string) => boolean = () => true): void {
    if (this.disposed || !this.settings.enabled) return;
    const paths = [...this.articles.keys()];
    if (this.current) paths.push(this.current);
    for (const p of paths) if (affects(pathToFileURL(p).toString())) this.enqueue(p);
    this.pump();
  }

  dispose(): void {
    this.disposed = true;
    this.generation++;
    this.queue.length = 0;
    if (this.changedTimer) clearTimeout(this.changedTimer);
    for (const w of this.idleWaiters.splice(0)) w();
  }

  // ---- internals

  private folderOf(p: string): string | undefined {
    return this.folders.find((f) => p === f || p.startsWith(f.endsWith(path.sep) ? f : f + path.sep));
  }

  private relative(p: string): string {
    const f = this.folderOf(p);
    const rel = f ? path.relative(f, p) : path.basename(p);
    return rel.split(path.sep).join('/');
  }

  /** Inside a folder, an article extension, and no excluded or hidden segment on the way. */
  private accepts(p: string): boolean {
    const f = this.folderOf(p);
    if (!f || !this.settings.enabled) return false;
    const segs = path.relative(f, p).split(path.sep);
    if (segs.some((s) => this.excluded(s))) return false;
    return ARTICLE_EXT.test(p);
  }

  private excluded(name: string): boolean {
    return (name.startsWith('.') && name.length > 1) || this.settings.exclude.includes(name);
  }

  private async walkAll(gen: number): Promise<void> {
    for (const f of this.folders) {
      try {
        await this.walk(f, gen, 0);
      } catch (err) {
        this.host.log(`News Lens: indexing ${f} failed: ${String(err)}`);
      }
      if (gen !== this.generation) return;
    }
  }

  private async walk(dir: string, gen: number, depth: number): Promise<void> {
    if (gen !== this.generation || depth > 32 || this.filesSeen >= this.settings.maxFiles) return;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (gen !== this.generation) return;
      if (this.excluded(e.name)) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory()) await this.walk(p, gen, depth + 1);
      else if (e.isFile() && ARTICLE_EXT.test(e.name)) {
        if (this.filesSeen >= this.settings.maxFiles) return;
        this.filesSeen++;
        this.enqueue(p);
        this.pump();
      }
    }
    await tick();
  }

  private enqueue(p: string): void {
    if (this.queued.has(p)) return;
    this.queued.add(p);
    this.queue.push(p);
    this.progress.total++;
  }

  private pump(): void {
    if (this.running || this.disposed) return;
    this.running = true;
    void this.loop().finally(() => {
      this.running = false;
      this.checkIdle();
    });
  }

  private async loop(): Promise<void> {
    while (this.queue.length && !this.disposed) {
      const gen = this.generation;
      const p = this.queue.shift()!;
      this.queued.delete(p);
      this.sendProgress(p);
      this.current = p;
      try {
        const article = await this.indexFile(p);
        if (gen !== this.generation) continue;
        const had = this.articles.has(p);
        if (article) this.articles.set(p, article);
        else this.articles.delete(p);
        if (article || had) this.notifyChanged();
      } catch (err) {
        this.host.log(`News Lens: indexing ${p} failed: ${String((err as Error)?.stack ?? err)}`);
      } finally {
        this.current = undefined;
      }
      this.progress.done++;
      await tick();
    }
  }

  private async indexFile(p: string): Promise<IndexedArticle | undefined> {
    let stat: fs.Stats;
    try {
      stat = await fs.promises.stat(p);
    } catch {
      return undefined; // deleted meanwhile
    }
    if (!stat.isFile() || stat.size === 0 || stat.size > this.settings.maxFileSize) return undefined;
    const buf = await fs.promises.readFile(p);
    if (buf.subarray(0, SNIFF_BYTES).includes(0)) return undefined; // binary (or UTF-16)
    let text = buf.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const limited = safePrefix(text, Math.max(1_000, this.host.maxDocumentSize()));
    if (!hasCjk(limited)) return undefined;
    const uri = pathToFileURL(p).toString();
    // the same corrections as an open editor of the file gets (documentCache.ts)
    const options = this.host.analyzeOptions?.(uri);
    const raw = await this.analyse(limited, options);
    const analysis = this.host.postProcess ? this.host.postProcess(raw, options, limited) : raw;
    const doc = TextDocument.create(uri, /\.txt$/i.test(p) ? 'plaintext' : 'markdown', 0, limited);
    const summary = await buildSummarySliced(doc, analysis, { truncated: limited.length < text.length });
    summary.version = null; // not an editor version
    return { uri, path: this.relative(p), summary };
  }

  private async analyse(text: string, options: AnalyzeOptions | undefined): Promise<Analysis> {
    let job: AnalysisJob | undefined;
    try {
      job = this.host.background?.(text, options);
    } catch {
      job = undefined;
    }
    if (job) {
      try {
        return await job.promise;
      } catch {
        /* worker gone or cancelled: inline below */
      }
    }
    return analyzeText(text, options);
  }

  /** Every indexed article and every open one (their live analysis), for the relations picture. */
  async allArticles(): Promise<IndexedArticle[]> {
    return this.withOpenDocuments();
  }

  private async withOpenDocuments(): Promise<IndexedArticle[]> {
    const out = new Map<string, IndexedArticle>(this.articles);
    for (const uri of this.host.documents.keys()) {
      const p = toPath(uri);
      if (!p || !this.accepts(p)) continue;
      const entry = await this.host.usable(uri);
      if (!entry) {
        out.delete(p);
        continue;
      }
      out.set(p, { uri, path: this.relative(p), summary: await summaryOf(entry) });
    }
    return [...out.values()];
  }

  private sendProgress(file: string): void {
    const now = Date.now();
    const pr = this.progress;
    let params: WorkspaceProgressParams | undefined;
    if (!pr.begun) {
      pr.begun = true;
      pr.lastSent = now;
      params = { state: 'begin', done: pr.done, total: pr.total, file: this.relative(file) };
    } else if (now - pr.lastSent > 150) {
      pr.lastSent = now;
      params = { state: 'report', done: pr.done, total: Math.max(pr.total, pr.done), file: this.relative(file) };
    }
    if (params) void this.host.connection.sendNotification(WorkspaceProgressNotificationMethod, params).catch(() => undefined);
  }

  private checkIdle(): void {
    if (this.busy) return;
    const pr = this.progress;
    if (pr.begun) {
      const params: WorkspaceProgressParams = { state: 'end', done: pr.done, total: pr.total };
      void this.host.connection.sendNotification(WorkspaceProgressNotificationMethod, params).catch(() => undefined);
    }
    this.progress = { done: 0, total: 0, lastSent: 0, begun: false };
    for (const w of this.idleWaiters.splice(0)) w();
  }

  private notifyChanged(): void {
    if (this.changedTimer) return;
    this.changedTimer = setTimeout(() => {
      this.changedTimer = undefined;
      void this.host.connection.sendNotification(WorkspaceChangedNotificationMethod, {}).catch(() => undefined);
    }, 400);
  }
}

/**
 * Registers `newsLens/analysis`, the workspace index requests and file watching on the connection.
 * Returns the index so server.ts can answer workspace/symbol from it.
 */
export function registerWorkspaceIndex(host: WorkspaceIndexHost): WorkspaceIndex {
  const { connection } = host;
  const index = new WorkspaceIndex(host);
  const safe = async <T>(what: string, fallback: T, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (err) {
      host.log(`News Lens: ${what} failed: ${String((err as Error)?.stack ?? err)}`);
      return fallback;
    }
  };

  connection.onRequest(ArticleSummaryRequestMethod, (p: ArticleSummaryParams) =>
    safe('analysis summary', emptySummary(p?.uri), async () => {
      if (typeof p?.uri !== 'string') return emptySummary('');
      if (!host.documents.get(p.uri)) return summaryPage(index.indexed(p.uri) ?? emptySummary(p.uri, 'not-open'), p.from);
      const entry = await host.usable(p.uri);
      if (!entry) return emptySummary(p.uri, 'skipped');
      return summaryPage(await summaryOf(entry), p.from);
    }),
  );
  connection.onRequest(WorkspaceConfigureRequestMethod, (p: WorkspaceConfigureParams) => {
    index.configure(p);
    return { ok: true };
  });
  connection.onRequest(WorkspaceIndexRequestMethod, (p: WorkspaceIndexParams) =>
    safe('workspace index', { indexing: false, articleCount: 0, filesSeen: 0, entities: [] }, () => index.result(p ?? {})),
  );
  connection.onDidChangeWatchedFiles((p) => index.filesChanged(p?.changes ?? []));
  // the workspace's relations picture: every article's officials, business people and companies merged
  connection.onRequest(RelationsRequestMethod, () =>
    safe('relations', { scope: 'workspace', nodes: [], edges: [] } as RelationsGraph, async () => buildGraph(await index.allArticles(), 'workspace')),
  );
  return index;
}
