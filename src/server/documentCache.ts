/**
 * Analysis per open document, keyed by URI + version, computed lazily (a request for a version not
 * yet analysed computes it on the spot) and, after edits, debounced so that IME composition and fast
 * typing cost one analysis, not one per keystroke. Oversized, binary and non-Chinese documents are
 * guarded here so no feature ever has to think about them.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeText, emptyAnalysis, type Analysis } from './core';
import type { ServerSettings } from './protocol';

export type SkipReason = 'language' | 'binary' | 'no-cjk' | 'error';

export interface AnalysisEntry {
  uri: string;
  version: number;
  analysis: Analysis;
  /** Characters analysed; less than the document length when truncated. */
  analysedLength: number;
  truncated: boolean;
  skipped?: SkipReason;
  /** Milliseconds the core took. */
  elapsedMs: number;
}

export interface CacheHost {
  getDocument(uri: string): TextDocument | undefined;
  settings(): ServerSettings;
  /** Called once per (uri, version) when a debounced analysis completes. */
  analysed(entry: AnalysisEntry): void;
  /** The document crossed a guard; called at most once per URI and reason. */
  guarded(uri: string, reason: 'truncated' | 'binary', detail: { limit: number; length: number }): void;
  log(message: string): void;
}

// CJK Unified Ideographs (+ Ext A), compatibility ideographs, CJK punctuation.
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

export class DocumentAnalysisCache {
  private readonly entries = new Map<string, AnalysisEntry>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly notified = new Map<string, number>();
  private readonly warned = new Set<string>();

  constructor(private readonly host: CacheHost) {}

  /** The analysis for the document's current version, computing it now if needed. */
  get(uri: string): AnalysisEntry | undefined {
    const doc = this.host.getDocument(uri);
    if (!doc) return undefined;
    const cached = this.entries.get(uri);
    if (cached && cached.version === doc.version) return cached;
    const entry = this.compute(doc);
    // The document may have been closed by a handler re-entering during analysis; don't resurrect it.
    if (this.host.getDocument(uri)) this.entries.set(uri, entry);
    return entry;
  }

  /** Only what is already computed for the current version; never analyses. */
  peek(uri: string): AnalysisEntry | undefined {
    const doc = this.host.getDocument(uri);
    const cached = this.entries.get(uri);
    return doc && cached && cached.version === doc.version ? cached : undefined;
  }

  /** Analyse after `delayMs` of quiet (0 = next tick) and report it through host.analysed. */
  schedule(uri: string, delayMs = this.host.settings().debounceMs): void {
    const old = this.timers.get(uri);
    if (old) clearTimeout(old);
    const timer = setTimeout(() => {
      this.timers.delete(uri);
      try {
        const entry = this.get(uri);
        if (!entry) return; // closed meanwhile
        if (this.notified.get(uri) === entry.version) return;
        this.notified.set(uri, entry.version);
        this.host.analysed(entry);
      } catch (err) {
        this.host.log(`News Lens: analysis of ${uri} failed: ${String((err as Error)?.stack ?? err)}`);
      }
    }, Math.max(0, delayMs));
    this.timers.set(uri, timer);
  }

  /** Drop everything about a document (on close). Pending analyses are cancelled. */
  delete(uri: string): void {
    const t = this.timers.get(uri);
    if (t) clearTimeout(t);
    this.timers.delete(uri);
    this.entries.delete(uri);
    this.notified.delete(uri);
    for (const key of [...this.warned]) if (key.endsWith(`\u0000${uri}`)) this.warned.delete(key);
  }

  /** Forget all results (settings changed) and re-analyse open documents. */
  invalidateAll(uris: string[]): void {
    this.entries.clear();
    this.notified.clear();
    for (const uri of uris) this.schedule(uri, 0);
  }

  openEntries(): AnalysisEntry[] {
    return [...this.entries.values()];
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.entries.clear();
  }

  private compute(doc: TextDocument): AnalysisEntry {
    const settings = this.host.settings();
    const base = { uri: doc.uri, version: doc.version, elapsedMs: 0 };
    const fullText = doc.getText();
    if (!settings.languages.includes(doc.languageId)) {
      return { ...base, analysis: emptyAnalysis(0), analysedLength: 0, truncated: false, skipped: 'language' };
    }
    if (fullText.indexOf('\u0000') !== -1) {
      this.warnOnce(doc.uri, 'binary', settings.maxDocumentSize, fullText.length);
      return { ...base, analysis: emptyAnalysis(0, ['binary content skipped']), analysedLength: 0, truncated: false, skipped: 'binary' };
    }
    const limit = Math.max(1_000, settings.maxDocumentSize);
    const text = safePrefix(fullText, limit);
    const truncated = text.length < fullText.length;
    if (!hasCjk(text)) {
      return { ...base, analysis: emptyAnalysis(text.length), analysedLength: text.length, truncated, skipped: 'no-cjk' };
    }
    if (truncated) this.warnOnce(doc.uri, 'truncated', limit, fullText.length);
    const t0 = Date.now();
    try {
      const analysis = analyzeText(text);
      const elapsedMs = Date.now() - t0;
      if (elapsedMs > 500) this.host.log(`News Lens: analysing ${doc.uri} (${text.length} chars) took ${elapsedMs} ms`);
      return { ...base, analysis: sanitize(analysis, text.length), analysedLength: text.length, truncated, elapsedMs };
    } catch (err) {
      this.host.log(`News Lens: analysis of ${doc.uri} threw: ${String((err as Error)?.stack ?? err)}`);
      return { ...base, analysis: emptyAnalysis(text.length, ['analysis failed']), analysedLength: text.length, truncated, skipped: 'error', elapsedMs: Date.now() - t0 };
    }
  }

  private warnOnce(uri: string, reason: 'truncated' | 'binary', limit: number, length: number): void {
    const key = `${reason}\u0000${uri}`;
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.host.guarded(uri, reason, { limit, length });
  }
}

/** Defensive: keep only in-bounds mentions, sorted, so binary search and ranges are safe. */
function sanitize(analysis: Analysis, length: number): Analysis {
  const ok = (m: { start: number; end: number }) => m.start >= 0 && m.end <= length && m.start < m.end;
  let mentions = analysis.mentions.filter(ok);
  let sorted = true;
  for (let i = 1; i < mentions.length; i++) if (mentions[i].start < mentions[i - 1].start) sorted = false;
  if (!sorted) mentions = [...mentions].sort((a, b) => a.start - b.start);
  // drop overlaps (contract says none; be robust)
  const clean: typeof mentions = [];
  for (const m of mentions) if (!clean.length || m.start >= clean[clean.length - 1].end) clean.push(m);
  return clean.length === analysis.mentions.length && sorted ? analysis : { ...analysis, mentions: clean };
}
