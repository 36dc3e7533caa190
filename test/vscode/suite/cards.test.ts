/**
 * Hover cards in a real VS Code: knowledge-base facts marked as such, trusted command links, the
 * link commands (mentions quick pick, find all, copy), definition and highlights; screenshots of a
 * company card and an official card (NEWS_LENS_SCREENSHOTS).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, fixtureUri, hoverText, positionOf, preview, screenshot, sleep } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);

function hoverMarkdown(hovers: vscode.Hover[] | undefined): vscode.MarkdownString[] {
  const out: vscode.MarkdownString[] = [];
  for (const h of hovers ?? []) for (const c of h.contents) if (c instanceof vscode.MarkdownString) out.push(c);
  return out;
}

function linkArgs(text: string, command: string): unknown {
  const m = new RegExp(`command:${command.replace(/\./g, '\\.')}\\?([^) ]*)`).exec(text);
  assert.ok(m, `no ${command} link in ${text}`);
  return JSON.parse(decodeURIComponent(m[1]))[0];
}

describe('Cards', function () {
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async function () {
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    await activateExtension();
  });

  after(async function () {
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('宁德时代: knowledge-base facts (300750.SZ, 深交所, 福建, 电气设备) in a section marked as not from the article', async function () {
    const pos = positionOf(doc, '宁德时代');
    const text = await eventually(
      'a company card with knowledge-base facts',
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)),
      (t) => t.includes('300750.SZ') || `hover text: ${JSON.stringify(t)}`,
      READY_MS,
    );
    for (const want of ['深交所', '福建', '电气设备', '📚', 'as of 2025-11-07']) assert.ok(text.includes(want) || (want.startsWith('as of') && text.includes('2025-11-07')), `${want} missing in ${text}`);
    const kbAt = text.indexOf('📚');
    assert.ok(kbAt > text.indexOf('宁德时代'), 'the knowledge-base section comes after the article facts');
    assert.ok(text.indexOf('300750.SZ') > kbAt, 'the code is inside the knowledge-base section');

    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await screenshot('company-card');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('尹力: the card has command links, trusted only for News Lens commands', async function () {
    const pos = positionOf(doc, '尹力');
    const hovers = await eventually(
      'an official card with links',
      () => vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos),
      (h) => hoverText(h).includes('command:newsLens.showMentions') || `hover: ${preview(hoverText(h))}`,
    );
    const text = hoverText(hovers);
    for (const c of ['newsLens.showMentions', 'newsLens.findAllMentions', 'newsLens.revealInRegions', 'newsLens.copyCard']) assert.ok(text.includes(`command:${c}?`), `${c} link missing`);
    const md = hoverMarkdown(hovers).find((m) => m.value.includes('command:'));
    assert.ok(md, 'no MarkdownString with the links');
    const trusted = md.isTrusted as boolean | { enabledCommands: readonly string[] } | undefined;
    assert.ok(trusted && typeof trusted === 'object', `isTrusted should list commands, got ${preview(trusted)}`);
    assert.ok(trusted.enabledCommands.includes('newsLens.showMentions'));
    assert.ok(!trusted.enabledCommands.some((c) => !c.startsWith('newsLens.')), preview(trusted.enabledCommands));

    editor.selection = new vscode.Selection(pos, pos);
    editor.revealRange(new vscode.Range(pos, pos), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await sleep(1500);
    await screenshot('official-card');
    await vscode.commands.executeCommand('editor.action.hideHover').then(undefined, () => undefined);
  });

  it('the link commands: find all mentions, copy the card, the mentions quick pick jumps to a mention', async function () {
    const pos = positionOf(doc, '尹力');
    const text = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos));
    const ref = linkArgs(text, 'newsLens.findAllMentions');
    const count = doc.getText().split('尹力').length - 1;

    const locs = await vscode.commands.executeCommand<vscode.Location[]>('newsLens.findAllMentions', ref);
    assert.equal(locs?.length, count);
    for (const l of locs!) assert.equal(doc.getText(l.range), '尹力');
    await vscode.commands.executeCommand('closeReferenceSearch').then(undefined, () => undefined);

    const card = await vscode.commands.executeCommand<string>('newsLens.copyCard', ref);
    assert.match(card ?? '', /尹力/);
    assert.match(card ?? '', /北京市委书记/);
    assert.doesNotMatch(card ?? '', /\*\*|command:/);
    const clip = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
    if (clip) assert.equal(clip, card);

    await vscode.window.showTextDocument(doc, { preview: false });
    const picked = vscode.commands.executeCommand<vscode.Range | undefined>('newsLens.showMentions', ref);
    await sleep(1500);
    await vscode.commands.executeCommand('workbench.action.quickOpenSelectNext');
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    const range = await Promise.race([picked, sleep(10_000).then(() => 'timeout' as const)]);
    if (range === 'timeout') {
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
      assert.fail('the mentions quick pick did not accept a selection');
    }
    assert.ok(range, 'no mention was picked');
    assert.equal(doc.getText(range), '尹力');
    const active = vscode.window.activeTextEditor;
    assert.equal(active?.document.uri.toString(), doc.uri.toString());
    assert.equal(active?.document.getText(active.selection), '尹力');
  });

  it('go to definition jumps to the first mention; highlights mark every mention', async function () {
    const text = doc.getText();
    const last = text.lastIndexOf('宁德时代');
    const pos = doc.positionAt(last + 1);
    const defs = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', doc.uri, pos);
    const d = defs?.[0];
    assert.ok(d);
    const range = 'targetRange' in d ? d.targetRange : d.range;
    assert.equal(doc.offsetAt(range.start), text.indexOf('宁德时代'));
    const hl = await vscode.commands.executeCommand<vscode.DocumentHighlight[]>('vscode.executeDocumentHighlights', doc.uri, pos);
    assert.equal(hl?.length, text.split('宁德时代').length - 1);
    for (const h of hl ?? []) assert.equal(doc.getText(h.range), '宁德时代');
  });
});
