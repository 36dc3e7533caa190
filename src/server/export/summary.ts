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
import { englishForEntity } from '../../core/english';
import { displayKind, sentenceText } from '../analysisUtil';
import { relationVerb } from '../../protocol/relations';
import type { ArticleSummary, SummaryEntity, SummaryMention, SummaryRegion } from '../../protocol';

const SNIPPET_BEFORE = 8;
const SNIPPET_AFTER = 30;

/** The line around [start, end), clipped, with the mention's position inside the snippet. */
export function snippetAt(text: string, start: number, end: number): { snippet: string; snippetStart: number; snippetEnd: number } {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  const from = Math.max(ls, start - SNIPPET_BEFORE);
  const to = Math.min(le, end + SNIPPET_AFTER);
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

function levelOf(name: string): SummaryRegion['level'] {
  return regionHierarchy.lookup(name)?.level ?? 'other';
}

function isAdministrative(name: string | undefined): name is string {
  if (!name) return false;
  const l = regionHierarchy.lookup(name)?.level;
  return l === 'province' || l === 'city' || l === 'district';
}

/** English renderings of an entity for the Regions view, the analysis table and exports. */
function summaryEnglish(e: Entity): SummaryEntity['english'] {
  const en = englishForEntity(e);
  return { name: en.name, titles: en.titles.map((t) => t.en ?? null) };
}

export function buildSummary(doc: TextDocument, analysis: Analysis, extra: { skipped?: string; truncated?: boolean } = {}): ArticleSummary {
  const text = doc.getText();
  const range = (s: number, e: number) => ({ start: doc.positionAt(s), end: doc.positionAt(e) });
  const byId = new Map<string, Entity>(analysis.entities.map((e) => [e.id, e]));

  // 1. Sections, nested among themselves when one lies within another (a 广州 section under 广东).
  const sections = [...analysis.regions].sort((a, b) => a.start - b.start);
  const regions: SummaryRegion[] = [];
  const sectionNode = new Map<string, SummaryRegion>();
  for (const r of sections) {
    const info = regionHierarchy.lookup(r.name);
    const enclosing = sections.filter((o) => o !== r && o.name !== r.name && regionHierarchy.isWithin(r.name, o.name));
    // the innermost enclosing section: the one with the most ancestors
    enclosing.sort((a, b) => regionHierarchy.ancestors(b.name).length - regionHierarchy.ancestors(a.name).length);
    const node: SummaryRegion = {
      id: r.id,
      name: r.name,
      full: info?.full,
      level: r.level === 'other' && info ? info.level : r.level,
      parentId: enclosing[0]?.id,
      section: true,
      range: range(r.headingStart, Math.max(r.headingEnd, r.headingStart)),
    };
    sectionNode.set(r.id, node);
  }
  // parents first
  const pushed = new Set<string>();
  const pushSection = (n: SummaryRegion) => {
    if (pushed.has(n.id)) return;
    if (n.parentId && sectionNode.has(n.parentId)) pushSection(sectionNode.get(n.parentId)!);
    pushed.add(n.id);
    regions.push(n);
  };
  for (const r of sections) pushSection(sectionNode.get(r.id)!);

  // 2. Sub-regions: administrative places (and entities' home regions) inside each section.
  const subKey = (sectionId: string, name: string) => `${sectionId}/${name}`;
  const subNodes = new Map<string, SummaryRegion>();
  const homeOf = (e: Entity): string | undefined => {
    if (e.type === 'place' && isAdministrative(e.name)) return e.name;
    if (e.type === 'title' || e.type === 'date') return undefined;
    return isAdministrative(e.region) ? e.region : isAdministrative(e.within) ? e.within : undefined;
  };
  for (const sec of sections) {
    const names: { name: string; first: number }[] = [];
    for (const m of analysis.mentions) {
      if (m.regionId !== sec.id) continue;
      const e = byId.get(m.entityId);
      const home = e && homeOf(e);
      if (!home || home === sec.name || names.some((n) => n.name === home)) continue;
      if (!regionHierarchy.isWithin(home, sec.name)) continue;
      if (regionHierarchy.lookup(home)?.name === regionHierarchy.lookup(sec.name)?.name) continue;
      names.push({ name: home, first: m.start });
    }
    // shallower first so parents exist before children
    names.sort((a, b) => regionHierarchy.ancestors(a.name).length - regionHierarchy.ancestors(b.name).length || a.first - b.first);
    for (const { name, first } of names) {
      const anc = regionHierarchy.ancestors(name);
      const parentName = anc.find((a) => a === sec.name || subNodes.has(subKey(sec.id, a)));
      const parentId = !parentName || parentName === sec.name ? sec.id : subNodes.get(subKey(sec.id, parentName))!.id;
      const info = regionHierarchy.lookup(name);
      const node: SummaryRegion = {
        id: `${sec.id}/${name}`,
        name,
        full: info?.full,
        level: levelOf(name),
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

  const entities: SummaryEntity[] = analysis.entities.map((e) => ({
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
    english: summaryEnglish(e),
  }));

  const seen = new Set<string>();
  const relations = [];
  for (const r of analysis.relations) {
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
