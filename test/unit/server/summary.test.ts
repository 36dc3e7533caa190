/**
 * The article summary (Regions view, export, workspace index) on big articles: per-mention and
 * per-section work is bounded (issue 13, defect 3), with output unchanged.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, regionHierarchy, type Analysis } from '../../../src/core/index';
import { buildSummary, buildSummarySliced, snippetAt } from '../../../src/server/export/summary';
import { documentSymbols, documentSymbolsSliced } from '../../../src/server/documentSymbols';

/** snippetAt as it was: the whole line scanned for every mention (the reference for its output). */
function wholeLineSnippet(text: string, start: number, end: number) {
  const ls = text.lastIndexOf('\n', start - 1) + 1;
  let le = text.indexOf('\n', end);
  if (le < 0) le = text.length;
  const from = Math.max(ls, start - 8);
  const to = Math.min(le, end + 30);
  const clean = (s: string) => s.replace(/[\s\u3000]+/g, ' ');
  let before = clean(text.slice(from, start)).replace(/^\s+/, '');
  const mid = clean(text.slice(start, end));
  let after = clean(text.slice(end, to)).replace(/\s+$/, '');
  if (from > ls) before = '…' + before;
  if (to < le) after = after + '…';
  const at = before.length;
  return { snippet: before + mid + after, snippetStart: at, snippetEnd: at + mid.length };
}

function article(sections: number): string {
  const heads = ['北京', '上海', '广东', '广州', '朝阳区', '重庆', '浙江', '杭州'];
  let t = '';
  for (let i = 0; i < sections; i++) t += `**${heads[i % heads.length]}：**北京市委书记尹力来到朝阳区，会见宁德时代董事长曾毓群。\n`;
  return t;
}

describe('article summary: bounded work on big articles', function () {
  this.timeout(60_000);

  it('snippetAt reads a window around the mention, with the same snippet as a whole-line scan', () => {
    const unit = fc.constantFrom('北', '京', '\n', ' ', '\u3000', '\t', '尹', '力', 'a', '。', '\r');
    fc.assert(
      fc.property(fc.array(unit, { minLength: 1, maxLength: 120 }), fc.nat(), fc.nat(), (chars, a, b) => {
        const text = chars.join('');
        const start = a % text.length;
        const end = start + 1 + (b % Math.min(6, text.length - start));
        assert.deepEqual(snippetAt(text, start, end), wholeLineSnippet(text, start, end));
      }),
      { numRuns: 3000, seed: 13 },
    );
    // at the window's edges: a line break just inside, just outside, none at all
    const line = '一二三四五六七八九十'.repeat(10);
    for (const text of [line, line + '\n' + line, '\n'.repeat(3) + line, line.slice(0, 41) + '\n' + line]) {
      for (let s = 0; s + 2 <= text.length; s += 3) assert.deepEqual(snippetAt(text, s, s + 2), wholeLineSnippet(text, s, s + 2), `${s}`);
    }
  });

  it('sections nest without trying every pair: region lookups grow linearly with the sections', () => {
    const lookups = (sections: number): number => {
      const text = article(sections);
      const a = analyze(text, { useModel: false });
      assert.ok(a.regions.length >= sections * 0.9, `${a.regions.length} regions`);
      const real = regionHierarchy.lookup;
      let n = 0;
      regionHierarchy.lookup = (name: string) => (n++, real(name));
      try {
        buildSummary(TextDocument.create('file:///a.md', 'markdown', 1, text), a);
      } finally {
        regionHierarchy.lookup = real;
      }
      return n / sections;
    };
    const few = lookups(40);
    const many = lookups(800);
    // (every pair of sections: 20x as many sections, ~20x the lookups per section)
    assert.ok(many <= few * 1.5, `lookups per section: ${few.toFixed(1)} with 40 sections, ${many.toFixed(1)} with 800`);
  });

  it('two names of one region as sections: nested one way, never a cycle', () => {
    const text = '## 北京\n尹力来到朝阳区。\n## 北京市\n尹力会见客人。\n';
    const a: Analysis = {
      ...analyze(text, { useModel: false }),
      regions: [
        { id: 'region:北京', name: '北京', level: 'province', start: 0, end: 13, headingStart: 0, headingEnd: 5, entityIds: [] },
        { id: 'region:北京市', name: '北京市', level: 'province', start: 13, end: text.length, headingStart: 13, headingEnd: 19, entityIds: [] },
      ],
    };
    const s = buildSummary(TextDocument.create('file:///a.md', 'markdown', 1, text), a);
    const sections = s.regions.filter((r) => r.section);
    assert.equal(sections.length, 2);
    // no section is its own ancestor, and the two nest one way at most
    const byId = new Map(s.regions.map((r) => [r.id, r]));
    for (const r of s.regions) {
      const seen = new Set<string>();
      for (let p = r.parentId; p; p = byId.get(p)?.parentId) {
        assert.ok(!seen.has(p) && p !== r.id, `cycle through ${p}`);
        seen.add(p);
      }
    }
    assert.ok(!(sections[0].parentId === sections[1].id && sections[1].parentId === sections[0].id));
  });

  it('in time slices, the summary and the outline are what they are at once', async () => {
    const text = article(300);
    const a = analyze(text);
    const doc = TextDocument.create('file:///a.md', 'markdown', 1, text);
    assert.deepEqual(await buildSummarySliced(doc, a), buildSummary(doc, a));
    assert.deepEqual(await documentSymbolsSliced(doc, a), documentSymbols(doc, a));
  });
});
