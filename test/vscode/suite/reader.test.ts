/**
 * For readers who don't read Chinese fluently (issue #12), in a real VS Code: the English card, the
 * colour legend (Regions view and status-bar tooltip), the relations view (opens, draws, a click on a
 * node jumps to its first mention, exports SVG and PNG), corrections only on an explicit request (no
 * lightbulb on a plain selection), "mark as official with title…", and the cold-start progress
 * messages. Screenshots with NEWS_LENS_SCREENSHOTS: english-card, legend, relations.
 *
 * Tests tagged @zh run again with VS Code's display language set to zh-cn (scripts/run-vscode-tests.mjs);
 * the others run in the English UI only (NEWS_LENS_UI_LOCALE unset).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, correctionsFileSandbox, eventually, fixtureUri, hoverText, positionOf, preview, screenshot, sleep } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);
const ZH = (process.env.NEWS_LENS_UI_LOCALE ?? '').toLowerCase().startsWith('zh');

interface Api {
  startupMessages: readonly string[];
  codeActionLog: readonly { trigger: 'invoke' | 'automatic'; empty: boolean; actions: number }[];
}
interface RelationsState {
  open: boolean;
  scope?: string;
  nodes: number;
  edges: number;
  rendered?: { nodes: number; edges: number };
  names: string[];
}
interface PlainNode {
  kind: string;
  label: string;
  description?: string;
  entityKind?: string;
  children: PlainNode[];
}

describe('Reading help: English, legend, relations, corrections on request', function () {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;
  let api: Api;
  const card = async (needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle)));

  before(async function () {
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    api = (await activateExtension()) as unknown as Api;
    await eventually('a card on 尹力', () => card('尹力'), (t) => t.includes('尹力') || `hover ${preview(t)}`, READY_MS);
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('@zh the display language the suite runs in is the one VS Code reports', function () {
    assert.equal(vscode.env.language.toLowerCase(), ZH ? 'zh-cn' : 'en');
  });

  it('English card: 尹力 → Yin Li · Secretary of the CPC Beijing Municipal Committee (English UI, setting auto)', async function () {
    if (ZH) this.skip();
    const text = await card('尹力');
    assert.match(text, /\*\*EN\*\* Yin Li · Secretary of the CPC Beijing Municipal Committee/);
    assert.match(await card('殷勇'), /Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing/);
    assert.match(await card('宁德时代'), /\*\*EN\*\* CATL/);
    assert.match(await card('工人体育场'), /no English rendering/);
    const pos = positionOf(doc, '殷勇');
    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await screenshot('english-card');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('@zh a Chinese UI shows no English on cards unless asked (newsLens.hover.english: always)', async function () {
    if (!ZH) this.skip();
    let text = await card('尹力');
    assert.match(text, /官员/, `the card is in Chinese: ${text}`);
    assert.doesNotMatch(text, /\*\*EN\*\*/);
    const cfg = vscode.workspace.getConfiguration('newsLens.hover');
    await cfg.update('english', 'always', vscode.ConfigurationTarget.Global);
    try {
      text = await eventually('English on request', () => card('尹力'), (t) => /\*\*EN\*\* Yin Li/.test(t) || `hover ${preview(t)}`);
      assert.match(text, /Secretary of the CPC Beijing Municipal Committee/);
    } finally {
      await cfg.update('english', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('@zh the colour legend: in the Regions view (labels painted in the colours) and in the status-bar tooltip', async function () {
    await vscode.window.showTextDocument(doc, { preview: false });
    assert.equal(await vscode.commands.executeCommand('newsLens.showLegend'), true);
    const tree = await vscode.commands.executeCommand<{ nodes: PlainNode[] }>('newsLens.regions.getTree');
    const legend = tree.nodes[0];
    assert.equal(legend?.kind, 'legend', preview(tree.nodes.map((n) => n.label)));
    assert.equal(legend.label, ZH ? '颜色图例' : 'Colour legend');
    assert.deepEqual(legend.children.map((c) => c.entityKind), ['official', 'person', 'title', 'company', 'government', 'organization', 'place', 'date']);
    assert.equal(legend.children[0].label, ZH ? '官员（粗体）' : 'Officials (bold)');
    const state = await eventually(
      'the status bar item with its legend',
      () => vscode.commands.executeCommand<{ text: string; visible: boolean; tooltip: string }>('newsLens.statusBar.getState'),
      (s) => (s.visible && /\$\(person\)/.test(s.text)) || `state ${preview(s)}`,
      READY_MS,
    );
    assert.match(state.text, ZH ? /\$\(person\) \d+ 位官员 {2}\$\(organization\) \d+ 家企业/ : /\$\(person\) \d+ officials {2}\$\(organization\) \d+ companies/, 'the item says what it counts');
    assert.match(state.tooltip, ZH ? /颜色图例/ : /Colour legend/);
    for (const k of ['official', 'person', 'place', 'date']) assert.ok(state.tooltip.includes(`var(--vscode-newsLens-${k}Foreground)`), `${k} in ${state.tooltip}`);
    await sleep(800);
    await screenshot(ZH ? 'legend-zh-cn' : 'legend');
  });

  it('@zh the relations view opens, draws the article\u2019s officials, business people and companies, and a click on a node jumps to its first mention', async function () {
    await vscode.window.showTextDocument(doc, { preview: false });
    const shown = await vscode.commands.executeCommand<RelationsState>('newsLens.showRelations', { scope: 'article', uri: doc.uri.toString() });
    assert.equal(shown.open, true);
    const state = await eventually(
      'the relations picture to be drawn',
      () => vscode.commands.executeCommand<RelationsState>('newsLens.relations.getState'),
      (s) => ((s.rendered?.nodes ?? 0) >= 7 && (s.rendered?.edges ?? 0) >= 5) || `state ${preview(s)}`,
      READY_MS,
    );
    for (const n of ['尹力', '黄坤明', '曾毓群', '宁德时代']) assert.ok(state.names.includes(n), `${n} in ${state.names.join('、')}`);
    await sleep(800);
    await screenshot(ZH ? 'relations-zh-cn' : 'relations');

    // a click on 曾毓群 inside the webview: the article's editor selects its first mention
    assert.equal(await vscode.commands.executeCommand('newsLens.relations.click', '曾毓群'), true);
    const first = doc.getText().indexOf('曾毓群');
    await eventually(
      'the editor to select the first mention of 曾毓群',
      () => vscode.window.activeTextEditor,
      (e) => (!!e && e.document.uri.toString() === doc.uri.toString() && e.document.offsetAt(e.selection.start) === first && e.document.getText(e.selection) === '曾毓群') || `editor ${preview(e?.document.uri.toString())} ${preview(e && e.document.getText(e.selection))}`,
    );

    // exports: a stand-alone SVG and a PNG
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-relations-'));
    try {
      const svg = path.join(dir, 'relations.svg');
      const png = path.join(dir, 'relations.png');
      await vscode.commands.executeCommand('newsLens.relations.export', { format: 'svg', target: svg });
      const svgText = fs.readFileSync(svg, 'utf8');
      assert.match(svgText, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.match(svgText, /曾毓群/);
      assert.doesNotMatch(svgText, /var\(--vscode/, 'the theme colours are written into the SVG');
      await vscode.commands.executeCommand('newsLens.relations.export', { format: 'png', target: png });
      const bytes = fs.readFileSync(png);
      assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'a PNG file');
      assert.ok(bytes.length > 5_000, `${bytes.length} bytes`);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('no lightbulb on a plain selection: automatic code action requests get nothing; Ctrl+. (an explicit request) gets the corrections', async function () {
    if (ZH) this.skip();
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    const before = api.codeActionLog.length;
    const at = doc.getText().indexOf('首都发展');
    editor.selection = new vscode.Selection(doc.positionAt(at), doc.positionAt(at + 4));
    const automatic = await eventually(
      'VS Code to ask for code actions on its own (the lightbulb)',
      () => api.codeActionLog.slice(before).filter((e) => e.trigger === 'automatic'),
      (l) => l.length > 0 || 'no automatic request yet',
    );
    await sleep(500);
    assert.ok(api.codeActionLog.slice(before).filter((e) => e.trigger === 'automatic').every((e) => e.actions === 0), preview(api.codeActionLog.slice(before)));
    assert.ok(automatic.some((e) => !e.empty), 'VS Code asked about the selection itself');
    const mark = api.codeActionLog.length;
    await vscode.commands.executeCommand('editor.action.quickFix');
    const invoked = await eventually(
      'an explicit request (Ctrl+.)',
      () => api.codeActionLog.slice(mark).filter((e) => e.trigger === 'invoke'),
      (l) => l.some((e) => e.actions > 0) || `log ${preview(api.codeActionLog.slice(mark))}`,
    );
    assert.ok(invoked.length > 0);
    await sleep(300);
    for (const c of ['hideCodeActionWidget', 'closeActionWidget']) await vscode.commands.executeCommand(c).then(undefined, () => undefined);
  });

  it('"mark as official with title…": pre-filled with the chain before the name, written to the corrections file, and the card follows', async function () {
    if (ZH) this.skip();
    const sandbox = correctionsFileSandbox();
    await sandbox.setUp();
    try {
      const pos = positionOf(doc, '常萌');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(pos, pos));
      const official = actions?.find((a) => /official with title/.test(a.title));
      assert.ok(official?.command, preview(actions?.map((a) => a.title)));
      const yin = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, new vscode.Range(positionOf(doc, '殷勇'), positionOf(doc, '殷勇')));
      const yinArgs = yin?.find((a) => /official with title/.test(a.title))?.command?.arguments?.[0] as { title?: string };
      assert.equal(yinArgs?.title, '市委副书记、市长', 'the chain written before the name');
      const result = await vscode.commands.executeCommand(official.command.command, ...(official.command.arguments ?? []), { title: '省委副书记' });
      assert.equal(result, 'written');
      assert.match(await sandbox.read(), /"text": "常萌", "type": "person", "role": "official", "title": "省委副书记"/);
      const text = await eventually('常萌 as an official', () => card('常萌'), (t) => t.includes('广东省委副书记') || `hover ${preview(t)}`);
      assert.match(text, /Deputy Secretary of the CPC Guangdong Provincial Committee/);
    } finally {
      await sandbox.tearDown();
      await vscode.window.showTextDocument(doc, { preview: false });
    }
  });

  it('a cold start says what it is doing: loading the model, then analysing the article', function () {
    if (ZH) this.skip();
    assert.ok(api.startupMessages.includes('loading the recognition model…'), preview(api.startupMessages));
    assert.ok(api.startupMessages.some((m) => /^analysing .+\.md…$/.test(m)), preview(api.startupMessages));
  });
});
