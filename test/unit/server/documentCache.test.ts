import { strict as assert } from 'node:assert';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentAnalysisCache, EDIT_DELAY_MIN_MS, type AnalysisEntry } from '../../../src/server/documentCache';
import { DEFAULT_SETTINGS } from '../../../src/protocol';

/** A cache over in-memory documents, analysing inline. */
function cacheOf(docs: Map<string, TextDocument>, debounceMs = 300) {
  const analysed: AnalysisEntry[] = [];
  const cache = new DocumentAnalysisCache({
    getDocument: (uri) => docs.get(uri),
    settings: () => ({ ...DEFAULT_SETTINGS, debounceMs }),
    analysed: (e) => analysed.push(e),
    guarded: () => undefined,
    log: () => undefined,
  });
  return { cache, analysed };
}

describe('server/documentCache: the wait after an edit', () => {
  it('is the full debounce before a document was analysed, then its analysis time within [minimum, debounce]', async () => {
    const docs = new Map<string, TextDocument>();
    const uri = 'file:///a.md';
    docs.set(uri, TextDocument.create(uri, 'markdown', 1, '北京市委书记尹力来到朝阳区调研。\n'.repeat(50)));
    const { cache } = cacheOf(docs);
    assert.equal(cache.editDelay(uri), 300);
    const entry = (await cache.get(uri))!;
    const want = Math.min(300, Math.max(EDIT_DELAY_MIN_MS, Math.round(entry.elapsedMs)));
    assert.equal(cache.editDelay(uri), want);
    assert.ok(cache.editDelay(uri) >= EDIT_DELAY_MIN_MS && cache.editDelay(uri) <= 300);
  });
  it('a document with nothing to analyse (no Chinese) waits the full debounce, and the setting caps the wait', async () => {
    const docs = new Map<string, TextDocument>();
    docs.set('file:///en.md', TextDocument.create('file:///en.md', 'markdown', 1, 'plain English text'));
    docs.set('file:///zh.md', TextDocument.create('file:///zh.md', 'markdown', 1, '北京市委书记尹力来到朝阳区调研。'));
    const { cache } = cacheOf(docs, 5);
    await cache.get('file:///en.md');
    await cache.get('file:///zh.md');
    assert.equal(cache.editDelay('file:///en.md'), 5);
    assert.ok(cache.editDelay('file:///zh.md') <= 5);
  });
});
