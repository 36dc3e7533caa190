/**
 * Article analysis: sections by region, entities with titles/aliases/regions, relations. Each step
 * is its own file under ./analysis/; this file runs them in order over one normalised copy of the
 * text. Pure and deterministic; never throws (errors become warnings).
 */
import type { Analysis, AnalyzeOptions, Entity, Mention } from './types';
import { recognizeNormalized, MODEL_MAX_CHARS } from './recognize';
import { normalizeForMatching } from './normalize';
import { findRegions } from './analysis/sections';
import { splitSentences } from './analysis/sentences';
import { applyUserLexicon } from './analysis/userLexicon';
import { profileChains } from './analysis/profiles';
import { buildEntities } from './analysis/entities';
import { nestPlaces } from './analysis/placeNesting';
import { buildRelations } from './analysis/relations';
import { homeRegion } from './analysis/homeRegion';
import { buildGrouping } from './analysis/grouping';
import { stripReadings } from './analysis/inlineReadings';

export { findRegions } from './analysis/sections';
export { splitSentences } from './analysis/sentences';
export { titleInfo } from './analysis/titles';
export { homeRegion, datelineAt } from './analysis/homeRegion';
export { mentionGroups, groupedRegion, CENTRAL } from './analysis/grouping';

export const MAX_ANALYZE_CHARS = 2_000_000;

export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  const warnings: string[] = [];
  if (typeof text !== 'string') text = String(text ?? '');
  let src = text;
  if (src.length > MAX_ANALYZE_CHARS) {
    warnings.push(`text truncated for analysis at ${MAX_ANALYZE_CHARS} characters`);
    src = src.slice(0, MAX_ANALYZE_CHARS);
  }
  const result: Analysis = { length: text.length, entities: [], mentions: [], regions: [], grouping: [], relations: [], sentences: [], warnings };
  try {
    // a mirror's inline readings (鎮(zhèn)) are read past, and the answer's offsets mapped back
    const readings = stripReadings(src);
    build(readings ? readings.text : src, result, options);
    if (readings) mapBack(result, readings.toOriginal, src);
  } catch (e) {
    warnings.push(e === STOPPED ? 'analysis cancelled' : `analysis incomplete: ${(e as Error)?.message ?? String(e)}`);
  }
  return result;
}

/**
 * Offsets of an analysis of the text without its readings, moved to the text as written: a start to
 * its character's offset, an end to the next kept character's (a reading after a name's last
 * character stays with it); a mention's text is the text as written.
 */
function mapBack(result: Analysis, toOriginal: Int32Array, text: string): void {
  const last = toOriginal.length - 1;
  const at = (o: number): number => toOriginal[o < 0 ? 0 : o > last ? last : o];
  const seen = new Set<Mention>();
  const mention = (m: Mention) => {
    if (seen.has(m)) return;
    seen.add(m);
    m.start = at(m.start);
    m.end = at(m.end);
    m.text = text.slice(m.start, m.end);
  };
  for (const m of result.mentions) mention(m);
  for (const e of result.entities) for (const m of e.mentions) mention(m);
  for (const r of result.regions) {
    r.headingStart = at(r.headingStart);
    r.headingEnd = at(r.headingEnd);
    r.start = at(r.start);
    r.end = at(r.end);
  }
  for (const s of result.sentences) {
    s.start = at(s.start);
    s.end = at(s.end);
  }
  if (result.homeRegion) {
    result.homeRegion.start = at(result.homeRegion.start);
    result.homeRegion.end = at(result.homeRegion.end);
  }
}

/** Thrown between steps when options.shouldStop() says so; analyze() returns what it has. */
const STOPPED = new Error('analysis cancelled');

/** The steps of an analysis, in order; each fills its part of `result`. */
function build(text: string, result: Analysis, options?: AnalyzeOptions): void {
  const shouldStop = options?.shouldStop;
  const check = (): void => {
    if (shouldStop?.()) throw STOPPED;
  };
  // the text normalised for matching once (traditional → simplified, full-width → half-width, same
  // length, so offsets agree): every step that matches reads it instead of normalising again
  const normalized = normalizeForMatching(text);
  // 1. sections by region (## 北京, **北京：**, 【北京】, 北京：)
  const regions = findRegions(text, normalized);
  result.regions = regions;
  check();
  // 2. sentences
  const sentences = splitSentences(text);
  result.sentences = sentences;
  // 3. recognition: rules and lexicons merged with the model (rules only above MODEL_MAX_CHARS)
  let spans = recognizeNormalized(text, normalized, { useModel: options?.useModel, shouldStop });
  check();
  if (text.length > MODEL_MAX_CHARS && options?.useModel !== false) result.warnings.push(`statistical model skipped: text longer than ${MODEL_MAX_CHARS} characters (rules only)`);
  // 3b. in a profile (陈立平，男，……现任上海市委书记), the current posts are the opening name's
  spans = profileChains(text, normalized, spans);
  // 4. the user's corrections (spans inside section markers are still mentions: the heading names the region)
  spans = applyUserLexicon(text, spans, options);
  check();
  // 5. entities and mentions, with titles, roles, regions and organizations (a post written without
  // its region may take the article's home region: its dateline or source line)
  const home = homeRegion(normalized);
  const { entities, mentions } = buildEntities({ text, normalized, spans, regions, sentences, home });
  // 6. places nest in the regions written in front of them
  nestPlaces(entities);
  result.entities = entities;
  result.mentions = mentions.sort((a, b) => a.start - b.start);
  check();
  // 7. relations: works-for, met, co-mentioned
  result.relations = buildRelations(normalized, result);
  // 8. the article's home region (dateline, source line) and its entities grouped by region
  if (home) result.homeRegion = home;
  result.grouping = buildGrouping({ normalized, analysis: result, home });
}

/**
 * The grouping again, after a consumer changed the entities (the user's corrections merge aliases
 * and set roles after analyze()): the same step over the same text. Never throws.
 */
export function regroup(analysis: Analysis, text: string): Analysis {
  try {
    const src = typeof text === 'string' ? text.slice(0, MAX_ANALYZE_CHARS) : '';
    const normalized = normalizeForMatching(src);
    return { ...analysis, grouping: buildGrouping({ normalized, analysis, home: analysis.homeRegion }) };
  } catch (e) {
    return { ...analysis, warnings: [...analysis.warnings, `grouping incomplete: ${(e as Error)?.message ?? String(e)}`] };
  }
}

/** The mention (and its entity) covering `offset`, if any. */
export function entityAt(analysis: Analysis, offset: number): { entity: Entity; mention: Mention } | undefined {
  const ms = analysis.mentions;
  let lo = 0;
  let hi = ms.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const m = ms[mid];
    if (offset < m.start) hi = mid - 1;
    else if (offset >= m.end) lo = mid + 1;
    else {
      const entity = analysis.entities.find((e) => e.id === m.entityId);
      return entity ? { entity, mention: m } : undefined;
    }
  }
  return undefined;
}
