/**
 * The outline by region that both views show, built once from an analysis: the Outline (document
 * symbols, documentSymbols.ts) and the Regions view (through the summary, export/summary.ts) list the
 * same region nodes with the same entities, so they show the same regions and the same counts.
 *
 *  - a node per group of the analysis' grouping (src/core/analysis/grouping.ts): the article's own
 *    sections (kind 'section', nested as the article nests them) and the regions News Lens inferred
 *    (kind 'inferred', nested in a section or at the top level);
 *  - a 'lead' node for what no region holds: the text before the first section, and in an article
 *    without sections the entities no rule places (government bodies, places, other people …);
 *  - each mention is listed under one node (core's mentionGroups), so an entity is under a node when
 *    one of its mentions is;
 *  - a region never lists itself: the place 北京 named in the region 北京 is not an entity of it (it
 *    would read 北京 → Places → 北京), it is the region; the node goes to its marker.
 */
import { lookupRegion } from '../core/lexicon/regionNames';
import { mentionGroups } from '../core/analysis/grouping';
import type { Analysis, Entity, GroupReason, Mention } from '../core/types';
import { runSliced, runToEnd, ticker, type Steps } from './timeSlices';
import { mostUsedForm } from './workspaceIndex/merge';

export type OutlineNodeKind = 'section' | 'inferred' | 'lead';

export interface OutlineNode {
  /** The group's id (section:…, inferred:…) or 'lead'. */
  id: string;
  kind: OutlineNodeKind;
  /** Region name ('' for the lead). */
  name: string;
  /** Official full name (北京市), when the lexicon knows the region. */
  full?: string;
  level: 'province' | 'city' | 'district' | 'country' | 'central' | 'other';
  parentId?: string;
  /** Offsets: a section's marker; an inferred group's first mention; the lead's start. */
  headingStart: number;
  headingEnd: number;
  /** What the node covers: a section's text with its nested sections; an inferred group's mentions. */
  start: number;
  end: number;
  /** Entity ids listed here, in order of first mention here. */
  entityIds: string[];
  /** The mentions listed here, by entity id. */
  mentions: Map<string, Mention[]>;
  /** Why each entity is here (grouping.ts), by entity id. */
  reasons: Record<string, GroupReason>;
}

export interface RegionOutline {
  /** Parents before children; the lead first, sections in article order, then top-level inferred regions. */
  nodes: OutlineNode[];
  /** The node a mention is listed under (undefined: a title or date, listed nowhere). */
  nodeOf: (m: Mention) => OutlineNode | undefined;
}

function levelOf(region: string): OutlineNode['level'] {
  if (region === '中央') return 'central';
  const p = lookupRegion(region);
  if (!p) return 'other';
  if (p.level === 'province' || p.level === 'city' || p.level === 'district' || p.level === 'country') return p.level;
  return 'other';
}

/** True for an entity that is the node's region itself (the place 北京 in the region 北京). */
function isItself(e: Entity, node: OutlineNode): boolean {
  if (e.type !== 'place' || node.kind === 'lead') return false;
  const a = lookupRegion(e.name)?.name ?? e.name;
  const b = lookupRegion(node.name)?.name ?? node.name;
  return a === b;
}

/** The outline at once (small articles, tests). */
export function regionOutline(analysis: Analysis): RegionOutline {
  return runToEnd(regionOutlineSteps(analysis));
}

/**
 * The outline of an analysis, built once and shared by the Outline and the Regions view (both ask
 * for it after every analysis), in time slices (./timeSlices.ts).
 */
const shared = new WeakMap<Analysis, Promise<RegionOutline>>();
export function regionOutlineSliced(analysis: Analysis): Promise<RegionOutline> {
  let p = shared.get(analysis);
  if (!p) {
    shared.set(analysis, (p = runSliced(regionOutlineSteps(analysis))));
    p.catch(() => shared.delete(analysis));
  }
  return p;
}

/** regionOutline as steps: it yields every few hundred mentions or nodes. */
export function* regionOutlineSteps(analysis: Analysis, tick: () => boolean = ticker(256)): Steps<RegionOutline> {
  const byEntity = new Map(analysis.entities.map((e) => [e.id, e]));
  const sections = new Map(analysis.regions.map((r) => [r.id, r]));
  const nodes: OutlineNode[] = [];
  const byId = new Map<string, OutlineNode>();
  const lead: OutlineNode = {
    id: 'lead',
    kind: 'lead',
    name: '',
    level: 'other',
    headingStart: 0,
    headingEnd: 0,
    start: 0,
    end: analysis.regions.length ? analysis.regions[0].start : analysis.length,
    entityIds: [],
    mentions: new Map(),
    reasons: {},
  };
  for (const g of analysis.grouping ?? []) {
    if (tick()) yield;
    const r = g.sectionId ? sections.get(g.sectionId) : undefined;
    const info = lookupRegion(g.region);
    const node: OutlineNode = {
      id: g.id,
      kind: g.kind,
      name: g.region,
      full: info?.full,
      level: levelOf(g.region),
      parentId: g.parentId,
      headingStart: r?.headingStart ?? -1,
      headingEnd: r?.headingEnd ?? -1,
      start: r?.start ?? -1,
      end: r?.end ?? -1,
      entityIds: [],
      mentions: new Map(),
      reasons: g.reasons,
    };
    nodes.push(node);
    byId.set(node.id, node);
  }
  if (tick()) yield;
  const where = mentionGroups(analysis.grouping ?? []);
  yield;
  const topInferred = new Set(nodes.filter((n) => n.kind === 'inferred' && !n.parentId?.startsWith('section:')).map((n) => lookupRegion(n.name)?.name ?? n.name));
  const nodeOfMention = new Map<Mention, OutlineNode>();
  for (const m of analysis.mentions) {
    if (tick()) yield;
    if (m.type === 'title') continue;
    const e = byEntity.get(m.entityId);
    if (!e) continue;
    // dates are listed in the section they are in (the grouping groups things, not dates)
    const g = m.type === 'date' ? (m.regionId !== undefined ? { id: `section:${m.regionId}` } : undefined) : where(m);
    const node = (g ? byId.get(g.id) : undefined) ?? lead;
    // the region's own name in it (its marker, 北京 in the 北京 section) is the region, not an entity of
    // it; nor is a place that names a top-level inferred region listed apart from it (漳州 beside 漳州)
    if (isItself(e, node)) continue;
    if (node === lead && e.type === 'place' && topInferred.has(lookupRegion(e.name)?.name ?? e.name)) continue;
    nodeOfMention.set(m, node);
    let list = node.mentions.get(e.id);
    if (!list) {
      node.mentions.set(e.id, (list = []));
      node.entityIds.push(e.id);
    }
    list.push(m);
  }
  // inferred groups cover their mentions; a section covers its nested sections
  for (const n of nodes) {
    if (tick()) yield;
    if (n.kind !== 'inferred') continue;
    let s = Infinity;
    let t = -1;
    for (const ms of n.mentions.values()) for (const m of ms) {
      if (tick()) yield;
      if (m.start < s) s = m.start;
      if (m.end > t) t = m.end;
    }
    if (t < 0) continue;
    n.start = s;
    n.end = t;
    const first = [...n.mentions.values()].map((ms) => ms[0]).sort((a, b) => a.start - b.start)[0];
    n.headingStart = first.start;
    n.headingEnd = first.end;
  }
  for (let i = nodes.length - 1; i >= 0; i--) {
    const n = nodes[i];
    const p = n.parentId ? byId.get(n.parentId) : undefined;
    if (!p || n.start < 0) continue;
    if (p.start < 0 || n.start < p.start) p.start = n.start;
    if (n.end > p.end) p.end = n.end;
  }
  // an inferred group left without entities (all its entities were the region itself) is dropped
  const hasFilledChild = new Set<string>();
  for (const n of nodes) if (n.parentId && n.entityIds.length) hasFilledChild.add(n.parentId);
  const kept = nodes.filter((n) => n.kind === 'section' || n.entityIds.length || hasFilledChild.has(n.id));
  // siblings in the order of their text, as the Outline sorts symbols by position (the lead starts
  // the article); parents before children
  const keptIds = new Set(kept.map((n) => n.id));
  const childrenOf = new Map<string, OutlineNode[]>();
  for (const n of kept) {
    const key = n.parentId && keptIds.has(n.parentId) ? n.parentId : '';
    let list = childrenOf.get(key);
    if (!list) childrenOf.set(key, (list = []));
    list.push(n);
  }
  const out: OutlineNode[] = lead.entityIds.length ? [lead] : [];
  const emit = (key: string) => {
    const list = childrenOf.get(key) ?? [];
    list.sort((a, b) => Math.min(a.start, a.headingStart) - Math.min(b.start, b.headingStart));
    for (const n of list) {
      out.push(n);
      emit(n.id);
    }
  };
  emit('');
  return { nodes: out, nodeOf: (m) => nodeOfMention.get(m) };
}

/**
 * The name a node shows for an entity: the form the article uses most (小红书 rather than 行吟信息科技
 * （上海）有限公司; ties: the shorter form, then the canonical name).
 */
export function shownName(e: Entity): string {
  if (e.type === 'person' || !e.aliases.length) return e.name;
  const counts = new Map<string, number>();
  for (const m of e.mentions) counts.set(m.text, (counts.get(m.text) ?? 0) + 1);
  return mostUsedForm(counts, e.name);
}
