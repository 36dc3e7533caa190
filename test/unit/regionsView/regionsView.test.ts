/**
 * The logic beneath the Regions view, export and the workspace index: summaries from an analysis,
 * the tree built from them, CSV quoting, and merging articles across the workspace.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analysisTable } from '../../../src/client/analysisTable/table';
import { articleCsv, articleJson, csvField, parseCsv, toCsv, workspaceCsv, BOM } from '../../../src/client/export/format';
import { buildArticleTree, buildWorkspaceTree, findNode, mentionAtPosition, TREE_KINDS, type TreeNode } from '../../../src/client/regionsView/model';
import { analyze } from '../../../src/core/index';
import { articleTitle, buildSummary, snippetAt } from '../../../src/server/export/summary';
import type { ArticleSummary } from '../../../src/protocol';
import { indexSymbols, mergeArticles } from '../../../src/server/workspaceIndex/merge';
import { sharedPath } from '../../../scripts/sharedData';

const FIXTURE = sharedPath('fixtures', 'articles', 'leaders-visit-firms.md');
const t = (m: string, ...a: (string | number)[]) => m.replace(/\{(\d+)\}/g, (_, i) => String(a[Number(i)]));

function summarise(text: string, uri = 'file:///ws/a.md'): ArticleSummary {
  return buildSummary(TextDocument.create(uri, 'markdown', 1, text), analyze(text));
}

const child = (n: TreeNode | undefined, label: string) => n?.children.find((c) => c.label === label);

/** Every mention under `region` takes at most three clicks: one per collapsed node on the way, one on the mention. */
function assertThreeClicks(region: TreeNode): void {
  const walk = (n: TreeNode, clicks: number) => {
    for (const c of n.children) {
      if (c.kind === 'mention') assert.ok(clicks + 1 <= 3, `${region.label} → … → ${c.label}: ${clicks + 1} clicks`);
      else if (c.kind !== 'relations') walk(c, clicks + (c.children.length && !c.expanded ? 1 : 0));
    }
  };
  walk(region, 0);
}

describe('Regions view model', function () {
  this.timeout(60_000);
  const text = fs.readFileSync(FIXTURE, 'utf8');
  let summary: ArticleSummary;
  let tree: TreeNode[];

  before(() => {
    summary = summarise(text);
    tree = buildArticleTree(summary, { types: TREE_KINDS, t });
  });

  it('summary: sections in order; every entity is in a section, so nothing is inferred; no region lists itself', () => {
    assert.deepEqual(summary.regions.filter((r) => r.section).map((r) => r.name), ['北京', '上海', '重庆', '广东']);
    assert.deepEqual(summary.regions.filter((r) => r.inferred), []);
    for (const r of summary.regions) {
      const own = summary.entities.find((e) => e.type === 'place' && e.name === r.name);
      if (own) assert.ok(!summary.mentions.some((m) => m.regionId === r.id && m.entityId === own.id), `${r.name} lists itself`);
    }
  });

  it('summary: mentions carry line ranges and a snippet that contains the mention', () => {
    const lines = text.split('\n');
    for (const m of summary.mentions) {
      const e = summary.entities.find((x) => x.id === m.entityId)!;
      const inText = lines[m.range.start.line].slice(m.range.start.character, m.range.end.character);
      assert.ok(e.name === inText || e.aliases.includes(inText) || inText.length > 0);
      assert.equal(m.snippet.slice(m.snippetStart, m.snippetEnd), inText);
    }
  });

  it('tree: four regions in order, none containing only itself, a mention at most three clicks from its region', () => {
    assert.deepEqual(tree.filter((n) => n.kind === 'region').map((n) => n.label), ['北京', '上海', '重庆', '广东']);
    const bj = tree.find((n) => n.label === '北京')!;
    assert.match(bj.description!, /^\d+ entities$/);
    assert.ok(!findNode([bj], (n) => n.kind === 'entity' && n.label === '北京'), '北京 → Places → 北京');
    assert.ok(findNode([bj], (n) => n.kind === 'entity' && n.label === '朝阳区'), '朝阳区 is a place of 北京');
    for (const region of tree.filter((n) => n.kind === 'region' || n.kind === 'lead')) assertThreeClicks(region);
  });

  it('tree: a node shows the name the article uses most (小红书, not its legal name)', () => {
    const sh = tree.find((n) => n.label === '上海')!;
    const companies = sh.children.find((c) => c.kind === 'group' && c.entityKind === 'company')!;
    assert.ok(companies.children.some((c) => c.label === '小红书'), companies.children.map((c) => c.label).join(','));
  });

  it('tree: 尹力 is an official under 北京 with his mentions and the companies he met', () => {
    const bj = tree.find((n) => n.label === '北京')!;
    const officials = bj.children.find((c) => c.kind === 'group' && c.entityKind === 'official')!;
    assert.equal(officials.label, 'Officials');
    const yin = child(officials, '尹力')!;
    assert.equal(yin.count, text.split('尹力').length - 1);
    assert.match(yin.description!, /^6 · /);
    const mentions = yin.children.filter((c) => c.kind === 'mention');
    assert.equal(mentions.length, yin.count);
    assert.match(mentions[0].description!, /^line \d+$/);
    const met = yin.children.find((c) => c.kind === 'relations')!;
    assert.ok(met.children.some((c) => c.label.startsWith('西门子')));
    assert.equal(yin.parent, officials);
    assert.equal(officials.parent, bj);
  });

  it('tree: a company lists who met it', () => {
    const gd = tree.find((n) => n.label === '广东')!;
    const catl = findNode([gd], (n) => n.kind === 'entity' && n.label === '宁德时代')!;
    const metBy = catl.children.find((c) => c.kind === 'relations')!;
    assert.deepEqual(metBy.children.map((c) => c.label), ['黄坤明', '王伟中']);
  });

  it('tree: filter by type', () => {
    const only = buildArticleTree(summary, { types: ['company'], t });
    const kinds = new Set<string>();
    const walk = (ns: TreeNode[]) => ns.forEach((n) => (n.kind === 'group' && kinds.add(n.entityKind!), walk(n.children)));
    walk(only);
    assert.deepEqual([...kinds], ['company']);
    assert.deepEqual(only.filter((n) => n.kind === 'region').map((n) => n.label), ['北京', '上海', '重庆', '广东']);
  });

  it('mentionAtPosition finds the mention under the caret', () => {
    const m = summary.mentions.find((x) => summary.entities.find((e) => e.id === x.entityId)?.name === '陈吉宁')!;
    assert.equal(mentionAtPosition(summary, { line: m.range.start.line, character: m.range.start.character + 1 })?.entityId, m.entityId);
    assert.equal(mentionAtPosition(summary, { line: 0, character: 0 }), undefined);
  });

  it('snippet and title helpers', () => {
    const s = snippetAt('一二三四五六七八九十\n甲乙丙', 2, 4);
    assert.equal(s.snippet.slice(s.snippetStart, s.snippetEnd), '三四');
    assert.equal(articleTitle('# 标题 *一*\n正文'), '标题 一');
  });

  it('analysis table is a Markdown table with every entity', () => {
    const md = analysisTable(summary, t, 'a.md');
    assert.match(md, /\| 宁德时代 \| CATL[^|]* \| company \|/);
    assert.match(md, /\| 尹力 \| Yin Li; Secretary of the CPC Beijing Municipal Committee \| official \| 北京市委书记/);
    assert.match(md, /\| 工人体育场 \| \(no English rendering\) \|/, 'what has no rendering says so');
  });
});

describe('CSV and JSON export', function () {
  this.timeout(60_000);

  it('quotes commas, quotes and newlines, and neutralises formulas', () => {
    assert.equal(csvField('plain'), 'plain');
    assert.equal(csvField('a,b'), '"a,b"');
    assert.equal(csvField('say "hi"'), '"say ""hi"""');
    assert.equal(csvField('line\nbreak'), '"line\nbreak"');
    assert.equal(csvField('=1+2'), "'=1+2");
    assert.equal(csvField(undefined), '');
    assert.equal(csvField(3), '3');
    const csv = toCsv(['a', 'b'], [['x,y', '西门子（中国）有限公司'], ['"q"', '']]);
    assert.ok(csv.startsWith(BOM));
    assert.ok(csv.includes('\r\n'));
    assert.deepEqual(parseCsv(csv), [['a', 'b'], ['x,y', '西门子（中国）有限公司'], ['"q"', '']]);
  });

  it('article CSV has English columns: names, titles composed by rule, and "no English rendering"', () => {
    const summary = summarise(fs.readFileSync(FIXTURE, 'utf8'));
    const rows = parseCsv(articleCsv(summary));
    const col = (h: string) => rows[0].indexOf(h);
    assert.ok(col('english') > 0 && col('english titles') > 0, rows[0].join(','));
    const row = (name: string) => rows.find((r) => r[0] === name)!;
    assert.equal(row('殷勇')[col('english')], 'Yin Yong');
    assert.equal(row('殷勇')[col('english titles')], 'Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing');
    assert.match(row('宁德时代')[col('english')], /^CATL/);
    assert.equal(row('工人体育场')[col('english')], '');
    const json = JSON.parse(articleJson(summary)) as { entities: { name: string; english?: string; englishTitles: (string | null)[] }[] };
    assert.equal(json.entities.find((e) => e.name === '尹力')?.englishTitles[0], 'Secretary of the CPC Beijing Municipal Committee');
  });

  it('article CSV and JSON round-trip and include 宁德时代 with its mentions', () => {
    const summary = summarise(fs.readFileSync(FIXTURE, 'utf8'));
    const rows = parseCsv(articleCsv(summary));
    const header = rows[0];
    const catl = rows.find((r) => r[0] === '宁德时代')!;
    assert.ok(catl, 'a row for 宁德时代');
    assert.equal(catl[header.indexOf('type')], 'company');
    assert.equal(catl[header.indexOf('met by')], '黄坤明; 王伟中');
    assert.ok(Number(catl[header.indexOf('mentions')]) >= 5);
    const yin = rows.find((r) => r[0] === '尹力')!;
    assert.equal(yin[header.indexOf('full titles')], '北京市委书记');
    assert.equal(yin[header.indexOf('sections')], '北京');
    const json = JSON.parse(articleJson(summary));
    const e = json.entities.find((x: { name: string }) => x.name === '宁德时代');
    assert.equal(e.mentions[0].text, '宁德时代');
    assert.ok(e.mentions[0].line > 1);
  });
});

describe('workspace index merge', function () {
  this.timeout(60_000);
  const a = summarise(fs.readFileSync(FIXTURE, 'utf8'), 'file:///ws/leaders-visit-firms.md');
  const b = summarise('# 宁德时代扩产\n\n**福建：**\n\n3月1日，宁德时代在宁德举行发布会。福建省委书记周祖翼会见了宁德时代董事长曾毓群。\n', 'file:///ws/catl.md');
  const arts = [
    { uri: a.uri, path: 'leaders-visit-firms.md', summary: a },
    { uri: b.uri, path: 'sub/catl.md', summary: b },
  ];

  it('merges entities by canonical name and type, listing each article', () => {
    const merged = mergeArticles(arts);
    const catl = merged.find((e) => e.key === 'company:宁德时代')!;
    assert.deepEqual(catl.articles.map((x) => x.path).sort(), ['leaders-visit-firms.md', 'sub/catl.md']);
    assert.equal(catl.mentionCount, catl.articles.reduce((n, x) => n + x.mentionCount, 0));
    assert.ok(!merged.some((e) => e.type === 'title'));
    const yin = merged.find((e) => e.name === '尹力')!;
    assert.equal(yin.kind, 'official');
    assert.deepEqual(yin.articles.map((x) => x.path), ['leaders-visit-firms.md']);
    // officials first
    assert.equal(merged[0].kind, 'official');
  });

  it('traditional and simplified forms of a name are one workspace entity', () => {
    const c = summarise('宁德時代發布公告。', 'file:///ws/trad.md');
    const merged = mergeArticles([...arts, { uri: c.uri, path: 'trad.md', summary: c }]);
    const catl = merged.filter((e) => e.type === 'company' && (e.name === '宁德时代' || e.name === '宁德時代'));
    assert.equal(catl.length, 1);
    assert.deepEqual(catl[0].articles.map((x) => x.path).sort(), ['leaders-visit-firms.md', 'sub/catl.md', 'trad.md']);
  });

  it('a company named in full in one article and by its short name in another is one workspace entity, shown by the name used most', () => {
    const c = summarise('福建省委书记周祖翼来到宁德时代新能源科技股份有限公司调研。周祖翼希望宁德时代加大研发投入，宁德时代表示将继续努力。\n', 'file:///ws/full.md');
    // the full name sorts first, so the merge meets the legal name before the short one
    const merged = mergeArticles([{ uri: c.uri, path: 'a-full.md', summary: c }, ...arts]);
    const catl = merged.filter((e) => e.type === 'company' && (e.name.startsWith('宁德时代') || e.aliases.includes('宁德时代')));
    assert.equal(catl.length, 1, JSON.stringify(catl.map((e) => e.name)));
    assert.equal(catl[0].name, '宁德时代');
    assert.ok(catl[0].aliases.includes('宁德时代新能源科技股份有限公司'), JSON.stringify(catl[0].aliases));
    assert.deepEqual(catl[0].articles.map((x) => x.path).sort(), ['a-full.md', 'leaders-visit-firms.md', 'sub/catl.md']);
    // people are not merged through aliases
    assert.equal(merged.filter((e) => e.name === '周祖翼').length, 1);
  });

  it('workspace tree: regions merged across articles → entity → articles → mentions, three clicks at most', () => {
    const c = summarise('**北京：**\n\n北京市委书记尹力会见了客人。\n', 'file:///ws/bj.md');
    const all = [...arts, { uri: c.uri, path: 'bj.md', summary: c }];
    const tree = buildWorkspaceTree({ indexing: false, articleCount: 3, filesSeen: 3, entities: mergeArticles(all) }, { types: TREE_KINDS, t });
    // 北京's officials from both articles together
    const bj = tree.find((n) => n.kind === 'region' && n.label === '北京')!;
    const yin = findNode([bj], (n) => n.kind === 'entity' && n.label === '尹力')!;
    assert.deepEqual(yin.children.map((x) => x.label).sort(), ['bj.md', 'leaders-visit-firms.md']);
    assert.match(yin.description!, /^2 articles/);
    // 宁德时代 under 广东 (the seed) and under 福建 (the other article), each with its own article
    const gd = findNode([tree.find((n) => n.label === '广东')!], (n) => n.kind === 'entity' && n.label === '宁德时代')!;
    assert.deepEqual(gd.children.map((x) => x.label), ['leaders-visit-firms.md']);
    const fj = findNode([tree.find((n) => n.label === '福建')!], (n) => n.kind === 'entity' && n.label === '宁德时代')!;
    assert.deepEqual(fj.children.map((x) => x.label), ['sub/catl.md']);
    assert.ok(gd.children.every((a) => a.kind === 'article' && a.children.every((m) => m.kind === 'mention' && m.uri === a.uri)));
    for (const region of tree) assertThreeClicks(region);
  });

  it('workspace CSV has one row per entity and article', () => {
    const rows = parseCsv(workspaceCsv({ indexing: false, articleCount: 2, filesSeen: 2, entities: mergeArticles(arts) }));
    assert.equal(rows.filter((r) => r[0] === '宁德时代').length, 2);
  });

  it('symbols from the index skip open documents', () => {
    const syms = indexSymbols('宁德时代', arts, new Set([a.uri]), (q, names) => names.some((n) => n.includes(q)), () => 5);
    assert.deepEqual(syms.map((s) => s.location.uri), [b.uri]);
  });
});
