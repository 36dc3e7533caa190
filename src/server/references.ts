/** Highlights, references and definition: all driven by the entity under the caret. */
import { DocumentHighlightKind, type DocumentHighlight, type Location, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Mention } from '../core/types';
import { entityAtOffset, sortedMentions } from './core';

function toRange(doc: TextDocument, m: Mention): Range {
  return { start: doc.positionAt(m.start), end: doc.positionAt(m.end) };
}

/** The caret may sit just after a name (offset == end); count that as on it. */
function hit(analysis: Analysis, offset: number) {
  return entityAtOffset(analysis, offset, true);
}

export function documentHighlights(doc: TextDocument, analysis: Analysis, offset: number): DocumentHighlight[] | null {
  const h = hit(analysis, offset);
  if (!h) return null;
  return sortedMentions(h.entity).map((m, i) => ({
    range: toRange(doc, m),
    // the first mention introduces the entity; treat it as the "write" so editors can tell it apart
    kind: i === 0 ? DocumentHighlightKind.Write : DocumentHighlightKind.Read,
  }));
}

export function references(doc: TextDocument, analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] | null {
  const h = hit(analysis, offset);
  if (!h) return null;
  const ms = sortedMentions(h.entity);
  return (includeDeclaration ? ms : ms.slice(1)).map((m) => ({ uri: doc.uri, range: toRange(doc, m) }));
}

export function definition(doc: TextDocument, analysis: Analysis, offset: number): Location | null {
  const h = hit(analysis, offset);
  if (!h) return null;
  const first = sortedMentions(h.entity)[0];
  return first ? { uri: doc.uri, range: toRange(doc, first) } : null;
}
