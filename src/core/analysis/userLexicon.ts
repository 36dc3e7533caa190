/**
 * Step 4 of analyze(): the corrections the user owns (.vscode/news-lens.json: mark as a type, as no
 * entity, as another name of an entity) applied over the recognized spans.
 */
import type { AnalyzeOptions } from '../types';
import type { RichSpan } from '../recognize';

/**
 * The user's entries win over what the recognizer found: every occurrence of an entry's text becomes
 * a span of its type (priority 200), `none` entries drop spans with that text, and overlaps are
 * resolved by priority, then length, then position.
 */
export function applyUserLexicon(text: string, spans: RichSpan[], options?: AnalyzeOptions): RichSpan[] {
  const entries = options?.userLexicon?.entries;
  if (!entries?.length) return spans;
  const extra: RichSpan[] = [];
  const drop = new Set<string>();
  for (const e of entries) {
    if (!e || typeof e.text !== 'string' || !e.text) continue;
    if (e.type === 'none') {
      drop.add(e.text);
      continue;
    }
    let from = 0;
    for (let guard = 0; guard < 10000; guard++) {
      const i = text.indexOf(e.text, from);
      if (i < 0) break;
      extra.push({ type: e.type, start: i, end: i + e.text.length, text: e.text, priority: 200, source: 'lexicon', aliasOf: e.aliasOf });
      from = i + e.text.length;
    }
  }
  const all = [...extra, ...spans.filter((s) => !drop.has(s.text))];
  all.sort((a, b) => b.priority - a.priority || b.end - b.start - (a.end - a.start) || a.start - b.start);
  const taken: RichSpan[] = [];
  const occupied = new Uint8Array(text.length);
  for (const s of all) {
    let ok = true;
    for (let i = s.start; i < s.end; i++) if (occupied[i]) ok = false;
    if (!ok) continue;
    for (let i = s.start; i < s.end; i++) occupied[i] = 1;
    taken.push(s);
  }
  return taken.sort((a, b) => a.start - b.start);
}
