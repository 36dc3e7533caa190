/**
 * The outline by region in a real VS Code, on two real articles besides the seed: a sectioned
 * Markdown page (岐山县: a line that is only the county's name, a heading inside the section) and an
 * article without sections in plain text (漳州: regions News Lens inferred). The Outline (document
 * symbols) and the Regions view show the same regions with the same counts; screenshots of both.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, preview, screenshot, sleep, workspaceRoot } from './helpers';

interface PlainNode {
  kind: string;
  label: string;
  description?: string;
  count?: number;
  children: PlainNode[];
}
interface PlainTree {
  uri?: string;
  nodes: PlainNode[];
  visible: boolean;
}

const getTree = () => vscode.commands.executeCommand<PlainTree>('newsLens.regions.getTree');
const symbols = (uri: vscode.Uri) => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', uri);
const REGION_KINDS = [vscode.SymbolKind.Namespace, vscode.SymbolKind.Package, vscode.SymbolKind.Module];

/** [name, count] of the region nodes, depth first: from News Lens' symbols, and from the Regions tree. */
function symbolRegions(syms: vscode.DocumentSymbol[] | undefined): [string, number][] {
  const out: [string, number][] = [];
  const walk = (ss: vscode.DocumentSymbol[]) => {
    for (const s of ss) {
      if (REGION_KINDS.includes(s.kind)) out.push([s.name, Number(/(\d+)/.exec(s.detail.split('·').pop() ?? '')?.[1] ?? NaN)]);
      walk(s.children ?? []);
    }
  };
  walk(syms ?? []);
  return out;
}
function treeRegions(nodes: PlainNode[]): [string, number][] {
  const out: [string, number][] = [];
  const walk = (ns: PlainNode[]) => {
    for (const n of ns) {
      if (n.kind !== 'region' && n.kind !== 'lead') continue;
      out.push([n.label, n.count ?? NaN]);
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}

const move = (viewIds: string[], destinationId: string) =>
  Promise.resolve(vscode.commands.executeCommand('vscode.moveViews', { viewIds, destinationId })).then(
    () => true,
    () => false,
  );

/**
 * Screenshots of the article with the Outline, then with the Regions view, each filling the side
 * bar: for the first, the Outline is moved into News Lens' container and the Regions view out of it
 * (VS Code's vscode.moveViews, what a drag does), and both are moved back afterwards.
 */
async function showBoth(uri: vscode.Uri, name: string): Promise<void> {
  const doc = await vscode.workspace.openTextDocument(uri);
  await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('newsLens.regions.showArticle');
  // News Lens' symbols must be there before the Outline is drawn
  await eventually('News Lens symbols', () => symbols(uri), (s) => symbolRegions(s).length > 0 || `symbols ${preview(s?.map((x) => x.name))}`, 90_000);
  const movedOutline = await move(['outline'], 'workbench.view.extension.newsLens');
  const movedRegions = movedOutline && (await move(['newsLens.regions'], 'workbench.view.explorer'));
  try {
    await vscode.commands.executeCommand('outline.focus');
    await vscode.window.showTextDocument(doc, { preview: false });
    await sleep(1500);
    await screenshot(`outline-${name}`);
  } finally {
    if (movedRegions) await move(['newsLens.regions'], 'workbench.view.extension.newsLens');
    if (movedOutline) await move(['outline'], 'workbench.view.explorer');
  }
  await vscode.commands.executeCommand('newsLens.focusRegions');
  await eventually('the Regions tree of the article', getTree, (t) => (t.visible && t.uri === uri.toString() && t.nodes.length > 1) || `tree of ${t.uri}`, 30_000);
  await vscode.window.showTextDocument(doc, { preview: false });
  await sleep(1000);
  await screenshot(`regions-${name}`);
}

describe('Outline by region: a sectioned and an unsectioned real article', function () {
  const outlineConfig = () => vscode.workspace.getConfiguration('outline');

  before(async function () {
    await activateExtension();
    // expanded, so the screenshots show the regions' contents
    await outlineConfig().update('collapseItems', 'alwaysExpand', vscode.ConfigurationTarget.Global);
  });

  after(async function () {
    await outlineConfig().update('collapseItems', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('a county page whose section is a line with only the county’s name: 岐山县 in both views, its heading inside it', async function () {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'qishan-county-page.md');
    const syms = await eventually('the 岐山县 region', () => symbols(uri), (s) => s?.some((x) => x.name === '岐山县') || `symbols ${preview(s?.map((x) => x.name))}`, 90_000);
    const qs = syms.find((x) => x.name === '岐山县')!;
    assert.equal(qs.kind, vscode.SymbolKind.Namespace);
    // the Markdown heading is carried inside the region; the county's deputy head is a "function" symbol (a public function), not a constructor
    assert.equal(qs.children[0].kind, vscode.SymbolKind.String);
    assert.equal(qs.children[0].name, '春节不“打烊” 招商引资忙');
    assert.equal(qs.children.find((c) => c.name === '翟建平')?.kind, vscode.SymbolKind.Function);
    await showBoth(uri, 'sectioned');
    const tree = await getTree();
    assert.deepEqual(symbolRegions(await symbols(uri)), treeRegions(tree.nodes));
    const region = tree.nodes.find((n) => n.label === '岐山县')!;
    assert.ok(!region.children.some((g) => g.children.some((e) => e.label === '岐山县')), 'no 岐山县 → Places → 岐山县');
  });

  it('an article without sections: 漳州 and 中央 inferred, visibly so, the same in both views', async function () {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'zhangzhou-meets-china-merchants.txt');
    const syms = await eventually('the inferred regions', () => symbols(uri), (s) => (s?.some((x) => x.name === '漳州') && s.some((x) => x.name === '中央')) || `symbols ${preview(s?.map((x) => x.name))}`, 90_000);
    const zz = syms.find((x) => x.name === '漳州')!;
    assert.equal(zz.kind, vscode.SymbolKind.Package);
    assert.match(zz.detail, /inferred|推断/);
    assert.ok(zz.children.some((c) => c.name === '邵玉龙'), preview(zz.children.map((c) => c.name)));
    await showBoth(uri, 'unsectioned');
    const tree = await getTree();
    assert.deepEqual(symbolRegions(await symbols(uri)), treeRegions(tree.nodes));
    const node = tree.nodes.find((n) => n.label === '漳州')!;
    assert.match(node.description ?? '', /inferred|推断/);
  });

  it('a Markdown article without sections keeps the built-in heading outline alone (newsLens.outline.markdown: sections)', async function () {
    const uri = vscode.Uri.joinPath(workspaceRoot(), 'catl-fujian.md');
    // catl-fujian has a 福建 section: News Lens adds symbols; the copy without its section gets none
    await eventually('the 福建 region', () => symbols(uri), (s) => s?.some((x) => x.name === '福建') || `symbols ${preview(s?.map((x) => x.name))}`, 90_000);
    const doc = await vscode.workspace.openTextDocument(uri);
    const copy = await vscode.workspace.openTextDocument({ language: 'markdown', content: doc.getText().replace('**福建：**\n', '') });
    await vscode.window.showTextDocument(copy, { preview: false });
    // the built-in Markdown outline gives the heading; News Lens adds nothing beside it
    const s = await eventually('the heading alone', () => symbols(copy.uri), (x) => (x?.length === 1 && x[0].kind === vscode.SymbolKind.String) || `symbols ${preview(x?.map((y) => [y.name, y.kind]))}`, 60_000);
    assert.equal(s[0].name.replace(/^#+\s*/, ''), '宁德时代在闽新项目开工');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
