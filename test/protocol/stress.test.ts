/**
 * LSP stress (issue 13): many rapid edits end in exactly what a fresh analysis of the final text
 * gives; a one-megabyte article open beside a small one does not hold up the small one's requests;
 * closing a big document while its analysis or its summary is being made is safe. Orders of
 * answers are checked, never wall-clock times (bench/editorLatency.ts measures those).
 */
import * as assert from 'node:assert/strict';
import {
  DidChangeTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type DocumentSymbol,
  type MarkupContent,
  type Hover,
} from 'vscode-languageserver/node';
import { ArticleSummaryRequestMethod, EntityRangesRequestMethod, fetchSummary, type ArticleSummary, type EntityRangesResult } from '../../src/protocol';
import { bigArticle } from '../../scripts/bigArticle';
import { fixture, offsetToPosition, positionOf, startServer, type TestServer } from './lspClient';

const SMALL = 'file:///stress/small.md';
const small = fixture('leaders-visit-firms.md');

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server under stress (issue 13)', function () {
  this.timeout(180_000);
  let s: TestServer;

  before(async () => {
    s = await startServer();
    s.open(SMALL, small);
    await s.analysed(SMALL, 1, 60_000);
  });
  after(async () => {
    await s?.stop();
  });

  it('300 rapid incremental edits give what a fresh analysis of the final text gives', async () => {
    const uri = 'file:///stress/edited.md';
    const fresh = 'file:///stress/fresh.md';
    let text = small;
    s.open(uri, text);
    const rnd = prng(13);
    const inserts = ['尹力', '北京市委书记', '\n', '\n**上海：**', '宁德时代董事长曾毓群', '。', '，', '、', '😀', '（', '）', 'abc', '市长殷勇'];
    let version = 1;
    for (let i = 0; i < 300; i++) {
      const a = Math.floor(rnd() * (text.length + 1));
      const del = rnd() < 0.4 ? Math.floor(rnd() * 12) : 0;
      let b = Math.min(text.length, a + del);
      // keep surrogate pairs whole, as an editor does
      const lo = a > 0 && /[\ud800-\udbff]/.test(text[a - 1]) ? a - 1 : a;
      if (b < text.length && /[\udc00-\udfff]/.test(text[b])) b++;
      const ins = rnd() < 0.7 ? inserts[Math.floor(rnd() * inserts.length)] : '';
      const range = { start: offsetToPosition(text, lo), end: offsetToPosition(text, b) };
      text = text.slice(0, lo) + ins + text.slice(b);
      version++;
      void s.conn.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ range, text: ins }] });
    }
    s.open(fresh, text);
    await Promise.all([s.analysed(uri, version, 60_000), s.analysed(fresh, 1, 60_000)]);
    const ranges = (u: string) => s.conn.sendRequest(EntityRangesRequestMethod, { uri: u }) as Promise<EntityRangesResult>;
    const [re, rf] = await Promise.all([ranges(uri), ranges(fresh)]);
    assert.equal(re.version, version);
    assert.deepEqual(re.groups, rf.groups);
    const outline = (u: string) => s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: u } }) as Promise<DocumentSymbol[]>;
    assert.deepEqual(await outline(uri), await outline(fresh));
    const summary = async (u: string) => {
      const x = (await s.conn.sendRequest(ArticleSummaryRequestMethod, { uri: u })) as ArticleSummary;
      return { ...x, uri: '', version: 0 };
    };
    assert.deepEqual(await summary(uri), await summary(fresh));
    s.close(uri);
    s.close(fresh);
  });

  it('with a one-megabyte article open, a small article is answered first while the big one is being summarised', async () => {
    const uri = 'file:///stress/big.md';
    const big = bigArticle(1_000_000);
    s.open(uri, big);
    // while the big article is analysed (in the worker), the small one answers
    const during = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: positionOf(small, '尹力') });
    assert.match(hoverText(during), /北京市委书记/);
    await s.analysed(uri, 1, 120_000);
    // the big article's outline and summary (long work, in time slices), and right behind them a hover
    const order: string[] = [];
    const pending = [
      s.conn.sendRequest(ArticleSummaryRequestMethod, { uri }).then((x) => (order.push('big summary'), x as ArticleSummary)),
      s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } }).then((x) => (order.push('big outline'), x)),
      s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: positionOf(small, '殷勇') }).then((x) => (order.push('small hover'), x)),
    ];
    const [summary, , hover] = await Promise.all(pending);
    assert.match(hoverText(hover as Hover), /市长/);
    assert.ok((summary as ArticleSummary).mentions.length > 5000, `${(summary as ArticleSummary).mentions.length} mentions`);
    assert.equal(order[0], 'small hover', `answers came in this order: ${order.join(', ')}`);
    // asked for in pages, as the client does, it is the same summary, in several small responses
    let pages = 0;
    const paged = await fetchSummary((p) => (pages++, s.conn.sendRequest(ArticleSummaryRequestMethod, p) as Promise<ArticleSummary>), uri);
    assert.ok(pages > 2, `${pages} pages`);
    assert.deepEqual(paged, summary);
    s.close(uri);
  });

  it('closing a one-megabyte article while it is analysed, or while its summary is made, is safe', async () => {
    const big = bigArticle(1_000_000);
    const a = 'file:///stress/close-analysing.md';
    s.open(a, big);
    const ranges = s.conn.sendRequest(EntityRangesRequestMethod, { uri: a }) as Promise<EntityRangesResult>;
    s.close(a);
    assert.ok([null, 1].includes((await ranges).version));
    const b = 'file:///stress/close-summarising.md';
    s.open(b, big);
    await s.analysed(b, 1, 120_000);
    const summary = s.conn.sendRequest(ArticleSummaryRequestMethod, { uri: b });
    const outline = s.conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: b } });
    s.close(b);
    await Promise.all([summary, outline]);
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: SMALL }, position: positionOf(small, '尹力') });
    assert.match(hoverText(h), /北京市委书记/);
    assert.ok(s.alive(), s.stderr());
  });
});
