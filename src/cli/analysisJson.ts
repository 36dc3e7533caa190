/**
 * The JSON form of an analysis that `news-lens analyze --json` prints, and each line of
 * `news-lens analyze` over a folder or JSON Lines carries (one file, so the archive workers share it).
 */
import { createLineIndex, type Analysis, type Entity } from '../core/index';
import { englishForEntity } from '../core/english';

/** English renderings of an entity for --english: its name and its titles (null: no English rendering). */
export function englishOf(e: Entity): { name: string | null; titles: (string | null)[] } {
  const en = englishForEntity(e);
  return { name: en.name ?? null, titles: en.titles.map((t) => t.en ?? null) };
}

/** The JSON document `analyze --json` prints (`english`: with each entity's English renderings). */
export function analysisToJson(text: string, a: Analysis, file?: string, english = false): unknown {
  const li = createLineIndex(text);
  const pos = (o: number) => li.positionAt(o);
  return {
    file,
    length: a.length,
    // the article's own sections (empty when it has none)
    regions: a.regions.map((r) => ({ ...r, headingRange: { start: pos(r.headingStart), end: pos(r.headingEnd) } })),
    homeRegion: a.homeRegion ?? null,
    // sections' groups, then the regions News Lens inferred, each entity with the reason it is there
    grouping: a.grouping,
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      role: e.role,
      titles: e.titles,
      region: e.region,
      organization: e.organization,
      within: e.within,
      ...(english ? { english: englishOf(e) } : {}),
      sections: e.sections,
      mentions: e.mentions.map((m) => {
        const s = pos(m.start);
        const t = pos(m.end);
        return { start: m.start, end: m.end, text: m.text, line: s.line, character: s.character, endLine: t.line, endCharacter: t.character, regionId: m.regionId, sentence: m.sentence };
      }),
    })),
    relations: a.relations.filter((r) => r.kind !== 'co-mentioned'),
    warnings: a.warnings,
  };
}
