/**
 * A serialisable summary of one article's analysis for the Regions view, the workspace index, the
 * analysis table and export: entities, mentions with line/character ranges and a snippet, and the
 * region hierarchy (the article's sections plus administrative sub-regions found in them, nested
 * with the GB/T 2260 hierarchy: 朝阳区 under 北京, 广州 under 广东).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { regionHierarchy } from '../../core/index';
import type { Analysis, Entity } from '../../core/types';
import { pinyinOf } from '../core';
import { displayKind } from '../analysisUtil';
import type { ArticleSummary, SummaryEntity, SummaryMention, SummaryRegion } from '../../protocol';
import { runSliced, runToEnd, ticker, type Steps } from '../timeSlices';

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

/**
 * Region lookups memoised per name for one summary: an article with hundreds of sections (or
 * thousands of place mentions) asks about the same few names over and over.
 */
class Regions {
  private readonly info = new Map<string, ReturnType<typeof regionHierarchy.lookup>>();
  private readonly anc = new Map<string, string[]>();
  private readonly within = new Map<string, boolean>();

  lookup(name: string) {
    if (!this.info.has(name)) this.info.set(name, regionHierarchy.lookup(name));
    return this.info.get(name);
  }

  ancestors(name: string): string[] {
    let a = this.anc.get(name);
    if (!a) this.anc.set(name, (a = regionHierarchy.ancestors(name)));
    return a;
  }

  /** regionHierarchy.isWithin, memoised. */
  isWithin(inner: string, outer: string): boolean {
    const key = `${inner}\u0000${outer}`;
    let w = this.within.get(key);
    if (w === undefined) this.within.set(key, (w = regionHierarchy.isWithin(inner, outer)));
    return w;
  }

  level(name: string): SummaryRegion['level'] {
    return this.lookup(name)?.level ?? 'other';
  }

  isAdministrative(name: string | undefined): name is string {
    if (!name) return false;
    const l = this.lookup(name)?.level;
    return l === 'province' || l === 'city' || l === 'district';
  }
}

type SummaryExtra = { skipped?: string; truncated?: boolean };

/** The summary at once (small articles, tests). */
export function buildSummary(doc: TextDocument, analysis: Analysis, extra: SummaryExtra = {}): ArticleSummary {
  return runToEnd(summarySteps(doc, analysis, extra));
}

/** The summary in time slices: other requests are answered while a long article's is built. */
export function buildSummarySliced(doc: TextDocument, analysis: Analysis, extra: SummaryExtra = {}): Promise<ArticleSummary> {
  return runSliced(summarySteps(doc, analysis, extra));
}

/** buildSummary as steps (see ../timeSlices.ts): it yields every few hundred mentions, entities or sections. */
export function* summarySteps(doc: TextDocument, analysis: Analysis, extra: SummaryExtra = {}): Steps<ArticleSummary> {
  const tick = ticker();
  const text = doc.getText();
  const range = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const byId = new Map<string, Entity>(analysis.entities.map((e) => [e.id, e]));
  const rh = new Regions();

  // 1. Sections, nested among themselves when one lies within another (a 广州 section under 广东):
  //    under the innermost enclosing section (the one with the most ancestors; the first in article
  //    order among equals). Only sections named after the section's own region or an ancestor of it
  //    can enclose it, so those are looked up by name instead of trying every pair.
  const sections = [...analysis.regions].sort((a, b) => a.start - b.start);
  /** canonical region name → the distinct section names that are that region, each with its first section */
  const byCanon = new Map<string, Map<string, { index: number; section: (typeof sections)[number] }>>();
  for (let index = 0; index < sections.length; index++) {
    const r = sections[index];
    if (tick()) yield;
    const canon = rh.lookup(r.name)?.name;
    if (canon === undefined) continue;
    let names = byCanon.get(canon);
    if (!names) byCanon.set(canon, (names = new Map()));
    if (!names.has(r.name)) names.set(r.name, { index, section: r });
  }
  const regions: SummaryRegion[] = [];
  const sectionNode = new Map<string, SummaryRegion>();
  for (let index = 0; index < sections.length; index++) {
    const r = sections[index];
    if (tick()) yield;
    const info = rh.lookup(r.name);
    let parent: { index: number; depth: number; id: string } | undefined;
    if (info) {
      // what isWithin(r.name, o.name) accepts: o is the same region as r, or one of its ancestors
      for (const canon of [info.name, ...rh.ancestors(info.name)]) {
        for (const [name, first] of byCanon.get(canon) ?? []) {
          // (two names of one region, 北京 and 北京市: only the earlier encloses the later, never both ways)
          if (name === r.name || (canon === info.name && first.index > index)) continue;
          const depth = rh.ancestors(name).length;
          if (!parent || depth > parent.depth || (depth === parent.depth && first.index < parent.index)) parent = { index: first.index, depth, id: first.section.id };
        }
      }
    }
    const node: SummaryRegion = {
      id: r.id,
      name: r.name,
      full: info?.full,
      level: r.level === 'other' && info ? info.level : r.level,
      parentId: parent?.id,
      section: true,
      range: range(r.headingStart, Math.max(r.headingEnd, r.headingStart)),
    };
    sectionNode.set(r.id, node);
  }
  // parents first
  const pushed = new Set<string>();
  const pushSection = (n: SummaryRegion) => {
    if (pushed.has(n.id)) return;
    pushed.add(n.id);
    if (n.parentId && sectionNode.has(n.parentId)) pushSection(sectionNode.get(n.parentId)!);
    regions.push(n);
  };
  for (const r of sections) pushSection(sectionNode.get(r.id)!);

  // 2. Sub-regions: administrative places (and entities' home regions) inside each section.
  const subKey = (sectionId: string, name: string) => `${sectionId}/${name}`;
  const subNodes = new Map<string, SummaryRegion>();
  const homes = new Map<string, string | undefined>();
  const homeOf = (e: Entity): string | undefined => {
    if (homes.has(e.id)) return homes.get(e.id);
    let home: string | undefined;
    if (e.type === 'place' && rh.isAdministrative(e.name)) home = e.name;
    else if (e.type === 'title' || e.type === 'date') home = undefined;
    else home = rh.isAdministrative(e.region) ? e.region : rh.isAdministrative(e.within) ? e.within : undefined;
    homes.set(e.id, home);
    return home;
  };
  const mentionsBySection = new Map<string, Analysis['mentions']>();
  for (const m of analysis.mentions) {
    if (tick()) yield;
    if (m.regionId === undefined) continue;
    let list = mentionsBySection.get(m.regionId);
    if (!list) mentionsBySection.set(m.regionId, (list = []));
    list.push(m);
  }
  for (const sec of sections) {
    const names: { name: string; first: number }[] = [];
    const seen = new Set<string>();
    if (tick()) yield;
    for (const m of mentionsBySection.get(sec.id) ?? []) {
      if (tick()) yield;
      const e = byId.get(m.entityId);
      const home = e && homeOf(e);
      if (!home || home === sec.name || seen.has(home)) continue;
      if (!rh.isWithin(home, sec.name)) continue;
      if (rh.lookup(home)?.name === rh.lookup(sec.name)?.name) continue;
      seen.add(home);
      names.push({ name: home, first: m.start });
    }
    // shallower first so parents exist before children
    names.sort((a, b) => rh.ancestors(a.name).length - rh.ancestors(b.name).length || a.first - b.first);
    for (const { name, first } of names) {
      const anc = rh.ancestors(name);
      const parentName = anc.find((a) => a === sec.name || subNodes.has(subKey(sec.id, a)));
      const parentId = !parentName || parentName === sec.name ? sec.id : subNodes.get(subKey(sec.id, parentName))!.id;
      const info = rh.lookup(name);
      const node: SummaryRegion = {
        id: `${sec.id}/${name}`,
        name,
        full: info?.full,
        level: rh.level(name),
        parentId,
        section: false,
        range: range(first, first),
      };
      subNodes.set(subKey(sec.id, name), node);
      regions.push(node);
    }
  }

  // 3. Mentions, placed under the innermost region node they belong to.
  const mentions: SummaryMention[] = [];
  for (const m of analysis.mentions) {
    if (tick()) yield;
    const e = byId.get(m.entityId);
    if (!e) continue;
    let regionId = m.regionId;
    if (regionId !== undefined) {
      const home = homeOf(e);
      const sub = home ? subNodes.get(subKey(regionId, home)) : undefined;
      if (sub) regionId = sub.id;
    }
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
    aliases: [...e.aliases],
    role: e.role,
    titles: e.titles.map((t) => ({ inText: t.inText, full: t.full, region: t.region, organization: t.organization })),
    region: e.region,
    organization: e.organization,
    within: e.within,
    pinyin: e.type === 'person' ? pinyinOf(e.name) || undefined : undefined,
    mentionCount: e.mentions.length,
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
    relations.push({ kind: r.kind, from: r.from, to: r.to });
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
