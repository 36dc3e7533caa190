/**
 * Code actions that correct News Lens's reading of a name: mark the entity under the cursor (or
 * any selected span) as a person/company/government body/organization/place, as not an entity, or
 * as another name of one of the article's entities. They do not touch the article: each runs a
 * client command that writes the correction to `.vscode/news-lens.json` (see src/client/corrections).
 */
import * as l10n from '@vscode/l10n';
import { CodeActionKind, type CodeAction, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Entity, EntityType, Mention } from '../core/types';
import { displayKind } from './analysisUtil';
import { entityAtOffset, entityById } from './core';
import { kindLabel } from './hover';
import { CorrectionCommands, type AddAliasArgs, type ApplyCorrectionArgs, type CorrectionEntry, type SetPersonArgs } from '../protocol';

/** Kinds: fixing a recognised entity is a quick fix; naming a new span is a refactoring of the reading. */
export const CORRECTION_QUICKFIX = `${CodeActionKind.QuickFix}.newsLens`;
export const CORRECTION_REFACTOR = `${CodeActionKind.Refactor}.newsLens`;

const MARKABLE: Exclude<EntityType, 'title' | 'date'>[] = ['person', 'company', 'government', 'organization', 'place'];
const MAX_SPAN = 40;
const MAX_CANDIDATES = 200;

function typeLabel(t: EntityType): string {
  return kindLabel(displayKind({ type: t }));
}

function markTitle(text: string, t: EntityType): string {
  switch (t) {
    case 'person': return l10n.t('News Lens: mark “{0}” as a person', text);
    case 'company': return l10n.t('News Lens: mark “{0}” as a company', text);
    case 'government': return l10n.t('News Lens: mark “{0}” as a government body', text);
    case 'organization': return l10n.t('News Lens: mark “{0}” as an organization', text);
    case 'place': return l10n.t('News Lens: mark “{0}” as a place', text);
    default: return l10n.t('News Lens: mark “{0}” as {1}', text, typeLabel(t));
  }
}

function kindAllowed(kind: string, only: string[] | undefined): boolean {
  if (!only?.length) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export interface CodeActionContextLite {
  only?: string[];
  /**
   * LSP CodeActionTriggerKind: 1 Invoked (Ctrl+., the context menu), 2 Automatic (the lightbulb VS Code
   * asks for on every selection). Corrections are offered only when asked for: never a lightbulb on a
   * plain selection.
   */
  triggerKind?: number;
  /** The corrections file the server reads for this document. */
  correctionsUri?: string;
}

/** The text a correction is about: the mention under an empty selection, or the selected span. */
export function correctionTarget(doc: TextDocument, analysis: Analysis, range: Range): { text: string; entity?: Entity; mention?: Mention } | undefined {
  const start = doc.offsetAt(range.start);
  const end = doc.offsetAt(range.end);
  if (start === end) {
    const hit = entityAtOffset(analysis, start, true);
    return hit ? { text: hit.mention.text, entity: hit.entity, mention: hit.mention } : undefined;
  }
  const raw = doc.getText().slice(Math.min(start, end), Math.max(start, end));
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  if (!text || text.length > MAX_SPAN || /[\r\n]/.test(text)) return undefined;
  const s = Math.min(start, end) + lead;
  // the selection is exactly a mention: that entity
  const hit = entityAtOffset(analysis, s);
  if (hit && hit.mention.start === s && hit.mention.end === s + text.length) return { text, entity: hit.entity, mention: hit.mention };
  return { text };
}

/** LSP CodeActionTriggerKind.Automatic. */
export const TRIGGER_AUTOMATIC = 2;

/**
 * The title chain the article writes right before a name (市委副书记、市长殷勇 → 市委副书记、市长):
 * the adjoining title, body and place mentions, joined by nothing or 、.
 */
export function titleChainBefore(analysis: Analysis, text: string, start: number): string {
  const ms = analysis.mentions;
  let i = ms.length - 1;
  while (i >= 0 && ms[i].end > start) i--;
  let from = start;
  while (i >= 0) {
    const m = ms[i];
    const gap = text.slice(m.end, from);
    if ((gap !== '' && gap !== '、') || !['title', 'government', 'place'].includes(m.type)) break;
    from = m.start;
    i--;
  }
  return text.slice(from, start).replace(/^、|、$/g, '');
}

/** "Mark as official with title…" and "set role/organization…" for a person (or a selected name). */
function personActions(doc: TextDocument, analysis: Analysis, target: { text: string; entity?: Entity; mention?: Mention }, start: number, kind: string, correctionsUri?: string): CodeAction[] {
  const { text, entity } = target;
  if (entity && entity.type !== 'person') return [];
  if (!entity && (text.length > 8 || !/^[\u3400-\u9fff·]+$/.test(text))) return [];
  const chain = titleChainBefore(analysis, doc.getText(), start) || entity?.titles[0]?.inText || '';
  const base = { uri: doc.uri, correctionsUri, text, title: chain || undefined, role: entity?.role, organization: entity?.organization };
  const make = (title: string, args: SetPersonArgs): CodeAction => ({ title, kind, command: { title, command: CorrectionCommands.setPerson, arguments: [args] } });
  return [
    make(l10n.t('News Lens: mark “{0}” as an official with title…', text), { ...base, mode: 'official' }),
    make(l10n.t('News Lens: set the role/organization of “{0}”…', text), { ...base, mode: 'role' }),
  ];
}

export function codeActions(doc: TextDocument, analysis: Analysis, range: Range, ctx: CodeActionContextLite = {}): CodeAction[] {
  if (ctx.triggerKind === TRIGGER_AUTOMATIC) return [];
  const target = correctionTarget(doc, analysis, range);
  if (!target) return [];
  const { text, entity } = target;
  const kind = entity ? CORRECTION_QUICKFIX : CORRECTION_REFACTOR;
  if (!kindAllowed(kind, ctx.only)) return [];
  const uri = doc.uri;
  const apply = (title: string, correction: CorrectionEntry, preferred = false): CodeAction => {
    const args: ApplyCorrectionArgs = { uri, correctionsUri: ctx.correctionsUri, correction };
    return { title, kind, isPreferred: preferred || undefined, command: { title, command: CorrectionCommands.apply, arguments: [args] } };
  };
  const out: CodeAction[] = [];
  if (entity) out.push(apply(l10n.t('News Lens: “{0}” is not an entity', text), { text, type: 'none' }));
  for (const t of MARKABLE) {
    if (entity && entity.type === t) continue;
    out.push(apply(markTitle(text, t), { text, type: t }));
  }
  out.push(...personActions(doc, analysis, target, target.mention?.start ?? doc.offsetAt(range.start) + (doc.getText(range).length - doc.getText(range).trimStart().length), kind, ctx.correctionsUri));
  const candidates: AddAliasArgs['candidates'] = analysis.entities
    .filter((e) => e.id !== entity?.id && e.type !== 'date' && e.type !== 'title' && e.name !== text)
    .sort((a, b) => b.mentions.length - a.mentions.length)
    .slice(0, MAX_CANDIDATES)
    .map((e) => ({ entityId: e.id, name: e.name, type: e.type, kindLabel: kindLabel(displayKind(e)), mentions: e.mentions.length }));
  if (candidates.length) {
    const title = l10n.t('News Lens: “{0}” is another name for…', text);
    const args: AddAliasArgs = { uri, correctionsUri: ctx.correctionsUri, text, candidates };
    out.push({ title, kind, command: { title, command: CorrectionCommands.addAlias, arguments: [args] } });
  }
  return out;
}

/** For tests and the entity-info request. */
export function entityOf(analysis: Analysis, id: string): Entity | undefined {
  return entityById(analysis, id);
}
