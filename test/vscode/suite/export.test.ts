/** Export commands inside a real VS Code: `{ target }` skips the save dialog. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { parseCsv } from '../../../src/client/export/format';
import { activateExtension, eventually, fixtureUri } from './helpers';

describe('Export', function () {
  let dir: string;
  let doc: vscode.TextDocument;

  before(async function () {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-export-'));
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('exports the article to CSV (UTF-8 with BOM, quoted) including 宁德时代', async function () {
    const target = path.join(dir, 'article.csv');
    const written = await eventually(
      'a CSV export',
      () => vscode.commands.executeCommand<vscode.Uri | undefined>('newsLens.exportArticleCsv', { uri: doc.uri.toString(), target }),
      (u) => !!u || 'no file written yet (server not ready?)',
      Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000),
    );
    assert.equal(written!.fsPath, target);
    const text = fs.readFileSync(target, 'utf8');
    assert.equal(text.charCodeAt(0), 0xfeff, 'BOM');
    const rows = parseCsv(text);
    const header = rows[0];
    assert.deepEqual(header.slice(0, 3), ['name', 'type', 'kind']);
    const catl = rows.find((r) => r[0] === '宁德时代');
    assert.ok(catl, 'a row for 宁德时代');
    assert.equal(catl[1], 'company');
    assert.ok(rows.some((r) => r[0] === '尹力' && r[header.indexOf('full titles')] === '北京市委书记'));
    assert.ok(rows.every((r) => r.length === header.length), 'every row has every column');
  });

  it('exports the article to JSON with mentions, titles and regions', async function () {
    const target = path.join(dir, 'article.json');
    await vscode.commands.executeCommand('newsLens.exportArticleJson', { target });
    const json = JSON.parse(fs.readFileSync(target, 'utf8'));
    const catl = json.entities.find((e: { name: string }) => e.name === '宁德时代');
    assert.ok(catl?.mentions.length >= 5);
    assert.ok(json.regions.some((r: { name: string }) => r.name === '北京'));
  });

  it('exports the workspace to CSV and JSON', async function () {
    const csv = path.join(dir, 'ws.csv');
    const json = path.join(dir, 'ws.json');
    await vscode.commands.executeCommand('newsLens.exportWorkspaceCsv', { target: csv });
    await vscode.commands.executeCommand('newsLens.exportWorkspaceJson', { target: vscode.Uri.file(json).toString() });
    const rows = parseCsv(fs.readFileSync(csv, 'utf8'));
    const articles = rows.filter((r) => r[0] === '宁德时代').map((r) => r[3]);
    assert.ok(articles.includes('leaders-visit-firms.md') && articles.includes('catl-fujian.md'), `articles for 宁德时代: ${articles}`);
    const ws = JSON.parse(fs.readFileSync(json, 'utf8'));
    assert.ok(ws.articleCount >= 2);
    assert.ok(ws.entities.some((e: { name: string }) => e.name === '宁德时代'));
  });
});
