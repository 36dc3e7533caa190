/**
 * The status bar item and the Regions view when the focus moves to something that is not an
 * article: another editor (a JSON file) or the article itself switched to another language mode.
 * The status item hides; the Regions view keeps the last article while another editor is active and
 * lets go of an article that stopped being one; both come back with the article.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, fixtureUri, preview } from './helpers';

interface StatusState {
  text: string;
  visible: boolean;
  tooltip: string;
}
interface PlainTree {
  mode: 'article' | 'workspace';
  uri?: string;
  nodes: { kind: string; label: string }[];
  visible: boolean;
}

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);
const status = () => vscode.commands.executeCommand<StatusState>('newsLens.statusBar.getState');
const tree = () => vscode.commands.executeCommand<PlainTree>('newsLens.regions.getTree');
const regions = (t: PlainTree) => t.nodes.filter((n) => n.kind === 'region').map((n) => n.label);

describe('Status bar and Regions view on non-articles', function () {
  let doc: vscode.TextDocument;

  before(async function () {
    await activateExtension();
    await vscode.commands.executeCommand('newsLens.regions.showArticle');
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  after(async function () {
    if (doc.languageId !== 'markdown') await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  const articleShown = async () => {
    await eventually('the status item for the article', status, (s) => (s.visible && /\$\(person\) \d+/.test(s.text)) || `status ${preview(s)}`, READY_MS);
    await eventually('the Regions tree of the article', tree, (t) => (t.uri === doc.uri.toString() && regions(t).includes('北京')) || `tree ${preview({ uri: t.uri, regions: regions(t) })}`, READY_MS);
  };

  it('a JSON editor hides the status item; the Regions view keeps the article; back to the article, both show it', async function () {
    await articleShown();
    const json = await vscode.workspace.openTextDocument({ language: 'json', content: '{ "not": "an article" }\n' });
    await vscode.window.showTextDocument(json, { preview: false });
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'json');
    await eventually('the status item to hide', status, (s) => !s.visible || `status ${preview(s)}`);
    const t = await tree();
    assert.equal(t.uri, doc.uri.toString(), 'the Regions view keeps the last article');
    assert.ok(regions(t).includes('北京'));
    await vscode.window.showTextDocument(doc, { preview: false });
    await articleShown();
    await vscode.window.showTextDocument(json);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('the article switched to another language mode: the status item hides and the view lets go; switching back brings both back', async function () {
    await vscode.window.showTextDocument(doc, { preview: false });
    await articleShown();
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'json');
    assert.equal(vscode.window.activeTextEditor?.document.languageId, 'json');
    await eventually('the status item to hide', status, (s) => !s.visible || `status ${preview(s)}`);
    await eventually('the Regions view to let go of the article', tree, (t) => (t.uri === undefined && t.nodes.length === 0) || `tree ${preview({ uri: t.uri, regions: regions(t) })}`);
    doc = await vscode.languages.setTextDocumentLanguage(doc, 'markdown');
    await articleShown();
  });
});
