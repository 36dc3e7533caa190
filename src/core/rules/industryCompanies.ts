/**
 * Stage: companies named by a brand and their trade, without a legal form (丰弛鞋业, 希润米业, 筑友智造,
 * 先河环保), as county and city news lists the firms an official visits: 先后前往丰弛鞋业、壹路鲜伴、希润米业.
 * Such a name is a company only in a list where firms are expected, because the same shape names
 * industries in other lists (重点发展电子信息、生物医药、新材料等产业):
 *
 *   - items of a 、-list in a clause that opens with a visit (前往, 走访, 来到, 到, 参观, 调研, 考察 …), or
 *   - items of a 、-list that ends in 等 + a count of firms (…、先河环保等6家企业), or in a count
 *     alone (…、佳美钢结构9家重点企业): there an item without a trade word is a firm too.
 *
 * The item is a stem of two to four Han characters and a trade word; the stem is no place's name,
 * no generic word (COMPANY_GENERIC_STEMS) and holds no function word.
 */
import { COMPANY_GENERIC_STEMS, MEET_VERBS } from '../lexicon/words';
import { allTrades } from '../model/companyEvidence';
import { normalizeForMatching } from '../normalize';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as charClassesModule from './charClasses';
import * as functionWordsModule from '../lexicon/functionWords';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free, setOrg } = contextModule;
const { hasFunctionWord } = functionWordsModule;
const { codeSet } = charClassesModule;

const MEET_VERB_SET = new Set(MEET_VERBS.filter((w) => w.length === 2));

/** Trade words a firm's name ends with. */
const TRADES = [
  '新材料', '鞋业', '米业', '药业', '酒业', '茶业', '乳业', '纸业', '木业', '陶瓷', '家居', '纺织', '服饰', '服装', '食品', '电子', '电器', '电气', '机械', '科技',
  '材料', '建材', '环保', '能源', '物流', '置业', '实业', '化工', '制药', '智造', '光电', '重工', '钢铁', '水泥', '生物', '医药', '农业', '牧业', '渔业', '矿业', '模具', '包装',
  '钢结构', '水泥厂', '拖拉机', '电缆', '热电', '电力', '亚麻', '机电', '汽配', '塑业', '铝业', '铜业', '化纤', '制衣', '印务', '农牧', '果业', '装备', '工贸', '商贸',
];
const TRADE_ONLY = new RegExp(`^(?:${TRADES.join('|')})$`);
/** Works a city or county owns, named after it (佳木斯市水泥厂). */
const WORKS = /厂$/;
const TRADE_RE = new RegExp(`^([\\u4e00-\\u9fff]{2,4}?)(${TRADES.join('|')})$`);
/** A visit opening the clause: the firms listed after it are places visited. */
const VISIT_G = /(?:前往|走访|来到|参观|调研|考察|深入|察看|走进|看望|到)(?:了)?/g;
/** 等 and a count of firms after a list (等6家企业, 等十余家企业, 等企业). */
const FIRMS_AFTER = /^等(?:[0-9０-９一二三四五六七八九十百几多余]+家)?(?:企业|公司|民营企业|重点企业|骨干企业)/;
/** A count of firms (9家重点企业): after the last item, every item is a firm. */
const COUNT = '[0-9０-９一二三四五六七八九十百]+家(?:重点|骨干|民营|规上|规模以上|龙头)?(?:企业|公司)';
/** …right after the list (…、佳美钢结构 9家重点企业, or after 等) */
const COUNT_OF_FIRMS = new RegExp(`^(?:等)?${COUNT}`);
/** …or read into the last item, which the list's scan ends at 等 or a clause's mark only. */
const COUNT_IN_ITEM = new RegExp(COUNT);
/** A clause's marks, as a table over code units (tested at every character of a list's items). */
const CLAUSE_START_CODE = codeSet('，。；：！？,;:!?\n');
/** 家 occurs in s[a, b). */
function hasJia(s: string, a: number, b: number): boolean {
  for (let i = a; i < b; i++) if (s.charCodeAt(i) === 0x5bb6) return true;
  return false;
}

export function stageIndustryCompanies(ctx: Ctx): void {
  const { s, lx } = ctx;
  for (let p = s.indexOf('、'); p >= 0; p = s.indexOf('、', p + 1)) {
    // the run of items around this 、 (the loop then resumes after it)
    let a = p;
    while (a > 0 && CLAUSE_START_CODE[s.charCodeAt(a - 1)] === 0 && s.charCodeAt(a - 1) !== 0x3001 && p - a < 12) a--; // (0x3001: 、)
    const items: [number, number][] = [[a, p]];
    let q = p;
    while (q < s.length && s[q] === '、') {
      let e = q + 1;
      while (e < s.length && CLAUSE_START_CODE[s.charCodeAt(e)] === 0 && s[e] !== '、' && s[e] !== '等' && e - q <= 12) e++;
      items.push([q + 1, e]);
      q = e;
    }
    let runEnd = q;
    p = Math.max(p, runEnd - 1);
    // the last item may hold the count of firms (佳美钢结构9家重点企业): it ends before the count
    const lastItem = items[items.length - 1];
    // (a count has 家: no regex where the item's 24 code units have none)
    const count = hasJia(s, lastItem[0], Math.min(s.length, lastItem[0] + 24)) ? COUNT_IN_ITEM.exec(s.slice(lastItem[0], Math.min(s.length, lastItem[0] + 24))) : null;
    let counted = false;
    if (count && count.index >= 2) {
      lastItem[1] = lastItem[0] + count.index - (s[lastItem[0] + count.index - 1] === '等' ? 1 : 0);
      runEnd = lastItem[1];
      counted = true;
    }
    // where firms are expected: a visit opening the clause, or 等N家企业 after the list
    let clause = a;
    while (clause > 0 && CLAUSE_START_CODE[s.charCodeAt(clause - 1)] === 0 && a - clause < 40) clause--;
    // (the last visit verb before the first item ends: 先后前往丰弛鞋业)
    const head = s.slice(clause, items[0][1]);
    let visitEnd = -1;
    VISIT_G.lastIndex = 0;
    for (let m = VISIT_G.exec(head); m; m = VISIT_G.exec(head)) visitEnd = clause + m.index + m[0].length;
    counted ||= COUNT_OF_FIRMS.test(s.slice(runEnd, runEnd + 12));
    if (visitEnd < 0 && !counted && !FIRMS_AFTER.test(s.slice(runEnd, runEnd + 12))) continue;
    // (the first item starts after the visit verb: 先后前往丰弛鞋业)
    if (visitEnd > items[0][0]) items[0][0] = visitEnd;
    // (the last item may run on into the visit's verb: …、益杰鞋业调研)
    const last = items[items.length - 1];
    if (last[1] - last[0] > 4 && MEET_VERB_SET.has(s.slice(last[1] - 2, last[1]))) last[1] -= 2;
    for (let t = 0; t < items.length; t++) {
      const [i, e] = items[t];
      // a brand the lexicon knows and its trade (佳能 + 热电, 沃尔德 + 电缆): the whole item is the firm
      const known = ctx.orgAt.get(i);
      if (known && known.type === 'company' && known.source === 'lexicon' && known.end < e && TRADE_ONLY.test(s.slice(known.end, e)) && free(ctx, known.end, e)) {
        ctx.taken.fill(1, known.end, e);
        known.end = e;
        known.text = s.slice(i, e);
        // (a list that counts its firms, 9家重点企业, is as sure as a legal name: priority 85 stands
        // against a model that reads names or places in them)
        if (counted) known.priority = 85;
        continue;
      }
      // a trade named as an item (中医药、食品加工、物流…等一百一十家企业: the firms' trades, not firms)
      if (allTrades(normalizeForMatching(s.slice(i, e)), 2)) continue;
      const m = TRADE_RE.exec(s.slice(i, e));
      // where the text counts the firms, an item with no trade word is a firm too (华强迪奥)
      // (not the first item where no visit opens the list: the clause's own words may run into it)
      if (!m && counted && (t > 0 || visitEnd >= 0) && e - i >= 2 && e - i <= 8 && free(ctx, i, e) && /^[\u4e00-\u9fff]+$/.test(s.slice(i, e)) && !lx.places.longest(s, i) && !hasFunctionWord(s, i, e)) {
        const sp = add(ctx, { type: 'company', start: i, end: e, priority: 85, source: 'rule' });
        if (sp) setOrg(ctx, i, sp);
        continue;
      }
      if (!m || !free(ctx, i, e)) continue;
      const stem = m[1];
      if (COMPANY_GENERIC_STEMS.has(stem) || (lx.placeByName.has(stem) && !WORKS.test(m[2])) || hasFunctionWord(s, i, i + stem.length)) continue;
      // a place's name opening the stem (湖北汽车, 深圳科技) is a trade of that place, not a firm —
      // but a city's works is one (佳木斯市水泥厂)
      const place = lx.places.longest(s, i);
      if (place && place[0] - i >= 2 && !WORKS.test(m[2])) continue;
      const sp = add(ctx, { type: 'company', start: i, end: e, priority: counted ? 85 : 72, source: 'rule' });
      if (sp) setOrg(ctx, i, sp);
    }
  }
}
