/**
 * Corrections about people: "mark as official with title…" and "set role/organization…" — the file
 * format, the edit, the code actions that offer them (only when asked for), and how the analysis
 * applies them (src/core/userPeople.ts).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../src/core';
import { englishForEntity } from '../../../src/core/english';
import { applyUserPeople, fullTitle } from '../../../src/core/userPeople';
import { addCorrection } from '../../../src/protocol/corrections/edit';
import { parseCorrections, toUserLexicon, toUserPeople } from '../../../src/protocol/corrections/format';
import { codeActions, titleChainBefore, TRIGGER_AUTOMATIC } from '../../../src/server/codeActions';
import type { SetPersonArgs } from '../../../src/protocol';
import { sharedPath } from '../../../scripts/sharedData';

const text = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');

describe('corrections about people', () => {
  it('the file format: role, title and organization on a person; malformed ones are reported', () => {
    const p = parseCorrections(`{ "corrections": [
      { "text": "常萌", "type": "person", "role": "official", "title": "市委副书记" },
      { "text": "孟安睿", "type": "person", "role": "business", "organization": "康宁公司" },
      { "text": "宝马", "type": "company", "role": "official" },
      { "text": "张三", "type": "person", "role": "king" }
    ] }`);
    assert.equal(p.corrections.length, 2);
    assert.equal(p.problems.length, 2);
    assert.deepEqual(toUserPeople(p.corrections), [
      { text: '常萌', role: 'official', title: '市委副书记' },
      { text: '孟安睿', role: 'business', organization: '康宁公司' },
    ]);
    assert.equal(toUserLexicon(p.corrections).entries.length, 2, 'the names still reach the lexicon');
  });

  it('the edit writes the fields, and updates them in place', () => {
    const r = addCorrection('{\n  "corrections": [\n    { "text": "雀巢", "type": "none" }\n  ]\n}\n', { text: '常萌', type: 'person', role: 'official', title: '市委副书记' });
    assert.equal(r.status, 'edited');
    const after = r.status === 'edited' ? r.newText : '';
    assert.match(after, /\{ "text": "常萌", "type": "person", "role": "official", "title": "市委副书记" \}/);
    const again = addCorrection(after, { text: '常萌', type: 'person', role: 'official', title: '市委副书记' });
    assert.equal(again.status, 'unchanged');
    const changed = addCorrection(after, { text: '常萌', type: 'person', role: 'official', title: '市长' });
    assert.equal(changed.status, 'edited');
    assert.deepEqual(toUserPeople(parseCorrections(changed.status === 'edited' ? changed.newText : '').corrections), [{ text: '常萌', role: 'official', title: '市长' }]);
  });

  it('applied to the analysis: 常萌 becomes an official of the 广东 section, with the region spelled out and an English title', () => {
    const a = applyUserPeople(analyze(text), [{ text: '常萌', role: 'official', title: '省委副书记、省长' }]);
    const e = a.entities.find((x) => x.name === '常萌')!;
    assert.equal(e.role, 'official');
    assert.equal(e.titles[0].full, '广东省委副书记、广东省省长');
    assert.equal(englishForEntity(e).titles[0].en, 'Deputy Secretary of the CPC Guangdong Provincial Committee; Governor of Guangdong Province');
    const b = applyUserPeople(analyze(text), [{ text: '曾毓群', role: 'business', organization: '宁德时代', title: '董事长' }]);
    assert.equal(b.entities.find((x) => x.name === '曾毓群')?.organization, '宁德时代');
    const plain = analyze(text);
    assert.equal(applyUserPeople(plain, []), plain, 'no corrections: the same analysis');
    assert.equal(fullTitle('市委副书记、市长', '北京'), '北京市委副书记、北京市市长');
  });

  it('code actions: none for the automatic lightbulb, the person actions on an explicit request with the title chain pre-filled', () => {
    const a = analyze(text);
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, text);
    const at = text.indexOf('殷勇');
    const range = { start: doc.positionAt(at + 1), end: doc.positionAt(at + 1) };
    assert.deepEqual(codeActions(doc, a, range, { triggerKind: TRIGGER_AUTOMATIC }), []);
    const sel = { start: doc.positionAt(text.indexOf('首都发展')), end: doc.positionAt(text.indexOf('首都发展') + 4) };
    assert.deepEqual(codeActions(doc, a, sel, { triggerKind: TRIGGER_AUTOMATIC }), [], 'no lightbulb on a plain selection');
    const invoked = codeActions(doc, a, range, { triggerKind: 1 });
    const official = invoked.find((x) => /official with title/.test(x.title));
    assert.ok(official, invoked.map((x) => x.title).join(' | '));
    const args = official.command!.arguments![0] as SetPersonArgs;
    assert.equal(args.mode, 'official');
    assert.equal(args.title, '市委副书记、市长');
    assert.ok(invoked.some((x) => /role\/organization/.test(x.title)));
    assert.equal(titleChainBefore(a, text, text.indexOf('尹力')), '北京市委书记');
  });
});
