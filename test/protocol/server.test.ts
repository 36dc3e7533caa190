/**
 * Protocol tests: the built language server, spoken to over LSP as an editor would.
 * Run with `npm run test:protocol` (builds first; NEWS_LENS_NO_BUILD=1 to reuse dist/).
 */
import * as assert from 'node:assert/strict';
import {
  DefinitionRequest,
  DidChangeTextDocumentNotification,
  DocumentHighlightRequest,
  DocumentSymbolRequest,
  HoverRequest,
  ReferencesRequest,
  WorkspaceSymbolRequest,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { EntityRangesRequestMethod, type EntityRangesResult } from '../../src/protocol';
import { fixture, positionOf, startServer, textOfRange, type TestServer } from './lspClient';

const URI = 'file:///fixtures/leaders-visit-firms.md';
const text = fixture('leaders-visit-firms.md');
const expected = JSON.parse(fixture('leaders-visit-firms.expected.json')) as {
  regions_in_order: string[];
  officials: { name: string; region: string }[];
};

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('News Lens language server (LSP over stdio)', function () {
  this.timeout(60_000);
  let s: TestServer;

  before(async function () {
    this.timeout(120_000);
    // A smaller size limit keeps the huge-document test quick (the core takes ~20 ms per 1000 chars).
    s = await startServer({ settings: { maxDocumentSize: 200_000 } });
    s.open(URI, text);
    await s.analysed(URI, 1, 60_000);
  });

  after(async () => {
    await s?.stop();
  });

  it('hover on 尹力 shows his title 北京市委书记', async () => {
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '尹力', 0, 1) });
    const v = hoverText(h);
    assert.match(v, /尹力/);
    assert.match(v, /北京市委书记/);
    assert.equal(textOfRange(text, h!.range!), '尹力');
  });

  it('hover on 殷勇 shows the stated and the full title', async () => {
    const v = hoverText(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '殷勇') }));
    assert.match(v, /市委副书记、市长/);
    assert.match(v, /北京市委副书记、北京市市长/);
  });

  it('hover on a company gives a company card', async () => {
    const v = hoverText(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '宁德时代', 1) }));
    assert.match(v, /宁德时代/);
    assert.match(v, /\d/); // mentions count
  });

  it('hover on plain prose gives nothing', async () => {
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '开宗明义') });
    assert.equal(h, null);
  });

  it('documentSymbol: regions 北京/上海/重庆/广东 in order, each with its officials', async () => {
    const syms = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: URI } })) as DocumentSymbol[];
    assert.ok(Array.isArray(syms) && syms.length > 0);
    const regions = syms.filter((x) => expected.regions_in_order.includes(x.name));
    assert.deepEqual(regions.map((r) => r.name), expected.regions_in_order);
    // Regions come in article order and, if present, the lead comes first.
    const names = syms.map((x) => x.name);
    assert.deepEqual(names.filter((n) => expected.regions_in_order.includes(n)), expected.regions_in_order);
    for (const r of regions) {
      const children = (r.children ?? []).map((c) => c.name);
      for (const o of expected.officials.filter((x) => x.region === r.name)) {
        assert.ok(children.includes(o.name), `${o.name} under ${r.name}: got ${children.join(',')}`);
      }
      for (const o of expected.officials.filter((x) => x.region !== r.name)) {
        assert.ok(!children.includes(o.name), `${o.name} should not be under ${r.name}`);
      }
      // officials are listed first
      const firstNonOfficial = (r.children ?? []).findIndex((c) => !expected.officials.some((o) => o.name === c.name));
      const lastOfficial = (r.children ?? []).map((c) => expected.officials.some((o) => o.name === c.name)).lastIndexOf(true);
      if (firstNonOfficial >= 0 && lastOfficial >= 0) assert.ok(lastOfficial < firstNonOfficial, `officials first in ${r.name}`);
      // selection ranges are mentions inside the region
      for (const c of r.children ?? []) {
        const sel = textOfRange(text, c.selectionRange);
        assert.ok(sel.length > 0, `${c.name} has a selection`);
      }
    }
  });

  it('references on 宁德时代 give all its mentions', async () => {
    const locs = (await s.conn.sendRequest(ReferencesRequest.type, {
      textDocument: { uri: URI },
      position: positionOf(text, '宁德时代', 2, 2),
      context: { includeDeclaration: true },
    })) as Location[];
    const count = text.split('宁德时代').length - 1;
    assert.equal(locs.length, count);
    for (const l of locs) assert.equal(textOfRange(text, l.range), '宁德时代');
  });

  it('documentHighlight and definition follow the entity under the caret', async () => {
    const pos = positionOf(text, '陈吉宁', 3);
    const hs = await s.conn.sendRequest(DocumentHighlightRequest.type, { textDocument: { uri: URI }, position: pos });
    assert.equal(hs?.length, text.split('陈吉宁').length - 1);
    const def = (await s.conn.sendRequest(DefinitionRequest.type, { textDocument: { uri: URI }, position: pos })) as Location;
    assert.deepEqual(def.range.start, positionOf(text, '陈吉宁', 0));
  });

  it('workspace/symbol finds entities of open documents', async () => {
    const res = (await s.conn.sendRequest(WorkspaceSymbolRequest.type, { query: '康宁' })) ?? [];
    assert.ok(res.some((x) => x.name.includes('康宁')), JSON.stringify(res.map((x) => x.name)));
  });

  it('newsLens/entityRanges returns non-empty ranges, officials apart from other people', async () => {
    const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri: URI })) as EntityRangesResult;
    assert.equal(res.version, 1);
    assert.ok(res.groups.length > 0);
    const official = res.groups.find((g) => g.type === 'person' && g.role === 'official');
    assert.ok(official && official.ranges.length > 0, 'official ranges');
    const texts = official.ranges.map((r) => textOfRange(text, r));
    assert.ok(texts.includes('尹力'));
    const company = res.groups.find((g) => g.type === 'company');
    assert.ok(company && company.ranges.some((r) => textOfRange(text, r) === '宁德时代'));
  });

  it('didChange (incremental) is reflected: a new official appears in the outline', async () => {
    const uri = 'file:///fixtures/edited.md';
    s.open(uri, text);
    await s.analysed(uri, 1);
    // Insert a sentence at the end of the 上海 section's first paragraph.
    const anchor = '调研互联网企业发展。';
    const pos = positionOf(text, anchor, 0, anchor.length);
    const inserted = '上海市委副书记、市长殷勇一同调研。';
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: pos, end: pos }, text: inserted }],
    });
    const changed = await s.analysed(uri, 2);
    assert.equal(changed.version, 2);
    const syms = (await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    const sh = syms.find((x) => x.name === '上海');
    assert.ok(sh?.children?.some((c) => c.name === '殷勇'), JSON.stringify(sh?.children?.map((c) => c.name)));
    s.close(uri);
  });

  it('requests right after a change see the new version (lazy analysis)', async () => {
    const uri = 'file:///fixtures/lazy.md';
    s.open(uri, '北京市委书记尹力来到朝阳区。');
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ text: '2月20日下午，上海市委书记陈吉宁来到小红书调研。' }],
    });
    const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri })) as EntityRangesResult;
    assert.equal(res.version, 2);
    s.close(uri);
  });

  it('documents without Chinese and unknown documents are ignored quietly', async () => {
    const uri = 'file:///fixtures/english.md';
    s.open(uri, '# Hello\n\nJust English prose here.\n');
    const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri })) as EntityRangesResult;
    assert.deepEqual(res.groups, []);
    const none = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri: 'file:///nope.md' })) as EntityRangesResult;
    assert.equal(none.version, null);
    const syms = await s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: 'file:///nope.md' } });
    assert.deepEqual(syms ?? [], []);
    s.close(uri);
  });

  it('a huge document is analysed up to the size limit, says so once, and stays responsive', async () => {
    const uri = 'file:///fixtures/huge.md';
    const huge = text.repeat(Math.ceil(1_200_000 / text.length));
    const before = s.messages.length;
    s.open(uri, huge);
    // While the huge document is analysed (in the worker), other documents still get answers
    // (how fast: bench/editorLatency.ts; the order of answers: stress.test.ts)
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '尹力') });
    assert.ok(h, 'hover on the fixture while a huge document is analysed');
    await s.analysed(uri, 1, 60_000);
    const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri })) as EntityRangesResult;
    assert.ok(res.groups.length > 0);
    const warned = s.messages.slice(before).filter((m) => /newsLens\.maxDocumentSize/.test(m.message));
    assert.equal(warned.length, 1, JSON.stringify(s.messages));
    // a second edit must not repeat the message
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '北京' }],
    });
    await s.analysed(uri, 2, 60_000);
    assert.equal(s.messages.slice(before).filter((m) => /newsLens\.maxDocumentSize/.test(m.message)).length, 1);
    s.close(uri);
    assert.ok(s.alive());
  });

  it('binary (NUL) content is skipped with a message, without crashing', async () => {
    const uri = 'file:///fixtures/binary.md';
    const before = s.messages.length;
    s.open(uri, '北京\u0000\u0001\u0002\uFFFD上海' + '\u0000'.repeat(1000));
    const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri })) as EntityRangesResult;
    assert.deepEqual(res.groups, []);
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(h, null);
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(s.messages.slice(before).some((m) => /binary/i.test(m.message)), JSON.stringify(s.messages));
    s.close(uri);
    assert.ok(s.alive());
  });

  it('closing a document while its analysis is pending does not crash', async () => {
    for (let i = 0; i < 5; i++) {
      const uri = `file:///fixtures/closing-${i}.md`;
      s.open(uri, text);
      await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '广东' }],
      });
      s.close(uri);
      // requests on a closed document answer emptily
      const res = (await s.conn.sendRequest(EntityRangesRequestMethod, { uri })) as EntityRangesResult;
      assert.equal(res.version, null);
    }
    // A long document analysed in the worker, superseded by an edit and then closed mid-analysis.
    const big = 'file:///fixtures/closing-big.md';
    s.open(big, text.repeat(40));
    const pending = s.conn.sendRequest(EntityRangesRequestMethod, { uri: big });
    await s.conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: big, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '上海' }],
    });
    const pending2 = s.conn.sendRequest(EntityRangesRequestMethod, { uri: big });
    s.close(big);
    const [r1, r2] = (await Promise.all([pending, pending2])) as EntityRangesResult[];
    assert.ok(r1.version === null || r1.version === 1);
    assert.ok(r2.version === null || r2.version === 2);
    await new Promise((r) => setTimeout(r, 600)); // past the debounce
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '尹力') });
    assert.ok(h);
    assert.ok(s.alive(), s.stderr());
  });
});

describe('News Lens language server in Chinese (locale zh-cn)', function () {
  this.timeout(60_000);
  it('localises hover labels', async () => {
    const s = await startServer({}, 'zh-cn');
    try {
      s.open(URI, text);
      const v = hoverText(await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '尹力') }));
      assert.match(v, /官员/);
    } finally {
      await s.stop();
    }
  });
});
