/**
 * The workspace index and `newsLens/analysis` over LSP: a temporary folder of articles is indexed
 * from disk in the background (with progress notifications), merged by entity, answers
 * workspace/symbol for files that are not open, and follows workspace/didChangeWatchedFiles.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { DidChangeWatchedFilesNotification, FileChangeType, WorkspaceSymbolRequest, type SymbolInformation } from 'vscode-languageserver/node';
import {
  ArticleSummaryRequestMethod,
  DEFAULT_WORKSPACE_INDEX_SETTINGS,
  WorkspaceConfigureRequestMethod,
  WorkspaceIndexRequestMethod,
  WorkspaceProgressNotificationMethod,
  type ArticleSummary,
  type WorkspaceIndexResult,
  type WorkspaceProgressParams,
  RelationsRequestMethod,
  type RelationsGraph,
} from '../../src/protocol';
import { fixture, startServer, type TestServer } from './lspClient';

describe('News Lens workspace index (LSP over stdio)', function () {
  this.timeout(60_000);
  let s: TestServer;
  let dir: string;
  const progress: WorkspaceProgressParams[] = [];
  const uriOf = (rel: string) => pathToFileURL(path.join(dir, rel)).toString();
  const index = () => s.conn.sendRequest<WorkspaceIndexResult>(WorkspaceIndexRequestMethod, { waitForIdle: true });

  before(async function () {
    this.timeout(120_000);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-ws-'));
    fs.writeFileSync(path.join(dir, 'leaders-visit-firms.md'), fixture('leaders-visit-firms.md'));
    fs.mkdirSync(path.join(dir, 'more'));
    fs.writeFileSync(path.join(dir, 'more', 'catl.txt'), '宁德时代扩产\n\n3月1日，福建省委书记周祖翼在宁德会见了宁德时代董事长曾毓群。\n');
    fs.writeFileSync(path.join(dir, 'english.md'), '# No Chinese here\n');
    fs.writeFileSync(path.join(dir, 'binary.txt'), Buffer.from([0x00, 0x01, 0xe5, 0xae, 0x81]));
    fs.mkdirSync(path.join(dir, 'node_modules'));
    fs.writeFileSync(path.join(dir, 'node_modules', 'skip.md'), '宁德时代');
    s = await startServer();
    s.conn.onNotification(WorkspaceProgressNotificationMethod, (p: WorkspaceProgressParams) => progress.push(p));
    await s.conn.sendRequest(WorkspaceConfigureRequestMethod, { folders: [pathToFileURL(dir).toString()], settings: DEFAULT_WORKSPACE_INDEX_SETTINGS });
  });

  after(async () => {
    await s?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('newsLens/relations: the workspace\u2019s who-met-whom, merged across articles, with English names and sentences', async () => {
    await index();
    const g = await s.conn.sendRequest<RelationsGraph>(RelationsRequestMethod, { workspace: true });
    assert.equal(g.scope, 'workspace');
    const catl = g.nodes.find((n) => n.key === 'company:宁德时代');
    assert.equal(catl?.articles, 2);
    assert.match(catl?.english ?? '', /^CATL/);
    const zhou = g.edges.find((e) => e.from === 'person:周祖翼' || e.to === 'person:周祖翼');
    assert.equal(zhou?.kind, 'met');
    assert.match(zhou!.sentences[0].text, /会见/);
    assert.ok(zhou!.sentences[0].uri.endsWith('catl.txt'));
  });

  it('indexes the folder in the background, skipping non-Chinese, binary and excluded files', async () => {
    const res = await index();
    assert.equal(res.indexing, false);
    assert.equal(res.articleCount, 2);
    const catl = res.entities.find((e) => e.key === 'company:宁德时代');
    assert.ok(catl, 'merged entry for 宁德时代');
    assert.deepEqual(catl.articles.map((a) => a.path).sort(), ['leaders-visit-firms.md', 'more/catl.txt']);
    assert.ok(catl.articles.every((a) => a.mentions.length > 0 && a.mentions[0].snippet.includes('宁德时代')));
    assert.ok(progress.some((p) => p.state === 'begin') && progress.some((p) => p.state === 'end'), `progress: ${JSON.stringify(progress)}`);
    assert.ok(s.alive());
  });

  it('workspace/symbol finds entities of files that are not open', async () => {
    const syms = (await s.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '曾毓群' })) as SymbolInformation[];
    assert.deepEqual(syms.map((x) => x.location.uri).sort(), [uriOf('leaders-visit-firms.md'), uriOf('more/catl.txt')].sort());
  });

  it('newsLens/analysis summarises an open document with its region hierarchy', async () => {
    const uri = uriOf('leaders-visit-firms.md');
    s.open(uri, fixture('leaders-visit-firms.md'));
    const sum = await s.conn.sendRequest<ArticleSummary>(ArticleSummaryRequestMethod, { uri });
    assert.equal(sum.version, 1);
    assert.deepEqual(sum.regions.filter((r) => r.section).map((r) => r.name), ['北京', '上海', '重庆', '广东']);
    // the same regions as the Outline: 朝阳区 is a place listed in the 北京 section, not a region holding only itself
    const bj = sum.regions.find((r) => r.name === '北京')!;
    const chaoyang = sum.entities.find((e) => e.name === '朝阳区')!;
    assert.ok(sum.mentions.some((m) => m.entityId === chaoyang.id && m.regionId === bj.id));
    assert.ok(!sum.regions.some((r) => r.name === '朝阳区'));
    assert.ok(sum.relations.some((r) => r.kind === 'met'));
    // unknown documents: an empty summary, not an error
    const none = await s.conn.sendRequest<ArticleSummary>(ArticleSummaryRequestMethod, { uri: 'file:///nowhere.md' });
    assert.equal(none.entities.length, 0);
    s.close(uri);
  });

  it('follows file changes: a new article is indexed, a deleted one dropped', async () => {
    fs.writeFileSync(path.join(dir, 'new.md'), '上海市委书记陈吉宁调研了宁德时代。\n');
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('new.md'), type: FileChangeType.Created }] });
    let res = await index();
    assert.ok(res.entities.find((e) => e.key === 'company:宁德时代')?.articles.some((a) => a.path === 'new.md'));
    fs.rmSync(path.join(dir, 'more', 'catl.txt'));
    await s.conn.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: uriOf('more/catl.txt'), type: FileChangeType.Deleted }] });
    res = await index();
    assert.ok(!res.entities.some((e) => e.articles.some((a) => a.path === 'more/catl.txt')));
    assert.equal(res.articleCount, 2);
  });

  it('stays responsive while indexing many files', async () => {
    const big = path.join(dir, 'many');
    fs.mkdirSync(big);
    const text = fixture('leaders-visit-firms.md');
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(big, `a${i}.md`), text);
    await s.conn.sendRequest(WorkspaceConfigureRequestMethod, { folders: [pathToFileURL(dir).toString()], settings: DEFAULT_WORKSPACE_INDEX_SETTINGS });
    // answered without waiting for the indexing to finish (no time is asserted: the machine is shared)
    const quick = await s.conn.sendRequest<WorkspaceIndexResult>(WorkspaceIndexRequestMethod, {});
    assert.equal(typeof quick.indexing, 'boolean');
    const res = await index();
    assert.equal(res.articleCount, 32);
    assert.equal(res.entities.find((e) => e.name === '尹力')?.articles.length, 31);
  });
});
