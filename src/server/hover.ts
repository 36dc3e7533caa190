/**
 * Hover cards. The entity is found from the analysis at the hovered offset (a run of Chinese is one
 * "word" to the editor, so word ranges are useless here). Cards stay short: a few lines of compact
 * Markdown; long lists are clipped.
 */
import * as l10n from '@vscode/l10n';
import type { Hover } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity, Mention } from '../core/types';
import { entityAtOffset, pinyinOf } from './core';
import { displayKind, firstMention, isOfficial, regionName, related, sentenceText, type DisplayKind } from './analysisUtil';

const MAX_LIST = 6;

export function kindLabel(kind: DisplayKind): string {
  switch (kind) {
    case 'official': return l10n.t('official');
    case 'person': return l10n.t('person');
    case 'title': return l10n.t('title');
    case 'company': return l10n.t('company');
    case 'government': return l10n.t('government body');
    case 'organization': return l10n.t('organization');
    case 'place': return l10n.t('place');
    case 'date': return l10n.t('date');
  }
}

/** Escape Markdown so names with *, _, [ ] etc. render literally. */
export function md(text: string): string {
  return text.replace(/([\\`*_{}[\]()#+\-.!|<>~])/g, '\\$1');
}

function list(entities: Entity[]): string {
  const names = entities.slice(0, MAX_LIST).map((e) => md(e.name));
  if (entities.length > MAX_LIST) names.push('…');
  return names.join('、');
}

function mentionsLine(n: number): string {
  return n === 1 ? l10n.t('1 mention') : l10n.t('{0} mentions', n);
}

function titleLines(e: Entity): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of e.titles) {
    const key = `${t.inText}\u0000${t.full}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(t.full && t.full !== t.inText ? `${md(t.inText)} → ${md(t.full)}` : md(t.inText || t.full));
  }
  return out;
}

/**
 * Pinyin of a personal name in the usual romanised form: surname, space, given name run together,
 * each capitalised (尹力 → "Yǐn Lì", 陈吉宁 → "Chén Jíníng"). Falls back to the core's string.
 */
export function namePinyin(name: string): string {
  const raw = pinyinOf(name).trim();
  if (!raw) return '';
  const syl = raw.split(/\s+/);
  const cap = (x: string) => x.charAt(0).toUpperCase() + x.slice(1);
  if (syl.length !== [...name].length || syl.length < 2 || syl.length > 4) return raw;
  const surnameLen = syl.length === 4 ? 2 : 1; // 欧阳XX-style four-character names: compound surname
  return `${cap(syl.slice(0, surnameLen).join(''))} ${cap(syl.slice(surnameLen).join(''))}`;
}

export function officialCard(analysis: Analysis, text: string, e: Entity): string {
  const lines: string[] = [];
  const py = namePinyin(e.name);
  lines.push(`**${md(e.name)}**${py ? ` *${md(py)}*` : ''} · ${kindLabel('official')}`);
  for (const t of titleLines(e)) lines.push(t);
  const facts: string[] = [];
  if (e.region) facts.push(l10n.t('Region: {0}', e.region));
  facts.push(mentionsLine(e.mentions.length));
  lines.push(facts.join(' · '));
  const met = related(analysis, e.id, ['met']);
  if (met.length) lines.push(l10n.t('Met: {0}', list(met)));
  const metIds = new Set(met.map((m) => m.id));
  const co = related(analysis, e.id, ['co-mentioned']).filter(
    (o) => !metIds.has(o.id) && (o.type === 'company' || isOfficial(o)),
  );
  if (co.length) lines.push(l10n.t('Mentioned with: {0}', list(co)));
  const first = firstMention(e);
  const sentence = first && sentenceText(analysis, text, first.sentence);
  if (sentence) lines.push(`> ${md(sentence)}`);
  return lines.join('  \n');
}

export function companyCard(analysis: Analysis, text: string, e: Entity): string {
  const lines: string[] = [];
  lines.push(`**${md(e.name)}** · ${kindLabel('company')}`);
  const aliases = e.aliases.filter((a) => a !== e.name);
  if (aliases.length) lines.push(l10n.t('Also: {0}', aliases.map(md).join('、')));
  const sections = e.sections.map((id) => regionName(analysis, id)).filter((n): n is string => !!n);
  const facts: string[] = [];
  if (sections.length) facts.push(l10n.t('Sections: {0}', [...new Set(sections)].map(md).join('、')));
  facts.push(mentionsLine(e.mentions.length));
  lines.push(facts.join(' · '));
  // Its people: works-for relations, or people whose organization names this company.
  const people = new Map<string, Entity>();
  for (const p of related(analysis, e.id, ['works-for'])) if (p.type === 'person' && !isOfficial(p)) people.set(p.id, p);
  for (const p of analysis.entities) {
    if (p.type === 'person' && !isOfficial(p) && (p.organization === e.name || (p.organization && e.aliases.includes(p.organization)))) people.set(p.id, p);
  }
  if (people.size) {
    const items = [...people.values()].slice(0, MAX_LIST).map((p) => {
      const t = p.titles.find((ti) => !ti.organization || ti.organization === e.name) ?? p.titles[0];
      return t ? `${md(p.name)}（${md(t.inText)}）` : md(p.name);
    });
    if (people.size > MAX_LIST) items.push('…');
    lines.push(l10n.t('People: {0}', items.join('、')));
  }
  const officials = related(analysis, e.id, ['met']).filter(isOfficial);
  if (officials.length) lines.push(l10n.t('Met by: {0}', list(officials)));
  const first = firstMention(e);
  const sentence = first && sentenceText(analysis, text, first.sentence);
  if (sentence) lines.push(`> ${md(sentence)}`);
  return lines.join('  \n');
}

export function oneLineCard(analysis: Analysis, e: Entity, mention: Mention): string {
  const kind = displayKind(e);
  const parts = [`**${md(e.name)}**`, kindLabel(kind)];
  if (e.type === 'person') {
    const t = e.titles[0];
    const org = e.organization ?? t?.organization;
    if (org || t) parts.push(md([org, t?.inText].filter(Boolean).join(' ')));
  } else if (e.type === 'title') {
    const t = e.titles[0];
    if (t && t.full && t.full !== e.name) parts.push(`→ ${md(t.full)}`);
  }
  const where = e.within ?? e.region ?? regionName(analysis, mention.regionId);
  if (where && where !== e.name) parts.push(md(where));
  if (e.type !== 'date') parts.push(mentionsLine(e.mentions.length));
  return parts.join(' · ');
}

export function hoverAt(doc: TextDocument, analysis: Analysis, offset: number): Hover | null {
  const hit = entityAtOffset(analysis, offset);
  if (!hit) return null;
  const { entity, mention } = hit;
  const text = doc.getText();
  let value: string;
  if (isOfficial(entity)) value = officialCard(analysis, text, entity);
  else if (entity.type === 'company') value = companyCard(analysis, text, entity);
  else value = oneLineCard(analysis, entity, mention);
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: doc.positionAt(mention.start), end: doc.positionAt(mention.end) },
  };
}
