import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { analyze } from '../../../src/core';
import { addCorrection, minimalEdit, NEW_FILE_HEADER, NEW_FILE_TEMPLATE } from '../../../src/protocol/corrections/edit';
import { parseCorrections, toUserLexicon } from '../../../src/protocol/corrections/format';
import { sharedPath } from '../../../scripts/sharedData';

const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length - 1;
const apply = (text: string, e: { offset: number; length: number; content: string }) => text.slice(0, e.offset) + e.content + text.slice(e.offset + e.length);

describe('corrections file: parsing', () => {
  it('reads corrections and knowledge, with comments and trailing commas', () => {
    const p = parseCorrections(`{
  // a comment
  "corrections": [
    { "text": "雀巢", "type": "none" },
    { "text": "小红书", "type": "company", "aliasOf": "行吟信息科技（上海）有限公司", "comment": "brand" },
  ],
  "knowledge": {
    "companies": [{ "name": "小红书", "englishName": "Xiaohongshu", "source": "website", "asOf": "2024-06-01" }],
    "people": [{ "name": "尹力", "note": "note", "source": "my notes", "asOf": "2024" }]
  }
}`);
    assert.deepEqual(p.problems, []);
    assert.equal(p.syntaxErrors, false);
    assert.deepEqual(p.corrections.map(({ offset, ...c }) => c), [
      { text: '雀巢', type: 'none' },
      { text: '小红书', type: 'company', aliasOf: '行吟信息科技（上海）有限公司' },
    ]);
    assert.equal(p.knowledge.length, 2);
    assert.deepEqual(p.knowledge[0].facts, [{ key: 'englishName', value: 'Xiaohongshu' }]);
    assert.equal(p.knowledge[1].kind, 'person');
    assert.equal(p.knowledge[1].asOf, '2024');
    assert.equal(p.knowledge[1].origin, 'user');
  });

  it('empty or missing file: nothing, no problems', () => {
    for (const t of ['', '   \n', '{}']) assert.deepEqual(parseCorrections(t), { corrections: [], knowledge: [], problems: [], syntaxErrors: false });
  });

  it('syntax errors are reported at their line, and the valid entries keep working', () => {
    const text = ['{', '  "corrections": [', '    { "text": "雀巢", "type": "none" },', '    { "text": "宝马" "type": "none" },', '    { "text": "康宁", "type": "company" }', '  ]', '}'].join('\n');
    const p = parseCorrections(text);
    assert.equal(p.syntaxErrors, true);
    const err = p.problems.find((x) => x.severity === 'error')!;
    assert.equal(lineOf(text, err.offset), 3);
    assert.match(err.message, /Comma expected/);
    const texts = p.corrections.map((c) => c.text);
    assert.ok(texts.includes('雀巢') && texts.includes('康宁'), texts.join());
  });

  it('bad entries are warnings on their own node; others still count', () => {
    const text = `{
  "corrections": [
    { "text": "", "type": "none" },
    { "text": "a", "type": "robot" },
    { "text": "b", "type": "place", "aliasOf": 3 },
    "just a string",
    { "text": "ok", "type": "place" }
  ],
  "knowledge": { "people": [{ "name": "尹力", "note": "n" }], "companies": {} }
}`;
    const p = parseCorrections(text);
    assert.deepEqual(p.corrections.map((c) => c.text), ['ok']);
    const lines = p.problems.map((x) => lineOf(text, x.offset));
    assert.deepEqual(lines.slice(0, 4), [2, 3, 4, 5]);
    assert.ok(p.problems.every((x) => x.severity === 'warning'));
    assert.ok(p.problems.some((x) => /source/.test(x.message)));
    assert.ok(p.problems.some((x) => /asOf/.test(x.message)));
    assert.ok(p.problems.some((x) => /"companies" must be an array/.test(x.message)));
    // the person note without source/date still shows (marked as undated)
    assert.equal(p.knowledge[0].name, '尹力');
    assert.equal(p.knowledge[0].asOf, '');
  });

  it('not an object', () => {
    const p = parseCorrections('[1, 2]');
    assert.equal(p.problems.length, 1);
    assert.equal(p.corrections.length, 0);
  });

  it('user lexicon: the last entry for a text wins', () => {
    const lex = toUserLexicon([{ text: 'a', type: 'place' }, { text: 'b', type: 'none' }, { text: 'a', type: 'company', aliasOf: 'A公司' }]);
    assert.deepEqual(lex.entries, [{ text: 'a', type: 'company', aliasOf: 'A公司' }, { text: 'b', type: 'none' }]);
  });
});

describe('corrections file: merge edits', () => {
  const handWritten = `{
    // My corrections — keep this comment!
    "corrections": [
        /* the brand, not the company */
        { "text": "雀巢", "type": "none", "comment": "mine" }
    ],
    "knowledge": { "people": [] } // trailing comment
}
`;

  it('a new file gets a header comment and the entry', () => {
    const r = addCorrection('', { text: '雀巢', type: 'none' });
    assert.equal(r.status, 'edited');
    if (r.status !== 'edited') return;
    assert.ok(r.newText.startsWith(NEW_FILE_HEADER));
    assert.deepEqual(parseCorrections(r.newText).corrections.map((c) => c.text), ['雀巢']);
  });

  it('appending keeps comments, formatting (4-space indent) and the other entries', () => {
    const r = addCorrection(handWritten, { text: '宝马', type: 'company' });
    assert.equal(r.status, 'edited');
    if (r.status !== 'edited') return;
    assert.equal(apply(handWritten, r.edit), r.newText);
    for (const keep of ['// My corrections — keep this comment!', '/* the brand, not the company */', '"comment": "mine"', '// trailing comment', '"knowledge": { "people": [] }']) assert.ok(r.newText.includes(keep), keep);
    assert.ok(r.newText.includes(`"mine" },\n        { "text": "宝马", "type": "company" }\n    ]`), r.newText);
    const p = parseCorrections(r.newText);
    assert.deepEqual(p.problems, []);
    assert.deepEqual(p.corrections.map((c) => [c.text, c.type]), [['雀巢', 'none'], ['宝马', 'company']]);
    // the edit only inserts: nothing before it is touched
    assert.ok(r.edit.length <= 2, JSON.stringify(r.edit));
  });

  it('an existing entry for the same text is updated in place (its comment field survives)', () => {
    const r = addCorrection(handWritten, { text: '雀巢', type: 'company', aliasOf: '雀巢公司' });
    assert.equal(r.status, 'edited');
    if (r.status !== 'edited') return;
    const p = parseCorrections(r.newText);
    assert.deepEqual(p.corrections.map(({ offset, ...c }) => c), [{ text: '雀巢', type: 'company', aliasOf: '雀巢公司' }]);
    assert.ok(r.newText.includes('"comment": "mine"'));
    assert.ok(r.newText.includes('/* the brand, not the company */'));
    // and back: aliasOf removed
    const back = addCorrection(r.newText, { text: '雀巢', type: 'none' });
    assert.equal(back.status, 'edited');
    if (back.status === 'edited') assert.doesNotMatch(back.newText, /aliasOf/);
  });

  it('the same correction twice changes nothing', () => {
    assert.deepEqual(addCorrection(handWritten, { text: '雀巢', type: 'none' }), { status: 'unchanged' });
  });

  it('a file without "corrections" gets the key; other keys stay', () => {
    const t = '{\n  "knowledge": {}\n}\n';
    const r = addCorrection(t, { text: 'x', type: 'place' });
    assert.equal(r.status, 'edited');
    if (r.status === 'edited') {
      assert.ok(r.newText.includes('"knowledge": {}'));
      assert.deepEqual(parseCorrections(r.newText).corrections.map((c) => c.text), ['x']);
    }
  });

  it('a file with syntax errors is never rewritten', () => {
    const bad = '{ "corrections": [ { "text": "a" "type": "none" } ] }';
    const r = addCorrection(bad, { text: 'b', type: 'none' });
    assert.equal(r.status, 'syntax-error');
    assert.equal(addCorrection('[]', { text: 'b', type: 'none' }).status, 'not-an-object');
  });

  it('merging: edits computed against the user\'s unsaved text keep the user\'s unsaved entry', () => {
    const dirty = handWritten.replace('"comment": "mine" }', '"comment": "mine" },\n        { "text": "康宁", "type": "company" }');
    const r = addCorrection(dirty, { text: '宝马', type: 'none' });
    assert.equal(r.status, 'edited');
    if (r.status === 'edited') assert.deepEqual(parseCorrections(r.newText).corrections.map((c) => c.text), ['雀巢', '康宁', '宝马']);
  });

  it('a trailing comma after the last entry is reused, not doubled', () => {
    const t = '{\n  "corrections": [\n    { "text": "a", "type": "none" },\n  ]\n}\n';
    const r = addCorrection(t, { text: 'b', type: 'place' });
    assert.equal(r.status, 'edited');
    if (r.status !== 'edited') return;
    const p = parseCorrections(r.newText);
    assert.equal(p.syntaxErrors, false, r.newText);
    assert.deepEqual(p.corrections.map((c) => c.text), ['a', 'b']);
    const inline = addCorrection('{ "corrections": [ { "text": "a", "type": "none" } ] }', { text: 'b', type: 'place' });
    assert.ok(inline.status === 'edited' && inline.newText === '{ "corrections": [ { "text": "a", "type": "none" }, { "text": "b", "type": "place" } ] }', JSON.stringify(inline));
  });

  it('CRLF files stay CRLF', () => {
    const crlf = '{\r\n  "corrections": [\r\n    { "text": "a", "type": "none" }\r\n  ]\r\n}\r\n';
    const r = addCorrection(crlf, { text: 'b', type: 'place' });
    assert.equal(r.status, 'edited');
    if (r.status === 'edited') assert.ok(!/[^\r]\n/.test(r.newText), JSON.stringify(r.newText));
  });

  it('the template of newsLens.corrections.open: valid, no problems, and code actions append to it keeping the comments', () => {
    const p = parseCorrections(NEW_FILE_TEMPLATE);
    assert.deepEqual(p, { corrections: [], knowledge: [], problems: [], syntaxErrors: false });
    const r = addCorrection(NEW_FILE_TEMPLATE, { text: '雀巢', type: 'none' });
    assert.equal(r.status, 'edited');
    if (r.status !== 'edited') return;
    assert.deepEqual(parseCorrections(r.newText).corrections.map((c) => [c.text, c.type]), [['雀巢', 'none']]);
    for (const line of NEW_FILE_TEMPLATE.split('\n').filter((l) => l.trim().startsWith('//'))) assert.ok(r.newText.includes(line), `comment lost: ${line}`);
  });

  it('minimalEdit', () => {
    assert.deepEqual(minimalEdit('abcdef', 'abXYef'), { offset: 2, length: 2, content: 'XY' });
    assert.deepEqual(minimalEdit('abc', 'abc'), { offset: 3, length: 0, content: '' });
  });
});

describe('corrections reach the core (userLexicon)', () => {
  const fixture = sharedPath('fixtures', 'articles', 'leaders-visit-firms.md');
  // The shared fixture is required: a missing one fails here rather than skipping the tests.
  const text = fs.readFileSync(fixture, 'utf8');

  it('"none" removes 雀巢; a type adds 北京商务中心区 as a place', function () {
    const before = analyze(text);
    assert.ok(before.entities.some((e) => e.name === '雀巢'));
    const p = parseCorrections('{ "corrections": [ { "text": "雀巢", "type": "none" }, { "text": "工人体育场", "type": "place" } ] }');
    const after = analyze(text, { userLexicon: toUserLexicon(p.corrections) });
    assert.ok(!after.entities.some((e) => e.name === '雀巢'));
    assert.ok(!after.mentions.some((m) => m.text === '雀巢'));
    assert.ok(after.entities.some((e) => e.name === '工人体育场' && e.type === 'place'), JSON.stringify(after.entities.filter((e) => e.name.includes('体育场'))));
  });

  it('aliasOf joins a company short name to the legal name', function () {
    const p = parseCorrections('{ "corrections": [ { "text": "小红书", "type": "company", "aliasOf": "行吟信息科技（上海）有限公司" } ] }');
    const a = analyze(text, { userLexicon: toUserLexicon(p.corrections) });
    const xhs = a.entities.find((e) => e.mentions.some((m) => m.text === '小红书'));
    assert.ok(xhs);
    assert.equal(xhs.type, 'company');
    assert.equal(xhs.name, '行吟信息科技（上海）有限公司');
  });
});

describe('user aliases for every type (server-side merge)', () => {
  const fixture = sharedPath('fixtures', 'articles', 'leaders-visit-firms.md');
  // The shared fixture is required: a missing one fails here rather than skipping the tests.
  const text = fs.readFileSync(fixture, 'utf8');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { mergeUserAliases } = require('../../../src/server/corrections/aliases') as typeof import('../../../src/server/corrections/aliases');

  it('首都 as another name for 北京: one place entity with both names and all mentions', function () {
    const lex = toUserLexicon(parseCorrections('{ "corrections": [ { "text": "首都", "type": "place", "aliasOf": "北京" } ] }').corrections);
    const raw = analyze(text, { userLexicon: lex });
    const before = raw.entities.find((e) => e.name === '首都');
    const bj = raw.entities.find((e) => e.name === '北京')!;
    assert.ok(before && bj, 'the core keeps them apart (else this merge is a no-op)');
    const a = mergeUserAliases(raw, lex);
    assert.ok(!a.entities.some((e) => e.name === '首都'));
    const merged = a.entities.find((e) => e.id === bj.id)!;
    assert.ok(merged.aliases.includes('首都'));
    assert.equal(merged.mentions.length, bj.mentions.length + before.mentions.length);
    for (const m of a.mentions.filter((x) => x.text === '首都')) assert.equal(m.entityId, bj.id);
    assert.ok(!a.relations.some((r) => r.from === before.id || r.to === before.id));
    assert.ok(!a.regions.some((g) => g.entityIds.includes(before.id)));
    // mentions stay sorted and non-overlapping
    for (let i = 1; i < a.mentions.length; i++) assert.ok(a.mentions[i].start >= a.mentions[i - 1].end);
  });

  it('no aliases, unknown target, or already merged: unchanged', function () {
    const raw = analyze(text);
    assert.equal(mergeUserAliases(raw, undefined), raw);
    assert.equal(mergeUserAliases(raw, { entries: [{ text: '首都', type: 'place', aliasOf: '不存在' }] }), raw);
    assert.equal(mergeUserAliases(raw, { entries: [{ text: '西门子', type: 'company', aliasOf: '西门子（中国）有限公司' }] }), raw);
  });
});
