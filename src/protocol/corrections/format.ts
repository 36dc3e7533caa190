/**
 * The user's corrections file, `.vscode/news-lens.json` (JSON with comments; documented by
 * schemas/news-lens.schema.json). Parsing is error-tolerant: a syntax error or a bad entry is
 * reported with its offset, and every valid entry still counts.
 *
 *   {
 *     "corrections": [
 *       { "text": "雀巢", "type": "none" },                          // not an entity
 *       { "text": "康宁", "type": "company" },                       // read as a company
 *       { "text": "小红书", "type": "company", "aliasOf": "行吟信息科技（上海）有限公司" }
 *     ],
 *     "knowledge": {
 *       "companies": [{ "name": "小红书", "englishName": "Xiaohongshu (RED)", "source": "…", "asOf": "2024-06-01" }],
 *       "people": [{ "name": "尹力", "note": "…", "source": "…", "asOf": "2024-06-01" }]
 *     }
 *   }
 *
 * Pure (messages are localised with @vscode/l10n, configured by the server's l10nSetup): no editor or
 * server dependencies, so the client can share it.
 */
import * as l10n from '@vscode/l10n';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, type Node, type ParseError } from './jsonc';
import type { EntityType, PersonRole, UserLexicon } from '../../core/types';
import type { KnowledgeFact, KnowledgeRecord } from '../../core/knowledge';

export const CORRECTIONS_PATH = '.vscode/news-lens.json';
/** Matches the URI (or path) of a corrections file. */
export const CORRECTIONS_URI = /\/\.vscode\/news-lens\.json$/;

export type CorrectionType = Exclude<EntityType, 'title' | 'date'> | 'none';
export const CORRECTION_TYPES: readonly CorrectionType[] = ['person', 'company', 'government', 'organization', 'place', 'none'];
/** Types the file accepts (the core also knows titles and dates; the user may name them too). */
const FILE_TYPES = new Set<string>(['person', 'title', 'company', 'government', 'organization', 'place', 'date', 'none']);

export interface Correction {
  /** The span of text, exactly as the article writes it. */
  text: string;
  type: EntityType | 'none';
  /** Canonical name of the entity this text is another name for. */
  aliasOf?: string;
  /** People: official, business or other. */
  role?: PersonRole;
  /** People: the title as the article writes it, e.g. 市委副书记、市长. */
  title?: string;
  /** People: the company or organization they represent. */
  organization?: string;
}

export interface CorrectionsProblem {
  offset: number;
  length: number;
  message: string;
  severity: 'error' | 'warning';
}

export interface ParsedCorrections {
  corrections: (Correction & { offset: number })[];
  knowledge: KnowledgeRecord[];
  problems: CorrectionsProblem[];
  /** True when the text has JSON syntax errors (then it must not be rewritten automatically). */
  syntaxErrors: boolean;
}

/** JSON syntax errors in words (localised with @vscode/l10n, like the rest of the server). */
function syntaxMessage(code: string): string {
  switch (code) {
    case 'InvalidSymbol': return l10n.t('Invalid symbol');
    case 'InvalidNumberFormat': return l10n.t('Invalid number');
    case 'PropertyNameExpected': return l10n.t('Property name expected');
    case 'ValueExpected': return l10n.t('Value expected');
    case 'ColonExpected': return l10n.t('Colon expected');
    case 'CommaExpected': return l10n.t('Comma expected');
    case 'CloseBraceExpected': return l10n.t('Closing brace } expected');
    case 'CloseBracketExpected': return l10n.t('Closing bracket ] expected');
    case 'EndOfFileExpected': return l10n.t('End of file expected');
    case 'InvalidCommentToken': return l10n.t('Invalid comment');
    case 'UnexpectedEndOfComment': return l10n.t('Unexpected end of comment');
    case 'UnexpectedEndOfString': return l10n.t('Unexpected end of string');
    case 'UnexpectedEndOfNumber': return l10n.t('Unexpected end of number');
    case 'InvalidUnicode': return l10n.t('Invalid unicode escape');
    case 'InvalidEscapeCharacter': return l10n.t('Invalid escape character');
    case 'InvalidCharacter': return l10n.t('Invalid character');
    default: return code;
  }
}

/** The value of property `name`: the last one when the key is repeated, as JSON.parse reads it. */
export function prop(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  let found: Node | undefined;
  for (const p of node.children ?? []) {
    if (p.type === 'property' && p.children?.[0]?.value === name) found = p.children[1];
  }
  return found;
}

/** Keys of an object given more than once: every occurrence but the last (the one JSON keeps). */
export function duplicateKeys(node: Node | undefined): Node[] {
  if (!node || node.type !== 'object') return [];
  const last = new Map<string, Node>();
  const out: Node[] = [];
  for (const p of node.children ?? []) {
    const key = p.type === 'property' ? p.children?.[0] : undefined;
    if (!key || typeof key.value !== 'string') continue;
    const prev = last.get(key.value);
    if (prev) out.push(prev);
    last.set(key.value, key);
  }
  return out;
}

const ISO_DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

export function parseCorrections(text: string): ParsedCorrections {
  const out: ParsedCorrections = { corrections: [], knowledge: [], problems: [], syntaxErrors: false };
  if (typeof text !== 'string' || !text.trim()) return out;
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  for (const e of errors) {
    const code = printParseErrorCode(e.error);
    out.problems.push({ offset: e.offset, length: Math.max(1, e.length), message: `News Lens: ${syntaxMessage(code)}`, severity: 'error' });
  }
  out.syntaxErrors = errors.length > 0;
  if (!root) return out;
  const warn = (n: Node, message: string) => out.problems.push({ offset: n.offset, length: Math.max(1, n.length), message: `News Lens: ${message}`, severity: 'warning' });
  if (root.type !== 'object') {
    warn(root, l10n.t('the corrections file must be a JSON object with "corrections" and "knowledge"'));
    return out;
  }
  // a repeated key counts as JSON reads it (the last one); the others are pointed out
  const duplicates = (n: Node | undefined) => {
    for (const k of duplicateKeys(n)) warn(k, l10n.t('"{0}" is given again below; as in JSON, the last one counts and this one is ignored', String(k.value)));
  };
  duplicates(root);

  const list = prop(root, 'corrections');
  if (list && list.type !== 'array') warn(list, l10n.t('"corrections" must be an array'));
  for (const item of list?.type === 'array' ? list.children ?? [] : []) {
    if (item.type !== 'object') {
      warn(item, l10n.t('a correction must be an object like { "text": "…", "type": "company" }'));
      continue;
    }
    duplicates(item);
    const t = prop(item, 'text');
    const ty = prop(item, 'type');
    const al = prop(item, 'aliasOf');
    if (!t || t.type !== 'string' || !String(t.value).trim()) {
      warn(t ?? item, l10n.t('a correction needs "text": the name as the article writes it'));
      continue;
    }
    if (!ty || ty.type !== 'string' || !FILE_TYPES.has(String(ty.value))) {
      warn(ty ?? item, l10n.t('"type" must be one of person, company, government, organization, place, title, date or none'));
      continue;
    }
    if (al && (al.type !== 'string' || !String(al.value).trim())) {
      warn(al, l10n.t('"aliasOf" must be the name of another entity'));
      continue;
    }
    const c: Correction & { offset: number } = { text: String(t.value).trim(), type: ty.value as Correction['type'], offset: item.offset };
    if (al) c.aliasOf = String(al.value).trim();
    if (!personFields(item, c, warn)) continue;
    out.corrections.push(c);
  }

  const kb = prop(root, 'knowledge');
  if (kb && kb.type !== 'object') warn(kb, l10n.t('"knowledge" must be an object with "companies" and/or "people"'));
  duplicates(kb);
  for (const [section, kind] of [['companies', 'company'], ['people', 'person']] as const) {
    const arr = prop(kb, section);
    if (!arr) continue;
    if (arr.type !== 'array') {
      warn(arr, l10n.t('"{0}" must be an array', section));
      continue;
    }
    for (const item of arr.children ?? []) {
      duplicates(item);
      const rec = knowledgeRecord(item, kind, warn);
      if (rec) out.knowledge.push(rec);
    }
  }
  return out;
}

const COMPANY_FACTS: [string, KnowledgeFact['key']][] = [
  ['englishName', 'englishName'],
  ['code', 'code'],
  ['exchange', 'exchange'],
  ['country', 'country'],
  ['area', 'area'],
  ['industry', 'industry'],
  ['website', 'website'],
  ['note', 'note'],
];

function knowledgeRecord(item: Node, kind: 'company' | 'person', warn: (n: Node, m: string) => void): KnowledgeRecord | undefined {
  if (item.type !== 'object') {
    warn(item, l10n.t('a knowledge entry must be an object with "name", "source" and "asOf"'));
    return undefined;
  }
  const v = getNodeValue(item) as Record<string, unknown>;
  const name = typeof v.name === 'string' ? v.name.trim() : '';
  if (!name) {
    warn(prop(item, 'name') ?? item, l10n.t('a knowledge entry needs "name"'));
    return undefined;
  }
  const source = typeof v.source === 'string' ? v.source.trim() : '';
  if (!source) warn(prop(item, 'source') ?? item, l10n.t('"source" is missing: say where the facts about {0} come from', name));
  const asOf = typeof v.asOf === 'string' ? v.asOf.trim() : '';
  if (!asOf) warn(prop(item, 'asOf') ?? item, l10n.t('"asOf" is missing: the date the facts about {0} were true (YYYY-MM-DD)', name));
  else if (!ISO_DATE.test(asOf)) warn(prop(item, 'asOf')!, l10n.t('"asOf" must be a date: YYYY-MM-DD, YYYY-MM or YYYY'));
  const aliases = Array.isArray(v.aliases) ? v.aliases.filter((a): a is string => typeof a === 'string' && !!a.trim()).map((a) => a.trim()) : [];
  const facts: KnowledgeFact[] = [];
  const keys: [string, KnowledgeFact['key']][] = kind === 'company' ? COMPANY_FACTS : [['note', 'note'], ['website', 'website']];
  for (const [field, key] of keys) {
    const val = v[field];
    if (typeof val === 'string' && val.trim()) facts.push({ key, value: val.trim() });
    else if (val !== undefined && typeof val !== 'string') warn(prop(item, field)!, l10n.t('"{0}" must be a string', field));
  }
  return { kind, name, aliases, facts, source: source || l10n.t('your corrections file'), asOf: ISO_DATE.test(asOf) ? asOf : '', origin: 'user', table: 'user' };
}

const ROLES = new Set<string>(['official', 'business', 'other']);

/** "role", "title" and "organization" of a correction about a person; false (with a warning) when malformed. */
function personFields(item: Node, c: Correction, warn: (n: Node, m: string) => void): boolean {
  const role = prop(item, 'role');
  const title = prop(item, 'title');
  const org = prop(item, 'organization');
  if (!role && !title && !org) return true;
  if (c.type !== 'person') {
    warn(role ?? title ?? org!, l10n.t('"role", "title" and "organization" apply to people: set "type": "person"'));
    return false;
  }
  if (role && (role.type !== 'string' || !ROLES.has(String(role.value)))) {
    warn(role, l10n.t('"role" must be official, business or other'));
    return false;
  }
  for (const n of [title, org]) {
    if (n && (n.type !== 'string' || !String(n.value).trim())) {
      warn(n, l10n.t('"title" and "organization" must be non-empty strings'));
      return false;
    }
  }
  if (role) c.role = role.value as PersonRole;
  if (title) c.title = String(title.value).trim();
  if (org) c.organization = String(org.value).trim();
  return true;
}

/** The corrections about people (role, title, organization), for src/core/userPeople.ts. Later entries win. */
export function toUserPeople(corrections: readonly Correction[]): { text: string; role?: PersonRole; title?: string; organization?: string }[] {
  const byText = new Map<string, Correction>();
  for (const c of corrections) byText.set(c.text, c);
  return [...byText.values()]
    .filter((c) => c.type === 'person' && (c.role || c.title || c.organization))
    .map((c) => ({ text: c.text, ...(c.role ? { role: c.role } : {}), ...(c.title ? { title: c.title } : {}), ...(c.organization ? { organization: c.organization } : {}) }));
}

/** The corrections as the core's user lexicon. Later entries for the same text win. */
export function toUserLexicon(corrections: readonly Correction[]): UserLexicon {
  const byText = new Map<string, Correction>();
  for (const c of corrections) byText.set(c.text, c);
  return { entries: [...byText.values()].map((c) => (c.aliasOf ? { text: c.text, type: c.type, aliasOf: c.aliasOf } : { text: c.text, type: c.type })) };
}

/** Where in the file the node for `path` is (for diagnostics and tests). */
export function locate(text: string, path: (string | number)[]): { offset: number; length: number } | undefined {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const n = root && findNodeAtLocation(root, path);
  return n ? { offset: n.offset, length: n.length } : undefined;
}
