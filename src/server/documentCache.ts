/**
 * Analysis per open document, keyed by URI + version. Computed lazily (a request for a version not
 * yet analysed starts it and waits) and, after edits, debounced so that IME composition and fast
 * typing cost one analysis, not one per keystroke. Short documents are analysed inline; long ones in
 * a worker thread so the server keeps answering, and a superseded job (newer version, closed
 * document) is cancelled. Oversized, binary and non-Chinese documents are guarded here so no feature
 * has to think about them.
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CancelledError, type AnalysisJob } from './analysisWorker';
import { analyzeText, emptyAnalysis, type Analysis, type AnalyzeOptions } from './core';
import type { ServerSettings } from '../protocol';

export type SkipReason = 'language' | 'binary' | 'no-cjk' | 'error';

export interface AnalysisEntry {
  uri: string;
  version: number;
  /** An immutable snapshot of the document at `version`: convert offsets with this, not the live one. */
  doc: TextDocument;
  analysis: Analysis;
  /** Characters analysed; less than the document length when truncated. */
  analysedLength: number;
  truncated: boolean;
  skipped?: SkipReason;
  /** Milliseconds the analysis took (wall clock). */
  elapsedMs: number;
}

export interface CacheHost {
  getDocument(uri: string): TextDocument | undefined;
  settings(): ServerSettings;
  /** Analyse in the background; undefined = no worker available, analyse inline. */
  background?(text: string, options?: AnalyzeOptions): AnalysisJob | undefined;
  /** Options for a document's analysis (the user's corrections); invalidateAll() when they change. */
  analyzeOptions?(uri: string): AnalyzeOptions | undefined;
  /** Adjust a finished analysis made with `options` (e.g. the user's aliases the core leaves apart). */
  postProcess?(analysis: Analysis, options: AnalyzeOptions | undefined, text: string): Analysis;
  /** Called once per (uri, version) when a scheduled analysis completes. */
  analysed(entry: AnalysisEntry): void;
  /** The document crossed a guard; called at most once per URI and reason while open. */
  guarded(uri: string, reason: 'truncated' | 'binary', detail: { limit: number; length: number }): void;
  log(message: string): void;
}

/** Texts at least this long are analysed in the worker (~20 ms per 1000 characters in the core). */
export const INLINE_LIMIT = 20_000;

// CJK Unified Ideographs (+ Ext A) and compatibility ideographs.
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

export function hasCjk(text: string): boolean {
  return CJK.test(text);
}

/** Cut at `limit` without splitting a surrogate pair. */
export function safePrefix(text: string, limit: number): string {
  if (text.length <= limit) return text;
  let end = Math.max(0, limit);
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end -= 1;
  return text.slice(0, end);
}

interface Pending {
  version: number;
  promise: Promise<AnalysisEntry | undefined>;
  job?: AnalysisJob;
}

/** The shortest wait after an edit (keys typed together, one analysis). */
export const EDIT_DELAY_MIN_MS = 15;

export class DocumentAnalysisCache {
  private readonly entries = new Map<string, AnalysisEntry>();
  private readonly pending = new Map<string, Pending>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly notified = new Map<string, number>();
  private readonly warned = new Set<string>();

  constructor(private readonly host: CacheHost) {}

  /**
   * The analysis for the document's current version, starting it if needed. Resolves undefined if
   * the document is not open, was closed meanwhile, or the job was superseded.
   */
  get(uri: string): Promise<AnalysisEntry | undefined> {
    const doc = this.host.getDocument(uri);
    if (!doc) return Promise.resolve(undefined);
    const cached = this.entries.get(uri);
    if (cached && cached.version === doc.version) return Promise.resolve(cached);
    const p = this.pending.get(uri);
    if (p && p.version === doc.version) return p.promise;
    if (p) p.job?.cancel(); // an older version is being analysed: nobody needs it any more
    return this.start(doc);
  }

  /** The last finished analysis (possibly of an older version), never starts work. */
  last(uri: string): AnalysisEntry | undefined {
    return this.host.getDocument(uri) ? this.entries.get(uri) : undefined;
  }

  /**
   * How long to wait after an edit before analysing: as long as the document's last analysis took, at
   * least EDIT_DELAY_MIN_MS and at most the `debounceMs` setting. A 10,000-character article (10–20 ms
   * to analyse) gets new colours some 40 ms after a keystroke; a one-megabyte one still waits the full
   * debounce. Waiting as long as the work means at most half of the time goes to analyses that a
   * faster typist's next key makes stale, and only for a typist faster than the wait plus the work
   * (30–40 ms a key at 10,000 characters); a job in the worker is stopped, not finished, when superseded.
   * (Twice the work, as before, cost the 10,000-character article 15–20 ms on every keystroke:
   * keystroke → ranges p50 57–60 ms against 40 ms, bench/keystroke.ts.)
   */
  editDelay(uri: string): number {
    const cap = this.host.settings().debounceMs;
    const last = this.entries.get(uri);
    if (!last || last.skipped) return cap; // never analysed (or nothing to analyse): the full wait
    return Math.min(cap, Math.max(EDIT_DELAY_MIN_MS, Math.round(last.elapsedMs)));
  }

  /** Analyse after `delayMs` of quiet (0 = next tick) and report it through host.analysed. */
  schedule(uri: string, delayMs = this.host.settings().debounceMs): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      // a timer is a boundary: nothing thrown here may reach the event loop
      let next: Promise<AnalysisEntry | undefined>;
      try {
        next = this.get(uri);
      } catch (err) {
        this.host.log(`News Lens: analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`);
        return;
      }
      next.then(
        (entry) => {
          if (!entry) return; // closed or superseded meanwhile
          const doc = this.host.getDocument(uri);
          if (!doc || doc.version !== entry.version) return; // a newer version is on its way
          if (this.notified.get(uri) === entry.version) return;
          this.notified.set(uri, entry.version);
          try {
            this.host.analysed(entry);
          } catch (err) {
            this.host.log(`News Lens: reporting the analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`);
          }
        },
        (err) => this.host.log(`News Lens: analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`),
      );
    }, Math.max(0, delayMs));
    this.timers.set(uri, timer);
  }

  /** Drop everything about a document (on close). Pending analyses are cancelled. */
  delete(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.pending.get(uri)?.job?.cancel();
    this.pending.delete(uri);
    this.entries.delete(uri);
    this.notified.delete(uri);
    for (const key of [...this.warned]) if (key.endsWith(`\u0000${uri}`)) this.warned.delete(key);
  }

  /** Forget all results (settings changed) and re-analyse open documents. */
  invalidateAll(uris: string[]): void {
    for (const p of this.pending.values()) p.job?.cancel();
    this.pending.clear();
    this.entries.clear();
    this.notified.clear();
    for (const uri of uris) this.schedule(uri, 0);
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    for (const p of this.pending.values()) p.job?.cancel();
    this.pending.clear();
    this.entries.clear();
  }

  private start(live: TextDocument): Promise<AnalysisEntry | undefined> {
    const uri = live.uri;
    const version = live.version;
    const fullText = live.getText();
    const doc = TextDocument.create(uri, live.languageId, version, fullText);
    const settings = this.host.settings();
    const base = { uri, version, doc, elapsedMs: 0 };
    const done = (entry: AnalysisEntry): AnalysisEntry | undefined => {
      const p = this.pending.get(uri);
      if (p && p.version === version) this.pending.delete(uri);
      const now = this.host.getDocument(uri);
      if (!now) return undefined; // closed meanwhile: don't resurrect it
      const cur = this.entries.get(uri);
      if (!cur || cur.version <= version) this.entries.set(uri, entry);
      return entry;
    };
    if (!settings.languages.includes(live.languageId)) {
      return Promise.resolve(done({ ...base, analysis: emptyAnalysis(0), analysedLength: 0, truncated: false, skipped: 'language' }));
    }
    if (fullText.indexOf('\u0000') !== -1) {
      this.warnOnce(uri, 'binary', settings.maxDocumentSize, fullText.length);
      return Promise.resolve(done({ ...base, analysis: emptyAnalysis(0, ['binary content skipped']), analysedLength: 0, truncated: false, skipped: 'binary' }));
    }
    const limit = Math.max(1_000, settings.maxDocumentSize);
    const text = safePrefix(fullText, limit);
    const truncated = text.length < fullText.length;
    if (!hasCjk(text)) {
      return Promise.resolve(done({ ...base, analysis: emptyAnalysis(text.length), analysedLength: text.length, truncated, skipped: 'no-cjk' }));
    }
    if (truncated) this.warnOnce(uri, 'truncated', limit, fullText.length);
    const t0 = Date.now();
    const options = this.host.analyzeOptions?.(uri);
    const ok = (raw: Analysis) => {
      // a fault of the statistical model (a WebAssembly trap it recovered from) goes to the log
      for (const w of raw.warnings) if (w.startsWith('statistical model:')) this.host.log(`News Lens: ${uri}: ${w}`);
      const analysis = this.host.postProcess ? this.host.postProcess(raw, options, text) : raw;
      const elapsedMs = Date.now() - t0;
      if (elapsedMs > 1000) this.host.log(`News Lens: analysing ${uri} v${version} (${text.length} chars) took ${elapsedMs} ms`);
      return done({ ...base, analysis: sanitize(analysis, text.length), analysedLength: text.length, truncated, elapsedMs });
    };
    const failed = (err: unknown) => {
      if (err instanceof CancelledError) {
        const p = this.pending.get(uri);
        if (p && p.version === version) this.pending.delete(uri);
        return undefined;
      }
      this.host.log(`News Lens: analysis of ${uri} threw: ${String((err as Error)?.stack ?? err)}`);
      return done({ ...base, analysis: emptyAnalysis(text.length, ['analysis failed']), analysedLength: text.length, truncated, skipped: 'error', elapsedMs: Date.now() - t0 });
    };
    const job = text.length >= INLINE_LIMIT ? this.host.background?.(text, options) : undefined;
    if (!job) {
      let result: AnalysisEntry | undefined;
      try {
        result = ok(analyzeText(text, options));
      } catch (err) {
        result = failed(err);
      }
      return Promise.resolve(result);
    }
    const promise = job.promise.then(ok, failed);
    this.pending.set(uri, { version, promise, job });
    return promise;
  }

  private warnOnce(uri: string, reason: 'truncated' | 'binary', limit: number, length: number): void {
    const key = `${reason}\u0000${uri}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.host.guarded(uri, reason, { limit, length });
  }
}

/** Defensive: keep only in-bounds, sorted, non-overlapping mentions so binary search and ranges are safe. */
function sanitize(analysis: Analysis, length: number): Analysis {
  const ok = (m: { start: number; end: number }) => m.start >= 0 && m.end <= length && m.start < m.end;
  let mentions = analysis.mentions.filter(ok);
  let sorted = true;
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].start) sorted = false;
  if (!sorted) mentions = [...mentions].sort((a, b) => a.start - b.start);
  const clean: typeof mentions = [];
  for (const m of mentions) if (!clean.length || m.start >= clean[clean.length - 1].end) clean.push(m);
  return clean.length === analysis.mentions.length && sorted ? analysis : { ...analysis, mentions: clean };
}
