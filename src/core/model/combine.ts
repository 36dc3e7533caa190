import type { Span } from '../types';

/**
 * Merges rule/lexicon spans with model spans. Rules are precise where they fire (title chains,
 * legal-name suffixes, dates), so their spans win; model spans fill the gaps they leave.
 */
export function combineSpans(ruleSpans: Span[], modelSpans: Span[]): Span[] {
  const out = [...ruleSpans];
  for (const m of modelSpans) {
    if (!ruleSpans.some((r) => r.start < m.end && m.start < r.end)) out.push(m);
  }
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}
