import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from '../../../src/core';
import { buildGraph, relationVerb } from '../../../src/protocol/relations';
import { buildSummary } from '../../../src/server/export/summary';
import { sharedPath } from '../../../scripts/sharedData';

const text = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
const summarise = (t: string, uri = 'file:///a.md') => buildSummary(TextDocument.create(uri, 'markdown', 1, t), analyze(t));

describe('relations picture (who met whom)', function () {
  this.timeout(60_000);

  it('met or visited, from the verb of the supporting sentence', () => {
    assert.equal(relationVerb('广东省委书记黄坤明在广州会见了宁德时代董事长曾毓群'), 'met');
    assert.equal(relationVerb('一行人等先后来到西门子（中国）有限公司进行调研'), 'visited');
    assert.equal(relationVerb('尹力与企业家座谈'), 'met');
  });

  it('the seed article: officials, business people and companies, with met / visited / works-for edges and their sentences', () => {
    const g = buildGraph([{ uri: 'file:///a.md', summary: summarise(text) }], 'article');
    const names = g.nodes.map((n) => n.name);
    for (const n of ['尹力', '黄坤明', '王伟中', '曾毓群', '宁德时代', '康宁公司', '孟安睿']) assert.ok(names.includes(n), `${n} in ${names.join('、')}`);
    assert.ok(!names.includes('北京'), 'places are not in the picture');
    const edge = (a: string, b: string) => g.edges.find((e) => (e.from.endsWith(`:${a}`) && e.to.endsWith(`:${b}`)) || (e.from.endsWith(`:${b}`) && e.to.endsWith(`:${a}`)));
    const met = edge('黄坤明', '宁德时代');
    assert.equal(met?.kind, 'met');
    assert.match(met!.sentences[0].text, /会见/);
    assert.equal(edge('尹力', '西门子（中国）有限公司')?.kind, 'visited');
    assert.equal(edge('曾毓群', '宁德时代')?.kind, 'works-for');
    const zeng = g.nodes.find((n) => n.name === '曾毓群')!;
    assert.equal(zeng.english, 'Zeng Yuqun');
    assert.ok(zeng.first && zeng.first.uri === 'file:///a.md', 'a click jumps to the first mention');
    assert.equal(text.split('\n')[zeng.first.range.start.line].slice(zeng.first.range.start.character, zeng.first.range.end.character), '曾毓群');
  });

  it('the workspace: articles merged by name and type, articles counted', () => {
    const other = '# 宁德时代在福建\n\n5月6日，福建省委书记周祖翼会见了宁德时代董事长曾毓群。\n';
    const g = buildGraph([{ uri: 'file:///a.md', summary: summarise(text) }, { uri: 'file:///b.md', summary: summarise(other, 'file:///b.md') }], 'workspace');
    const catl = g.nodes.find((n) => n.name === '宁德时代')!;
    assert.equal(catl.articles, 2);
    assert.equal(g.nodes.filter((n) => n.name === '曾毓群').length, 1);
    assert.ok(g.edges.some((e) => e.from.endsWith(':周祖翼') || e.to.endsWith(':周祖翼')));
  });
});
