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
import { duplicateKeys, prop, type Correction } from './format';

export interface OffsetEdit {
  offset: number;
  length: number;
  content: string;
}

export type CorrectionEditResult =
  | { status: 'edited'; edit: OffsetEdit; newText: string }
  | { status: 'unchanged' }
  | { status: 'syntax-error'; offset: number }
  | { status: 'not-an-object'; offset: number }
  /** "corrections" given twice: which list to add to is the user's call (the diagnostic says where). */
  | { status: 'duplicate-keys'; offset: number };

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

/**
 * Where a new entry goes after `at` (the end of the last entry, after its comma): the end of the
 * line when only spaces and comments follow there, so a trailing comment stays on its own entry's
 * line; `at` itself otherwise.
 */
function endOfEntryLine(src: string, at: number): number {
  let i = at;
  for (;;) {
    while (src[i] === ' ' || src[i] === '\t') i++;
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
      break;
    }
    if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) return at;
      i = close + 2;
      continue;
    }
    break;
  }
  return i >= src.length || src[i] === '\n' || src[i] === '\r' ? i : at;
}

/** Index after the spaces and comments from `i` on (stops at anything else, or the end). */
function skipTrivia(src: string, i: number): number {
  for (;;) {
    while (i < src.length && /\s/.test(src[i])) i++;
    if (src.startsWith('//', i)) {
      while (i < src.length && src[i] !== '\n' && src[i] !== '\r') i++;
    } else if (src.startsWith('/*', i)) {
      const close = src.indexOf('*/', i + 2);
      if (close < 0) return src.length;
      i = close + 2;
    } else return i;
  }
}

/**
 * Removes property `at` of an object (its key and value, and one comma: the one after it, else the
 * one before it) and nothing else: comments stay where they are, and a line left empty goes. (modify()
 * re-lays out the whole array when entries share a line.)
 */
function removeProperty(src: string, props: Node[], at: number): string {
  const p = props[at];
  let start = p.offset;
  let end = p.offset + p.length;
  let comma: number | undefined;
  if (at + 1 < props.length) {
    const c = skipTrivia(src, end);
    if (src[c] === ',') comma = c;
  } else if (at > 0) {
    const prev = props[at - 1];
    for (let i = skipTrivia(src, prev.offset + prev.length); i < start; i = skipTrivia(src, i + 1)) {
      if (src[i] === ',') {
        comma = i;
        break;
      }
    }
  }
  if (comma !== undefined && comma === skipTrivia(src, end) && !/[/]/.test(src.slice(end, comma))) {
    end = comma + 1; // "aliasOf": "x", together
    comma = undefined;
  }
  // the property alone on its line: the line goes too
  const lineStart = Math.max(src.lastIndexOf('\n', start - 1), src.lastIndexOf('\r', start - 1)) + 1;
  const rest = /^[ \t]*(\r\n|\n|\r)/.exec(src.slice(end));
  if (rest && /^[ \t]*$/.test(src.slice(lineStart, start))) {
    start = lineStart;
    end += rest[0].length;
  }
  const cut = (t: string, a: number, b: number) => t.slice(0, a) + t.slice(b);
  // the later range first, so the earlier one's offsets still hold
  if (comma !== undefined && comma > start) return cut(cut(src, comma, comma + 1), start, end);
  const out = cut(src, start, end);
  return comma !== undefined ? cut(out, comma, comma + 1) : out;
}

/**
 * Adds `"key": value` as the last property of an object, laid out like the property before it (on
 * its own line, or on the same line), with a comment that ends that line left where it is. (modify()
 * re-lays out the whole array when entries share a line.)
 */
function appendProperty(src: string, obj: Node, key: string, value: string, eol: string): string {
  const props = obj.children ?? [];
  const last = props[props.length - 1];
  const kv = `${JSON.stringify(key)}: ${JSON.stringify(value)}`;
  if (!last) return src.slice(0, obj.offset + 1) + ` ${kv} ` + src.slice(obj.offset + 1);
  let at = last.offset + last.length;
  let comma = ',';
  const trailing = /^[ \t]*,/.exec(src.slice(at));
  if (trailing) {
    at += trailing[0].length;
    comma = '';
  }
  const lineStart = Math.max(src.lastIndexOf('\n', last.offset - 1), src.lastIndexOf('\r', last.offset - 1)) + 1;
  const lead = src.slice(lineStart, last.offset);
  if (!/^[ \t]*$/.test(lead)) return src.slice(0, at) + `${comma} ${kv}` + src.slice(at);
  const eolAt = endOfEntryLine(src, at);
  return src.slice(0, at) + comma + src.slice(at, eolAt) + `${eol}${lead}${kv}` + src.slice(eolAt);
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

/** An entry as one line: `{ "text": "…", "type": "…" }` (a list of corrections reads one per line). */
function compactEntry(value: Record<string, unknown>): string {
  return `{ ${Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** A new file's object: the list with its one entry, laid out as later entries are added (one per line). */
function listBody(value: Record<string, unknown>, indent: string, eol: string): string {
  return `{${eol}${indent}"corrections": [${eol}${indent}${indent}${compactEntry(value)}${eol}${indent}]${eol}}`;
}

/** Add (or update) `correction` in the corrections file text. */
export function addCorrection(text: string, correction: Correction): CorrectionEditResult {
  const src = typeof text === 'string' ? text : '';
  const value = entryValue(correction);
  if (!src.trim()) {
    const fresh = `${NEW_FILE_HEADER}${listBody(value, '  ', '\n')}\n`;
    return { status: 'edited', edit: minimalEdit(src, fresh), newText: fresh };
  }
  const errors: { offset: number }[] = [];
  const root = parseTree(src, errors as never, { allowTrailingComma: true, allowEmptyContent: true });
  if (errors.length) return { status: 'syntax-error', offset: errors[0].offset };
  const formattingOptions = detectFormatting(src);
  if (!root) {
    // only comments: they stay, the object follows them
    const eol = formattingOptions.eol ?? '\n';
    const indent = formattingOptions.insertSpaces === false ? '\t' : ' '.repeat(formattingOptions.tabSize ?? 2);
    const body = listBody(value, indent, eol);
    const out = `${src}${/[\r\n]$/.test(src) ? '' : eol}${body}${eol}`;
    return { status: 'edited', edit: minimalEdit(src, out), newText: out };
  }
  if (root.type !== 'object') return { status: 'not-an-object', offset: root.offset };
  const twice = duplicateKeys(root).find((k) => k.value === 'corrections');
  if (twice) return { status: 'duplicate-keys', offset: twice.offset };
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
        const entry = compactEntry(value);
        let at = last.offset + last.length;
        let comma = ',';
        const trailing = /^\s*,/.exec(src.slice(at)); // a trailing comma is already there
        if (trailing) {
          at += trailing[0].length;
          comma = '';
        }
        if (sameLine) out = src.slice(0, at) + `${comma} ${entry}` + src.slice(at);
        else {
          // the comma right after the entry, the new entry after a comment that ends its line
          const eolAt = endOfEntryLine(src, at);
          out = src.slice(0, at) + comma + src.slice(at, eolAt) + `${formattingOptions.eol}${lead}${entry}` + src.slice(eolAt);
        }
      }
    } else {
      const item = items[index];
      const curType = prop(item, 'type')?.value;
      const curAlias = prop(item, 'aliasOf')?.value;
      if (curType === correction.type && (curAlias ?? undefined) === (correction.aliasOf ?? undefined) && samePersonFields(item, correction)) return { status: 'unchanged' };
      // values are replaced where they are (the last of a repeated key, the one that counts);
      // keys are added and removed with modify() (which would pick the first of a repeated key)
      const entryNow = () => (prop(parseTree(out, [], { allowTrailingComma: true }), 'corrections')?.children ?? [])[index];
      const replaceValue = (key: string, v: string): boolean => {
        const node = prop(entryNow(), key);
        if (!node) return false;
        out = out.slice(0, node.offset) + JSON.stringify(v) + out.slice(node.offset + node.length);
        return true;
      };
      replaceValue('type', correction.type);
      if (correction.aliasOf) {
        if (!replaceValue('aliasOf', correction.aliasOf)) out = appendProperty(out, entryNow()!, 'aliasOf', correction.aliasOf, formattingOptions.eol ?? '\n');
      } else {
        // every "aliasOf" goes (removing only the last would let an earlier one count)
        for (let guard = 0; guard < 100; guard++) {
          const entry = entryNow();
          const props = entry?.children ?? [];
          const at = props.findIndex((p) => p.children?.[0]?.value === 'aliasOf');
          if (at < 0) break;
          out = removeProperty(out, props, at);
        }
      }
      // the person fields (official with title, role, organization): set, replaced or removed
      for (const k of PERSON_FIELDS) {
        const want = correction[k] ?? undefined;
        if ((prop(entryNow(), k)?.value ?? undefined) === want) continue;
        if (want !== undefined && replaceValue(k, want)) continue;
        apply(['corrections', index, k], want);
      }
    }
  }
  if (out === src) return { status: 'unchanged' };
  return { status: 'edited', edit: minimalEdit(src, out), newText: out };
}
