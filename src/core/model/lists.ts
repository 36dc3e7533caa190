/**
 * After the merge: the items of a list of companies are companies. In 广汽集团、宁德时代、大连融科储能、
 * 南京埃斯顿、徐工汉云等 12 家企业 most items were recognised as companies, and the rest — a name the
 * lexicon does not know, read as a place and a word (南京 + 埃斯顿) or as a person (徐工汉云) — are
 * companies of the same list. An item becomes one company span when the list is a run of at least
 * three items separated by 、, at least two of them (and at least half) are exactly company spans,
 * none is exactly another kind of entity but a place, and the item is read as a place and at most
 * one company after it, or as a person of four characters or more by the model; and it is two to
 * twelve letters with no function word (functionWords.ts) and no place name alone.
 */
import type { Span } from '../types';
import { hasFunctionWord } from '../lexicon/functionWords';
import { lookupPlace } from '../lexicon';
import { normalizeForMatching } from '../normalize';

/** Characters that end a list (and its last item): punctuation, 等 and the conjunctions. */
const ITEM_END = new Set(['、', '，', ',', '。', '；', ';', '：', ':', '！', '？', '\n', '（', '(', '）', ')', '“', '”', '"', '《', '》', ' ', '\u3000']);

interface Item {
  start: number;
  end: number;
}

/** Spans sorted and disjoint in, the same out with list items made companies (a new array only when something changed). */
export function companiesInLists<T extends Span>(text: string, spans: T[], make: (start: number, end: number) => T): T[] {
  if (text.indexOf('、') < 0) return spans;
  let norm: string | undefined;
  let out: T[] | undefined;
  // one pass over the 、-runs of the text: items between separators
  let p = text.indexOf('、');
  while (p >= 0) {
    // the run around this 、: back to the start of its first item, then item by item
    let a = p;
    while (a > 0 && !ITEM_END.has(text[a - 1]) && p - a < 14) a--;
    const items: Item[] = [{ start: a, end: p }];
    let q = p;
    while (q < text.length && text[q] === '、') {
      let e = q + 1;
      while (e < text.length && !ITEM_END.has(text[e]) && e - q <= 14) e++;
      items.push({ start: q + 1, end: e });
      q = e;
    }
    // the last item ends at 等 (…徐工汉云等 12 家企业) or a conjunction's item (…和青禾集团)
    const last = items[items.length - 1];
    const deng = text.indexOf('等', last.start);
    if (deng > last.start && deng < last.end) last.end = deng;
    p = text.indexOf('、', q);
    if (items.length < 3) continue;
    const cur = out ?? spans;
    // how the spans cover each item
    let companies = 0;
    let other = false;
    const todo: Item[] = [];
    for (const it of items) {
      const inside = overlapping(cur, it.start, it.end);
      if (inside.length === 1 && inside[0].start === it.start && inside[0].end === it.end) {
        if (inside[0].type === 'company') companies++;
        else if (inside[0].type !== 'place' && inside[0].type !== 'person') other = true;
        // a person only as the model read it, and four characters or more (徐工汉云; names are shorter)
        else if (inside[0].type === 'person' && inside[0].source === 'model' && it.end - it.start >= 4) todo.push(it);
        continue;
      }
      if (inside.some((s) => s.start < it.start || s.end > it.end)) {
        other = true;
        continue;
      }
      // the shape of a company's name read in parts: a place it opens with, then at most one company
      // (南京 + 埃斯顿, 大连 + 融科储能, 中国 + 生物); not two names joined (雀巢和卡特彼勒), not words
      // no entity covers (调研)
      const opensWithPlace = inside.length >= 1 && inside[0].type === 'place' && inside[0].start === it.start;
      const rest = inside.slice(1);
      if (opensWithPlace && rest.length <= 1 && rest.every((x) => x.type === 'company' && x.end === it.end)) todo.push(it);
    }
    if (other || companies < 2 || companies * 2 < items.length || !todo.length) continue;
    norm ??= normalizeForMatching(text);
    let next = cur;
    for (const it of todo) {
      const len = it.end - it.start;
      if (len < 2 || len > 12 || !/^[\u4e00-\u9fffA-Za-z0-9]+$/.test(norm.slice(it.start, it.end))) continue;
      if (hasFunctionWord(norm, it.start, it.end) || lookupPlace(norm.slice(it.start, it.end))) continue;
      const drop = new Set(overlapping(next, it.start, it.end));
      next = next.filter((s) => !drop.has(s));
      next.push(make(it.start, it.end));
      next.sort((x, y) => x.start - y.start);
    }
    if (next !== cur) out = next;
  }
  return out ?? spans;
}

/** The spans (sorted, disjoint: their ends are sorted too) that overlap [a, b), by binary search. */
function overlapping<T extends Span>(spans: T[], a: number, b: number): T[] {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].end <= a) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let k = lo; k < spans.length && spans[k].start < b; k++) out.push(spans[k]);
  return out;
}
