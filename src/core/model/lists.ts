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
import { codeSet } from '../rules/charClasses';

/** Characters that end a list (and its last item): punctuation, 等 and the conjunctions. */
const ITEM_END = new Set(['、', '，', ',', '。', '；', ';', '：', ':', '！', '？', '\n', '（', '(', '）', ')', '“', '”', '"', '《', '》', ' ', '\u3000']);
/** ITEM_END as a table over code units (listRun tests every character of a list). */
const ITEM_END_CODE = codeSet([...ITEM_END].join(''));

interface Item {
  start: number;
  end: number;
}

/**
 * The 、-run around the 、 at `p`: back to the start of its first item, then item by item, each item
 * ending at one of `ends` or after `maxItem` code units, the last one at 等 (…徐工汉云等 12 家企业,
 * …霍英东集团董事霍震寰等); `end` is where the run stops.
 */
function listRun(text: string, p: number, ends: Uint8Array, maxItem: number): { items: Item[]; end: number } {
  let a = p;
  while (a > 0 && ends[text.charCodeAt(a - 1)] === 0 && p - a < maxItem) a--;
  const items: Item[] = [{ start: a, end: p }];
  let q = p;
  while (q < text.length && text[q] === '、') {
    let e = q + 1;
    while (e < text.length && ends[text.charCodeAt(e)] === 0 && e - q <= maxItem) e++;
    items.push({ start: q + 1, end: e });
    q = e;
  }
  const last = items[items.length - 1];
  const deng = text.indexOf('等', last.start);
  if (deng > last.start && deng < last.end) last.end = deng;
  return { items, end: q };
}

/** Spans sorted and disjoint in, the same out with list items made companies (a new array only when something changed). */
export function companiesInLists<T extends Span>(text: string, spans: T[], make: (start: number, end: number) => T): T[] {
  if (text.indexOf('、') < 0) return spans;
  let norm: string | undefined;
  let out: T[] | undefined;
  // one pass over the 、-runs of the text: items between separators
  for (let p = text.indexOf('、'); p >= 0; ) {
    const { items, end } = listRun(text, p, ITEM_END_CODE, 14);
    p = text.indexOf('、', end);
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

/**
 * Before the merge's last loop: the heads of a list of firms' people. In 新鸿基地产主席郭炳联、电讯盈科主席
 * 李泽楷、恒基兆业主席李家杰、信和集团副主席黄永光、霍英东集团董事霍震寰 each item is a firm, a business
 * post and its holder; where two or more items open with a company span, an item that opens with words
 * no span reads as a firm (a place, a name cut short, nothing, or a post run into it: 恒基兆业 + 业主席)
 * is a firm too: its words become one company and its post one title, which the loop then makes that
 * person's chain. Not a body (贸发局主席, 中华总商会会长: a body's name or suffix, or a span of a
 * body), not words with a function word, not a place's name alone; two to eight letters.
 */
export function companyHeadsInLists<T extends Span>(text: string, spans: T[], make: (type: 'company' | 'title', start: number, end: number) => T): T[] {
  if (text.indexOf('、') < 0) return spans;
  let norm: string | undefined;
  let out: T[] | undefined;
  for (let p = text.indexOf('、'); p >= 0; ) {
    const { items, end } = listRun(text, p, HEAD_ITEM_END_CODE, 24);
    p = text.indexOf('、', end);
    if (items.length < 3) continue;
    const cur = out ?? spans;
    norm ??= normalizeForMatching(text);
    // each item: its firm's words [start, post), its post [post, person), and its person
    const heads: { it: Item; post: number; person: Span; firm?: Span }[] = [];
    for (const it of items) {
      const inside = overlapping(cur, it.start, it.end);
      const person = inside.length ? inside[inside.length - 1] : undefined;
      if (!person || person.type !== 'person' || person.end !== it.end || person.start - it.start < 4) continue;
      BUSINESS_POST.lastIndex = 0;
      const m = BUSINESS_POST.exec(norm.slice(it.start, person.start));
      if (!m || m.index < 2) continue;
      const post = it.start + m.index;
      // (the list's own opening words before its first item: 就有, 包括)
      if (it === items[0]) {
        const intro = LIST_INTRO.exec(norm.slice(it.start, post));
        if (intro && post - it.start - intro[0].length >= 2) it.start += intro[0].length;
      }
      const firm = inside.find((s) => s.start === it.start && s.end === post);
      heads.push({ it, post, person, firm });
    }
    if (heads.filter((h) => h.firm?.type === 'company').length < 2) continue;
    let next = cur;
    for (const h of heads) {
      if (h.firm && h.firm.type !== 'place' && h.firm.type !== 'person') continue; // a company already, or a body
      const words = norm.slice(h.it.start, h.post);
      if (words.length > 8 || !/^[\u4e00-\u9fffA-Za-z0-9]+$/.test(words) || BODY_NAME.test(words)) continue;
      if (hasFunctionWord(norm, h.it.start, h.post) || lookupPlace(words)) continue;
      const drop = new Set(overlapping(next, h.it.start, h.person.start));
      // (nothing read as a body or an organization among them: those name no firm)
      if ([...drop].some((s) => s.type === 'government' || s.type === 'organization')) continue;
      next = next.filter((s) => !drop.has(s));
      next.push(make('company', h.it.start, h.post), make('title', h.post, h.person.start));
      next.sort((x, y) => x.start - y.start);
    }
    if (next !== cur) out = next;
  }
  return out ?? spans;
}
/** Words that open a list of people, before its first item (就有, 包括, 其中有, 分别是). */
const LIST_INTRO = /^(?:就有|还有|包括|其中有|其中包括|分别是|分别为|有|如)/;
/** What ends an item of a list of people: punctuation and the list's end. */
const HEAD_ITEM_END = new Set(['、', '，', ',', '。', '；', ';', '：', ':', '！', '？', '\n', '（', '(', '）', ')', '“', '”', '"', ' ', '\u3000']);
const HEAD_ITEM_END_CODE = codeSet([...HEAD_ITEM_END].join(''));
/** A company's post opening an item's post (副主席, 行政总裁, 主席兼常务董事, 董事). */
const BUSINESS_POST = /(?:副|常务|执行|联席|非执行)?(?:主席|行政总裁|董事长|总裁|首席执行官|董事总经理|总经理|执行董事|常务董事|董事|CEO)/g;
/** Words that name a body or a firm's unit, not a firm: their suffix (贸发局, 山东大区, 信息化管理部). */
const BODY_NAME = /(?:会|局|委|署|办|政协|人大|政府|协会|商会|联合会|基金会|大学|学院|医院|研究院|研究所|区|部|中心|办公室|处|室)$/;
