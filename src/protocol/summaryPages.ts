/**
 * The article summary (`newsLens/analysis`) in pages. For a one-megabyte article the whole summary
 * is several megabytes of JSON, and encoding it held the server's main thread for 100 ms or more,
 * during which no hover in any other document was answered. Asked for in pages of
 * SUMMARY_PAGE_ITEMS items, each response encodes in a few milliseconds and other requests are
 * answered between them. A short article is one page.
 *
 * The pages cut one sequence: the summary's regions, then its entities, relations and mentions.
 */
import type { ArticleSummary, ArticleSummaryParams } from './index';

export const SUMMARY_PAGE_ITEMS = 1000;

const LISTS = ['regions', 'entities', 'relations', 'mentions'] as const;

/** The server's side: the page of `whole` that starts at item `from`; the whole summary when `from` is absent. */
export function summaryPage(whole: ArticleSummary, from: number | undefined): ArticleSummary {
  if (typeof from !== 'number' || !Number.isFinite(from)) return whole;
  const start = Math.max(0, Math.floor(from));
  const end = start + SUMMARY_PAGE_ITEMS;
  const page: ArticleSummary = start === 0 ? { ...whole } : { uri: whole.uri, version: whole.version, entities: [], mentions: [], regions: [], relations: [] };
  let at = 0; // where the list starts in the sequence
  for (const k of LISTS) {
    const list = whole[k] as unknown[];
    (page[k] as unknown[]) = list.slice(Math.max(0, start - at), Math.max(0, end - at));
    at += list.length;
  }
  if (end < at) page.next = end;
  return page;
}

/** How many times a summary is asked for again from its first page when the document changed between pages. */
const ATTEMPTS = 3;

/**
 * The client's side: every page of a document's summary, put together. When a later page is of
 * another version (the document was edited meanwhile), it starts again from the first page; after
 * ATTEMPTS such starts it gives up (undefined), as when the server is not running.
 */
export async function fetchSummary(
  send: (p: ArticleSummaryParams) => PromiseLike<ArticleSummary | null | undefined>,
  uri: string,
): Promise<ArticleSummary | undefined> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const first = await send({ uri, from: 0 });
    if (!first) return undefined;
    const whole: ArticleSummary = { ...first };
    for (const k of LISTS) (whole[k] as unknown[]) = [...first[k]];
    let got = LISTS.reduce((n, k) => n + first[k].length, 0);
    let next = first.next;
    let same = true;
    // pages are contiguous: a next index other than the count so far ends the loop, never repeats it
    while (typeof next === 'number' && next === got) {
      const page = await send({ uri, from: next });
      if (!page || page.version !== first.version) {
        same = false;
        break;
      }
      for (const k of LISTS) {
        (whole[k] as unknown[]).push(...page[k]);
        got += page[k].length;
      }
      next = page.next;
    }
    if (same) {
      delete whole.next;
      return whole;
    }
  }
  return undefined;
}
