/**
 * The extension inside a real VS Code: activation, the language server's answers through VS Code's
 * own provider commands, highlighting through the extension's API, and live edits. The language
 * server answers asynchronously, so every check retries until a deadline (see `eventually`).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
  activateExtension,
  collectRanges,
  eventually,
  fixtureUri,
  hoverText,
  NewsLensApi,
  positionOf,
  preview,
  regionNames,
  screenshot,
} from './helpers';

const REGIONS = ['北京', '上海', '重庆', '广东'];

describe('News Lens in a real VS Code', function () {
  let api: NewsLensApi | undefined;
  let doc: vscode.TextDocument;
  let editor: vscode.TextEditor;

  before(async function () {
    console.log(`[news-lens-suite] vscode.version = ${vscode.version}`);
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    editor = await vscode.window.showTextDocument(doc, { preview: false });
    api = await activateExtension();
    console.log(`[news-lens-suite] fixture opened as languageId=${doc.languageId}; API keys: ${Object.keys(api ?? {}).join(', ') || 'none'}`);
  });

  after(async function () {
    // Leave the fixture showing: the launcher's final screenshot is of it.
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it('activates', function () {
    const ext = vscode.extensions.getExtension('news-lens.news-lens');
    assert.ok(ext?.isActive, 'news-lens.news-lens is not active after activate()');
  });

  it('hover on 尹力 shows a card with 北京市委书记', async function () {
    const pos = positionOf(doc, '尹力');
    const text = await eventually(
      'a hover on 尹力',
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)),
      (t) => t.includes('北京市委书记') || `hover text: ${JSON.stringify(t)}`,
      // The first answer also waits for the language server to start and analyse the article.
      Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000),
    );
    assert.match(text, /尹力/);
  });

  it('hover on 宁德时代 shows a company card', async function () {
    const pos = positionOf(doc, '宁德时代');
    const text = await eventually(
      'a hover on 宁德时代',
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos)),
      (t) => (t.includes('宁德时代') && /公司|企业|company/i.test(t)) || `hover text: ${JSON.stringify(t)}`,
    );
    assert.doesNotMatch(text, /市委书记尹力/); // not some other entity's card
  });

  it('document symbols give the regions 北京, 上海, 重庆, 广东 in order', async function () {
    await eventually(
      'document symbols with the four regions',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri),
      (syms) => {
        const got = regionNames(syms, REGIONS);
        return JSON.stringify(got) === JSON.stringify(REGIONS) || `regions ${JSON.stringify(got)} from ${preview(syms?.map((s) => s.name))}`;
      },
    );
  });

  it('produces highlighting ranges (getEntityRanges) that cover 尹力 and 宁德时代', async function () {
    assert.ok(api && typeof api.getEntityRanges === 'function', `activate() must return an API with getEntityRanges(uri); got ${preview(api)}`);
    const ranges = await eventually(
      'entity ranges for the fixture',
      async () => collectRanges(await api!.getEntityRanges!(doc.uri)),
      (rs) => {
        const texts = new Set(rs.map((r) => doc.getText(r)));
        return (texts.has('尹力') && texts.has('宁德时代')) || `${rs.length} ranges, texts ${preview([...texts].slice(0, 20))}`;
      },
    );
    assert.ok(ranges.length >= 10, `only ${ranges.length} ranges`);
    await screenshot('article-highlighted');
    editor.selection = new vscode.Selection(positionOf(doc, '尹力'), positionOf(doc, '尹力'));
    editor.revealRange(new vscode.Range(positionOf(doc, '尹力'), positionOf(doc, '尹力')), vscode.TextEditorRevealType.InCenter);
    await vscode.commands.executeCommand('editor.action.showHover');
    await screenshot('hover-yin-li');
  });

  it('references on 宁德时代 give its several mentions', async function () {
    const pos = positionOf(doc, '宁德时代', 1);
    const occurrences = doc.getText().split('宁德时代').length - 1;
    const locs = await eventually(
      'references to 宁德时代',
      () => vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', doc.uri, pos),
      (ls) => (ls?.length ?? 0) >= 3 || `${ls?.length ?? 0} locations`,
    );
    for (const l of locs) {
      assert.equal(l.uri.toString(), doc.uri.toString());
      assert.equal(doc.getText(l.range), '宁德时代', `a reference at ${l.range.start.line}:${l.range.start.character} is not 宁德时代`);
    }
    assert.ok(locs.length <= occurrences, `${locs.length} references but the text has ${occurrences} mentions`);
  });

  it('reflects edits in an untitled copy (never the fixture on disk)', async function () {
    const onDisk = doc.getText();
    const copy = await vscode.workspace.openTextDocument({ language: doc.languageId, content: onDisk });
    const ed = await vscode.window.showTextDocument(copy, { preview: false });
    assert.equal(copy.isUntitled, true);
    await eventually(
      'regions in the untitled copy',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy.uri),
      (syms) => JSON.stringify(regionNames(syms, REGIONS)) === JSON.stringify(REGIONS) || `regions ${JSON.stringify(regionNames(syms, REGIONS))}`,
    );
    // Cut the 广东 section: the regions must follow, and 尹力's card must still be there.
    const from = copy.positionAt(copy.getText().indexOf('**广东：**'));
    const ok = await ed.edit((b) => b.delete(new vscode.Range(from, copy.positionAt(copy.getText().length))));
    assert.ok(ok, 'the edit was not applied');
    await eventually(
      'regions after deleting the 广东 section',
      () => vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', copy.uri),
      (syms) => JSON.stringify(regionNames(syms, REGIONS)) === JSON.stringify(REGIONS.slice(0, 3)) || `regions ${JSON.stringify(regionNames(syms, REGIONS))}`,
    );
    // Type a new sentence at the top naming 尹力's office: hovering it there must work.
    const ok2 = await ed.edit((b) => b.insert(new vscode.Position(0, 0), '北京市委书记尹力主持会议。\n\n'));
    assert.ok(ok2, 'the second edit was not applied');
    await eventually(
      'a hover on the newly typed 尹力',
      async () => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', copy.uri, new vscode.Position(0, 7))),
      (t) => t.includes('北京市委书记') || `hover text: ${JSON.stringify(t)}`,
    );
    assert.equal(doc.getText(), onDisk, 'the fixture document changed');
    assert.equal(doc.isDirty, false, 'the fixture on disk was modified');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
