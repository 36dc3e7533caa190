/**
 * A serialisable summary of one article's analysis for the Regions view, the workspace index, the
 * analysis table and export: entities, mentions with line/character ranges and a snippet, and the
 * regions the Outline shows too (regionOutline.ts): the article's sections, nested as it nests them,
 * and the regions News Lens inferred, each entity with the reason it is there.
 */
import { runSliced, runToEnd, ticker, type Steps } from '../timeSlices';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity } from '../../core/types';
import { pinyinOf } from '../core';
import { englishForEntity } from '../../core/english';
import { displayKind, sentenceText } from '../analysisUtil';
import { regionOutlineSliced, regionOutlineSteps, shownName, type RegionOutline } from '../regionOutline';
import { relationVerb } from '../../protocol/relations';
import type { ArticleSummary, SummaryEntity, SummaryMention, SummaryRegion } from '../../protocol';

const SNIPPET_BEFORE = 8;
const SNIPPET_AFTER = 30;

/**
 * The line around [start, end), clipped, with the mention's position inside the snippet. Reads only
 * a window of the text around the mention (a mention on a megabyte-long line costs what one on a
 * short line costs).
 */
export function snippetAt(text: string, start: number, end: number): { snippet: string; snippetStart: number; snippetEnd: number } {
  const n = text.length;
  const lo = Math.max(0, start - SNIPPET_BEFORE);
  const hi = Math.min(n, end + SNIPPET_AFTER);
  // the line's start and end matter only inside [lo - 1, hi]
  let ls = -1;
  for (let i = start - 1; i >= Math.max(0, lo - 1); i--) {
    if (text.charCodeAt(i) === 10) {
      ls = i + 1;
      break;
    }
  }
  if (ls < 0) ls = lo === 0 ? 0 : lo - 1; // somewhere before the window
  let le = -1;
  for (let i = end; i <= Math.min(n - 1, hi); i++) {
    if (text.charCodeAt(i) === 10) {
      le = i;
      break;
    }
  }
  if (le < 0) le = hi < n ? hi + 1 : n; // somewhere after the window, or the end of the text
  const from = Math.max(ls, lo);
  const to = Math.min(le, hi);
  const clean = (s: string) => s.replace(/[\s\u3000]+/g, ' ');
  let before = clean(text.slice(from, start)).replace(/^\s+/, '');
  const mid = clean(text.slice(start, end));
  let after = clean(text.slice(end, to)).replace(/\s+$/, '');
  if (from > ls) before = '…' + before;
  if (to < le) after = after + '…';
  const at = before.length;
  return { snippet: before + mid + after, snippetStart: at, snippetEnd: at + mid.length };
}

/** First Markdown heading, else first non-empty line, clipped to 60 characters. */
export function articleTitle(text: string): string | undefined {
  const head = text.slice(0, 4000);
  const h = /^#{1,3}\s+(.+)$/m.exec(head);
  const line = h ? h[1] : head.split('\n').find((l) => l.trim());
  if (!line) return undefined;
  const t = line.replace(/[*_`#]/g, '').trim();
  return t.length > 60 ? t.slice(0, 59) + '…' : t || undefined;
}

/** English renderings of an entity for the Regions view, the analysis table and exports. */
function summaryEnglish(e: Entity): SummaryEntity['english'] {
  const en = englishForEntity(e);
  return { name: en.name, titles: en.titles.map((t) => t.en ?? null) };
}

type SummaryExtra = { skipped?: string; truncated?: boolean };

/** The summary at once (small articles, tests). */
export function buildSummary(doc: TextDocument, analysis: Analysis, extra: SummaryExtra = {}): ArticleSummary {
  return runToEnd(
    (function* () {
      const tick = ticker();
      return yield* summarySteps(doc, analysis, yield* regionOutlineSteps(analysis, tick), extra, tick);
    })(),
  );
}

/**
 * The summary in time slices (../timeSlices.ts): requests about other documents are answered while
 * a long article's is built. The region nodes are shared with the Outline.
 */
export async function buildSummarySliced(doc: TextDocument, analysis: Analysis, extra: SummaryExtra = {}): Promise<ArticleSummary> {
  const outline = await regionOutlineSliced(analysis);
  return runSliced(summarySteps(doc, analysis, outline, extra, ticker()));
}

/** buildSummary as steps: it yields every few hundred mentions, entities or relations. */
function* summarySteps(doc: TextDocument, analysis: Analysis, outline: RegionOutline, extra: SummaryExtra, tick: () => boolean): Steps<ArticleSummary> {
  const text = doc.getText();
  const range = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const byId = new Map<string, Entity>(analysis.entities.map((e) => [e.id, e]));

  // Regions: the same nodes as the Outline (regionOutline.ts): the article's sections, nested as it
  // nests them, and the regions News Lens inferred; each mention under the one node that lists it.
  const regions: SummaryRegion[] = [];
  for (const n of outline.nodes) {
    if (tick()) yield;
    if (n.kind === 'lead') continue;
    regions.push({
      id: n.id,
      name: n.name,
      full: n.full,
      level: n.level,
      parentId: n.parentId,
      section: n.kind === 'section',
      ...(n.kind === 'inferred' ? { inferred: true } : {}),
      reasons: n.reasons,
      range: range(Math.max(0, n.headingStart), Math.max(n.headingEnd, n.headingStart, 0)),
    });
  }
  const mentions: SummaryMention[] = [];
  for (const m of analysis.mentions) {
    if (tick()) yield;
    if (!byId.has(m.entityId)) continue;
    const node = outline.nodeOf(m);
    // a region's own name in it is the region (no 北京 → Places → 北京); titles and dates stay in the lead
    if (!node && m.type !== 'title' && m.type !== 'date') continue;
    const regionId = node && node.kind !== 'lead' ? node.id : undefined;
    mentions.push({ entityId: m.entityId, range: range(m.start, m.end), regionId, ...snippetAt(text, m.start, m.end) });
  }

  const entities: SummaryEntity[] = [];
  for (const e of analysis.entities) {
    if (tick()) yield;
    entities.push({
      id: e.id,
      type: e.type,
      kind: displayKind(e),
      name: e.name,
      shown: shownName(e),
      aliases: [...e.aliases],
      role: e.role,
      titles: e.titles.map((t) => ({ inText: t.inText, full: t.full, region: t.region, organization: t.organization })),
      region: e.region,
      organization: e.organization,
      within: e.within,
      pinyin: e.type === 'person' ? pinyinOf(e.name) || undefined : undefined,
      mentionCount: e.mentions.length,
      english: summaryEnglish(e),
    });
  }

  const seen = new Set<string>();
  const relations = [];
  for (const r of analysis.relations) {
    if (tick()) yield;
    if (r.kind !== 'met' && r.kind !== 'works-for') continue;
    const key = `${r.kind}\u0000${r.from}\u0000${r.to}`;
    if (seen.has(key) || !byId.has(r.from) || !byId.has(r.to)) continue;
    seen.add(key);
    const sentence = r.sentences.length ? sentenceText(analysis, text, r.sentences[0], 160) : undefined;
    relations.push({ kind: r.kind, from: r.from, to: r.to, ...(sentence ? { sentence, verb: r.kind === 'met' ? relationVerb(sentence) : undefined } : {}) });
  }

  return {
    uri: doc.uri,
    version: doc.version,
    title: articleTitle(text),
    skipped: extra.skipped,
    truncated: extra.truncated,
    entities,
    mentions,
    regions,
    relations,
  };
}
