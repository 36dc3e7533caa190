/**
 * Properties of adding a correction to a corrections file (issue 13): generated files — comments
 * everywhere (trailing ones after entries, between them, before the object, only comments), CRLF or
 * LF, spaces or tabs, one entry per line or compact or spread over lines, trailing commas, repeated
 * keys, invalid entries, knowledge sections, syntax errors — and a correction to add. Whatever
 * addCorrection() does must keep every byte the user wrote and its meaning:
 *  - edited: the result parses; its corrections mean the old ones plus the new one (JSON's reading:
 *    the last of a repeated key, the last entry for a text); knowledge is untouched; every comment is
 *    still there, in order, after the same text on its line; an added entry leaves the old text a
 *    subsequence of the new one, an updated entry changes nothing outside that entry; line endings
 *    stay; adding the same correction again changes nothing;
 *  - unchanged: the correction was already in effect;
 *  - refused: the file has syntax errors, is not an object, or gives "corrections" twice.
 * Used by the unit tier (a seeded slice) and `npm run fuzz` (20,000 files).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { addCorrection } from '../../src/protocol/corrections/edit';
import { duplicateKeys, parseCorrections, prop, toUserLexicon, type Correction } from '../../src/protocol/corrections/format';
import { createScanner, parseTree, SyntaxKind } from '../../src/protocol/corrections/jsonc';

type G = fc.GeneratorValue;

const TEXTS = ['雀巢', '康宁', '小红书', '北京', '首都', '宁德时代', 'a"b', 'c\\d', '😀公司', 'x//y', '/*z*/', '尹力'];
const TYPES: Correction['type'][] = ['person', 'company', 'government', 'organization', 'place', 'none', 'title', 'date'];

// (unbiased: fast-check leans integers towards their bounds, which would skew every chance() below)
const unbiased = (min: number, max: number) => fc.noBias(fc.integer({ min, max }));
const int = (g: G, min: number, max: number): number => g(unbiased, min, max);
const pick = <T>(g: G, xs: readonly T[]): T => xs[int(g, 0, xs.length - 1)];
const chance = (g: G, p: number): boolean => int(g, 0, 999) < p * 1000;

// (every draw goes through int(): fc.gen() keeps one arbitrary per distinct set of arguments for the
// whole run, so arguments that differ from call to call — arrays, fresh arbitraries — would make it
// slower with every run)
const STEMS = '甲乙丙丁戊己庚辛壬癸';
function text(g: G): string {
  if (chance(g, 0.7)) return pick(g, TEXTS);
  return Array.from({ length: int(g, 1, 3) }, () => STEMS[int(g, 0, STEMS.length - 1)]).join('');
}

/** The items in an order drawn from g (Fisher–Yates). */
function shuffled<T>(g: G, xs: readonly T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = int(g, 0, i);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

function comment(g: G, eol: string): string {
  const body = pick(g, ['note', '不是公司', '"quoted" { [ ,', 'a // b', '', 'x */ y'.replace('*/', '* /')]);
  return chance(g, 0.6) ? `// ${body}` : chance(g, 0.8) ? `/* ${body} */` : `/* ${body}${eol} spread over lines */`;
}

/** One corrections entry as JSON text (keys in any order, sometimes repeated, sometimes invalid). */
function entry(g: G, eol: string, pad: string): string {
  const props: [string, string][] = [['text', JSON.stringify(text(g))]];
  if (chance(g, 0.1)) props.push(['type', JSON.stringify(pick(g, [...TYPES, 'robot']))]); // repeated, or invalid
  props.push(['type', JSON.stringify(chance(g, 0.05) ? 'robot' : pick(g, TYPES))]);
  if (chance(g, 0.25)) props.push(['aliasOf', JSON.stringify(text(g))]);
  if (chance(g, 0.05)) props.push(['aliasOf', chance(g, 0.5) ? JSON.stringify(text(g)) : '3']);
  if (chance(g, 0.1)) props.push(['comment', JSON.stringify('brand')]);
  if (chance(g, 0.03)) props.shift(); // no "text": invalid
  const order = chance(g, 0.3) ? shuffled(g, props) : props;
  const kv = order.map(([k, v]) => `${JSON.stringify(k)}: ${v}`);
  if (chance(g, 0.02)) return JSON.stringify('just a string');
  if (chance(g, 0.15)) return `{${eol}${kv.map((x) => `${pad}  ${x}`).join(`,${eol}`)}${eol}${pad}}`; // spread over lines
  return `{ ${kv.join(', ')} }`;
}

function knowledge(g: G, eol: string, ind: string): string {
  const rec = (name: string) => `{ "name": ${JSON.stringify(name)}, "note": "n", "source": "s", "asOf": "2024-06-01" }`;
  const companies = chance(g, 0.5) ? `[${rec(text(g))}]` : '[]';
  const people = chance(g, 0.3) ? `[${rec(text(g))}, ${rec(text(g))}]` : '[]';
  return `"knowledge": {${eol}${ind}${ind}"companies": ${companies},${eol}${ind}${ind}"people": ${people}${eol}${ind}}`;
}

/** A generated corrections file (without BOM: the file layer keeps that) and a correction to add. */
export function correctionsCase(g: G): { file: string; correction: Correction } {
  const eol = chance(g, 0.2) ? '\r\n' : '\n';
  const ind = pick(g, ['  ', '    ', '\t']);
  const lead = Array.from({ length: int(g, 0, 2) }, () => comment(g, eol) + eol).join('');
  let file: string;
  const shape = int(g, 0, 99);
  if (shape < 3) file = '';
  else if (shape < 6) file = lead || `// only a comment${eol}`;
  else {
    const n = int(g, 0, 6);
    const items: string[] = [];
    const compact = chance(g, 0.15);
    for (let i = 0; i < n; i++) {
      let e = entry(g, eol, ind + ind);
      const last = i === n - 1;
      const comma = !last || chance(g, 0.2) ? ',' : '';
      if (compact) e += comma;
      else {
        e = `${ind}${ind}${e}${comma}`;
        if (chance(g, 0.3)) e += ` ${comment(g, eol).replace(/\r?\n/g, ' ')}`; // a trailing comment
        if (chance(g, 0.1)) e = `${ind}${ind}${comment(g, eol)}${eol}${e}`; // a comment between entries
      }
      items.push(e);
    }
    const list = compact ? `[${items.join(' ')}]` : n ? `[${eol}${items.join(eol)}${eol}${ind}]` : chance(g, 0.5) ? '[]' : `[${eol}${ind}${ind}${comment(g, eol)}${eol}${ind}]`;
    const keys: string[] = [];
    if (chance(g, 0.9)) keys.push(`"corrections": ${list}`);
    if (chance(g, 0.02)) keys.push(`"corrections": []`); // given twice
    if (chance(g, 0.4)) keys.push(knowledge(g, eol, ind));
    if (chance(g, 0.2)) keys.push(`"$schema": "./news-lens.schema.json"`);
    const order = chance(g, 0.3) ? shuffled(g, keys) : keys;
    const body = order.map((k) => `${ind}${k}`).join(`,${eol}`);
    file = `${lead}{${eol}${body}${eol}}${chance(g, 0.8) ? eol : ''}`;
    if (chance(g, 0.03)) file = file.replace(/}\s*$/, ''); // a syntax error: no closing brace
  }
  const correction: Correction = { text: pick(g, TEXTS.slice(0, 8)), type: pick(g, TYPES) };
  if (chance(g, 0.3)) correction.aliasOf = pick(g, TEXTS.slice(0, 6));
  return { file, correction };
}

/** Comments of a JSONC text, in order, each with the text before it on its line (commas and spaces aside). */
function comments(src: string): { comment: string; before: string; lineStart: number }[] {
  const out: { comment: string; before: string; lineStart: number }[] = [];
  const sc = createScanner(src, false);
  for (let k = sc.scan(); k !== SyntaxKind.EOF; k = sc.scan()) {
    if (k !== SyntaxKind.LineCommentTrivia && k !== SyntaxKind.BlockCommentTrivia) continue;
    const at = sc.getTokenOffset();
    const lineStart = Math.max(src.lastIndexOf('\n', at - 1), src.lastIndexOf('\r', at - 1)) + 1;
    out.push({ comment: src.slice(at, at + sc.getTokenLength()), before: src.slice(lineStart, at).replace(/[\s,]+/g, ''), lineStart });
  }
  return out;
}

const isSubsequence = (a: string, b: string): boolean => {
  let j = 0;
  for (let i = 0; i < b.length && j < a.length; i++) if (b.charCodeAt(i) === a.charCodeAt(j)) j++;
  return j === a.length;
};

type Lexicon = Map<string, string>;
const lexicon = (t: string): Lexicon => new Map(toUserLexicon(parseCorrections(t).corrections).entries.map((e) => [e.text, `${e.type}|${e.aliasOf ?? ''}`]));
const key = (c: Correction) => `${c.type}|${c.aliasOf ?? ''}`;

/** Checks one case; returns what addCorrection did (for counting). */
export function checkAddCorrection(file: string, correction: Correction): string {
  const before = parseCorrections(file);
  const r = addCorrection(file, correction);
  const ctx = () => `\n--- file ---\n${file}\n--- correction ---\n${JSON.stringify(correction)}`;
  if (r.status === 'syntax-error') {
    assert.ok(before.syntaxErrors, `refused as a syntax error, but it parses${ctx()}`);
    return r.status;
  }
  assert.ok(!before.syntaxErrors, `a file with syntax errors was not refused${ctx()}`);
  const root = parseTree(file, [], { allowTrailingComma: true, allowEmptyContent: true });
  if (r.status === 'not-an-object') {
    assert.ok(root && root.type !== 'object', `refused as not an object${ctx()}`);
    return r.status;
  }
  if (r.status === 'duplicate-keys') {
    assert.ok(duplicateKeys(root).some((k) => k.value === 'corrections'), `refused for repeated keys${ctx()}`);
    return r.status;
  }
  const old = lexicon(file);
  if (r.status === 'unchanged') {
    assert.equal(old.get(correction.text), key(correction), `unchanged, but the correction was not in effect${ctx()}`);
    return r.status;
  }
  const out = r.newText;
  const after = parseCorrections(out);
  const shown = () => `${ctx()}\n--- result ---\n${out}`;
  assert.ok(!after.syntaxErrors, `the result does not parse${shown()}`);
  // meaning: the old corrections plus the new one; knowledge untouched
  const want = new Map(old);
  want.set(correction.text, key(correction));
  assert.deepEqual(new Map([...lexicon(out)].sort()), new Map([...want].sort()), `corrections changed meaning${shown()}`);
  assert.deepEqual(after.knowledge, before.knowledge, `knowledge changed${shown()}`);
  const edit = r.edit;
  assert.equal(file.slice(0, edit.offset) + edit.content + file.slice(edit.offset + edit.length), out, 'the edit is the result');
  const items = root && root.type === 'object' ? (prop(root, 'corrections')?.children ?? []) : [];
  const target = [...items].reverse().find((it) => {
    const t = prop(it, 'text');
    return t?.type === 'string' && String(t.value).trim() === correction.text;
  });
  // every comment kept, in order, after the same text on its line (but on the lines of an updated
  // entry, whose values change); an empty file becomes a new one, with the header's comments
  if (file.trim()) {
    const was = comments(file);
    const now = comments(out);
    assert.deepEqual(now.map((c) => c.comment), was.map((c) => c.comment), `comments lost or reordered${shown()}`);
    for (let k = 0; k < was.length; k++) {
      if (target && was[k].lineStart <= target.offset + target.length && file.indexOf('\n', was[k].lineStart) >= target.offset) continue;
      assert.equal(now[k].before, was[k].before, `comment ${was[k].comment} moved to another line${shown()}`);
    }
  }
  // bytes: an added entry only adds; an updated one changes nothing outside that entry
  if (!target) assert.ok(isSubsequence(file, out), `bytes lost when adding${shown()}`);
  else assert.ok(edit.offset >= target.offset && edit.offset + edit.length <= target.offset + target.length, `changed outside the entry${shown()}`);
  // line endings stay
  if (!file.includes('\r')) assert.ok(!out.includes('\r'), `CR introduced${shown()}`);
  if (file.includes('\r\n') && !/[^\r]\n/.test(file)) assert.ok(!/[^\r]\n/.test(out), `LF in a CRLF file${shown()}`);
  // idempotent
  assert.equal(addCorrection(out, correction).status, 'unchanged', `adding it again changed the file${shown()}`);
  return old.has(correction.text) ? 'updated' : 'added';
}

/** Runs the property on `numRuns` generated files; returns counts per outcome. */
export function runCorrectionsProperty(numRuns: number, seed: number): Record<string, number> {
  const counts: Record<string, number> = {};
  fc.assert(
    fc.property(fc.gen(), (g) => {
      const { file, correction } = correctionsCase(g);
      const outcome = checkAddCorrection(file, correction);
      counts[outcome] = (counts[outcome] ?? 0) + 1;
    }),
    { numRuns, seed },
  );
  return counts;
}
