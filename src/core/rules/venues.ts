/**
 * Stage: venues and zones by their suffix (国家体育场, 会展中心, 前海深港现代服务业合作区; 广场, 大厦 only
 * after a motion verb: 来到万达广场), as places, with the region written before them (香港北部都会区 lies
 * in 香港).
 */
import { VENUE_SUFFIXES_STRONG, VENUE_SUFFIXES_WEAK } from '../lexicon/words';
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';
import * as walkBackModule from './walkBack';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free } = contextModule;
const { WordScanner } = scanModule;
const { walkBack } = walkBackModule;

const VENUE_STRONG_WORDS = new WordScanner(() => VENUE_SUFFIXES_STRONG);
const VENUE_WEAK_WORDS = new WordScanner(() => VENUE_SUFFIXES_WEAK);
const MOTION_CUTS = new Set(['来到', '前往', '抵达', '走进', '走访', '参观', '考察', '视察', '在', '到', '于', '赴', '从']);
export function stageVenues(ctx: Ctx): void {
  const { s } = ctx;
  for (const [words, strong] of [[VENUE_STRONG_WORDS, true], [VENUE_WEAK_WORDS, false]] as const) {
    const hits: number[][] = [];
    words.scan(ctx, (a, b) => hits.push([a, b]));
    for (let h = hits.length - 1; h >= 0; h--) {
      const [a, b] = hits[h];
      if (!free(ctx, a, b)) continue;
      const { start, cutBy } = walkBack(s, a, 12, ctx.taken);
      const stem = s.slice(start, a);
      if (stem.length < 2) continue;
      if (/^(该|本|此|各|这|那|一|两|多|几|其|我|你|他|全|每|某|上述|中心)/.test(stem)) continue;
      if (!strong && !(cutBy && MOTION_CUTS.has(cutBy))) continue;
      // 香港北部都会区 lies in 香港
      const lead = ctx.lx.places.longest(s, start, a);
      const within = lead && lead[0] <= a - 2 && (lead[1].level === 'province' || lead[1].level === 'city' || lead[1].level === 'district') ? lead[1].name : undefined;
      add(ctx, { type: 'place', start, end: b, priority: 60, source: 'rule', within });
    }
  }
}
