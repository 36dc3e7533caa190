/**
 * Place-name tests around a position that several stages share: a region written right before a
 * body (北京市 + 委), a level character (省/市/区/县) before a national name, a place name covering a
 * character, the province a city lies in.
 */
import * as charClassesModule from './charClasses';
import type { Ctx } from './context';
import type { Lexicons, PlaceInfo } from '../lexicon';
import * as contextModule from './context';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { codeSet, isHan } = charClassesModule;
const { free } = contextModule;

const LEVEL_CHARS = codeSet('市省区县');
/** A free 市/省/区/县 right before `i` that starts a word (省国资委, 省台办; not 城市国资委). */
export function levelCharBefore(ctx: Ctx, i: number): boolean {
  const { s } = ctx;
  if (i < 1 || LEVEL_CHARS[s.charCodeAt(i - 1)] === 0 || ctx.taken[i - 1]) return false;
  return i < 2 || !isHan(s.charCodeAt(i - 2)) || ctx.taken[i - 2] === 1;
}

/** Start offset of a free place name (with optional 市/省 suffix) ending exactly at `end`. */
export function regionEndingAt(ctx: Ctx, end: number): number | undefined {
  for (let L = 7; L >= 2; L--) {
    const a = end - L;
    if (a < 0 || !free(ctx, a, end)) continue;
    const p = ctx.lx.places.getIn(ctx.s, a, end);
    if (p && (p.level === 'province' || p.level === 'city' || p.level === 'district')) return a;
  }
  return undefined;
}

/** A place-lexicon name starting at i or a few characters before it covers i. */
export function placeCovers(ctx: Ctx, i: number): boolean {
  const { s, lx } = ctx;
  const first = lx.places.first;
  for (let p = i; p >= 0 && p > i - 8; p--) {
    if (first[s.charCodeAt(p)] === 0) continue;
    const e = lx.places.longestEnd(s, p);
    if (e > i) return true;
  }
  return false;
}

/** The province a city or district lies in (canonical name), if the lexicon knows it. */
export function provinceOf(ctx: Ctx, name: string): string | undefined {
  let p = ctx.lx.placeByName.get(name);
  for (let guard = 0; p && guard < 3; guard++) {
    if (p.level === 'province') return p.name;
    const up = p.parents[0];
    p = up ? ctx.lx.placeByName.get(up) : undefined;
  }
  return undefined;
}

/**
 * The place a body's name opens with, at a level that holds its posts (北京市发改委 → 北京, after the
 * party's name too: 中共濱州市委 → 滨州; a foreign country, never 中国): [its end, the place].
 */
export function bodyLeadPlace(lx: Lexicons, s: string, start: number, end: number): [number, PlaceInfo] | undefined {
  const at = s.startsWith('中共', start) ? start + 2 : start;
  const lead = lx.places.longest(s, at, end);
  if (!lead) return undefined;
  const level = lead[1].level;
  return level === 'province' || level === 'city' || level === 'district' || (level === 'country' && lead[1].name !== '中国') ? lead : undefined;
}
