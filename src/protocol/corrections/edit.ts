/**
 * Adding a correction to the text of `.vscode/news-lens.json` without disturbing what the user
 * wrote: the change is made with jsonc-parser's `modify` (comments, order and formatting survive),
 * an existing entry for the same text is updated in place (only its "type"/"aliasOf"), and a file
 * with syntax errors is never rewritten. Returns one minimal text edit against the given text, so
 * the caller can apply it to an open (possibly dirty) document or to the file on disk.
 *
 * Pure: shared by the client (which applies the edit) and tests.
 */
import { applyEdits, modify, parseTree, type FormattingOptions, type Node } from './jsonc';
import type { Correction } from './format';

export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

export type CorrectionEditResult =
  | { status: 'edited'; edit: OffsetEdit; newText: string }
  | { status: 'unchanged' }
  | { status: 'syntax-error'; offset: number }
  | { status: 'not-an-object'; offset: number };

export const NEW_FILE_HEADER =
  '// News Lens corrections: how News Lens reads names in the articles of this workspace.\n' +
  '// Written by the "News Lens: mark as …" code actions; edit freely, comments are kept.\n' +
  '// Format: schemas/news-lens.schema.json in the News Lens extension.\n';

/**
 * What `newsLens.corrections.open` writes when the folder has no corrections file yet: the header,
 * empty sections and commented examples (the writer appends real entries after them).
 */
export const NEW_FILE_TEMPLATE =
  NEW_FILE_HEADER +
  '{\n' +
  '  // Corrections to what News Lens recognises, one per line, for example:\n' +
  '  //   { "text": "雀巢", "type": "none" },                      not an entity\n' +
  '  //   { "text": "康宁", "type": "company" },                   read as a company\n' +
  '  //   { "text": "首都", "type": "place", "aliasOf": "北京" },  another name for 北京\n' +
  '  // "type": person, company, government, organization, place, title, date or none.\n' +
  '  "corrections": [],\n' +
  '  // Facts for the hover cards, each with where it comes from and the date it was true, e.g.\n' +
  '  //   "companies": [{ "name": "小红书", "englishName": "Xiaohongshu (RED)", "source": "company website", "asOf": "2024-06-01" }]\n' +
  '  //   "people": [{ "name": "尹力", "note": "…", "source": "…", "asOf": "2024-06-01" }]\n' +
  '  "knowledge": { "companies": [], "people": [] }\n' +
  '}\n';

function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const m = /\n([ \t]+)"/.exec(text);
  if (m && m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = m ? Math.min(8, Math.max(1, m[1].length)) : 2;
  return { insertSpaces: true, tabSize: size > 4 ? 2 : size, eol };
}

function prop(node: Node | undefined, name: string): Node | undefined {
  if (!node || node.type !== 'object') return undefined;
  for (const p of node.children ?? []) if (p.type === 'property' && p.children?.[0]?.value === name) return p.children[1];
  return undefined;
}

/** One edit turning `before` into `after`: the differing middle. */
export function minimalEdit(before: string, after: string): OffsetEdit {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before.charCodeAt(endB - 1) === after.charCodeAt(endA - 1)) {
    endB--;
    endA--;
  }
  return { offset: start, length: endB - start, content: after.slice(start, endA) };
}

/** Fields of corrections about people (mark as official with title…, set role/organization…). */
const PERSON_FIELDS = ['role', 'title', 'organization'] as const;

/** Whether an existing entry already says what `c` says about a person. */
function samePersonFields(item: Node, c: Correction): boolean {
  return PERSON_FIELDS.every((k) => (prop(item, k)?.value ?? undefined) === (c[k] ?? undefined));
}

function entryValue(c: Correction): Record<string, string> {
  const v: Record<string, string> = { text: c.text, type: c.type };
  if (c.aliasOf) v.aliasOf = c.aliasOf;
  for (const k of PERSON_FIELDS) if (c[k]) v[k] = c[k]!;
  return v;
}

/** Add (or update) `correction` in the corrections file text. */
export function addCorrection(text: string, correction: Correction): CorrectionEditResult {
  const src = typeof text === 'string' ? text : '';
  const value = entryValue(correction);
  if (!src.trim()) {
    const fresh = `${NEW_FILE_HEADER}${JSON.stringify({ corrections: [value] }, null, 2)}\n`;
    return { status: 'edited', edit: minimalEdit(src, fresh), newText: fresh };
  }
  const errors: { offset: number }[] = [];
  const root = parseTree(src, errors as never, { allowTrailingComma: true });
  if (errors.length) return { status: 'syntax-error', offset: errors[0].offset };
  if (!root || root.type !== 'object') return { status: 'not-an-object', offset: root?.offset ?? 0 };
  const formattingOptions = detectFormatting(src);
  const list = prop(root, 'corrections');
  let out = src;
  const apply = (path: (string | number)[], v: unknown, isArrayInsertion = false) => {
    out = applyEdits(out, modify(out, path, v, { formattingOptions, isArrayInsertion }));
  };
  if (!list) {
    apply(['corrections'], [value]);
  } else if (list.type !== 'array') {
    return { status: 'not-an-object', offset: list.offset };
  } else {
    // the last entry for the same text decides (the core reads them in order): update that one
    const items = list.children ?? [];
    let index = -1;
    for (let i = items.length - 1; i >= 0; i--) {
      const t = prop(items[i], 'text');
      if (t?.type === 'string' && String(t.value).trim() === correction.text) {
        index = i;
        break;
      }
    }
    if (index < 0) {
      const last = items[items.length - 1];
      if (!last) apply(['corrections', 0], value, true);
      else {
        // insert after the last entry on a line of its own, indented like it, as one compact line;
        // (modify() would re-format the whole line of the previous entry)
        const lineStart = src.lastIndexOf('\n', last.offset - 1) + 1;
        const lead = /^[ \t]*/.exec(src.slice(lineStart, last.offset))![0];
        const sameLine = src.slice(lineStart, last.offset).trim() !== '';
        const entry = `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
        let at = last.offset + last.length;
        let comma = ',';
        const trailing = /^\s*,/.exec(src.slice(at)); // a trailing comma is already there
        if (trailing) {
          at += trailing[0].length;
          comma = '';
        }
        const content = sameLine ? `${comma} ${entry}` : `${comma}${formattingOptions.eol}${lead}${entry}`;
        out = src.slice(0, at) + content + src.slice(at);
      }
    } else {
      const item = items[index];
      const curType = prop(item, 'type')?.value;
      const curAlias = prop(item, 'aliasOf')?.value;
      if (curType === correction.type && (curAlias ?? undefined) === (correction.aliasOf ?? undefined) && samePersonFields(item, correction)) return { status: 'unchanged' };
      apply(['corrections', index, 'type'], correction.type);
      for (const k of PERSON_FIELDS) if ((prop(item, k)?.value ?? undefined) !== (correction[k] ?? undefined)) apply(['corrections', index, k], correction[k]);
      if (correction.aliasOf) apply(['corrections', index, 'aliasOf'], correction.aliasOf);
      else if (curAlias !== undefined) apply(['corrections', index, 'aliasOf'], undefined);
    }
  }
  if (out === src) return { status: 'unchanged' };
  return { status: 'edited', edit: minimalEdit(src, out), newText: out };
}
