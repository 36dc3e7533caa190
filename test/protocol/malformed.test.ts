/**
 * Nothing a client sends may crash the language server (issue 13): every message below is one a
 * careless or hostile LSP client (not VS Code) can send. After each, the server must still be
 * running and answer a normal hover on a normal document; and it must have caught the problem where
 * it came in (at the boundary), not in the last-resort handler.
 */
import * as assert from 'node:assert/strict';
import { HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver/node';
import { fixture, positionOf, startServer, type TestServer } from './lspClient';

const URI = 'file:///fixtures/leaders-visit-firms.md';
const text = fixture('leaders-visit-firms.md');
const big = '北京市委书记尹力来到朝阳区调研。\n'.repeat(400); // past the 5,000-character limit below

/** [what, method, params, kind]: a notification unless kind is 'request'. */
const MALFORMED: [string, string, unknown, ('request' | 'notification')?][] = [
  ['didOpen of an undecodable URI past the size limit', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/%zz-big.md', languageId: 'markdown', version: 1, text: big } }],
  ['didOpen of an undecodable URI with binary text', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/%zz-bin.md', languageId: 'markdown', version: 1, text: '北京\u0000上海' } }],
  ['didOpen with text: null', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/null.md', languageId: 'markdown', version: 1, text: null } }],
  ['didOpen with text of the wrong type', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/num.md', languageId: 'markdown', version: 1, text: 42 } }],
  ['didOpen with an object as text', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/obj.md', languageId: 'markdown', version: 1, text: { a: '北京' } } }],
  ['didOpen with languageId and version of the wrong type', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/lang.md', languageId: null, version: 'one', text: '北京市委书记尹力' } }],
  ['didOpen with a number as URI', 'textDocument/didOpen', { textDocument: { uri: 42, languageId: 'markdown', version: 1, text: '北京市委书记尹力' } }],
  ['didOpen with a null URI', 'textDocument/didOpen', { textDocument: { uri: null, languageId: 'markdown', version: 1, text: '北京市委书记尹力' } }],
  ['didOpen with no textDocument', 'textDocument/didOpen', {}],
  ['didOpen with null params', 'textDocument/didOpen', null],
  ['didOpen of a corrections file with text: null', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/.vscode/news-lens.json', languageId: 'jsonc', version: 1, text: null } }],
  ['didOpen of a corrections file at an undecodable URI', 'textDocument/didOpen', { textDocument: { uri: 'file:///x%zz/.vscode/news-lens.json', languageId: 'jsonc', version: 1, text: '{"corrections":[]}' } }],
  ['didChange of an unknown document', 'textDocument/didChange', { textDocument: { uri: 'file:///nowhere.md', version: 2 }, contentChanges: [{ text: '北京' }] }],
  ['didChange with contentChanges: null', 'textDocument/didChange', { textDocument: { uri: 'file:///x/lang.md', version: 2 }, contentChanges: null }],
  ['didChange with a change whose text is null', 'textDocument/didChange', { textDocument: { uri: 'file:///x/num.md', version: 2 }, contentChanges: [{ text: null }] }],
  ['didChange with a broken range', 'textDocument/didChange', { textDocument: { uri: 'file:///x/num.md', version: 3 }, contentChanges: [{ range: { start: null, end: 5 }, text: '上海' }] }],
  ['didChange with a range far out of the document', 'textDocument/didChange', { textDocument: { uri: 'file:///x/num.md', version: 4 }, contentChanges: [{ range: { start: { line: 1e9, character: -5 }, end: { line: -1, character: 1e9 } }, text: '上海' }] }],
  ['didChange without a version', 'textDocument/didChange', { textDocument: { uri: 'file:///x/num.md' }, contentChanges: [{ text: '广州' }] }],
  ['didChange with null params', 'textDocument/didChange', null],
  ['didClose of an unknown document', 'textDocument/didClose', { textDocument: { uri: 'file:///never-opened.md' } }],
  ['didClose with null params', 'textDocument/didClose', null],
  ['didOpen twice of the same URI', 'textDocument/didOpen', { textDocument: { uri: 'file:///x/%zz-big.md', languageId: 'markdown', version: 1, text: big } }],
  ['hover on an unknown document', 'textDocument/hover', { textDocument: { uri: 'file:///nowhere.md' }, position: { line: 0, character: 0 } }, 'request'],
  ['hover with a null position', 'textDocument/hover', { textDocument: { uri: URI }, position: null }, 'request'],
  ['hover with a position of strings', 'textDocument/hover', { textDocument: { uri: URI }, position: { line: 'a', character: {} } }, 'request'],
  ['hover with null params', 'textDocument/hover', null, 'request'],
  ['documentSymbol with no textDocument', 'textDocument/documentSymbol', {}, 'request'],
  ['references with null params', 'textDocument/references', null, 'request'],
  ['definition on an undecodable URI', 'textDocument/definition', { textDocument: { uri: 'file:///x/%zz-big.md' }, position: { line: 0, character: 7 } }, 'request'],
  ['documentHighlight with a negative position', 'textDocument/documentHighlight', { textDocument: { uri: URI }, position: { line: -3, character: -1 } }, 'request'],
  ['codeAction with no range', 'textDocument/codeAction', { textDocument: { uri: URI }, context: null }, 'request'],
  ['codeAction with null params', 'textDocument/codeAction', null, 'request'],
  ['workspace/symbol with a null query', 'workspace/symbol', { query: null }, 'request'],
  ['workspace/symbol with null params', 'workspace/symbol', null, 'request'],
  ['newsLens/entityRanges with a number as URI', 'newsLens/entityRanges', { uri: 42 }, 'request'],
  ['newsLens/entityRanges with null params', 'newsLens/entityRanges', null, 'request'],
  ['newsLens/analysis with an undecodable URI', 'newsLens/analysis', { uri: 'file:///%zz.md' }, 'request'],
  ['newsLens/analysis with null params', 'newsLens/analysis', null, 'request'],
  ['newsLens/entityInfo with an undecodable URI', 'newsLens/entityInfo', { uri: 'file:///x/%zz-big.md', entityId: 'e1' }, 'request'],
  ['newsLens/workspace/configure with null params', 'newsLens/workspace/configure', null, 'request'],
  ['newsLens/workspace/configure with junk folders', 'newsLens/workspace/configure', { folders: [42, null, 'file:///%zz', 'not a uri', 'file://host/share'], settings: { enabled: 'yes', exclude: 'node_modules', maxFileSize: -1, maxFiles: 'many' } }, 'request'],
  ['newsLens/workspace/index with a string as params', 'newsLens/workspace/index', 'now', 'request'],
  ['newsLens/correctionsFileChanged with an undecodable URI', 'newsLens/correctionsFileChanged', { uri: 'file:///x%zz/.vscode/news-lens.json' }],
  ['newsLens/correctionsFileChanged with null params', 'newsLens/correctionsFileChanged', null],
  ['didChangeWatchedFiles with undecodable URIs', 'workspace/didChangeWatchedFiles', { changes: [{ uri: 'file:///%zz.md', type: 1 }, { uri: 42, type: 3 }, null] }],
  ['didChangeWatchedFiles with changes: null', 'workspace/didChangeWatchedFiles', { changes: null }],
  ['didChangeConfiguration with junk settings', 'workspace/didChangeConfiguration', { settings: { newsLens: { languages: 'markdown', maxDocumentSize: 'big', debounceMs: -5, hover: 7 } } }],
  ['didChangeConfiguration with null settings', 'workspace/didChangeConfiguration', { settings: { newsLens: null } }],
  ['didChangeConfiguration with null params', 'workspace/didChangeConfiguration', null],
  ['an unknown request', 'newsLens/doesNotExist', { uri: URI }, 'request'],
  ['an unknown notification', 'newsLens/neverHeardOf', [1, 2, 3]],
  ['$/cancelRequest for a request that never was', '$/cancelRequest', { id: 'nope' }],
];

function hoverText(h: Hover | null): string {
  assert.ok(h, 'expected a hover');
  return (h.contents as MarkupContent).value;
}

describe('language server: malformed client messages never crash it (issue 13)', function () {
  this.timeout(120_000);
  let s: TestServer;

  async function start(): Promise<void> {
    s = await startServer({ settings: { maxDocumentSize: 5_000 } });
    s.open(URI, text);
    await s.analysed(URI, 1, 60_000);
  }
  before(start);
  // one crash must not hide the next: a dead server is replaced before the next message
  beforeEach(async () => {
    if (!s.alive()) {
      await s.stop();
      await start();
    }
  });

  after(async () => {
    await s?.stop();
  });

  /** The server runs, answers a normal hover on the normal document, and caught what it got where it came in. */
  async function stillAnswers(after: string): Promise<void> {
    // give scheduled work (debounced analyses, timers) the chance to run and fail
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(s.alive(), `server died after: ${after}\n${s.stderr().slice(-2000)}`);
    const h = await s.conn.sendRequest(HoverRequest.type, { textDocument: { uri: URI }, position: positionOf(text, '尹力', 0, 1) });
    assert.match(hoverText(h), /北京市委书记/, `after: ${after}`);
    const escaped = s.logs.filter((m) => /uncaught exception|unhandled rejection/.test(m));
    assert.deepEqual(escaped, [], `not caught at the boundary: ${after}`);
  }

  for (const [what, method, params, kind] of MALFORMED) {
    it(what, async () => {
      if (kind === 'request') {
        // an answer or an error response; either way, no crash
        await s.conn.sendRequest(method, params).catch(() => undefined);
      } else {
        await s.conn.sendNotification(method, params);
      }
      await stillAnswers(what);
    });
  }

  it('all of them at once, then a normal document opened after them is analysed', async () => {
    for (const [, method, params, kind] of MALFORMED) {
      if (kind === 'request') void s.conn.sendRequest(method, params).catch(() => undefined);
      else void s.conn.sendNotification(method, params);
    }
    const uri = 'file:///fixtures/after-the-storm.md';
    s.open(uri, text);
    await s.analysed(uri, 1, 60_000);
    await stillAnswers('all malformed messages at once');
  });
});
