/**
 * Step 2 of analyze(): the article's sentences (mentions carry their sentence index; relations are
 * found per sentence), and the binary search that finds the sentence or section at an offset.
 */
import type { Sentence } from '../types';

/** Code units String.prototype.trim removes (WhiteSpace and LineTerminator). */
const TRIM_WS = (() => {
  const t = new Uint8Array(65536);
  for (const c of [0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff]) t[c] = 1;
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 1;
  return t;
})();
/** Same as text.slice(a, b).trim() !== '' without the copy. */
function hasContent(text: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (TRIM_WS[text.charCodeAt(i)] === 0) return true;
  return false;
}
const CLOSERS = (() => {
  const t = new Uint8Array(65536);
  for (const ch of '”’」』）)*') t[ch.charCodeAt(0)] = 1;
  return t;
})();

/** Sentences: cut after 。！？!?； (with closing quotes) and at line ends; blank ones left out. */
export function splitSentences(text: string): Sentence[] {
  const out: Sentence[] = [];
  let start = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    let cut = -1;
    if (c === 0x0a) cut = i;
    // 。 ！ ？ ! ? ；
    else if (c === 0x3002 || c === 0xff01 || c === 0xff1f || c === 0x21 || c === 0x3f || c === 0xff1b) {
      cut = i + 1;
      // closing quotes belong to the sentence
      while (cut < n && CLOSERS[text.charCodeAt(cut)] === 1) cut++;
      i = cut - 1;
    }
    if (cut >= 0) {
      if (hasContent(text, start, cut)) out.push({ start, end: cut });
      start = c === 0x0a ? i + 1 : cut;
    }
  }
  if (start < n && hasContent(text, start, n)) out.push({ start, end: n });
  return out;
}

/** Index of the item (sorted, disjoint) holding `offset`, or of the last one before it. */
export function indexAt(items: { start: number; end: number }[], offset: number): number {
  let lo = 0;
  let hi = items.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const it = items[mid];
    if (offset < it.start) hi = mid - 1;
    else if (offset >= it.end) lo = mid + 1;
    else return mid;
  }
  return Math.max(0, Math.min(items.length - 1, lo - 1));
}
