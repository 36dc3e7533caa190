/**
 * The workspace index honours the user's corrections (.vscode/news-lens.json) for files that are
 * not open, as open documents do: a folder's corrections file is read when the folder is indexed,
 * and a change (newsLens/correctionsFileChanged) re-indexes the folder's closed articles, so the
 * index and workspace/symbol follow.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver/node';
import {
  CorrectionsFileChangedNotificationMethod,
  DEFAULT_WORKSPACE_INDEX_SETTINGS,
  WorkspaceConfigureRequestMethod,
  WorkspaceIndexRequestMethod,
  type WorkspaceIndexResult,
} from '../../src/protocol';
import { fixture, startServer, until, type TestServer } from './lspClient';

// background indexing of a folder takes longer than one analysis
const INDEX_MS = 20_000;

describe('Workspace index with the user’s corrections (LSP over stdio)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let dir: string;
  let other: string;
  const index = () => s.conn.sendRequest<WorkspaceIndexResult>(WorkspaceIndexRequestMethod, { waitForIdle: true });
  const hasNestle = (r: WorkspaceIndexResult) => r.entities.some((e) => e.name === '雀巢');
  const symbols = async (q: string) => ((await s.conn.sendRequest(WorkspaceSymbolRequest.type, { query: q })) ?? []) as SymbolInformation[];
  const writeCorrections = (folder: string, json: string) => {
    fs.mkdirSync(path.join(folder, '.vscode'), { recursive: true });
    fs.writeFileSync(path.join(folder, '.vscode', 'news-lens.json'), json);
  };
  const correctionsUri = (folder: string) => `${pathToFileURL(folder).toString()}/.vscode/news-lens.json`;
  const configure = (folders: string[]) =>
    s.conn.sendRequest(WorkspaceConfigureRequestMethod, { folders: folders.map((f) => pathToFileURL(f).toString()), settings: DEFAULT_WORKSPACE_INDEX_SETTINGS });

  before(async function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-wsc-'));
    other = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-wsc2-'));
    fs.writeFileSync(path.join(dir, 'leaders-visit-firms.md'), fixture('leaders-visit-firms.md'));
    fs.writeFileSync(path.join(other, 'visit.md'), fixture('leaders-visit-firms.md'));
    s = await startServer();
  });

  after(async () => {
    await s?.stop();
    for (const d of [dir, other]) fs.rmSync(d, { recursive: true, force: true });
  });

  it('a correction marking 雀巢 as not an entity removes it from the index and workspace symbols of a closed file', async () => {
    await configure([dir]);
    const before = await index();
    assert.equal(before.articleCount, 1);
    assert.ok(hasNestle(before), '雀巢 is indexed before the correction');
    assert.ok((await symbols('雀巢')).some((x) => x.name === '雀巢'), 'workspace/symbol finds 雀巢 before the correction');

    writeCorrections(dir, '{ "corrections": [ { "text": "雀巢", "type": "none" } ] }');
    void s.conn.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: correctionsUri(dir) });
    const after = await until('雀巢 to leave the index', index, (r) => !hasNestle(r), INDEX_MS);
    assert.equal(after.articleCount, 1, 'the article itself stays indexed');
    assert.ok(after.entities.some((e) => e.name === '尹力'), 'other entities stay');
    assert.deepEqual((await symbols('雀巢')).filter((x) => x.name === '雀巢'), []);

    // the file goes away: 雀巢 comes back
    fs.rmSync(path.join(dir, '.vscode'), { recursive: true });
    void s.conn.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: correctionsUri(dir) });
    await until('雀巢 back in the index', index, hasNestle, INDEX_MS);
  });

  it('a folder whose corrections file exists before indexing is indexed with it', async () => {
    writeCorrections(other, '{ "corrections": [ { "text": "雀巢", "type": "none" } ] }');
    await configure([dir, other]);
    const res = await index();
    assert.equal(res.articleCount, 2);
    const nestle = res.entities.find((e) => e.name === '雀巢');
    assert.ok(nestle, '雀巢 is still an entity in the first folder');
    assert.deepEqual(nestle.articles.map((a) => a.path), ['leaders-visit-firms.md'], 'but not in the folder that corrects it');
  });
});
