/**
 * `newsLens.restartServer` in a real VS Code: after restarts the features still answer (hover,
 * status bar), and the one file watcher the clients share still reports new article files to the
 * new server's workspace index (the language client never disposes its `fileEvents` watchers, so
 * one is created per extension, not per client).
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, fixtureUri, hoverText, positionOf, preview, workspaceRoot } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);

describe('Restarting the language server', function () {
  let doc: vscode.TextDocument;
  let extra: vscode.Uri;

  const card = async (needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle)));
  const symbolFiles = async (q: string) => {
    const syms = (await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', q)) ?? [];
    return syms.map((s) => s.location.uri.path.replace(/^.*\//, ''));
  };

  before(async function () {
    await activateExtension();
    extra = vscode.Uri.joinPath(workspaceRoot(), 'restart-check.md');
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
    await eventually('a card on 尹力', () => card('尹力'), (t) => t.includes('北京市委书记') || `hover ${preview(t)}`, READY_MS);
  });

  after(async function () {
    try {
      await vscode.workspace.fs.delete(extra);
    } catch {
      /* not written */
    }
    // leave the index as the other tests know it
    await eventually('the extra article out of the index', () => symbolFiles('陈吉宁'), (f) => !f.includes('restart-check.md') || `files ${preview(f)}`);
  });

  it('after two restarts: hover and the status bar work, and new article files on disk are indexed', async function () {
    for (let i = 0; i < 2; i++) await vscode.commands.executeCommand('newsLens.restartServer');
    const text = await eventually('a card on 尹力 after the restarts', () => card('尹力'), (t) => t.includes('北京市委书记') || `hover ${preview(t)}`, READY_MS);
    assert.match(text, /尹力/);
    await eventually(
      'the status item after the restarts',
      () => vscode.commands.executeCommand<{ text: string; visible: boolean }>('newsLens.statusBar.getState'),
      (s) => (s.visible && /\$\(person\) \d+/.test(s.text)) || `status ${preview(s)}`,
    );
    // a new file (never opened) reaches the new server through the shared watcher
    await vscode.workspace.fs.writeFile(extra, new TextEncoder().encode('陈吉宁调研\n\n5月6日，上海市委书记陈吉宁调研了宁德时代。\n'));
    await eventually('the new file in the workspace index', () => symbolFiles('陈吉宁'), (f) => f.includes('restart-check.md') || `files ${preview(f)}`, 60_000);
  });
});
