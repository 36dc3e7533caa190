/**
 * The Regions view, status bar, analysis table and highlighted-types picker inside a real VS Code.
 * The tree is read through the internal command `newsLens.regions.getTree` (plain data: labels,
 * descriptions, counts, children), which waits for any pending refresh.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, fixtureUri, positionOf, preview, screenshot, workspaceRoot } from './helpers';

interface PlainNode {
  id: string;
  kind: string;
  label: string;
  description?: string;
  count?: number;
  entityKind?: string;
  uri?: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
  entityId?: string;
  children: PlainNode[];
}
interface PlainTree {
  mode: 'article' | 'workspace';
  uri?: string;
  nodes: PlainNode[];
  selected: string[];
  visible: boolean;
  message?: string;
}

const REGIONS = ['北京', '上海', '重庆', '广东'];
const SECOND = 'catl-fujian.md';

const getTree = () => vscode.commands.executeCommand<PlainTree>('newsLens.regions.getTree');
const regionsOf = (t: PlainTree) => t.nodes.filter((n) => n.kind === 'region').map((n) => n.label);
function find(nodes: PlainNode[], pred: (n: PlainNode) => boolean): PlainNode | undefined {
  for (const n of nodes) {
    if (pred(n)) return n;
    const c = find(n.children, pred);
    if (c) return c;
  }
  return undefined;
}
function all(nodes: PlainNode[], pred: (n: PlainNode) => boolean, out: PlainNode[] = []): PlainNode[] {
  for (const n of nodes) {
    if (pred(n)) out.push(n);
    all(n.children, pred, out);
  }
  return out;
}

describe('Regions view', function () {
  let doc: vscode.TextDocument;

  before(async function () {
    await activateExtension();
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('newsLens.regions.showArticle');
    await vscode.commands.executeCommand('newsLens.focusRegions');
    // the view reports itself visible a moment after the focus command returns
    await eventually('the Regions view to be visible', getTree, (t) => t.visible || 'not visible', 10_000);
  });

  after(async function () {
    await vscode.commands.executeCommand('newsLens.regions.filter', ['official', 'person', 'company', 'government', 'organization', 'place', 'date']);
    await vscode.commands.executeCommand('newsLens.regions.showArticle');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('lists the fixture’s four regions in order, 朝阳区 a place of 北京 (no region holding only itself)', async function () {
    const tree = await eventually(
      'the Regions tree of the fixture',
      getTree,
      (t) => (t.uri === doc.uri.toString() && JSON.stringify(regionsOf(t)) === JSON.stringify(REGIONS)) || `tree: ${preview({ uri: t.uri, regions: regionsOf(t), message: t.message })}`,
      Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000),
    );
    assert.ok(tree.visible, 'the view is visible after newsLens.focusRegions');
    const bj = tree.nodes.find((n) => n.label === '北京')!;
    const places = bj.children.find((c) => c.kind === 'group' && c.entityKind === 'place');
    assert.ok(places?.children.some((c) => c.label === '朝阳区'), `朝阳区 a place of 北京: ${preview(bj.children.map((c) => c.label))}`);
    assert.ok(!places?.children.some((c) => c.label === '北京'), 'no 北京 → Places → 北京');
    assert.ok(!tree.nodes.some((n) => n.kind === 'region' && n.children.some((c) => c.kind === 'region' && c.label === '朝阳区')));
    assert.match(bj.description ?? '', /\d/);
  });

  it('shows 尹力 under 北京 → officials with his mention count, mentions and whom he met', async function () {
    const tree = await getTree();
    const bj = tree.nodes.find((n) => n.label === '北京')!;
    const officials = bj.children.find((c) => c.kind === 'group' && c.entityKind === 'official')!;
    const yin = officials.children.find((c) => c.label === '尹力')!;
    const occurrences = doc.getText().split('尹力').length - 1;
    assert.equal(yin.count, occurrences);
    assert.ok(yin.description?.startsWith(String(occurrences)), `description ${yin.description}`);
    const mentions = yin.children.filter((c) => c.kind === 'mention');
    assert.equal(mentions.length, occurrences);
    const met = yin.children.find((c) => c.kind === 'relations');
    assert.ok(met?.children.some((c) => c.label.startsWith('西门子')), `met: ${preview(met)}`);
  });

  it('clicking a mention selects it in the editor', async function () {
    const tree = await getTree();
    const yin = find(tree.nodes, (n) => n.kind === 'entity' && n.label === '尹力')!;
    const m = yin.children.filter((c) => c.kind === 'mention')[2];
    await vscode.commands.executeCommand('newsLens.regions.openMention', { uri: m.uri, range: m.range });
    const ed = vscode.window.activeTextEditor!;
    assert.equal(ed.document.uri.toString(), doc.uri.toString());
    assert.equal(ed.document.getText(ed.selection), '尹力');
    assert.equal(ed.selection.start.line, m.range!.start.line);
    assert.equal(ed.selection.start.character, m.range!.start.character);
  });

  it('reveals the entity under the cursor, and newsLens.revealInRegions by entity id', async function () {
    const ed = await vscode.window.showTextDocument(doc, { preview: false });
    const pos = positionOf(doc, '陈吉宁', 1);
    ed.selection = new vscode.Selection(pos, pos);
    await eventually('陈吉宁 selected in the tree', getTree, (t) => t.selected.some((id) => id.endsWith('|person:陈吉宁')) || `selected ${preview(t.selected)}`, 10_000);
    const ok = await vscode.commands.executeCommand<boolean>('newsLens.revealInRegions', { uri: doc.uri.toString(), entityId: 'company:宁德时代' });
    assert.equal(ok, true);
    const t = await getTree();
    assert.ok(t.selected.some((id) => id === 'region:section:region:广东|company:宁德时代'), `selected ${preview(t.selected)}`);
    await vscode.commands.executeCommand('newsLens.revealInRegions', { uri: doc.uri.toString(), entityId: 'person:尹力' });
    await screenshot('regions-view');
  });

  it('filters by type (setting persisted)', async function () {
    await vscode.commands.executeCommand('newsLens.regions.filter', ['company']);
    assert.deepEqual(vscode.workspace.getConfiguration('newsLens.regionsView').get('types'), ['company']);
    const t = await getTree();
    const groups = new Set(all(t.nodes, (n) => n.kind === 'group').map((n) => n.entityKind));
    assert.deepEqual([...groups], ['company']);
    assert.deepEqual(regionsOf(t), REGIONS);
    await vscode.commands.executeCommand('newsLens.regions.filter', ['official', 'person', 'company', 'government', 'organization', 'place', 'date']);
    const back = await getTree();
    assert.ok(all(back.nodes, (n) => n.kind === 'group' && n.entityKind === 'official').length >= 4);
  });

  it('follows the active editor', async function () {
    const other = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceRoot(), SECOND));
    await vscode.window.showTextDocument(other, { preview: false });
    await eventually('the tree of the second article', getTree, (t) => (t.uri === other.uri.toString() && regionsOf(t).includes('福建')) || `tree ${preview({ uri: t.uri, regions: regionsOf(t) })}`);
    await vscode.window.showTextDocument(doc, { preview: false });
    await eventually('the tree of the fixture again', getTree, (t) => (t.uri === doc.uri.toString() && JSON.stringify(regionsOf(t)) === JSON.stringify(REGIONS)) || `tree ${preview({ uri: t.uri, regions: regionsOf(t) })}`);
  });

  it('status bar counts the article’s officials and companies', async function () {
    const tree = await getTree();
    const ids = (k: string) => new Set(all(tree.nodes, (n) => n.kind === 'entity' && n.entityKind === k).map((n) => n.entityId)).size;
    const state = await eventually(
      'the status bar item',
      () => vscode.commands.executeCommand<{ text: string; visible: boolean; tooltip: string }>('newsLens.statusBar.getState'),
      (s) => (s.visible && /\$\(person\) \d+/.test(s.text)) || `state ${preview(s)}`,
    );
    assert.equal(state.text, `$(person) ${ids('official')} officials  $(organization) ${ids('company')} companies`, 'the item says what it counts');
    assert.ok(ids('official') >= 4 && ids('company') >= 6, state.text);
    assert.match(state.tooltip, /officials|官员/);
  });

  it('workspace mode lists the fixture and the second article for 宁德时代', async function () {
    await vscode.commands.executeCommand('newsLens.regions.showWorkspace');
    const t = await eventually(
      'the workspace tree with 宁德时代 in two articles',
      getTree,
      (t) => {
        // regions merged across articles: 宁德时代 under 广东 (the fixture) and 福建 (the second article)
        const paths = all(t.nodes, (n) => n.kind === 'entity' && n.label === '宁德时代').flatMap((n) => n.children.map((c) => c.label));
        return (t.mode === 'workspace' && paths.includes('leaders-visit-firms.md') && paths.includes(SECOND)) || `workspace tree: ${preview({ message: t.message, paths })}`;
      },
      60_000,
    );
    const fj = t.nodes.find((n) => n.kind === 'region' && n.label === '福建')!;
    const catl = find([fj], (n) => n.kind === 'entity' && n.label === '宁德时代')!;
    const art = catl.children.find((c) => c.label === SECOND)!;
    assert.ok(art.children.length >= 1 && art.children[0].kind === 'mention');
    // jump to it
    await vscode.commands.executeCommand('newsLens.regions.openMention', { uri: art.children[0].uri, range: art.children[0].range });
    const ed = vscode.window.activeTextEditor!;
    assert.ok(ed.document.uri.path.endsWith(SECOND));
    assert.equal(ed.document.getText(ed.selection), '宁德时代');
    // Ctrl+T searches the same index
    const syms = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', '曾毓群');
    const files = new Set(syms.map((s) => s.location.uri.path.replace(/^.*\//, '')));
    assert.ok(files.has('leaders-visit-firms.md') && files.has(SECOND), `symbols in ${preview([...files])}`);
    await screenshot('regions-workspace');
    await vscode.commands.executeCommand('newsLens.regions.showArticle');
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('opens the analysis as a table document', async function () {
    await vscode.window.showTextDocument(doc, { preview: false });
    const uri = await vscode.commands.executeCommand<vscode.Uri>('newsLens.showAnalysisTable', { openAs: 'text' });
    assert.equal(uri?.scheme, 'news-lens');
    const table = await eventually(
      'the table document',
      () => vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString()),
      (d) => !!d && d.getText().includes('| 宁德时代 |') || `doc ${preview(d?.getText().slice(0, 300))}`,
    );
    assert.match(table!.getText(), /\| 尹力 \|/);
    assert.equal(table!.languageId, 'markdown');
    // The preview watches the document it shows: the news-lens: scheme must be a file system the
    // workbench can stat and watch (a content provider alone made it log "CodeExpectedError: No file
    // system provider found" in VS Code 1.100).
    const stat = await vscode.workspace.fs.stat(uri);
    assert.equal(stat.type, vscode.FileType.File);
    assert.ok(stat.permissions !== undefined && (stat.permissions & vscode.FilePermission.Readonly) !== 0, 'read-only');
    await vscode.commands.executeCommand('newsLens.showAnalysisTable', { uri: doc.uri.toString(), openAs: 'preview' });
    const previews = () =>
      vscode.window.tabGroups.all
        .flatMap((g) => g.tabs)
        .filter((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType));
    await eventually('the Markdown preview of the table', previews, (tabs) => tabs.length > 0 || `tabs ${preview(vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => t.label)))}`, 15_000);
  });

  it('choose highlighted types limits the painted kinds', async function () {
    const api = (await activateExtension()) as { getPaintedRanges?(u: vscode.Uri): { kind: string; ranges: unknown[] }[] } | undefined;
    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('newsLens.chooseHighlightedTypes', ['company']);
    try {
      await eventually(
        'only companies painted',
        () => api!.getPaintedRanges!(doc.uri),
        (g) => (g.length > 0 && g.every((x) => x.kind === 'company')) || `painted ${preview(g.map((x) => x.kind))}`,
      );
    } finally {
      await vscode.commands.executeCommand('newsLens.chooseHighlightedTypes', ['official', 'person', 'title', 'company', 'government', 'organization', 'place', 'date']);
    }
    await eventually('all kinds painted again', () => api!.getPaintedRanges!(doc.uri), (g) => g.some((x) => x.kind === 'official') || `painted ${preview(g.map((x) => x.kind))}`);
  });
});
