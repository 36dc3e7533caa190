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
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity } from '../core/types';
import { entityById } from './core';
import { displayKind, type DisplayKind } from './analysisUtil';
import { kindLabel } from './hover';
import { regionOutline, shownName, type OutlineNode } from './regionOutline';

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

function entitySymbols(doc: TextDocument, analysis: Analysis, node: OutlineNode): DocumentSymbol[] {
  const list: { e: Entity; first: number; last: number; firstEnd: number }[] = [];
  for (const id of node.entityIds) {
    const e = entityById(analysis, id);
    const ms = node.mentions.get(id);
    if (!e || !ms?.length || !GROUP_ORDER.includes(displayKind(e))) continue;
    list.push({ e, first: ms[0].start, firstEnd: ms[0].end, last: ms[ms.length - 1].end });
  }
  list.sort((a, b) => GROUP_ORDER.indexOf(displayKind(a.e)) - GROUP_ORDER.indexOf(displayKind(b.e)) || a.first - b.first);
  return list.map(({ e, first, firstEnd, last }) => ({
    name: shownName(e),
    detail: symbolDetail(e),
    kind: symbolKindFor(displayKind(e)),
    range: range(doc, first, last),
    selectionRange: range(doc, first, firstEnd),
  }));
}

/** Markdown ATX headings (# …), with their level, outside fenced code. */
function markdownHeadings(text: string): { level: number; name: string; start: number; end: number }[] {
  const out: { level: number; name: string; start: number; end: number }[] = [];
  let fence = false;
  for (let ls = 0; ls < text.length; ) {
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

export function documentSymbols(doc: TextDocument, analysis: Analysis, markdown: MarkdownOutline = 'sections'): DocumentSymbol[] {
  const isMarkdown = doc.languageId === 'markdown';
  if (isMarkdown && (markdown === 'never' || (markdown === 'sections' && !analysis.regions.length))) return [];
  const outline = regionOutline(analysis);
  const nodes = outline.nodes.filter((n) => !(isMarkdown && markdown === 'sections' && n.kind === 'inferred' && !n.parentId?.startsWith('section:')));
  const text = doc.getText();
  const symbolOf = new Map<string, DocumentSymbol>();
  const roots: DocumentSymbol[] = [];
  // entity counts: the distinct entities of a node and the nodes nested in it (as the Regions view counts)
  const counted = new Map<string, Set<string>>();
  const countOf = (n: OutlineNode): Set<string> => {
    let s = counted.get(n.id);
    if (s) return s;
    s = new Set(n.entityIds.filter((id) => GROUP_ORDER.includes(displayKind(entityById(analysis, id) ?? { type: 'title' }))));
    for (const c of nodes) if (c.parentId === n.id) for (const id of countOf(c)) s.add(id);
    counted.set(n.id, s);
    return s;
  };
  for (const n of nodes) {
    const children = entitySymbols(doc, analysis, n);
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
      // nested regions come before the parent's entities
      const firstEntity = parent.children!.findIndex((c) => c.kind !== SymbolKind.Namespace && c.kind !== SymbolKind.Package && c.kind !== SymbolKind.String);
      parent.children!.splice(firstEntity < 0 ? parent.children!.length : firstEntity, 0, sym);
    } else roots.push(sym);
  }
  if (isMarkdown) carryHeadings(doc, text, roots, nodes, symbolOf);
  return roots;
}

/**
 * The article's headings, each listed in the region section (or the lead) it falls in, nested by
 * level, before that region's own entries: News Lens' group is then a whole outline of the article.
 */
function carryHeadings(doc: TextDocument, text: string, roots: DocumentSymbol[], nodes: OutlineNode[], symbolOf: Map<string, DocumentSymbol>): void {
  const heads = markdownHeadings(text);
  if (!heads.length) return;
  // the innermost section (or the lead) a heading falls in: sections' own texts do not overlap
  const sections = nodes.filter((n) => n.kind === 'section' || n.kind === 'lead').map((n) => ({ n, s: n.kind === 'lead' ? 0 : n.headingStart, e: n.kind === 'lead' ? n.end : ownEnd(n, nodes) }));
  const perNode = new Map<string, DocumentSymbol[]>();
  const stacks = new Map<string, { level: number; sym: DocumentSymbol }[]>();
  for (let i = 0; i < heads.length; i++) {
    const h = heads[i];
    // a heading that is itself a section's marker (## 北京) is that section
    if (nodes.some((n) => n.kind === 'section' && n.headingStart <= h.start && h.start < Math.max(n.headingEnd, n.headingStart + 1))) continue;
    const home = sections.filter((x) => x.s <= h.start && h.start < x.e).pop();
    let end = text.length;
    for (let j = i + 1; j < heads.length; j++) if (heads[j].level <= h.level) {
      end = heads[j].start;
      break;
    }
    const key = home ? home.n.id : '';
    if (home) end = Math.min(end, home.e);
    const sym: DocumentSymbol = { name: h.name, kind: SymbolKind.String, range: range(doc, h.start, end), selectionRange: range(doc, h.start, h.end), children: [] };
    const stack = stacks.get(key) ?? [];
    while (stack.length && stack[stack.length - 1].level >= h.level) stack.pop();
    if (stack.length) stack[stack.length - 1].sym.children!.push(sym);
    else {
      let list = perNode.get(key);
      if (!list) perNode.set(key, (list = []));
      list.push(sym);
    }
    stack.push({ level: h.level, sym });
    stacks.set(key, stack);
  }
  for (const [key, list] of perNode) {
    const target = key ? symbolOf.get(key) : undefined;
    if (target) target.children!.unshift(...list);
    else roots.unshift(...list);
  }
}

/** Where a section's own text ends: at its first nested section, else its end. */
function ownEnd(n: OutlineNode, nodes: OutlineNode[]): number {
  let e = n.end;
  for (const c of nodes) if (c.parentId === n.id && c.kind === 'section' && c.headingStart >= 0 && c.headingStart < e) e = c.headingStart;
  return e;
}
