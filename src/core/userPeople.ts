/**
 * The user's corrections about people (`.vscode/news-lens.json`): "X is an official with title T"
 * and "X works for organization O as role R". The core's recognition reads the user lexicon (so X is
 * a person at all); this applies what the lexicon cannot say, after analysis: the person's role, the
 * title as written and in full (the region spelled out as the core does: 市长 in a 北京 section →
 * 北京市市长), and the organization. Pure; never throws; an analysis without such corrections is
 * returned as it is.
 */
import { lookupPlace } from './lexicon';
import { normalizeForMatching } from './normalize';
import type { Analysis, Entity, PersonRole, TitleInfo } from './types';

export interface UserPerson {
  /** The name as the article writes it. */
  text: string;
  role?: PersonRole;
  /** The title as the article writes it (a chain such as 市委副书记、市长 is fine). */
  title?: string;
  /** The company or organization the person represents. */
  organization?: string;
}

const REGION_HEAD = /^(副|常务副|代)?(市长|省长|区长|县长|州长)$/;

/** A title's full form in a region: each link of the chain gets the region it lacks. */
export function fullTitle(title: string, region: string | undefined): string {
  if (!region) return title;
  return title
    .split(/([、，,；兼])/)
    .map((link, i) => {
      if (i % 2 === 1 || !link) return link;
      if (REGION_HEAD.test(link)) return (lookupPlace(region)?.full ?? region) + link;
      if (/^[市省区县州]/.test(link)) return region + link;
      return link;
    })
    .join('');
}

const N = (s: string) => normalizeForMatching(s);

function regionOf(analysis: Analysis, e: Entity): string | undefined {
  if (e.region) return e.region;
  const first = [...e.mentions].sort((a, b) => a.start - b.start)[0];
  return first?.regionId ? analysis.regions.find((r) => r.id === first.regionId)?.name : undefined;
}

export function applyUserPeople(analysis: Analysis, people: readonly UserPerson[] | undefined): Analysis {
  try {
    if (!people?.length) return analysis;
    const byName = new Map<string, UserPerson>();
    for (const p of people) if (p && typeof p.text === 'string' && p.text.trim()) byName.set(N(p.text.trim()), p);
    let changed = false;
    const entities = analysis.entities.map((e) => {
      if (e.type !== 'person') return e;
      const p = byName.get(N(e.name)) ?? e.aliases.map((a) => byName.get(N(a))).find(Boolean);
      if (!p) return e;
      changed = true;
      const region = regionOf(analysis, e);
      const out: Entity = { ...e };
      if (p.organization) out.organization = p.organization.trim();
      const role: PersonRole | undefined = p.role ?? (p.title && !p.organization ? 'official' : p.organization ? 'business' : undefined);
      if (role) out.role = role;
      if (p.title?.trim()) {
        const inText = p.title.trim();
        const info: TitleInfo =
          role === 'official' || (!out.organization && role !== 'business')
            ? { inText, full: fullTitle(inText, region), region }
            : { inText, full: inText, organization: out.organization };
        out.titles = [info, ...e.titles.filter((t) => t.inText !== inText)];
      }
      if (role === 'official' && region && !out.region) out.region = region;
      return out;
    });
    if (!changed) return analysis;
    return { ...analysis, entities };
  } catch {
    return analysis;
  }
}
