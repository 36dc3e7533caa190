/**
 * Titles in the analysis (part of step 5, entities): a title as the article states it and in full,
 * with the region spelled out (市委副书记、市长 → 北京市委副书记、北京市市长), and the article's own
 * province and city, which a post written without a region (省长, 市委书记) outside any region
 * section belongs to.
 */
import type { TitleInfo } from '../types';
import { lookupPlace } from '../lexicon';
import { normalizeForMatching } from '../normalize';
import type { RichSpan, TitleChain } from '../recognize';

const REGION_HEAD_CORES = /^(副|常务副|代)?(市长|省长|区长|县长|州长)$/;

function regionFull(region: string): string {
  const p = lookupPlace(region);
  return p?.full ?? region;
}

/**
 * A title chain as stated and in full. `normalized` is normalizeForMatching(text) when the caller
 * has it (analyze): the units are then read from it instead of being normalised one by one.
 */
export function titleInfo(chain: TitleChain, region: string | undefined, organization: string | undefined, text: string, normalized?: string): TitleInfo {
  const parts: string[] = [];
  let cursor = chain.start;
  for (const u of chain.units) {
    if (u.start > cursor) parts.push(text.slice(cursor, u.start));
    let full = text.slice(u.start, u.end);
    if (!u.region && region && !organization) {
      const t = normalized === undefined ? normalizeForMatching(full) : normalized.slice(u.start, u.end);
      if (REGION_HEAD_CORES.test(t)) full = regionFull(region) + full;
      else if (/^[市省区县州]/.test(t)) full = region + full;
    }
    parts.push(full);
    cursor = u.end;
  }
  return {
    inText: text.slice(chain.start, chain.end),
    full: parts.join(''),
    region: organization ? undefined : region,
    organization,
  };
}

/**
 * The article's own province and city, for 省委书记/市长 written without a region outside any region
 * section: the province (city) the article names most, when one clearly leads. Counted on first use.
 */
export class ArticleRegion {
  private regions: { province?: string; city?: string } | undefined;
  /** `normalized` is the article normalised for matching; `spans` its final spans. */
  constructor(private readonly spans: RichSpan[], private readonly normalized: string) {}

  /** The article's province or city for a chain that starts with a province (city) post; else undefined. */
  of(chain: TitleChain): string | undefined {
    const head = this.normalized.slice(chain.units[0]?.start ?? chain.start, chain.units[0]?.end ?? chain.end);
    const level = /^省/.test(head) || /^(副|常务副|代)?省长$/.test(head) ? 'province' : /^市/.test(head) || /^(副|常务副|代)?市长$/.test(head) ? 'city' : undefined;
    if (!level) return undefined;
    this.regions ??= articleRegions(this.spans, this.normalized);
    return this.regions[level];
  }
}

/** The province and city an article names most (places in titles count thrice), if one clearly leads. */
function articleRegions(spans: RichSpan[], normalized: string): { province?: string; city?: string } {
  const prov = new Map<string, number>();
  const city = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string, w: number) => m.set(k, (m.get(k) ?? 0) + w);
  for (const sp of spans) {
    if (sp.type !== 'place') continue;
    const p = sp.place ?? lookupPlace(normalized.slice(sp.start, sp.end));
    if (!p) continue;
    const w = sp.priority >= 95 ? 3 : 1;
    if (p.level === 'province') {
      bump(prov, p.name, w);
      // 北京, 上海, 天津, 重庆: a 市 too
      if (/市$/.test(p.full)) bump(city, p.name, w);
    } else if (p.level === 'city' || p.level === 'district') {
      if (p.level === 'city') bump(city, p.name, w);
      let up = p.parents[0] ? lookupPlace(p.parents[0]) : undefined;
      for (let g = 0; up && up.level !== 'province' && g < 2; g++) up = up.parents[0] ? lookupPlace(up.parents[0]) : undefined;
      if (up) bump(prov, up.name, w);
    }
  }
  const lead = (m: Map<string, number>): string | undefined => {
    let best: string | undefined;
    let bestN = 0;
    let second = 0;
    for (const [k, v] of m) {
      if (v > bestN) {
        second = bestN;
        bestN = v;
        best = k;
      } else if (v > second) second = v;
    }
    return bestN > second ? best : undefined;
  };
  return { province: lead(prov), city: lead(city) };
}

