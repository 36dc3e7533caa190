/**
 * Step 3b of analyze(): in a profile, the current posts written at the end of the sentence are the
 * subject's. Profiles, appointment notices (任前公示) and leadership pages open a paragraph with the
 * bare name and give the posts later:
 *
 *   陈立平，男，1964年生，……曾在环境保护部工作，现任上海市委书记。
 *   尹力1962年生于山东临邑，……现在是中央政治局委员,北京市委书记。
 *
 * A title chain there has no name of its own, so the rules leave it unattached and the person has
 * no post. Here the person that opens a line takes the chains that follow a marker of the present
 * (现任, 现为, 现在是, 目前担任 …) in its first sentence, joined as written; former posts (曾任,
 * 之前担任, 2021年任) are left alone.
 */
import { recognizeRich, type RichSpan, type TitleChain } from '../recognize';

/** Markers of the current post, longest first. */
const NOW = ['现在是', '现担任', '目前担任', '目前是', '现任', '现为', '现是'];
/** What may join two chains of one list of posts (中央政治局委员,北京市委书记; …书记兼任…主席). */
const JOIN = /^(?:[,，、;；]|和|及|兼任?|并任)$/;
/** Characters that may come before the name at the start of a line (spaces, bullets, numbering). */
const LEAD = /^[\s\u3000●•·\-*>#\d.、()（）一二三四五六七八九十]*$/;
/** Ends of a sentence. */
const SENTENCE_END = /[。！？!?\n]/;

/** `normalized` is normalizeForMatching(text); spans are the recognised spans, sorted. */
export function profileChains(text: string, normalized: string, spans: RichSpan[]): RichSpan[] {
  let out: RichSpan[] | undefined;
  for (let k = 0; k < spans.length; k++) {
    const p = spans[k];
    if (p.type !== 'person' || p.chain) continue;
    // the person opens its line (a line break at most 12 characters before it, or the text's start)
    let lineStart = -1;
    for (let j = p.start - 1; j >= 0 && j >= p.start - 13; j--) {
      if (normalized.charCodeAt(j) === 10) {
        lineStart = j + 1;
        break;
      }
    }
    if (lineStart < 0 && p.start <= 12) lineStart = 0;
    if (lineStart < 0 || !LEAD.test(normalized.slice(lineStart, p.start))) continue;
    if (k > 0 && spans[k - 1].end > lineStart) continue;
    // its first sentence, and the marker of the present in it
    let end = p.end;
    while (end < normalized.length && !SENTENCE_END.test(normalized[end])) end++;
    // (searched within the sentence only: a long text of name-led lines stays linear)
    const sentence = normalized.slice(p.end, end);
    let at = -1;
    for (const w of NOW) {
      const i = sentence.indexOf(w);
      if (i >= 0 && (at < 0 || p.end + i < at)) at = p.end + i + w.length;
    }
    if (at < 0) continue;
    // the chains after it, joined as written; none may be followed by a name (现任市长张三 is 张三's)
    const chains: TitleChain[] = [];
    let cursor = at;
    let q = k + 1;
    while (q < spans.length && spans[q].end <= at) q++;
    for (; q < spans.length && spans[q].start < end; q++) {
      const sp = spans[q];
      if (sp.type === 'person') break;
      // (a title the merge split from its body, 中央政治局 + 委员: read from the body's start)
      const body = spans[q - 1];
      const from = sp.type === 'title' && !sp.chain && body && body.type === 'government' && body.end === sp.start && body.start >= at ? body.start : sp.start;
      const c = sp.type === 'title' ? chainOf(text, sp, from) : undefined;
      if (!c) continue;
      if (chains.includes(c)) continue;
      const gap = normalized.slice(cursor, c.start).trim();
      if (chains.length === 0 ? gap !== '' : !JOIN.test(gap)) break;
      chains.push(c);
      cursor = c.end;
    }
    if (!chains.length) continue;
    const after = spans[q];
    if (after && after.type === 'person' && after.start <= cursor + 1) continue;
    const chain = joined(text, chains);
    out ??= spans.slice();
    out[k] = { ...p, chain, role: chain.role ?? 'official' };
  }
  return out ?? spans;
}

/** Chains written one after another, as one: the text from the first to the last, every unit. */
function joined(text: string, chains: TitleChain[]): TitleChain {
  if (chains.length === 1) return chains[0];
  const first = chains[0];
  const last = chains[chains.length - 1];
  const roles = chains.map((c) => c.role);
  // posts held concurrently (…市委书记兼任广东省政协主席) come after the main one
  const main: TitleChain[] = [];
  for (let k = 0; k < chains.length && (k === 0 || !/兼/.test(text.slice(chains[k - 1].end, chains[k].start))); k++) main.push(chains[k]);
  // the region of the last post that writes one, before any held concurrently (中央委员,广东省委副书记,
  // 深圳市委书记 → 深圳: a list of posts ends with the local one), the first company's post
  const withOrg = chains.find((c) => c.orgType === 'company') ?? chains.find((c) => c.organization);
  return {
    inText: text.slice(first.start, last.end),
    start: first.start,
    end: last.end,
    units: chains.flatMap((c) => c.units),
    region: main.reverse().find((c) => c.region)?.region,
    organization: withOrg?.organization,
    orgStart: withOrg?.orgStart,
    orgEnd: withOrg?.orgEnd,
    orgType: withOrg?.orgType,
    role: roles.includes('official') ? 'official' : roles[0],
  };
}

/**
 * The chain a title span ends: its own, or for a title the model read whole (深圳市委书记 at the end
 * of a sentence, where no name follows for the rules' chain to hold), the rules' reading of the text
 * from `from` (the span's start, or its body's) to its end.
 */
function chainOf(text: string, sp: RichSpan, from: number): TitleChain | undefined {
  if (sp.chain) return sp.end === sp.chain.end ? sp.chain : undefined;
  const own = text.slice(from, sp.end);
  const titles = recognizeRich(own).filter((x) => x.type === 'title' && x.chain);
  const c = titles[titles.length - 1]?.chain;
  if (!c || c.start !== 0 || c.end !== own.length) return undefined;
  const d = from; // the rules read `own` from 0
  return {
    ...c,
    start: c.start + d,
    end: c.end + d,
    units: c.units.map((u) => ({ ...u, start: u.start + d, end: u.end + d })),
    orgStart: c.orgStart === undefined ? undefined : c.orgStart + d,
    orgEnd: c.orgEnd === undefined ? undefined : c.orgEnd + d,
  };
}
