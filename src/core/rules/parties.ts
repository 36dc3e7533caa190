/**
 * Stage: political parties and their congresses (中国共产党, 致公党中央, 民革, 中共十五大,
 * 第十五次全国代表大会) as government bodies. Short forms (民进, 民建) are also pieces of ordinary
 * words (居民进入, 人民建设), so they need a boundary or a strong word after them. The party names
 * are in lexicon/words.ts (PARTY_FULL, PARTY_SHORT).
 */
import { PARTY_FULL, PARTY_SHORT } from '../lexicon/words';
import { Trie } from '../trie';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { add, free, setOrg } = contextModule;
const { candidates } = scanModule;

const PARTY_TRIE = new Trie<number>();
for (const w of PARTY_FULL) PARTY_TRIE.set(w, 1);
for (const w of PARTY_SHORT) PARTY_TRIE.set(w, 2);
const CN_NUM = codeSet('一二三四五六七八九十');
const PARTY_LEFT_OK = codeSet('、和与及同是的在由向对了从自为以将等并即或');
/** After 十N大: what would make it "the fifteen big …" rather than a congress. */
const CONGRESS_NOT_BEFORE = codeSet('城学楼厦型批类项品件国企行家师赛奖洲湖桥块门队');

/** 第十五次全国代表大会 / 十五大 / 十大 at p: returns its end. */
function congressAt(s: string, p: number, afterParty: boolean): number {
  const n = s.length;
  if (s.charCodeAt(p) === 0x7b2c) {
    // 第
    let q = p + 1;
    while (q < n && q - p <= 3 && CN_NUM[s.charCodeAt(q)] === 1) q++;
    if (q > p + 1 && s.startsWith('次全国代表大会', q)) return q + 7;
    return -1;
  }
  let q = p;
  while (q < n && q - p < 3 && CN_NUM[s.charCodeAt(q)] === 1) q++;
  if (q === p || s.charCodeAt(q) !== 0x5927 /* 大 */) return -1;
  const digits = q - p;
  // bare: only 十一大 … 十九大 (十大 and 三大 alone are "the ten/three big …")
  if (!afterParty && !(digits === 2 && s[p] === '十')) return -1;
  if (q + 1 < n && (CONGRESS_NOT_BEFORE[s.charCodeAt(q + 1)] === 1 || s[q + 1] === '会')) return -1;
  return q + 1;
}

export function stageParties(ctx: Ctx): void {
  const { s, n, taken } = ctx;
  // positions whose code unit may start a party or a congress, visited in order; a jump past an
  // added span skips the entries before its end, as the loop over every position did
  const list = candidates(ctx).party;
  let nextI = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (i < nextI || taken[i]) continue;
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    const leftOk = i === 0 || !isHan(prev) || taken[i - 1] === 1 || PARTY_LEFT_OK[prev] === 1;
    const hit = PARTY_TRIE.longest(s, i);
    if (!hit) {
      // a congress without the party: 第十五次全国代表大会, (特别是)十四大
      if (!leftOk && s[i] !== '第') continue;
      const e = congressAt(s, i, false);
      if (e > 0 && free(ctx, i, e)) {
        add(ctx, { type: 'government', start: i, end: e, priority: 80, source: 'rule' });
        nextI = e;
      }
      continue;
    }
    let [b, kind] = hit;
    const word = s.slice(i, b);
    if ((word === '民主党' && s[b] === '派') || s[b] === '员' || s[b] === '委') continue; // 民主党派 (the class), 共产党员, 党委
    if (kind === 2) {
      // 中央, 成立 or a congress after it identify the party whatever precedes (纪念民革成立, 致民革九大)
      const strongRight = s.startsWith('中央', b) || s.startsWith('成立', b) || congressAt(s, b, true) > 0;
      if (!strongRight) {
        if (!leftOk) continue;
        // after punctuation or at the start the short form is the party (，民革积极参政议政); after a function word a right boundary too
        const strongLeft = i === 0 || !isHan(prev) || taken[i - 1] === 1;
        if (!strongLeft && b < n && isHan(s.charCodeAt(b)) && !taken[b] && !/[、和与及的中第十在是等主副党同向对为召提领也]/.test(s[b])) continue;
      }
    }
    // 中共中央 is the government body of the lexicon; 中国共产党中央委员会, 致公党中央 extend the party
    if (word === '中共' && s.startsWith('中央', b)) continue;
    // a region's committee written with the party's name is one body (中共黄石市委, 中共山西省委)
    if (word === '中共' && ctx.lx.places.first[s.charCodeAt(b)] !== 0) {
      const pl = ctx.lx.places.longest(s, b);
      // (委 after a level: 黄石市 + 委; 党委 after a region written whole: 广西壮族自治区 + 党委)
      const tail = pl ? /^(?:党委|委)/.exec(s.slice(pl[0], pl[0] + 2)) : null;
      const levelled = !!tail && (tail[0] === '党委' || '省市县区州'.includes(s[pl![0] - 1]));
      if (pl && tail && levelled && free(ctx, i, pl[0] + tail[0].length)) {
        const sp = add(ctx, { type: 'government', start: i, end: pl[0] + tail[0].length, priority: 80, source: 'rule' });
        if (sp) {
          setOrg(ctx, i, sp);
          nextI = sp.end;
          continue;
        }
      }
    }
    let end = b;
    if (s.startsWith('中央', b)) end = s.startsWith('委员会', b + 2) ? b + 5 : b + 2;
    else {
      const e = congressAt(s, b, true);
      if (e > 0) end = e;
    }
    if (!free(ctx, i, end)) continue;
    const sp = add(ctx, { type: 'government', start: i, end, priority: 80, source: 'rule' });
    if (sp) setOrg(ctx, i, sp);
    nextI = end;
  }
}
