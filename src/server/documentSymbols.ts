/**
 * The Outline (document symbols, breadcrumbs, Go to Symbol): the same region nodes as the Regions
 * view (regionOutline.ts), each with the entities listed there, grouped officials → other people →
 * companies → government bodies → organizations → places, each group in order of first mention
 * there. The article's own sections are namespaces; regions News Lens inferred are packages whose
 * detail says "inferred"; what no region holds is the lead. Titles and dates are left out: they are
 * attributes, not things.
 *
 * In Markdown the built-in heading outline is a second symbol provider, and VS Code shows two
 * providers' symbols as two groups, moving the headings down a level. So, by the setting
 * `newsLens.outline.markdown`:
 *  - "sections" (default): News Lens adds symbols to a Markdown article only where the article
 *    opens region sections of its own, and then its regions carry the article's headings inside
 *    them (a heading is listed in the region it falls in), so News Lens' group is the whole outline
 *    on its own; an article without sections keeps the built-in heading outline alone, at the top;
 *  - "always": also the regions News Lens inferred, in every Markdown article;
 *  - "never": headings only.
 * Plain text has no other outline: News Lens' regions always.
 */
import { runSliced, runToEnd, ticker, type Steps } from './timeSlices';
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity } from '../core/types';
import { entityById } from './core';
import { displayKind, type DisplayKind } from './analysisUtil';
import { kindLabel } from './hover';
import { regionOutlineSliced, regionOutlineSteps, shownName, type OutlineNode, type RegionOutline } from './regionOutline';

export type MarkdownOutline = 'sections' | 'always' | 'never';

const GROUP_ORDER: DisplayKind[] = ['official', 'person', 'company', 'government', 'organization', 'place'];

/**
 * Symbol kinds chosen for what a reader (and a screen reader, which says the kind's name) makes of
 * them, and for icons that tell them apart: an official holds a public "function", other people are
 * "variables" (Object would read better but draws the braces of a section; Key draws the "abc" of a
 * heading); a company a "class", a government body an "interface", an organization a "struct"; a
 * place a "field". Sections are namespaces, inferred regions packages (and say "inferred"), the lead
 * a module, headings strings (as VS Code's Markdown outline).
 */
export function symbolKindFor(kind: DisplayKind): SymbolKind {
  switch (kind) {
    case 'official': return SymbolKind.Function;
    case 'person': return SymbolKind.Variable;
    case 'company': return SymbolKind.Class;
    case 'government': return SymbolKind.Interface;
    case 'organization': return SymbolKind.Struct;
    case 'place': return SymbolKind.Field;
    case 'title': return SymbolKind.Property;
    case 'date': return SymbolKind.Event;
  }
}

/** `detail`: the title as stated for people (with company for business people), else the type. */
export function symbolDetail(e: Entity): string {
  const kind = displayKind(e);
  if (e.type === 'person') {
    const t = e.titles[0];
    if (t) {
      const org = kind === 'official' ? undefined : e.organization ?? t.organization;
      return [org, t.inText].filter(Boolean).join(' ');
    }
    if (e.organization) return e.organization;
  }
  return kindLabel(kind);
}

function range(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(Math.max(start, end)) };
}

function* entitySymbols(doc: TextDocument, analysis: Analysis, node: OutlineNode, tick: () => boolean): Steps<DocumentSymbol[]> {
  const list: { e: Entity; first: number; last: number; firstEnd: number }[] = [];
  for (const id of node.entityIds) {
    if (tick()) yield;
    const e = entityById(analysis, id);
    const ms = node.mentions.get(id);
    if (!e || !ms?.length || !GROUP_ORDER.includes(displayKind(e))) continue;
    list.push({ e, first: ms[0].start, firstEnd: ms[0].end, last: ms[ms.length - 1].end });
  }
  list.sort((a, b) => GROUP_ORDER.indexOf(displayKind(a.e)) - GROUP_ORDER.indexOf(displayKind(b.e)) || a.first - b.first);
  const out: DocumentSymbol[] = [];
  for (const { e, first, firstEnd, last } of list) {
    if (tick()) yield;
    out.push({
      name: shownName(e),
      detail: symbolDetail(e),
      kind: symbolKindFor(displayKind(e)),
      range: range(doc, first, last),
      selectionRange: range(doc, first, firstEnd),
    });
  }
  return out;
}

/** Markdown ATX headings (# …), with their level, outside fenced code. */
function* markdownHeadings(text: string, tick: () => boolean): Steps<{ level: number; name: string; start: number; end: number }[]> {
  const out: { level: number; name: string; start: number; end: number }[] = [];
  let fence = false;
  for (let ls = 0; ls < text.length; ) {
    if (tick()) yield;
    let le = text.indexOf('\n', ls);
    if (le < 0) le = text.length;
    const line = text.slice(ls, Math.min(le, ls + 300));
    if (/^ {0,3}(```|~~~)/.test(line)) fence = !fence;
    else if (!fence) {
      const m = /^ {0,3}(#{1,6})[ \t]+(.*?)[ \t#]*\r?$/.exec(line);
      if (m && m[2]) out.push({ level: m[1].length, name: m[2], start: ls, end: le });
    }
    ls = le + 1;
  }
  return out;
}

export function regionDetail(node: Pick<OutlineNode, 'kind' | 'level'>, count: number): string {
  const lv =
    node.level === 'province' ? l10n.t('province') : node.level === 'city' ? l10n.t('city') : node.level === 'district' ? l10n.t('district') : node.level === 'country' ? l10n.t('country') : node.level === 'central' ? l10n.t('central') : l10n.t('region');
  const what = node.kind === 'inferred' ? l10n.t('inferred {0}', lv) : lv;
  return `${what} · ${count === 1 ? l10n.t('1 entity') : l10n.t('{0} entities', count)}`;
}

/** Whether a document gets News Lens symbols at all (newsLens.outline.markdown). */
function wantsSymbols(doc: TextDocument, analysis: Analysis, markdown: MarkdownOutline): boolean {
  return !(doc.languageId === 'markdown' && (markdown === 'never' || (markdown === 'sections' && !analysis.regions.length)));
}

/** The outline at once (small articles, tests). */
export function documentSymbols(doc: TextDocument, analysis: Analysis, markdown: MarkdownOutline = 'sections'): DocumentSymbol[] {
  if (!wantsSymbols(doc, analysis, markdown)) return [];
  return runToEnd(
    (function* () {
      const tick = ticker(256);
      return yield* documentSymbolSteps(doc, analysis, yield* regionOutlineSteps(analysis, tick), markdown, tick);
    })(),
  );
}

/**
 * The outline in time slices (./timeSlices.ts), so a long article's never holds up requests about
 * other documents; the region nodes are shared with the Regions view's summary.
 */
export async function documentSymbolsSliced(doc: TextDocument, analysis: Analysis, markdown: MarkdownOutline = 'sections'): Promise<DocumentSymbol[]> {
  if (!wantsSymbols(doc, analysis, markdown)) return [];
  const outline = await regionOutlineSliced(analysis);
  return runSliced(documentSymbolSteps(doc, analysis, outline, markdown, ticker(256)));
}

/** The symbols of an outline as steps: they yield every few hundred entities, nodes or lines. */
function* documentSymbolSteps(doc: TextDocument, analysis: Analysis, outline: RegionOutline, markdown: MarkdownOutline, tick: () => boolean): Steps<DocumentSymbol[]> {
  const isMarkdown = doc.languageId === 'markdown';
  const nodes = outline.nodes.filter((n) => !(isMarkdown && markdown === 'sections' && n.kind === 'inferred' && !n.parentId?.startsWith('section:')));
  const text = doc.getText();
  const symbolOf = new Map<string, DocumentSymbol>();
  const nested = new Map<DocumentSymbol, DocumentSymbol[]>();
  const roots: DocumentSymbol[] = [];
  // entity counts: the distinct entities of a node and the nodes nested in it (as the Regions view counts)
  const childNodes = new Map<string, OutlineNode[]>();
  for (const n of nodes) {
    if (tick()) yield;
    if (!n.parentId) continue;
    let l = childNodes.get(n.parentId);
    if (!l) childNodes.set(n.parentId, (l = []));
    l.push(n);
  }
  const counted = new Map<string, Set<string>>();
  const countOf = (n: OutlineNode): Set<string> => {
    let s = counted.get(n.id);
    if (s) return s;
    s = new Set(n.entityIds.filter((id) => GROUP_ORDER.includes(displayKind(entityById(analysis, id) ?? { type: 'title' }))));
    for (const c of childNodes.get(n.id) ?? []) for (const id of countOf(c)) s.add(id);
    counted.set(n.id, s);
    return s;
  };
  for (const n of nodes) {
    if (tick()) yield;
    const children = yield* entitySymbols(doc, analysis, n, tick);
    const count = countOf(n).size;
    const start = n.kind === 'lead' ? 0 : Math.max(0, Math.min(n.start, n.headingStart));
    const end = Math.max(n.end, n.headingEnd, start);
    const sym: DocumentSymbol = {
      name: n.kind === 'lead' ? (analysis.regions.length ? l10n.t('Lead') : l10n.t('Not placed in a region')) : n.name,
      detail: n.kind === 'lead' ? (count === 1 ? l10n.t('1 entity') : l10n.t('{0} entities', count)) : regionDetail(n, count),
      kind: n.kind === 'section' ? SymbolKind.Namespace : n.kind === 'inferred' ? SymbolKind.Package : SymbolKind.Module,
      range: range(doc, start, end),
      selectionRange: n.kind === 'lead' ? range(doc, children.length ? doc.offsetAt(children[0].selectionRange.start) : 0, children.length ? doc.offsetAt(children[0].selectionRange.end) : 0) : range(doc, Math.max(0, n.headingStart), Math.max(n.headingStart, n.headingEnd)),
      children,
    };
    symbolOf.set(n.id, sym);
    const parent = n.parentId ? symbolOf.get(n.parentId) : undefined;
    if (parent) {
      let list = nested.get(parent);
      if (!list) nested.set(parent, (list = []));
      list.push(sym);
    } else roots.push(sym);
  }
  // nested regions come before the parent's entities
  for (const [parent, list] of nested) parent.children = [...list, ...(parent.children ?? [])];
  if (isMarkdown) yield* carryHeadings(doc, text, roots, nodes, symbolOf, childNodes, tick);
  return roots;
}

/**
 * The article's headings, each listed in the region section (or the lead) it falls in, nested by
 * level, before that region's own entries: News Lens' group is then a whole outline of the article.
 */
function* carryHeadings(
  doc: TextDocument,
  text: string,
  roots: DocumentSymbol[],
  nodes: OutlineNode[],
  symbolOf: Map<string, DocumentSymbol>,
  childNodes: Map<string, OutlineNode[]>,
  tick: () => boolean,
): Steps<void> {
  const heads = yield* markdownHeadings(text, tick);
  if (!heads.length) return;
  // the sections' (and the lead's) own texts, in order: they do not overlap, so one walk along the
  // headings finds the one each heading falls in (linear in headings + sections)
  const own = nodes
    .filter((n) => n.kind === 'section' || n.kind === 'lead')
    .map((n) => ({ n, s: n.kind === 'lead' ? 0 : n.headingStart, e: n.kind === 'lead' ? n.end : ownEnd(n, childNodes.get(n.id) ?? []) }))
    .sort((a, b) => a.s - b.s);
  // where each heading's range ends: at the next heading of the same or a higher level (a stack walk)
  const ends = new Array<number>(heads.length).fill(text.length);
  const open: number[] = [];
  for (let i = 0; i < heads.length; i++) {
    while (open.length && heads[open[open.length - 1]].level >= heads[i].level) ends[open.pop()!] = heads[i].start;
    open.push(i);
  }
  const perNode = new Map<string, DocumentSymbol[]>();
  const stacks = new Map<string, { level: number; sym: DocumentSymbol }[]>();
  let k = 0;
  for (let i = 0; i < heads.length; i++) {
    if (tick()) yield;
    const h = heads[i];
    while (k + 1 < own.length && own[k + 1].s <= h.start) k++;
    const cand = own[k];
    const home = cand && cand.s <= h.start && h.start < cand.e ? cand : undefined;
    // a heading that is itself a section's marker (## 北京) is that section
    if (home && home.n.kind === 'section' && h.start < Math.max(home.n.headingEnd, home.n.headingStart + 1)) continue;
    const key = home ? home.n.id : '';
    const end = home ? Math.min(ends[i], home.e) : ends[i];
    const sym: DocumentSymbol = { name: h.name, kind: SymbolKind.String, range: range(doc, h.start, end), selectionRange: range(doc, h.start, h.end), children: [] };
    let stack = stacks.get(key);
    if (!stack) stacks.set(key, (stack = []));
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].sym.children!.push(sym);
    else {
      let list = perNode.get(key);
      if (!list) perNode.set(key, (list = []));
      list.push(sym);
    }
    stack.push({ level: h.level, sym });
  }
  for (const [key, list] of perNode) {
    const target = key ? symbolOf.get(key) : undefined;
    if (target) target.children!.unshift(...list);
    else roots.unshift(...list);
  }
}

/** Where a section's own text ends: at its first nested section, else its end. */
function ownEnd(n: OutlineNode, children: OutlineNode[]): number {
  let e = n.end;
  for (const c of children) if (c.kind === 'section' && c.headingStart >= 0 && c.headingStart < e) e = c.headingStart;
  return e;
}
