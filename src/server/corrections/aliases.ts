/**
 * "X is another name for Y" for every entity type. The core honours `aliasOf` only for companies
 * (its company canonicalisation); for people, places, government bodies and organizations the
 * user's alias would stay a separate entity. Until the core does it, the server merges them after
 * analysis: X's mentions move to Y, X becomes one of Y's aliases, relations and regions follow.
 * A no-op when the core already merged them (X is no separate entity then).
 */
import type { Analysis, Entity, UserLexicon } from '../../core/types';
import { normalizeForMatching } from '../../core/normalize';

const N = (s: string) => normalizeForMatching(s);

function findTarget(analysis: Analysis, name: string, prefer: Entity['type']): Entity | undefined {
  const key = N(name);
  const matches = analysis.entities.filter((e) => N(e.name) === key || e.aliases.some((a) => N(a) === key));
  return matches.find((e) => e.type === prefer) ?? matches[0];
}

export function mergeUserAliases(analysis: Analysis, lexicon: UserLexicon | undefined): Analysis {
  const entries = lexicon?.entries.filter((e) => e.aliasOf && e.type !== 'none') ?? [];
  if (!entries.length) return analysis;
  let entities = analysis.entities;
  let mentions = analysis.mentions;
  let relations = analysis.relations;
  let regions = analysis.regions;
  let changed = false;
  for (const entry of entries) {
    const current: Analysis = { ...analysis, entities, mentions, relations, regions };
    const key = N(entry.text);
    const source = entities.find((e) => e.type === entry.type && N(e.name) === key);
    const target = findTarget(current, entry.aliasOf!, entry.type as Entity['type']);
    if (!source || !target || source.id === target.id) continue;
    changed = true;
    const moved = source.mentions.map((m) => ({ ...m, entityId: target.id, type: target.type }));
    const movedAt = new Map(moved.map((m) => [m.start, m]));
    const merged: Entity = {
      ...target,
      aliases: [...new Set([...target.aliases, source.name, ...source.aliases])].filter((a) => a !== target.name),
      titles: [...target.titles, ...source.titles.filter((t) => !target.titles.some((x) => x.inText === t.inText))],
      sections: [...new Set([...target.sections, ...source.sections])],
      mentions: [...target.mentions, ...moved].sort((a, b) => a.start - b.start),
      region: target.region ?? source.region,
      organization: target.organization ?? source.organization,
    };
    entities = entities.filter((e) => e.id !== source.id).map((e) => (e.id === target.id ? merged : e));
    mentions = mentions.map((m) => (m.entityId === source.id ? movedAt.get(m.start) ?? { ...m, entityId: target.id, type: target.type } : m));
    const byKey = new Map<string, Analysis['relations'][number]>();
    for (const r0 of relations) {
      const r = { ...r0, from: r0.from === source.id ? target.id : r0.from, to: r0.to === source.id ? target.id : r0.to };
      if (r.from === r.to) continue;
      const k = `${r.kind}\u0000${r.from}\u0000${r.to}`;
      const prev = byKey.get(k);
      if (prev) prev.sentences = [...new Set([...prev.sentences, ...r.sentences])].sort((a, b) => a - b);
      else byKey.set(k, { ...r, sentences: [...r.sentences] });
    }
    relations = [...byKey.values()];
    regions = regions.map((g) =>
      g.entityIds.includes(source.id) ? { ...g, entityIds: [...new Set(g.entityIds.map((id) => (id === source.id ? target.id : id)))] } : g,
    );
  }
  return changed ? { ...analysis, entities, mentions, relations, regions } : analysis;
}
