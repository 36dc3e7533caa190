/**
 * The server's single seam onto the analysis core, so the rest of src/server never depends on
 * which helpers the core happens to export. Everything here is pure.
 */
import * as core from '../core/index';
import type { Analysis, AnalyzeOptions, Entity, Mention } from '../core/types';

export type { Analysis, AnalyzeOptions, Entity, Mention };

/** `options` carries the user's corrections (userLexicon) from .vscode/news-lens.json. */
export function analyzeText(text: string, options?: AnalyzeOptions): Analysis {
  return options ? core.analyze(text, options) : core.analyze(text);
}

export function pinyinOf(name: string): string {
  try {
    return core.pinyinOf(name);
  } catch {
    return '';
  }
}

/** An empty analysis for documents we skip (no CJK, binary, wrong language). */
export function emptyAnalysis(length: number, warnings: string[] = []): Analysis {
  return { length, entities: [], mentions: [], regions: [], grouping: [], relations: [], sentences: [], warnings };
}

/**
 * The mention covering `offset` (start <= offset < end), by binary search over the sorted,
 * non-overlapping `analysis.mentions`. With `touchEnd`, a cursor sitting right after a mention
 * (offset == end) also counts, as editors place the caret between characters.
 */
export function mentionAt(analysis: Analysis, offset: number, touchEnd = false): Mention | undefined {
  const ms = analysis.mentions;
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else return m;
  }
  if (touchEnd && hi >= 0 && ms[hi].end === offset) return ms[hi];
  return undefined;
}

export interface EntityLookup {
  byId: Map<string, Entity>;
}

const lookups = new WeakMap<Analysis, Map<string, Entity>>();

export function entityById(analysis: Analysis, id: string): Entity | undefined {
  let map = lookups.get(analysis);
  if (!map) {
    map = new Map(analysis.entities.map((e) => [e.id, e]));
    lookups.set(analysis, map);
  }
  return map.get(id);
}

export function entityAtOffset(analysis: Analysis, offset: number, touchEnd = false): { entity: Entity; mention: Mention } | undefined {
  const mention = mentionAt(analysis, offset, touchEnd);
  if (!mention) return undefined;
  const entity = entityById(analysis, mention.entityId);
  return entity ? { entity, mention } : undefined;
}

/** Mentions of an entity in article order (the entity's own list may be in any order). */
export function sortedMentions(entity: Entity): Mention[] {
  return [...entity.mentions].sort((a, b) => a.start - b.start);
}
