/**
 * What the server derives from a document's analysis for the client (the outline, the ranges to
 * paint, the Regions view's summary): built once per analysed version, and in time slices (see
 * ./timeSlices.ts), so a one-megabyte article's never holds up a request about another document,
 * and the Regions view, the outline and the workspace index asking for the same version share one.
 */
import type { DocumentSymbol } from 'vscode-languageserver/node';
import type { ArticleSummary, EntityRangeGroup } from '../protocol';
import type { AnalysisEntry } from './documentCache';
import { documentSymbolsSliced, type MarkdownOutline } from './documentSymbols';
import { entityRangesSliced } from './entityRanges';
import { buildSummarySliced } from './export/summary';

interface Derived {
  /** One outline per newsLens.outline.markdown setting ('sections', 'always', 'never'). */
  outline?: Promise<DocumentSymbol[]>;
  outlineAlways?: Promise<DocumentSymbol[]>;
  outlineNever?: Promise<DocumentSymbol[]>;
  ranges?: Promise<EntityRangeGroup[]>;
  summary?: Promise<ArticleSummary>;
}

/** Per analysed version (entries are immutable and dropped with their version). */
const derived = new WeakMap<AnalysisEntry, Derived>();

function once<K extends keyof Derived>(entry: AnalysisEntry, key: K, make: () => NonNullable<Derived[K]>): NonNullable<Derived[K]> {
  let d = derived.get(entry);
  if (!d) derived.set(entry, (d = {}));
  const have = d[key];
  if (have) return have as NonNullable<Derived[K]>;
  const p = make();
  d[key] = p;
  // a failure is not remembered: the next request tries again
  (p as Promise<unknown>).catch(() => {
    if (d![key] === p) delete d![key];
  });
  return p;
}

export function outlineOf(entry: AnalysisEntry, markdown: MarkdownOutline = 'sections'): Promise<DocumentSymbol[]> {
  return once(entry, markdown === 'sections' ? 'outline' : markdown === 'always' ? 'outlineAlways' : 'outlineNever', () => documentSymbolsSliced(entry.doc, entry.analysis, markdown));
}

export function rangesOf(entry: AnalysisEntry): Promise<EntityRangeGroup[]> {
  return once(entry, 'ranges', () => entityRangesSliced(entry.doc, entry.analysis));
}

export function summaryOf(entry: AnalysisEntry): Promise<ArticleSummary> {
  return once(entry, 'summary', () => buildSummarySliced(entry.doc, entry.analysis, { truncated: entry.truncated }));
}
