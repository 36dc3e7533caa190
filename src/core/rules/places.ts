/**
 * Stage: places from the lexicon (GB/T 2260 divisions, countries, foreign cities, landmarks: 朝阳区,
 * 洛杉矶市, 波兰共和国), 首都 as 北京, and one-character province and city short forms in safe
 * contexts (在京发展, 来粤访问, 粤港合作). Late in the pipeline: a place name inside a company, body
 * or title (北京市委, 华润集团) belongs to that span.
 */
import { CITY_ABBR, FOREIGN_STATES, PROVINCE_ABBR, PROVINCE_ABBR_UNSAFE } from '../lexicon/words';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';
import * as scanTablesModule from './scanTables';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet } = charClassesModule;
const { add, free } = contextModule;
const { candidates } = scanModule;
const { ABBR_SAFE } = scanTablesModule;

const ABBR_LEFT = '在来赴驻返回抵离访进出入留至到落扎莅临';
const ABBR_RIGHT = '投发工生学考访举召开设参落集期务就创居经办视出求上任企商考建兴前后以';
const ABBR_LEFT_SET = codeSet(ABBR_LEFT);
/** City short forms may also be followed by 与/和/、 (在汉与华润集团座谈, 来穗、来深). */
const CITY_ABBR_RIGHT = codeSet('与和、');
const ABBR_RIGHT_SET = codeSet(ABBR_RIGHT);
/** After a pair of short forms: 合作, 两地, 交流, 经贸, 关系, 之间, 联手. */
const ABBR_PAIR_NEXT = codeSet('合两交经关之联携');

const FOREIGN_STATE_SET = new Set(FOREIGN_STATES);

export function stagePlaces(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  const taken = ctx.taken;
  const list = candidates(ctx).place;
  let nextI = 0;
  for (let k = 0; k < list.length; k++) {
    const i = list[k];
    if (i < nextI || taken[i]) continue;
    const c = s.charCodeAt(i);
    const hit = lx.places.longest(s, i);
    if (hit) {
      let [end, info] = hit;
      // the administrative suffix belongs to a foreign name: 洛杉矶市, 加利福尼亚州 (not 市长, 市民, 州立)
      const suf = s.charCodeAt(end);
      if (
        ((suf === 0x5e02 /* 市 */ && info.level === 'foreign-city' && !'长民场委政府区内'.includes(s[end + 1] ?? '')) ||
          (suf === 0x5dde /* 州 */ && FOREIGN_STATE_SET.has(info.name) && !info.name.endsWith('州') && s[end + 1] !== '立')) &&
        free(ctx, i, end + 1)
      ) end++;
      // a country's formal name: 波兰共和国, 南斯拉夫联盟共和国, 德国联邦共和国
      else if (info.level === 'country' && (suf === 0x5171 /* 共 */ || suf === 0x8054 /* 联 */ || suf === 0x6c11 /* 民 */ || suf === 0x4eba /* 人 */)) {
        const rep = /^(?:联盟|联邦|民主|人民)?共和国/.exec(s.slice(end, end + 7));
        if (rep && free(ctx, i, end + rep[0].length)) end += rep[0].length;
      }
      if (free(ctx, i, end)) {
        // a bare two-character city name glued into a longer word is risky only for short forms
        add(ctx, { type: 'place', start: i, end, priority: 50, source: 'lexicon', place: info });
        nextI = end;
        continue;
      }
    }
    // 首都 → 北京
    if (c === 0x9996 && s.charCodeAt(i + 1) === 0x90fd && free(ctx, i, i + 2)) {
      add(ctx, { type: 'place', start: i, end: i + 2, priority: 50, source: 'lexicon', place: lx.placeByName.get('北京') });
      nextI = i + 2;
      continue;
    }
    // province abbreviations in safe contexts: 在京发展, 来粤访问
    if (ABBR_SAFE[c] === 0) continue;
    const ch = s[i];
    const city = CITY_ABBR[ch];
    const region = PROVINCE_ABBR[ch] ?? city;
    if (region && !PROVINCE_ABBR_UNSAFE.has(ch) && i > 0 && i + 1 < n) {
      const left = s[i - 1];
      const right = s[i + 1];
      const leftOk = ABBR_LEFT_SET[left.charCodeAt(0)] === 1 && !ctx.taken[i - 1];
      const rightOk = ABBR_RIGHT_SET[right.charCodeAt(0)] === 1 || right === '，' || right === '。' || (city !== undefined && CITY_ABBR_RIGHT[right.charCodeAt(0)] === 1);
      const rightStrong = s.startsWith('上', i + 1) && ch === '沪';
      if ((leftOk && rightOk) || rightStrong) {
        add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: lx.placeByName.get(region) });
        continue;
      }
      // two short forms paired before a word of cooperation: 粤港合作, 湘台交流, 京津两地
      const c2 = s.charCodeAt(i + 1);
      const region2 = ABBR_SAFE[c2] === 1 || c2 === 0x53f0 ? PROVINCE_ABBR[s[i + 1]] : undefined;
      if (region2 && region2 !== region && i + 2 < n && ABBR_PAIR_NEXT[s.charCodeAt(i + 2)] === 1 && (i === 0 || !ctx.taken[i - 1]) && free(ctx, i, i + 2)) {
        add(ctx, { type: 'place', start: i, end: i + 1, priority: 50, source: 'rule', place: lx.placeByName.get(region) });
        add(ctx, { type: 'place', start: i + 1, end: i + 2, priority: 50, source: 'rule', place: lx.placeByName.get(region2) });
        nextI = i + 2;
      }
    }
  }
}
