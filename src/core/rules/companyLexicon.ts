/**
 * Stage: companies the lexicon knows by their short names (A-share short names, brands, foreign
 * companies: 宁德时代, 华为, 苹果), at word boundaries for ASCII names. The aliases stage runs it a
 * second time with the document's own short forms of legal names.
 */
import type { Ctx } from './context';
import * as contextModule from './context';
import * as charClassesModule from './charClasses';
import * as scanModule from './scan';
import * as namesModule from './names';
import { FIRM_WORD_AFTER, PLACE_POLICY_WORD } from '../model/companyEvidence';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, setOrg } = contextModule;
const { isAsciiAlnum, isHan } = charClassesModule;
const { candidates, occurrences } = scanModule;
const { titleEndsAt } = namesModule;

/**
 * A document's few company aliases: the same longest-match answers as a Trie over them, without
 * allocating a Trie's 64 K-entry tables for every document that has a legal company name.
 */
class AliasSet {
  private readonly lens: number[];
  constructor(private readonly map: Map<string, string>) {
    const lens = new Set<number>();
    for (const k of map.keys()) {
      if (!k) continue;
      lens.add(k.length);
    }
    this.lens = [...lens].sort((a, b) => b - a);
  }
  longest(s: string, i: number): [number, string] | undefined {
    for (const L of this.lens) {
      if (i + L > s.length) continue;
      const v = this.map.get(s.substr(i, L));
      if (v !== undefined) return [i + L, v];
    }
    return undefined;
  }
}

export function stageCompanyLexicon(ctx: Ctx, extraMap?: Map<string, string>): void {
  const { s, lx } = ctx;
  let extra: AliasSet | undefined;
  if (extraMap?.size) extra = new AliasSet(extraMap);
  const taken = ctx.taken;
  if (!extra) {
    const list = candidates(ctx).company;
    let nextI = 0;
    for (let k = 0; k < list.length; k++) {
      const i = list[k];
      if (i < nextI || taken[i]) continue;
      nextI = companyLexiconAt(ctx, i, undefined) + 1;
    }
    return;
  }
  // Second pass (extra aliases): every free position with a lexicon hit was already tried by the
  // first pass and `taken` only grows, so a lexicon-only hit cannot succeed now; only positions
  // where an alias matches need a look. They are found with indexOf per alias (a document has few)
  // and visited in order, resuming where the full loop over the text would.
  const at = occurrences(s, extraMap!.keys());
  let nextI = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (i < nextI || taken[i] || s.charCodeAt(i) < 0x41) continue;
    nextI = companyLexiconAt(ctx, i, extra) + 1;
  }
}

/** Posts written after a name (奚正平董事长). */
const POST_AFTER_NAME = /^(董事长|总裁|总经理|副总裁|行长|主席|书记|省长|市长|部长)/;

/** Suffixes of papers, universities and hospitals, written right after a name they end. */
const INSTITUTION_AFTER = /^(都市报|日报|晚报|晨报|时报|商报|报社|电视台|大学|学院|医院|研究院|研究所)/;

/** A city, province or district name that starts before i ends inside [i + 1, end). */
function placeEndsInside(ctx: Ctx, i: number, end: number): boolean {
  const { s, lx } = ctx;
  for (let p = i - 1; p >= 0 && p >= i - 3; p--) {
    if (lx.places.first[s.charCodeAt(p)] === 0) continue;
    const hit = lx.places.longest(s, p, end);
    if (hit && hit[0] > i && hit[0] < end) {
      const lv = hit[1].level;
      if (lv === 'city' || lv === 'province' || lv === 'district') return true;
    }
  }
  return false;
}

/**
 * A two-character short name that is really the end of a title word and the start of a name
 * (董事长方加亮: 长方) or a given name after a surname (交通运输部部长李小鹏: 小鹏), followed by where a name
 * ends: a company is not written glued to a title's last character or a surname.
 */
function insideNameOrTitle(ctx: Ctx, i: number, end: number): boolean {
  const { s, lx } = ctx;
  if (i === 0) return false;
  // a title word ends on the short name's first character
  for (let a = Math.max(0, i - 4); a < i; a++) {
    const t = lx.titleCores.longest(s, a);
    if (t && t[0] === i + 1) return true;
  }
  // …or a three-character name's last character after a title (省長馬興瑞和發改委主任: 瑞和): news
  // writes no company glued to a name right after its post
  if (i >= 2 && lx.surnames.has(s.charCodeAt(i - 2)) && isHan(s.charCodeAt(i - 1)) && !ctx.taken[i - 1] && titleEndsAt(ctx, i - 2)) return true;
  // …or a name's last character and the 为 of an appointment (任命…，郭晓华为省政府秘书长: 华为): a
  // surname two characters back, after a list's or a clause's mark or an appointing verb
  if (i >= 2 && s.charCodeAt(end - 1) === 0x4e3a && lx.surnames.has(s.charCodeAt(i - 2)) && isHan(s.charCodeAt(i - 1)) && APPOINTING_BEFORE.test(s.slice(Math.max(0, i - 4), i - 2))) return true;
  // a surname right before, and the three characters end where a name ends
  if (!lx.surnames.has(s.charCodeAt(i - 1))) return false;
  // …or a post follows them (转达了奚正平董事长的问候: 正平 is a given name)
  if (POST_AFTER_NAME.test(s.slice(end, end + 3))) return true;
  // the surname starts a name: at the start, after punctuation, or right after a title (部长李)
  const b = i - 1;
  if (b > 0 && isHan(s.charCodeAt(b - 1)) && !titleEndsAt(ctx, b)) return false;
  return end >= ctx.n || !isHan(s.charCodeAt(end)) || lx.afterName.longest(s, end) !== undefined;
}

/** The words that end a park's or a base's name (工业园, 产业园, 物流园, 科技园, 产业基地). */
export const PARK_WORDS = '工业园|产业园|物流园|科技园|创业园|产业基地|示范园';
/** A park's or base's word right after a name (…工业园, …(电商)物流产业园, …生产基地). */
export const PARK_AFTER = new RegExp(`^(?:[(（][^()（）]{1,4}[)）])?(?:物流)?(?:${PARK_WORDS}|生产基地)`);

/** A level's character written before a bureau's name (市招商局). */
const LEVEL_BEFORE_BUREAU = /^[省市县区州]$/;

/** What comes before a name in a list of appointments: a list's or a clause's mark, or the verb. */
const APPOINTING_BEFORE = /(?:^|[、，,；;：:]|任命|决定|选举|提名|推选)$/;

/** Tries the company (or alias) name at i; returns the next loop index. */
function companyLexiconAt(ctx: Ctx, i: number, extra: AliasSet | undefined): number {
  const { s, n, lx } = ctx;
  let hit = lx.companies.longest(s, i);
  let aliasOf: string | undefined;
  if (extra) {
    const e = extra.longest(s, i);
    if (e && (!hit || hit[0] < e[0])) {
      hit = [e[0], { name: s.slice(i, e[0]), source: 'brand' }];
      aliasOf = e[1];
    }
  }
  if (!hit) return i;
  const [end] = hit;
  // ASCII names must sit at word boundaries
  if (isAsciiAlnum(s.charCodeAt(i)) && i > 0 && isAsciiAlnum(s.charCodeAt(i - 1))) return i;
  if (isAsciiAlnum(s.charCodeAt(end - 1)) && end < n && isAsciiAlnum(s.charCodeAt(end))) return i;
  // a short name glued to 社 is part of a news agency's name (中通社 is not 中通), and one glued to a
  // paper's, a university's or a hospital's suffix is part of that name (华西都市报, 华西医院)
  if (end < n && s.charCodeAt(end) === 0x793e) return i;
  if (end < n && INSTITUTION_AFTER.test(s.slice(end, end + 3))) return i;
  // nor one that starts inside a place name (海华 in 珠海华…: 珠海 ends inside it)
  if (i > 0 && !ctx.taken[i - 1] && placeEndsInside(ctx, i, end)) return i;
  if (end - i === 2 && !aliasOf && insideNameOrTitle(ctx, i, end)) return i;
  // a park or base named after a firm (潍柴动力工业园, 歌尔电声产业园): the park, not the firm
  if (!aliasOf && PARK_AFTER.test(s.slice(end, end + 4))) return i;
  // a firm's name that is a government's bureau's too, written after its level (市招商局, 县招商局): the bureau
  if (!aliasOf && i > 0 && LEVEL_BEFORE_BUREAU.test(s[i - 1]) && !ctx.taken[i - 1] && /[局委办厅]$/.test(s.slice(i, end))) return i;
  // a listed name that is a place and a word of policy (湖南发展, 浦东建设) names the firm only where a
  // firm's word follows it: 推动湖南发展和… is the province's development
  if (!aliasOf && PLACE_POLICY_WORD.test(s.slice(i, end)) && ctx.lx.places.longestEnd(s, i) === end - 2 && !FIRM_WORD_AFTER.test(s.slice(end, end + 3))) return i;
  // (an item of a list the text says is of firms, …、安徽矿机、海螺水泥等企业: a firm whatever the model knows)
  const sp = add(ctx, { type: 'company', start: i, end, priority: inFirmList(s, i, end) ? 85 : 70, source: 'lexicon', aliasOf });
  if (sp) {
    setOrg(ctx, i, sp);
    return end - 1;
  }
  return i;
}

/** The kinds of firm a list ends with (…等企业, 等公司, 等单位, 等民营企业, 等龙头企业). */
const FIRM_LIST_END = /^、?[^，,。；;！？!?\n]{0,60}?等(?:[\u4e00-\u9fff]{0,4}(?:企业|公司|集团|厂家|厂商|单位))/;

/** True when s[i, end) is an item of a 、-list that ends in 等 + a kind of firm, in the same clause. */
function inFirmList(s: string, i: number, end: number): boolean {
  const before = i > 0 ? s.charCodeAt(i - 1) : 0;
  const after = end < s.length ? s.charCodeAt(end) : 0;
  if (before !== 0x3001 && after !== 0x3001 && after !== 0x7b49 /* 等 */) return false;
  if (before !== 0x3001 && after === 0x7b49) {
    // the last item: a 、 somewhere before it in its clause
    const clause = s.slice(Math.max(0, i - 40), i);
    const cut = Math.max(clause.lastIndexOf('，'), clause.lastIndexOf(','), clause.lastIndexOf('。'), clause.lastIndexOf('；'));
    if (clause.indexOf('、', cut + 1) < 0) return false;
  }
  return FIRM_LIST_END.test(s.slice(end, end + 70));
}
