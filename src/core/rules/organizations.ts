/**
 * Stage: organizations. Fixed names from the lexicon (新华社, 北京大学, 国际奥委会), then suffixes with
 * a stem walked back (哈佛大学, 红十字会, 台湾中南部企业家精英团, a news site opening its dateline:
 * 金山网讯). A short suffix (大学, 网) needs a boundary, a post of the body or its members after it.
 */
import { ORG_SUFFIXES } from '../lexicon/words';
import { Trie } from '../trie';
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as namesModule from './names';
import * as scanModule from './scan';
import * as walkBackModule from './walkBack';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { isHan } = charClassesModule;
const { add, setOrg } = contextModule;
const { boundaryAfter } = namesModule;
const { WordScanner, candidates } = scanModule;
const { walkBack } = walkBackModule;

/** Only spaces between the line start and `p`. */
function atLineStart(s: string, p: number): boolean {
  let k = p - 1;
  while (k >= 0 && (s.charCodeAt(k) === 0x20 || s.charCodeAt(k) === 0x3000 || s.charCodeAt(k) === 0x09)) k--;
  return k < 0 || s.charCodeAt(k) === 0x0a || s.charCodeAt(k) === 0x0d;
}

/** A post of the body follows at b (哈佛大学校长), not a longer body (艺术网理事会, 文联党组书记). */
function postAfter(ctx: Ctx, b: number): boolean {
  const hit = ctx.lx.titleCores.longest(ctx.s, b);
  return !!hit && ctx.s[b] !== '党' && ctx.s[hit[0]] !== '会';
}

const ORG_WORDS = new WordScanner(() => ORG_SUFFIXES);
/** Members written right after an institution's name: 第四军医大学学员. */
const ORG_MEMBER_WORDS = (() => {
  const t = new Trie<string>();
  for (const w of ['学员', '学生', '师生', '校友', '教师', '教职工', '职工', '员工', '队员', '会员', '代表', '党委', '团委']) t.set(w, w);
  return t;
})();
const DELEGATION_SUFFIXES = new Set(['代表团', '考察团', '访问团', '参访团', '精英团', '交流团', '慰问团']);
export function stageOrgs(ctx: Ctx): void {
  const { s, n, lx } = ctx;
  let nextI = 0;
  for (const i of candidates(ctx).orgFixed) {
    if (i < nextI || ctx.taken[i]) continue;
    const hit = lx.orgFixed.longest(s, i);
    if (hit) {
      const sp = add(ctx, { type: 'organization', start: i, end: hit[0], priority: 80, source: 'lexicon' });
      if (sp) {
        setOrg(ctx, i, sp);
        nextI = hit[0];
      }
    }
  }
  const hits: number[][] = [];
  ORG_WORDS.scan(ctx, (a, b) => hits.push([a, b]));
  for (let h = hits.length - 1; h >= 0; h--) {
    const [a, b] = hits[h];
    if (ctx.taken[a]) continue;
    const suf = s.slice(a, b);
    const { start } = walkBack(s, a, 14, ctx.taken);
    const stem = s.slice(start, a);
    if (stem.length < 2) continue;
    // a news site opening its dateline: 金山网讯 9月13日, 红网消息
    const dateline = suf === '网' && (s.charCodeAt(b) === 0x8baf || s.startsWith('消息', b)) && atLineStart(s, start);
    // a short suffix needs a boundary after it, a post of the body (哈佛大学校长陆登庭) or its members (第四军医大学学员)
    if (!dateline && suf.length <= 2 && b < n && isHan(s.charCodeAt(b)) && !boundaryAfter(ctx, b) && !postAfter(ctx, b) && ORG_MEMBER_WORDS.longestEnd(s, b) < 0) continue;
    if (/^(该|本|此|各|这|那|一|两|多|几|其|我|你|他|全|每|某|上述)/.test(stem)) continue;
    let orgStart = start;
    if (DELEGATION_SUFFIXES.has(suf)) {
      // a delegation is named from where it comes: 台湾中南部企业家精英团, (接受)香港媒体代表团
      let k = start;
      while (k < a - 1 && !lx.places.longest(s, k, a)) k++;
      if (k >= a - 1) continue;
      orgStart = k;
    }
    if (suf === '网' && !dateline && !/(新闻|中国|人民|新华|央视|财经|日报|经济)/.test(stem)) continue;
    if (/(的|了)$/.test(stem)) continue;
    const sp = add(ctx, { type: 'organization', start: orgStart, end: b, priority: 75, source: 'rule' });
    if (sp) setOrg(ctx, orgStart, sp);
  }
}
