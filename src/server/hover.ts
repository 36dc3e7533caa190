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
import { lookupCompany, lookupPerson, type KnowledgeBase, type KnowledgeRecord } from '../core/knowledge';
import { entityAtOffset, pinyinOf } from './core';
import { displayKind, firstMention, isOfficial, regionName, related, sentenceText, type DisplayKind } from './analysisUtil';
import { CardCommands, DEFAULT_HOVER_SETTINGS, type EntityRef, type HoverSettings } from '../protocol';
import { englishCompany, englishForEntity, CEDICT_SOURCE } from '../core/english';
import { showEnglish } from './english';

/** What a card may show beyond the article: settings and the user's knowledge base. */
export interface CardContext {
  settings?: HoverSettings;
  /** The user's knowledge entries (corrections file) for this document. */
  knowledge?: KnowledgeBase;
}

function opts(ctx?: CardContext): HoverSettings {
  return { ...DEFAULT_HOVER_SETTINGS, ...(ctx?.settings ?? {}) };
}

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

/** The label before English renderings on a card. */
const EN = '**EN**';

/**
 * The English line of a card (when `newsLens.hover.english` asks for it): the name and, for people,
 * each title; what has no rendering says so.
 */
export function englishLine(e: Entity, ctx?: CardContext): string | undefined {
  if (!showEnglish(opts(ctx))) return undefined;
  const none = l10n.t('no English rendering');
  const en = englishForEntity(e, ctx?.knowledge);
  const parts: string[] = [];
  if (e.type === 'company') {
    const c = englishCompany(e.name, e.aliases, ctx?.knowledge);
    parts.push(c ? md(c.en) + (c.source === CEDICT_SOURCE ? ` *(CC-CEDICT)*` : '') : `*${none}*`);
  } else if (e.type !== 'title') parts.push(en.name ? md(en.name) : `*${none}*`);
  const seen = new Set<string>();
  for (const t of en.titles) {
    if (seen.has(t.zh)) continue;
    seen.add(t.zh);
    parts.push(t.en ? md(t.en) : `*${md(t.zh)}: ${none}*`);
  }
  if (e.type === 'title' && !en.titles.length) parts.push(en.name ? md(en.name) : `*${none}*`);
  return `${EN} ${parts.join(' · ')}`;
}

export function officialCard(analysis: Analysis, text: string, e: Entity, ctx?: CardContext): string {
  const o = opts(ctx);
  const lines: string[] = [];
  const py = o.showPinyin ? namePinyin(e.name) : '';
  lines.push(`**${md(e.name)}**${py ? ` *${md(py)}*` : ''} · ${kindLabel('official')}`);
  for (const t of titleLines(e)) lines.push(t);
  const english = englishLine(e, ctx);
  if (english) lines.push(english);
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
  return withExtras(lines, analysis, text, e, ctx);
}

export function companyCard(analysis: Analysis, text: string, e: Entity, ctx?: CardContext): string {
  const lines: string[] = [];
  lines.push(`**${md(e.name)}** · ${kindLabel('company')}`);
  const english = englishLine(e, ctx);
  if (english) lines.push(english);
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
  return withExtras(lines, analysis, text, e, ctx);
}

/** The first mention's sentence (article) and the knowledge-base section (not the article). */
function withExtras(lines: string[], analysis: Analysis, text: string, e: Entity, ctx?: CardContext): string {
  const o = opts(ctx);
  if (o.showFirstSentence) {
    const first = firstMention(e);
    const sentence = first && sentenceText(analysis, text, first.sentence);
    if (sentence) lines.push(`> ${md(sentence)}`);
  }
  let card = lines.join('  \n');
  if (o.showKnowledgeBase) {
    const kb = knowledgeSection(e, ctx);
    if (kb) card += `\n\n---\n\n${kb}`;
  }
  return card;
}

/** Knowledge about the entity that does not come from the article (bundled data, the user's file). */
export function knowledgeRecords(e: Entity, ctx?: CardContext): KnowledgeRecord[] {
  if (e.type === 'company') return lookupCompany(e.name, e.aliases, { extra: ctx?.knowledge });
  if (e.type === 'person') return lookupPerson(e.name, e.aliases, { extra: ctx?.knowledge });
  if (ctx?.knowledge && (e.type === 'organization' || e.type === 'government')) return lookupCompany(e.name, e.aliases, { extra: ctx.knowledge, prefix: false }).filter((r) => r.origin === 'user');
  return [];
}

function factLine(r: KnowledgeRecord): string {
  const f = (k: string) => r.facts.find((x) => x.key === k)?.value;
  const parts: string[] = [];
  const code = f('code');
  if (code) parts.push(`\`${code}\`${f('exchange') ? ` ${md(f('exchange')!)}` : ''}`);
  else if (f('exchange')) parts.push(md(f('exchange')!));
  const en = f('englishName');
  if (en) parts.push(`**${md(en)}**`);
  const country = f('country');
  if (country) parts.push(l10n.t('home country: {0}', md(country)));
  const area = f('area');
  if (area) parts.push(l10n.t('registered in {0}', md(area)));
  const industry = f('industry');
  if (industry) parts.push(l10n.t('industry: {0}', md(industry)));
  const site = f('website');
  if (site) parts.push(md(site));
  const note = f('note');
  if (note) parts.push(md(note));
  return parts.join(' · ');
}

export function knowledgeSection(e: Entity, ctx?: CardContext): string | undefined {
  const recs = knowledgeRecords(e, ctx).slice(0, 3);
  if (!recs.length) return undefined;
  const lines: string[] = [];
  const bundled = recs.some((r) => r.origin === 'bundled');
  lines.push(`📚 **${bundled ? l10n.t('Knowledge base') : l10n.t('Your notes')}** — ${l10n.t('not from the article')}`);
  for (const r of recs) {
    const who = r.name !== e.name ? `${md(r.name)}: ` : '';
    lines.push(`${who}${factLine(r) || md(r.name)}`);
    const src = r.origin === 'user' ? l10n.t('{0} (your .vscode/news-lens.json)', r.source) : r.source;
    lines.push(`*${r.asOf ? l10n.t('Source: {0}, as of {1}', md(src), r.asOf) : l10n.t('Source: {0}, no date given', md(src))}*`);
  }
  return lines.join('  \n');
}

export function commandLink(label: string, command: string, ref: EntityRef, tooltip?: string): string {
  const args = encodeURIComponent(JSON.stringify([ref]));
  return `[${label}](command:${command}?${args}${tooltip ? ` "${tooltip.replace(/"/g, "'")}"` : ''})`;
}

/** The links line under a card: mentions (with sentences, on demand), all mentions, Regions view, copy. */
export function linksLine(ref: EntityRef, mentions: number): string {
  return [
    commandLink(l10n.t('Mentions ({0})', mentions), CardCommands.showMentions, ref, l10n.t('Pick a mention to see its sentence and jump there')),
    commandLink(l10n.t('Find all'), CardCommands.findAllMentions, ref, l10n.t('Show all mentions in the References view')),
    commandLink(l10n.t('Regions view'), CardCommands.revealInRegions, ref, l10n.t('Reveal in the News Lens Regions view')),
    commandLink(l10n.t('Copy'), CardCommands.copyCard, ref, l10n.t('Copy this card as text')),
  ].join(' · ');
}

/** The card without links: Markdown, as the hover shows it. */
export function cardMarkdown(analysis: Analysis, text: string, entity: Entity, mention: Mention, ctx?: CardContext): string {
  if (isOfficial(entity)) return officialCard(analysis, text, entity, ctx);
  if (entity.type === 'company') return companyCard(analysis, text, entity, ctx);
  let value = oneLineCard(analysis, entity, mention);
  const english = englishLine(entity, ctx);
  if (english) value += `  \n${english}`;
  if (entity.type === 'person' && opts(ctx).showKnowledgeBase) {
    const kb = knowledgeSection(entity, ctx);
    if (kb) value += `\n\n---\n\n${kb}`;
  }
  return value;
}

/** Plain text of a card's Markdown, for the clipboard. */
export function markdownToPlain(value: string): string {
  return value
    .replace(/\[([^\]]*)\]\(command:[^)]*\)/g, '')
    .replace(/^---$/gm, '')
    .replace(/^> /gm, '')
    .replace(/\*\*|\*/g, '')
    .replace(/`/g, '')
    .replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1')
    .replace(/ {2}\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
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

export function hoverAt(doc: TextDocument, analysis: Analysis, offset: number, ctx?: CardContext): Hover | null {
  const o = opts(ctx);
  if (!o.enabled) return null;
  const hit = entityAtOffset(analysis, offset);
  if (!hit) return null;
  const { entity, mention } = hit;
  const text = doc.getText();
  let value = cardMarkdown(analysis, text, entity, mention, ctx);
  if (o.showCommandLinks && entity.type !== 'date') value += `\n\n${linksLine({ uri: doc.uri, entityId: entity.id }, entity.mentions.length)}`;
  return {
    contents: { kind: MarkupKind.Markdown, value },
    range: { start: doc.positionAt(mention.start), end: doc.positionAt(mention.end) },
  };
}
