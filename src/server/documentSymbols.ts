/**
 * The outline: one node per region section in article order (plus a "Lead" node for entities
 * before the first section), each listing the entities mentioned there, grouped officials → other
 * people → companies → government bodies → organizations → places, each group in order of first
 * mention in that section. Titles and dates are left out: they are attributes, not things.
 */
import * as l10n from '@vscode/l10n';
import { SymbolKind, type DocumentSymbol, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity, Mention } from '../core/types';
import { entityById } from './core';
import { displayKind, type DisplayKind } from './analysisUtil';
import { kindLabel } from './hover';
import { runSliced, runToEnd, ticker, type Steps } from './timeSlices';

const GROUP_ORDER: DisplayKind[] = ['official', 'person', 'company', 'government', 'organization', 'place'];

export function symbolKindFor(kind: DisplayKind): SymbolKind {
  switch (kind) {
    case 'official': return SymbolKind.Constructor; // a person holding public office
    case 'person': return SymbolKind.Variable;
    case 'company': return SymbolKind.Class;
    case 'government': return SymbolKind.Interface;
    case 'organization': return SymbolKind.Struct;
    case 'place': return SymbolKind.Package;
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

interface Bucket {
  entity: Entity;
  mentions: Mention[];
}

function* childSymbols(doc: TextDocument, analysis: Analysis, mentions: Mention[], tick: () => boolean): Steps<DocumentSymbol[]> {
  const buckets = new Map<string, Bucket>();
  for (const m of mentions) {
    if (tick()) yield;
    const e = entityById(analysis, m.entityId);
    if (!e) continue;
    if (!GROUP_ORDER.includes(displayKind(e))) continue;
    let b = buckets.get(e.id);
    if (!b) buckets.set(e.id, (b = { entity: e, mentions: [] }));
    b.mentions.push(m);
  }
  const ordered = [...buckets.values()].sort((a, b) => {
    const ga = GROUP_ORDER.indexOf(displayKind(a.entity));
    const gb = GROUP_ORDER.indexOf(displayKind(b.entity));
    return ga - gb || a.mentions[0].start - b.mentions[0].start;
  });
  return ordered.map(({ entity, mentions: ms }) => {
    const first = ms[0];
    const last = ms[ms.length - 1];
    return {
      name: entity.name,
      detail: symbolDetail(entity),
      kind: symbolKindFor(displayKind(entity)),
      range: range(doc, first.start, last.end),
      selectionRange: range(doc, first.start, first.end),
    };
  });
}

function range(doc: TextDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

/** The outline at once (small documents, tests). */
export function documentSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  return runToEnd(documentSymbolSteps(doc, analysis));
}

/** The outline in time slices (see ./timeSlices.ts): a long article's never holds up other requests. */
export function documentSymbolsSliced(doc: TextDocument, analysis: Analysis): Promise<DocumentSymbol[]> {
  return runSliced(documentSymbolSteps(doc, analysis));
}

export function* documentSymbolSteps(doc: TextDocument, analysis: Analysis): Steps<DocumentSymbol[]> {
  const tick = ticker();
  const out: DocumentSymbol[] = [];
  const regions = [...analysis.regions].sort((a, b) => a.start - b.start);
  const byRegion = new Map<string, Mention[]>();
  const lead: Mention[] = [];
  for (const m of analysis.mentions) {
    if (tick()) yield;
    if (m.regionId === undefined) {
      if (!regions.length || m.start < regions[0].start) lead.push(m);
      continue;
    }
    let list = byRegion.get(m.regionId);
    if (!list) byRegion.set(m.regionId, (list = []));
    list.push(m);
  }
  if (lead.length) {
    const children = yield* childSymbols(doc, analysis, lead, tick);
    if (children.length) {
      const end = regions.length ? regions[0].start : analysis.length;
      const leadStart = Math.min(lead[0].start, 0);
      out.push({
        name: l10n.t('Lead'),
        detail: l10n.t('{0} entities', children.length),
        kind: SymbolKind.Module,
        range: range(doc, leadStart, Math.max(end, lead[lead.length - 1].end)),
        selectionRange: range(doc, lead[0].start, lead[0].end),
        children,
      });
    }
  }
  for (const r of regions) {
    const children = yield* childSymbols(doc, analysis, byRegion.get(r.id) ?? [], tick);
    const start = Math.min(r.start, r.headingStart);
    const end = Math.max(r.end, r.headingEnd);
    const headEnd = r.headingEnd > r.headingStart ? r.headingEnd : r.headingStart;
    out.push({
      name: r.name,
      detail: regionDetail(r.level, children.length),
      kind: SymbolKind.Namespace,
      range: range(doc, start, Math.max(end, headEnd)),
      selectionRange: range(doc, r.headingStart, headEnd),
      children,
    });
  }
  return out;
}

function regionDetail(level: string, count: number): string {
  const lv = level === 'province' ? l10n.t('province') : level === 'city' ? l10n.t('city') : level === 'district' ? l10n.t('district') : l10n.t('region');
  return `${lv} · ${l10n.t('{0} entities', count)}`;
}
