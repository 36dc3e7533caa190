/** Small read-only queries over an Analysis shared by hover, outline and workspace symbols. */
import type { Analysis, Entity, Mention, Region, RelationKind } from '../core/types';
import { entityById } from './core';

export function regionById(analysis: Analysis, id: string | undefined): Region | undefined {
  return id === undefined ? undefined : analysis.regions.find((r) => r.id === id);
}

export function regionName(analysis: Analysis, id: string | undefined): string | undefined {
  return regionById(analysis, id)?.name;
}

/** Entities linked to `id` by relations of `kind`, in either direction, deduplicated, in article order. */
export function related(analysis: Analysis, id: string, kinds: RelationKind[]): Entity[] {
  const out = new Map<string, Entity>();
  for (const r of analysis.relations) {
    if (!kinds.includes(r.kind)) continue;
    const other = r.from === id ? r.to : r.to === id ? r.from : undefined;
    if (other === undefined || other === id) continue;
    const e = entityById(analysis, other);
    if (e) out.set(e.id, e);
  }
  return [...out.values()].sort((a, b) => firstStart(a) - firstStart(b));
}

export function firstStart(e: Entity): number {
  let min = Number.POSITIVE_INFINITY;
  for (const m of e.mentions) if (m.start < min) min = m.start;
  return min;
}

export function firstMention(e: Entity): Mention | undefined {
  let best: Mention | undefined;
  for (const m of e.mentions) if (!best || m.start < best.start) best = m;
  return best;
}

export function isOfficial(e: Entity): boolean {
  return e.type === 'person' && e.role === 'official';
}

/**
 * The kind the UI distinguishes: people split into official / other person; the rest by type.
 * Also the decoration key on the client.
 */
export type DisplayKind = 'official' | 'person' | 'title' | 'company' | 'government' | 'organization' | 'place' | 'date';

export function displayKind(e: { type: Entity['type']; role?: Entity['role'] }): DisplayKind {
  if (e.type === 'person') return e.role === 'official' ? 'official' : 'person';
  return e.type;
}

/** Text of sentence `index`, whitespace-collapsed and clipped to `max` characters. */
export function sentenceText(analysis: Analysis, text: string, index: number, max = 90): string | undefined {
  const s = analysis.sentences[index];
  if (!s) return undefined;
  const raw = text.slice(s.start, Math.min(s.end, s.start + max * 2)).replace(/\s+/g, ' ').trim();
  return raw.length > max ? raw.slice(0, max - 1) + '…' : raw;
}
