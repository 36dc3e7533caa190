/**
 * The Outline (document symbols) and the Regions view show the same regions with the same counts;
 * symbol kinds a reader understands; Markdown headings carried inside the regions; Markdown articles
 * without sections left to the built-in heading outline (newsLens.outline.markdown: "sections").
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { buildArticleTree, TREE_KINDS, type TreeNode } from '../../../src/client/regionsView/model';
import { analyze } from '../../../src/core/index';
import { documentSymbols } from '../../../src/server/documentSymbols';
import { buildSummary } from '../../../src/server/export/summary';
import { sharedPath } from '../../../scripts/sharedData';
import { repoRoot } from '../core/helpers';

const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)]));
const dev = (slug: string) => fs.readFileSync(path.join(repoRoot, 'test/data/articles/dev', `${slug}.md`), 'utf8');
const REGION_KINDS: SymbolKind[] = [SymbolKind.Namespace, SymbolKind.Package, SymbolKind.Module];

/** [name, entity count] of every region node, depth first, from the symbols and from the tree. */
function symbolRegions(syms: DocumentSymbol[]): [string, number][] {
  const out: [string, number][] = [];
  const walk = (ss: DocumentSymbol[]) => {
    for (const s of ss) {
      if (REGION_KINDS.includes(s.kind)) out.push([s.name, Number(/(\d+) entit/.exec(s.detail ?? '')?.[1] ?? NaN)]);
      walk(s.children ?? []);
    }
  };
  walk(syms);
  return out;
}
function treeRegions(nodes: TreeNode[]): [string, number][] {
  const out: [string, number][] = [];
  const walk = (ns: TreeNode[]) => {
    for (const n of ns) {
      if (n.kind === 'region' || n.kind === 'lead') out.push([n.label, n.count ?? NaN]);
      if (n.kind === 'region' || n.kind === 'lead') walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
function both(text: string, languageId: 'markdown' | 'plaintext', markdown: 'sections' | 'always' = 'always') {
  const doc = TextDocument.create(`file:///ws/a.${languageId === 'markdown' ? 'md' : 'txt'}`, languageId, 1, text);
  const a = analyze(text);
  return { a, syms: documentSymbols(doc, a, markdown), tree: buildArticleTree(buildSummary(doc, a), { types: TREE_KINDS, t }) };
}
const allSymbols = (ss: DocumentSymbol[]): DocumentSymbol[] => ss.flatMap((s) => [s, ...allSymbols(s.children ?? [])]);

describe('Outline and Regions view', function () {
  this.timeout(60_000);
  const cases: [string, string][] = [
    ['the seed (sections)', fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8')],
    ['a digest with a 【湖北要闻】 section', dev('a-hubei-daily-digest-2024')],
    ['a Taiwan list of bulleted colon leads', dev('b-typhoon-doksuri-chinatimes')],
    ['an article without sections', dev('a-zhangzhou-secretary-meets-china-merchants')],
    ['a Macau article without sections', dev('a-macau-chief-executive-europe-trip')],
  ];
  for (const [label, text] of cases) {
    it(`show the same regions with the same counts: ${label}`, () => {
      for (const lang of ['plaintext', 'markdown'] as const) {
        const { syms, tree } = both(text, lang);
        const s = symbolRegions(syms);
        assert.ok(s.length > 0, 'some regions');
        assert.deepEqual(s, treeRegions(tree));
      }
    });
  }

  it('an article without sections is grouped by inferred regions, visibly so in both views', () => {
    const { syms, tree } = both(dev('a-zhangzhou-secretary-meets-china-merchants'), 'plaintext');
    const zz = syms.find((x) => x.name === '漳州')!;
    assert.equal(zz.kind, SymbolKind.Package);
    assert.match(zz.detail!, /^inferred city · \d+ entities$/);
    assert.ok(zz.children!.some((c) => c.name === '邵玉龙'));
    const node = tree.find((n) => n.label === '漳州')!;
    assert.equal(node.inferred, true);
    assert.match(node.description!, /inferred/);
    const central = syms.find((x) => x.name === '中央');
    assert.ok(central?.children?.some((c) => c.name === '习近平'), 'the general secretary under 中央');
  });

  it('symbol kinds a reader understands: officials are no constructors, sections and inferred regions differ', () => {
    const { syms } = both(fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8'), 'plaintext');
    const all = allSymbols(syms);
    assert.ok(!all.some((x) => x.kind === SymbolKind.Constructor));
    assert.equal(all.find((x) => x.name === '尹力')?.kind, SymbolKind.Function);
    assert.equal(syms.find((x) => x.name === '北京')?.kind, SymbolKind.Namespace);
    // the name the article uses most
    assert.ok(all.some((x) => x.name === '小红书'));
    assert.ok(!all.some((x) => x.name === '行吟信息科技（上海）有限公司'));
    // a region never lists itself
    const bj = syms.find((x) => x.name === '北京')!;
    assert.ok(!bj.children!.some((c) => c.name === '北京'));
  });

  it('Markdown: sections carry the headings inside them; an article without sections keeps the headings alone', () => {
    const qishan = dev('b-qishan-county-page');
    const doc = TextDocument.create('file:///ws/q.md', 'markdown', 1, qishan);
    const syms = documentSymbols(doc, analyze(qishan));
    assert.deepEqual(syms.map((x) => x.name), ['岐山县']);
    const heading = syms[0].children![0];
    assert.deepEqual([heading.kind, heading.name], [SymbolKind.String, '春节不“打烊” 招商引资忙']);
    // the seed's title heading is in the lead, before the lead's entities
    const seed = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
    const s = documentSymbols(TextDocument.create('file:///ws/s.md', 'markdown', 1, seed), analyze(seed));
    assert.deepEqual(s.map((x) => x.name), ['Lead', '北京', '上海', '重庆', '广东']);
    assert.equal(s[0].children![0].kind, SymbolKind.String);
    // every symbol's range holds its children's
    for (const x of allSymbols(s)) for (const c of x.children ?? []) {
      const before = (p: { line: number; character: number }, q: { line: number; character: number }) => p.line < q.line || (p.line === q.line && p.character <= q.character);
      assert.ok(before(x.range.start, c.range.start) && before(c.range.end, x.range.end), `${c.name} inside ${x.name}`);
    }
    const plain = dev('a-zhangzhou-secretary-meets-china-merchants');
    const md = TextDocument.create('file:///ws/z.md', 'markdown', 1, plain);
    assert.deepEqual(documentSymbols(md, analyze(plain)), []);
    assert.ok(documentSymbols(md, analyze(plain), 'always').length > 0);
    assert.deepEqual(documentSymbols(TextDocument.create('file:///ws/s.md', 'markdown', 1, seed), analyze(seed), 'never'), []);
  });
});

describe('Outline and Regions view: shape of the cost', function () {
  this.timeout(180_000);
  // thousands of sections, nested and not, with headings: the symbols and the summary stay linear
  const unit = '## 江苏\n苏州：华为在苏州。\n南京：南京市委书记张三会见客人。\n### 一段\n正文。\n【湖北要闻】\n★湖北省委书记李四出席。\n';
  const make = (n: number) => {
    let s = unit;
    while (s.length < n) s += s;
    return s.slice(0, n);
  };
  const cost = (text: string) => {
    const doc = TextDocument.create('file:///ws/big.md', 'markdown', 1, text);
    const a = analyze(text, { useModel: false });
    let best = Infinity;
    for (let i = 0; i < 2; i++) {
      const t0 = process.cpuUsage();
      documentSymbols(doc, a);
      buildArticleTree(buildSummary(doc, a), { types: TREE_KINDS, t });
      const d = process.cpuUsage(t0);
      best = Math.min(best, (d.user + d.system) / 1000);
    }
    return best / text.length;
  };
  it('ten times the sections cost about ten times as much, not a hundred', () => {
    cost(make(10_000));
    let ratio = Infinity;
    for (let attempt = 0; attempt < 3 && ratio >= 3.5; attempt++) ratio = Math.min(ratio, cost(make(200_000)) / Math.max(cost(make(20_000)), 1e-7));
    assert.ok(ratio < 3.5, `200,000 chars cost ${ratio.toFixed(1)}x per char of 20,000`);
  });
});
