/**
 * The user's corrections over LSP: code actions on a span / the entity under the cursor, the
 * corrections file (open editor text or file on disk) applied to the analysis at once, knowledge
 * entries on cards, and diagnostics for a malformed file at the right line.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  HoverRequest,
  type CodeAction,
  type Diagnostic,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver/node';
import { CorrectionsFileChangedNotificationMethod, type AddAliasArgs, type ApplyCorrectionArgs } from '../../src/protocol';
import { fixture, positionOf, startServer, until, type TestServer } from './lspClient';

const text = fixture('leaders-visit-firms.md');
const WS = 'file:///corrections-ws';
const ARTICLE = `${WS}/article.md`;
const FILE = `${WS}/.vscode/news-lens.json`;

describe('Corrections (LSP)', function () {
  this.timeout(60_000);
  let s: TestServer;
  const diagnostics = new Map<string, Diagnostic[]>();
  const hoverValue = async (uri: string, needle: string, nth = 0) => {
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: positionOf(text, needle, nth, 1) });
    return h ? (h.contents as MarkupContent).value : '';
  };

  before(async function () {
    this.timeout(120_000);
    s = await startServer();
    s.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => diagnostics.set(p.uri, p.diagnostics));
    s.open(ARTICLE, text);
    await s.analysed(ARTICLE, 1, 60_000);
  });
  after(async () => s?.stop());

  it('code actions on the entity under the cursor: not an entity, mark as …, another name for …', async () => {
    const pos = positionOf(text, '雀巢', 0, 1);
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: ARTICLE },
      range: { start: pos, end: pos },
      context: { diagnostics: [] },
    })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('News Lens: “雀巢” is not an entity'), titles.join('\n'));
    assert.ok(titles.includes('News Lens: mark “雀巢” as a person'), titles.join('\n'));
    assert.ok(!titles.includes('News Lens: mark “雀巢” as a company'), 'already a company');
    for (const a of actions) assert.equal(a.kind, 'quickfix.newsLens');
    const none = actions.find((a) => a.title.includes('not an entity'))!;
    assert.equal(none.command?.command, 'newsLens.corrections.apply');
    const args = none.command!.arguments![0] as ApplyCorrectionArgs;
    assert.deepEqual(args.correction, { text: '雀巢', type: 'none' });
    assert.equal(args.uri, ARTICLE);
    const alias = actions.find((a) => a.command?.command === 'newsLens.corrections.addAlias')!;
    const aa = alias.command!.arguments![0] as AddAliasArgs;
    assert.equal(aa.text, '雀巢');
    assert.ok(aa.candidates.some((c) => c.name === '尹力' && c.type === 'person'));
    assert.ok(!aa.candidates.some((c) => c.name === '雀巢'));
  });

  it('code actions on a selected span that is not an entity: mark as …, as a refactoring', async () => {
    const start = positionOf(text, '北京商务中心区管委会');
    const end = { line: start.line, character: start.character + '北京商务中心区'.length };
    const actions = (await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: ARTICLE }, range: { start, end }, context: { diagnostics: [] } })) as CodeAction[];
    const titles = actions.map((a) => a.title);
    assert.ok(titles.includes('News Lens: mark “北京商务中心区” as a place'), titles.join('\n'));
    assert.ok(!titles.some((t) => t.includes('not an entity')), titles.join('\n'));
    for (const a of actions) assert.equal(a.kind, 'refactor.newsLens');
    // only= filters
    const none = await s.conn.sendRequest(CodeActionRequest.type, { textDocument: { uri: ARTICLE }, range: { start, end }, context: { diagnostics: [], only: ['quickfix'] } });
    assert.deepEqual(none, []);
  });

  it('an open corrections file applies at once: 雀巢 is no entity, notes on 尹力 and 小红书', async () => {
    assert.match(await hoverValue(ARTICLE, '雀巢'), /雀巢/);
    const json = `{
  // my corrections
  "corrections": [
    { "text": "雀巢", "type": "none" },
  ],
  "knowledge": {
    "people": [{ "name": "尹力", "note": "Beijing party secretary since 2022", "source": "my notes", "asOf": "2024-06-01" }],
    "companies": [{ "name": "小红书", "englishName": "Xiaohongshu (RED)", "country": "中国", "source": "company website", "asOf": "2024-06-01" }]
  }
}`;
    s.open(FILE, json, 'jsonc');
    await until('雀巢 to disappear', () => hoverValue(ARTICLE, '雀巢'), (v) => !/\*\*雀巢\*\*/.test(v));
    const yin = await hoverValue(ARTICLE, '尹力');
    assert.match(yin, /Beijing party secretary since 2022/);
    assert.match(yin, /Your notes/);
    assert.match(yin, /my notes.*as of 2024-06-01/);
    const xhs = await hoverValue(ARTICLE, '小红书');
    if (/\*\*.*小红书/.test(xhs)) assert.match(xhs, /Xiaohongshu \\\(RED\\\)/);
    assert.deepEqual(diagnostics.get(FILE) ?? [], []);
  });

  it('a malformed file: a diagnostic on the offending line; the valid entries keep working', async () => {
    const lines = [
      '{',
      '  "corrections": [',
      '    { "text": "雀巢", "type": "none" },',
      '    { "text": "宝马" "type": "none" },', // line 3: missing comma
      '    { "text": "卡特彼勒", "type": "nonsense" }', // line 4: bad type
      '  ]',
      '}',
    ];
    void s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: FILE, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
    const diags = await until('diagnostics', async () => diagnostics.get(FILE) ?? [], (d) => d.length >= 2);
    const syntax = diags.find((d) => d.severity === 1)!;
    assert.ok(syntax, JSON.stringify(diags));
    assert.equal(syntax.range.start.line, 3);
    assert.equal(syntax.source, 'News Lens');
    const bad = diags.find((d) => d.severity === 2)!;
    assert.equal(bad.range.start.line, 4);
    assert.match(bad.message, /"type" must be one of/);
    // 雀巢 still corrected; the note on 尹力 is gone with the knowledge section
    assert.doesNotMatch(await hoverValue(ARTICLE, '雀巢'), /\*\*雀巢\*\*/);
    await until('the note to go', () => hoverValue(ARTICLE, '尹力'), (v) => !/Beijing party secretary/.test(v));
    s.close(FILE);
  });

  it('"another name for" works for places too (the core merges aliasOf only for companies)', async () => {
    const h = () => hoverValue(ARTICLE, '首都高质量发展');
    // a plain place entry makes 首都 an entity of its own …
    s.open(FILE, '{ "corrections": [ { "text": "首都", "type": "place" } ] }', 'jsonc', 10);
    await until('首都 on its own', h, (v) => /\*\*首都\*\*/.test(v));
    // … and aliasOf joins it to 北京
    void s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: FILE, version: 11 },
      contentChanges: [{ text: '{ "corrections": [ { "text": "首都", "type": "place", "aliasOf": "北京" } ] }' }],
    });
    await until('首都 to show 北京', h, (v) => /\*\*北京\*\*/.test(v));
    s.close(FILE);
  });

  it('a file on disk: read on newsLens/correctionsFileChanged, diagnostics cleared when fixed', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-corr-'));
    try {
      const folder = pathToFileURL(dir).toString();
      const article = `${folder}/a.md`;
      const file = `${folder}/.vscode/news-lens.json`;
      s.open(article, text);
      await s.analysed(article, 1, 30_000);
      assert.match(await hoverValue(article, '卡特彼勒'), /\*\*卡特彼勒\*\*/);
      fs.mkdirSync(path.join(dir, '.vscode'));
      fs.writeFileSync(path.join(dir, '.vscode', 'news-lens.json'), '{ "corrections": [ { "text": "卡特彼勒", "type": "none" } ] }');
      void s.conn.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: file });
      await until('卡特彼勒 to disappear', () => hoverValue(article, '卡特彼勒'), (v) => !/\*\*卡特彼勒\*\*/.test(v));
      // the other workspace's article is not affected by this folder's file
      fs.writeFileSync(path.join(dir, '.vscode', 'news-lens.json'), '{ "corrections": [ { "text": "卡特彼勒", "type": "none" } ');
      void s.conn.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: file });
      const d = await until('diagnostic', async () => diagnostics.get(file) ?? [], (x) => x.length > 0);
      assert.equal(d[0].range.start.line, 0);
      assert.doesNotMatch(await hoverValue(article, '卡特彼勒'), /\*\*卡特彼勒\*\*/, 'the valid entry still applies');
      fs.rmSync(path.join(dir, '.vscode'), { recursive: true });
      void s.conn.sendNotification(CorrectionsFileChangedNotificationMethod, { uri: file });
      await until('卡特彼勒 back', () => hoverValue(article, '卡特彼勒'), (v) => /\*\*卡特彼勒\*\*/.test(v));
      assert.deepEqual(diagnostics.get(file), []);
      s.close(article);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Corrections file diagnostics in Chinese (locale zh-cn)', function () {
  this.timeout(60_000);
  it('syntax errors and bad entries are reported in Chinese', async () => {
    const s = await startServer({}, 'zh-cn');
    const got = new Map<string, Diagnostic[]>();
    s.conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => got.set(p.uri, p.diagnostics));
    try {
      const lines = [
        '{',
        '  "corrections": [',
        '    { "text": "宝马" "type": "none" },', // line 2: missing comma
        '    { "text": "卡特彼勒", "type": "animal" }', // line 3: bad type
        '  ],',
        '  "knowledge": { "people": [ { "name": "尹力" } ] }', // line 5: no source, no asOf
        '}',
      ];
      s.open(FILE, lines.join('\n'), 'jsonc');
      const diags = await until('diagnostics', async () => got.get(FILE) ?? [], (d) => d.length >= 4);
      const messages = diags.map((d) => d.message);
      const syntax = diags.find((d) => d.severity === 1)!;
      assert.equal(syntax.range.start.line, 2);
      assert.equal(syntax.message, '此处应为逗号');
      const type = diags.find((d) => d.range.start.line === 3)!;
      assert.match(type.message, /^"type" 必须是 person、company/);
      assert.ok(messages.some((m) => m === '缺少 "source"：请注明关于 尹力 的信息来源'), messages.join('\n'));
      assert.ok(messages.some((m) => m.startsWith('缺少 "asOf"')), messages.join('\n'));
      // nothing left in English
      for (const m of messages) assert.doesNotMatch(m, /\b(expected|must be|missing|needs)\b/, m);
    } finally {
      await s.stop();
    }
  });
});
