import * as assert from 'node:assert/strict';
import { fetchSummary, SUMMARY_PAGE_ITEMS, summaryPage, type ArticleSummary, type ArticleSummaryParams } from '../../../src/protocol';

const P = SUMMARY_PAGE_ITEMS;

/** A summary with so many regions, entities, relations and mentions. */
function summaryOf(regions: number, entities: number, relations: number, mentions: number, version = 1): ArticleSummary {
  const range = (i: number) => ({ start: { line: i, character: 0 }, end: { line: i, character: 2 } });
  return {
    uri: 'file:///a.md',
    version,
    title: '标题',
    regions: Array.from({ length: regions }, (_, i) => ({ id: `r${i}`, name: '北京', level: 'province' as const, section: true })),
    entities: Array.from({ length: entities }, (_, i) => ({ id: `place:${i}`, type: 'place' as const, kind: 'place' as const, name: '北京', aliases: [], titles: [], mentionCount: 1 })),
    relations: Array.from({ length: relations }, (_, i) => ({ kind: 'met' as const, from: `person:${i}`, to: 'company:x' })),
    mentions: Array.from({ length: mentions }, (_, i) => ({ entityId: `place:${i}`, range: range(i), snippet: '北京', snippetStart: 0, snippetEnd: 2 })),
  };
}
const items = (s: ArticleSummary) => s.regions.length + s.entities.length + s.relations.length + s.mentions.length;

describe('summary pages (protocol/summaryPages)', () => {
  it('without `from`, the whole summary', () => {
    const whole = summaryOf(3, 5, 1, P * 2);
    assert.equal(summaryPage(whole, undefined), whole);
  });

  it('pages cut regions, entities, relations and mentions as one sequence, at most a page of items each', () => {
    const whole = summaryOf(P - 10, 15, 3, P * 2);
    const first = summaryPage(whole, 0);
    assert.deepEqual([first.regions.length, first.entities.length, first.relations.length, first.mentions.length], [P - 10, 10, 0, 0]);
    assert.equal(first.next, P);
    assert.equal(first.title, '标题');
    const second = summaryPage(whole, P);
    assert.deepEqual([second.regions.length, second.entities.length, second.relations.length, second.mentions.length], [0, 5, 3, P - 8]);
    assert.equal(second.title, undefined, 'the article fields travel with the first page');
    assert.equal(second.version, 1);
    const last = summaryPage(whole, 3 * P);
    assert.equal(items(last), items(whole) - 3 * P);
    assert.equal(last.next, undefined);
  });

  it('fetchSummary puts the pages together into the whole summary', async () => {
    for (const [r, e, rel, m] of [[0, 0, 0, 0], [1, 1, 0, 1], [0, 0, 0, P], [2, P, 0, 1], [P + 1, 7, P, 3 * P + 7]]) {
      const whole = summaryOf(r, e, rel, m, 4);
      const asked: (number | undefined)[] = [];
      const got = await fetchSummary(async (p: ArticleSummaryParams) => (asked.push(p.from), summaryPage(whole, p.from)), whole.uri);
      assert.deepEqual(got, whole, `${[r, e, rel, m]}`);
      assert.equal(asked.length, Math.max(1, Math.ceil(items(whole) / P)));
    }
  });

  it('starts again when the document changed between pages, and gives up when it keeps changing', async () => {
    let version = 1;
    let calls = 0;
    // the version moves after the second request only
    const got = await fetchSummary(async (p) => {
      calls++;
      if (calls === 2) version = 2;
      return summaryPage(summaryOf(1, 1, 0, P + 3, version), p.from);
    }, 'file:///a.md');
    assert.equal(got?.version, 2);
    assert.equal(got?.mentions.length, P + 3);
    let v = 0;
    const never = await fetchSummary(async (p) => summaryPage(summaryOf(1, 1, 0, P + 3, ++v), p.from), 'file:///a.md');
    assert.equal(never, undefined);
  });

  it('no server: undefined; a page that does not follow on ends the loop', async () => {
    assert.equal(await fetchSummary(async () => null, 'file:///a.md'), undefined);
    let calls = 0;
    const odd = await fetchSummary(async () => (calls++, { ...summaryOf(0, 0, 0, 3), next: 1 }), 'file:///a.md');
    assert.equal(calls, 1);
    assert.equal(odd?.mentions.length, 3);
  });
});
