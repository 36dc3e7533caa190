/**
 * Step 5a of analyze() (entities.ts calls it): which names of companies, government bodies and
 * organizations in one article are the same entity, by rule over the names the article writes:
 *
 * - companies: a legal name and the short forms the rules tied to it (stem, bracketed short name);
 *   the same name with and without its legal form (珠海华发集团 ↔ 珠海华发, X股份有限公司 ↔ X股份 ↔ X)
 *   or its place (新加坡金鹰国际集团 ↔ 金鹰国际集团); a listed short name that opens a legal name
 *   (宁德时代 ↔ 宁德时代新能源科技股份有限公司); an abbreviation read in order from one company's name
 *   only (中石油 ↔ 中国石油天然气集团公司). A group and its listed subsidiary stay apart: 集团 and
 *   股份 forms of one name are two companies, and so are a group and a listed short name (the A-share
 *   lexicon) of the same words; so are a company and its branch named after a place (X湖北省电力公司).
 * - bodies: the same body with and without its region or parent written before it (海南省台办 ↔
 *   省台办, 香港特区政府 ↔ 特区政府, 国务院国资委 ↔ 国资委, 天津北方网 ↔ 北方网); 特别行政区 and 特区 are
 *   one word; a body's abbreviation (国家发改委 ↔ 国家发展改革委 ↔ 国家发展和改革委员会, 工信部 ↔
 *   工业和信息化部); a name with another name of the body in brackets after it (X工商联(总商会)).
 *   A short form that several long forms of the article end with (市委 after 北京市委 and 上海市委)
 *   goes, mention by mention, to the one written last before it (else the first after it).
 *
 * Names compare in their normalised form (traditional = simplified, full = half width). The caller
 * builds entities from the answer: every mention's entity type, name and key.
 */
import { lexicons } from '../lexicon';
import { abbreviates, bodyKey, bodyShortForms, companyCore, compatibleForms, placePrefix, type FormClass } from '../rules/orgForms';
import type { RichSpan } from '../rules/types';
import type { EntityType } from '../types';

/** The entity a mention of a company, government body or organization belongs to. */
export interface AliasTarget {
  type: EntityType;
  /** The entity's name: its fullest form as written. */
  name: string;
  /** Normalised key of that name. */
  key: string;
  /** Other forms the article writes that are no mention's text (X(Y) as written). */
  extraAliases?: string[];
}

const ORG_TYPES = new Set<EntityType>(['company', 'government', 'organization']);
/** Above this many names, the pairwise comparisons (abbreviations) are skipped. */
const MAX_PAIRWISE = 2000;

/** The legal forms a joined group of company forms holds, as bits (see conflict). */
const CLASS_BIT: Record<FormClass | 'listed', number> = { bare: 1, listed: 2, group: 4, share: 8, plain: 16, branch: 32, groupShare: 64 };
/** A group with its listed (股份) or other subsidiaries, or a listed short name; a 股份 and a 有限公司 company; a branch with anything. */
function conflict(m: number): boolean {
  return ((m & 4) !== 0 && (m & (2 | 8 | 16 | 32)) !== 0) || ((m & 8) !== 0 && (m & 16) !== 0) || ((m & 32) !== 0 && (m & ~32) !== 0);
}

/** `short` read in order from `long` (same first character, at least two more characters): 中石油 in 中国石油天然气. */
function subsequence(short: string, long: string): boolean {
  if (long.length < short.length + 2 || long[0] !== short[0] || long.includes(short)) return false;
  let k = 0;
  for (let i = 0; i < long.length && k < short.length; i++) if (long[i] === short[k]) k++;
  return k === short.length;
}

class UnionFind {
  private readonly parent: number[] = [];
  add(): number {
    this.parent.push(this.parent.length);
    return this.parent.length - 1;
  }
  find(a: number): number {
    const p = this.parent;
    while (p[a] !== a) {
      p[a] = p[p[a]];
      a = p[a];
    }
    return a;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

interface Form {
  /** Normalised key (bodies: with 特区 for 特别行政区). */
  key: string;
  text: string;
  type: EntityType;
  company: boolean;
  /** Offsets of its mentions, in order. */
  at: number[];
  /** How many characters of the name, for choosing the fullest form. */
  len: number;
  legal: boolean;
  extra?: string[];
}

/**
 * The entity of every company, government-body and organization span (by index into `spans`).
 * `keyOf` gives a span's normalised text; `nameKey` normalises a name that is no span's text.
 */
export function resolveAliases(spans: readonly RichSpan[], text: string, keyOf: (sp: RichSpan) => string, nameKey: (t: string) => string): Map<number, AliasTarget> {
  const out = new Map<number, AliasTarget>();
  const lx = lexicons();
  const forms: Form[] = [];
  const formOf = new Map<string, number>(); // 'c:' / 'b:' + key → form index
  const uf = new UnionFind();
  const spanForm: number[] = [];
  const formFor = (company: boolean, key: string, textAs: string, type: EntityType, legal: boolean): number => {
    const id = (company ? 'c:' : 'b:') + key;
    let f = formOf.get(id);
    if (f === undefined) {
      f = forms.length;
      forms.push({ key, text: textAs, type, company, at: [], len: key.length, legal });
      formOf.set(id, f);
      uf.add();
    } else if (legal) forms[f].legal = true;
    return f;
  };

  // 1. the forms written, and the links the rules made (legal name ↔ its short forms)
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    spanForm.push(-1);
    if (!ORG_TYPES.has(sp.type)) continue;
    const company = sp.type === 'company';
    const key = company ? keyOf(sp) : bodyKey(keyOf(sp));
    const f = formFor(company, key, sp.text, sp.type, !!sp.legal);
    forms[f].at.push(sp.start);
    spanForm[i] = f;
  }
  if (!forms.length) return out;
  for (let i = 0; i < spans.length; i++) {
    const sp = spans[i];
    if (sp.type !== 'company') continue;
    if (sp.legal) for (const a of sp.aliases ?? []) {
      const g = formOf.get('c:' + nameKey(a));
      if (g !== undefined) uf.union(spanForm[i], g);
    }
    if (sp.aliasOf) {
      const g = formOf.get('c:' + nameKey(sp.aliasOf));
      if (g !== undefined) uf.union(spanForm[i], g);
    }
  }

  // 2. companies: one core in several forms, with or without a place before it, a listed short
  // name opening a legal name
  const byCore = new Map<string, number[]>();
  const info: Array<{ core: string; cls: FormClass; listed: boolean }> = [];
  for (let f = 0; f < forms.length; f++) {
    const fm = forms[f];
    if (!fm.company) {
      info.push({ core: '', cls: 'bare', listed: false });
      continue;
    }
    const { core, cls } = companyCore(fm.key);
    const listed = cls === 'bare' && lx.companyByName.get(fm.key)?.source === 'a-share';
    info.push({ core, cls, listed });
    const put = (k: string) => {
      let list = byCore.get(k);
      if (!list) byCore.set(k, (list = []));
      list.push(f);
    };
    if (core.length >= 2) put(core);
    const p = placePrefix(core);
    if (p && core.length - p >= 2) put(core.slice(p));
  }
  // the forms a group of joined forms holds (a bare name joins a group or its listed company, not both)
  const mask: number[] = info.map((a) => CLASS_BIT[a.cls === 'bare' && a.listed ? 'listed' : a.cls]);
  const unite = (x: number, y: number) => {
    const rx = uf.find(x);
    const ry = uf.find(y);
    if (rx === ry || conflict(mask[rx] | mask[ry])) return;
    uf.union(rx, ry);
    mask[uf.find(rx)] = mask[rx] | mask[ry];
  };
  for (let f = 0; f < forms.length; f++) if (uf.find(f) !== f) mask[uf.find(f)] |= mask[f];
  for (const list of byCore.values()) {
    list.sort((x, y) => (forms[x].at[0] ?? 0) - (forms[y].at[0] ?? 0));
    for (let x = 0; x < list.length; x++) {
      for (let y = x + 1; y < list.length; y++) {
        const a = info[list[x]];
        const b = info[list[y]];
        if (compatibleForms(a.cls, b.cls, a.listed, b.listed)) unite(list[x], list[y]);
      }
    }
  }
  for (let f = 0; f < forms.length; f++) {
    const a = info[f];
    if (!forms[f].company || a.cls === 'bare' || a.cls === 'group' || a.cls === 'branch') continue;
    // 宁德时代 ↔ 宁德时代新能源科技股份有限公司: a bare company name the core starts with, the rest no
    // place (国家电网湖北省电力公司 is a branch of 国家电网); also after the province or city the legal
    // name opens with (国创高新 ↔ 湖北国创高新材料股份有限公司)
    const p = placePrefix(a.core);
    for (const core of p > 0 && a.core.length - p >= 3 ? [a.core, a.core.slice(p)] : [a.core]) {
      let joined = false;
      for (let L = Math.min(core.length - 1, 8); L >= 2; L--) {
        const g = formOf.get('c:' + core.slice(0, L));
        if (g === undefined || info[g].cls !== 'bare') continue;
        let placeInRest = false;
        for (let k = L; k < core.length && !placeInRest; k++) placeInRest = placePrefix(core.slice(k)) > 0;
        if (!placeInRest) unite(f, g);
        joined = true;
        break;
      }
      if (joined) break;
    }
  }

  // …and a group by its brand alone (舜宇集团 ↔ 宁波舜宇光学科技集团, 福耀集团 ↔
  // 福耀玻璃工业集团股份有限公司): a group form of two or three characters that opens the core of
  // exactly one longer group form (after its place), the rest no place, and written first (an
  // article abbreviates a name it gave in full; a group named before a longer group is their parent:
  // 正大集团 …、正大制药集团)
  const groupsByBrand = new Map<number, Set<number>>();
  for (let f = 0; f < forms.length; f++) {
    const a = info[f];
    if (!forms[f].company || (a.cls !== 'group' && a.cls !== 'groupShare')) continue;
    const p = placePrefix(a.core);
    for (const core of p > 0 && a.core.length - p >= 4 ? [a.core, a.core.slice(p)] : [a.core]) {
      for (let L = 2; L <= 3 && core.length - L >= 2; L++) {
        const g = formOf.get('c:' + core.slice(0, L) + '集团');
        if (g === undefined || g === f || info[g].cls !== 'group' || info[g].core.length !== L || placePrefix(core, L) > 0) continue;
        if ((forms[g].at[0] ?? 0) < (forms[f].at[0] ?? 0)) continue;
        let set = groupsByBrand.get(g);
        if (!set) groupsByBrand.set(g, (set = new Set()));
        set.add(f);
      }
    }
  }
  for (const [g, longs] of groupsByBrand) {
    const roots = new Set([...longs].map((f) => uf.find(f)));
    if (roots.size === 1) unite(g, [...longs][0]);
  }

  // …and a company's abbreviation (中石油 of 中国石油天然气集团公司): a bare name of three or four
  // characters, not a listed one, read in order from one other company's core only
  for (let f = 0; f < (forms.length <= MAX_PAIRWISE ? forms.length : 0); f++) {
    const a = info[f];
    if (!forms[f].company || a.cls !== 'bare' || a.listed || a.core.length < 3 || a.core.length > 4) continue;
    let only = -1;
    let several = false;
    for (let g = 0; g < forms.length && !several; g++) {
      if (g === f || !forms[g].company || info[g].cls === 'branch' || !subsequence(a.core, info[g].core)) continue;
      if (only >= 0 && uf.find(only) !== uf.find(g)) several = true;
      only = g;
    }
    if (only >= 0 && !several) unite(f, only);
  }

  // 3. bodies: a name with another name of the same body in brackets right after it (上海市工商联(总商会))
  for (let i = 0; i + 1 < spans.length; i++) {
    const a = spans[i];
    const b = spans[i + 1];
    if (spanForm[i] < 0 || spanForm[i + 1] < 0 || a.type === 'company' || b.type === 'company') continue;
    const open = text.charCodeAt(a.end);
    if ((open !== 0x28 && open !== 0xff08) || b.start !== a.end + 1) continue;
    const close = text.charCodeAt(b.end);
    if (close !== 0x29 && close !== 0xff09) continue;
    uf.union(spanForm[i], spanForm[i + 1]);
    const written = text.slice(a.start, b.end + 1);
    const fa = forms[spanForm[i]];
    (fa.extra ??= []).includes(written) || fa.extra.push(written);
  }
  // …and the same body with and without its region or parent, or abbreviated: candidates per short key
  const longOf = new Map<number, number[]>(); // short form → long forms it may stand for
  const addLong = (short: number, long: number) => {
    let l = longOf.get(short);
    if (!l) longOf.set(short, (l = []));
    if (!l.includes(long)) l.push(long);
  };
  const bodies: number[] = [];
  for (let f = 0; f < forms.length; f++) if (!forms[f].company) bodies.push(f);
  for (const f of bodies) {
    for (const s of bodyShortForms(forms[f].key)) {
      const g = formOf.get('b:' + s);
      if (g !== undefined && g !== f) addLong(g, f);
    }
  }
  // (pairwise: an article has tens of bodies; a huge document's thousands are not compared)
  // (a government body's abbreviation is a government body's; an organization's an organization's:
  // 新华社 of 新华通讯社)
  for (const f of bodies.length <= MAX_PAIRWISE ? bodies : []) {
    for (const g of bodies) {
      if (g === f || forms[g].type !== forms[f].type || forms[g].key.length >= forms[f].key.length) continue;
      // (a region's body is no abbreviation of a body of a place inside the region: 杭州市委 and
      // 杭州市江干区委 are two committees)
      const ps = placePrefix(forms[g].key);
      if (ps > 0 && forms[f].key.startsWith(forms[g].key.slice(0, ps)) && placePrefix(forms[f].key, ps) > 0) continue;
      if (abbreviates(forms[g].key, forms[f].key)) addLong(g, f);
      else {
        // with the region written in one and the level (or nothing) in the other: 省发改委 ↔ 安徽省发展和改革委员会
        const p = placePrefix(forms[f].key);
        if (p && abbreviates(forms[g].key, forms[f].key.slice(p))) addLong(g, f);
      }
    }
  }
  // one long form: one entity; several (市委 after 北京市委 and 上海市委): decided per mention below
  const perMention = new Map<number, number[]>();
  for (const [g, longs] of longOf) {
    const roots = [...new Set(longs.map((l) => uf.find(l)))];
    if (roots.length === 1) uf.union(g, longs[0]);
    else perMention.set(g, longs);
  }

  // 4. every group's entity: its fullest form (a legal name first, for companies), the type of it
  const best = new Map<number, number>();
  for (let f = 0; f < forms.length; f++) {
    const r = uf.find(f);
    const b = best.get(r);
    if (b === undefined || better(forms[f], forms[b])) best.set(r, f);
  }
  const targetOf = (f: number): AliasTarget => {
    const root = uf.find(f);
    const b = forms[best.get(root)!];
    const t: AliasTarget = { type: b.type, name: b.text, key: b.key };
    const extra: string[] = [];
    for (let g = 0; g < forms.length; g++) if (forms[g].extra && uf.find(g) === root) extra.push(...forms[g].extra!);
    if (extra.length) t.extraAliases = extra;
    return t;
  };
  const cache = new Map<number, AliasTarget>();
  const regionCounts = new Map<string, number>();
  for (let i = 0; i < spans.length; i++) {
    const f = spanForm[i];
    if (f < 0) continue;
    let target: number = f;
    const longs = perMention.get(f);
    if (longs) target = nearest(longs, forms, spans[i].start, text, regionCounts);
    let t = cache.get(uf.find(target));
    if (!t) cache.set(uf.find(target), (t = targetOf(target)));
    out.set(i, t);
  }
  return out;
}

/**
 * Which of several long forms a short one stands for at `at` (市工商联 after 上海市… and 温州市…): the
 * one whose region (or parent) the sentence names last before it (上海市政协副主席、市工商联主席), else
 * the one whose region the article names most, else the one it wrote first (a bare 市… is the
 * outlet's own city more often than the last one named).
 */
function nearest(longs: number[], forms: Form[], at: number, text: string, counts: Map<string, number>): number {
  let from = at;
  while (from > 0 && !SENTENCE_END.includes(text[from - 1]) && at - from < 200) from--;
  let best = -1;
  let bestAt = -1;
  for (const l of longs) {
    const key = forms[l].key;
    const p = placePrefix(key) || PARENT_LEN(key);
    if (!p) continue;
    const q = text.lastIndexOf(key.slice(0, p), at - 1);
    if (q >= from && q > bestAt) {
      best = l;
      bestAt = q;
    }
  }
  if (best >= 0) return best;
  // else the one whose region the article names most (its own city: 黄石 in a 黄石 report that also
  // names 武汉市委), then the one written first
  let first = longs[0];
  let firstCount = -1;
  for (const l of longs) {
    const key = forms[l].key;
    const p = placePrefix(key) || PARENT_LEN(key);
    // (counted once per region for the whole article: a long document has many such mentions)
    const region = p ? key.slice(0, p) : '';
    let count = p ? counts.get(region) : 0;
    if (count === undefined) counts.set(region, (count = occurrences(text, region)));
    if (count > firstCount || (count === firstCount && (forms[l].at[0] ?? Infinity) < (forms[first].at[0] ?? Infinity))) {
      first = l;
      firstCount = count;
    }
  }
  return first;
}

/** How often `w` occurs in `text`. */
function occurrences(text: string, w: string): number {
  let n = 0;
  for (let k = text.indexOf(w); k >= 0 && w; k = text.indexOf(w, k + w.length)) n++;
  return n;
}
const SENTENCE_END = '。！？!?\n';
const PARENT_LEN = (key: string): number => (key.startsWith('国务院') ? 3 : key.startsWith('中共中央') ? 4 : key.startsWith('中央') ? 2 : 0);

/** The fuller of two forms of one entity: a legal name, then the longer, then the one written first. */
function better(a: Form, b: Form): boolean {
  if (a.legal !== b.legal) return a.legal;
  if (a.len !== b.len) return a.len > b.len;
  return (a.at[0] ?? Infinity) < (b.at[0] ?? Infinity);
}
