/**
 * What the client paints. We answer a custom request with plain ranges per (type, role) and let the
 * client draw them as decorations with contributed ThemeColors, instead of semantic tokens, because
 * for Markdown/plain text semantic tokens (1) are off in many themes unless the user opts in
 * (`editor.semanticHighlighting.enabled: configuredByTheme`), (2) arrive late and flicker
 * (VS Code maintainers discourage them for Markdown), (3) only one extension's tokens apply per
 * document, so another Markdown extension would shadow ours, and (4) can only set a foreground and
 * font style. Decorations are immediate, composable with other extensions, theme-aware through our
 * own light/dark/high-contrast colours, and can be toggled without touching the user's settings.
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, EntityType, PersonRole } from '../core/types';
import { entityById } from './core';
import type { EntityRangeGroup } from '../protocol';
import { runSliced, runToEnd, ticker, type Steps } from './timeSlices';

/** The ranges at once (small documents, tests). */
export function entityRanges(doc: TextDocument, analysis: Analysis): EntityRangeGroup[] {
  return runToEnd(entityRangeSteps(doc, analysis));
}

/** The ranges in time slices (see ./timeSlices.ts). */
export function entityRangesSliced(doc: TextDocument, analysis: Analysis): Promise<EntityRangeGroup[]> {
  return runSliced(entityRangeSteps(doc, analysis));
}

function* entityRangeSteps(doc: TextDocument, analysis: Analysis): Steps<EntityRangeGroup[]> {
  const tick = ticker(1024);
  const groups = new Map<string, EntityRangeGroup>();
  for (const m of analysis.mentions) {
    if (tick()) yield;
    let type: EntityType = m.type;
    let role: PersonRole | undefined;
    const e = entityById(analysis, m.entityId);
    if (e) {
      type = e.type;
      if (e.type === 'person') role = e.role ?? 'other';
    } else if (type === 'person') role = 'other';
    const key = `${type}/${role ?? ''}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = role ? { type, role, ranges: [] } : { type, ranges: [] }));
    g.ranges.push({ start: doc.positionAt(m.start), end: doc.positionAt(m.end) });
  }
  return [...groups.values()];
}
