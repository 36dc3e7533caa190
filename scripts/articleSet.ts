/**
 * The real-article evaluation set: where its articles are, the shape of their expected readings
 * (test/data/articles/README.md), and the check that an expected file has that shape. Shared by
 * `npm run eval:articles` (scripts/evalArticles.ts) and the unit test that validates every file.
 *
 * Two generations of expected files exist:
 *  - the set proper (test/data/articles/{dev,heldout}): the full format, checked strictly;
 *  - the older dev fixtures (test/fixtures/articles, the shared seed fixture): written before the
 *    format had category/script/home_region/section/region fields, checked for the common core only.
 */
import * as fs from 'node:fs';
import { withoutReadings } from '../src/core/analysis/inlineReadings';
import * as path from 'node:path';
import { normalizeForMatching } from '../src/core';
import { findSharedDir } from './sharedData';

export type Split = 'dev' | 'heldout';

interface Hard {
  _hard?: boolean;
}
/** A government body, organization or medium: a bare name, or a name with the other forms used. */
export type NamedRef = string | ({ name: string; aliases?: string[] } & Hard);

export interface ExpectedOfficial extends Hard {
  name: string;
  /** Region of the post (canonical short name), 中央 for central posts, a country for foreign ones. */
  region: string | null;
  title_in_text: string;
  title_full: string;
  /** Section the person is mentioned in (null outside sections); absent in the older fixtures. */
  section?: string | null;
}
export interface ExpectedBusinessPerson extends Hard {
  name: string;
  company?: string | null;
  organization?: string | null;
  title_in_text: string;
  section?: string | null;
  region?: string | null;
}
export interface ExpectedCompany extends Hard {
  name: string;
  aliases: string[];
  sections: string[];
  /** Where the article places the company; absent in the older fixtures. */
  region?: string | null;
}
export interface ExpectedArticle {
  article?: string;
  about?: string;
  category?: string;
  script?: string;
  home_region?: string | null;
  regions_in_order: string[];
  officials: ExpectedOfficial[];
  business_people: ExpectedBusinessPerson[];
  other_people: ({ name: string; role: string | null } & Hard)[];
  companies: ExpectedCompany[];
  company_officials_met: Record<string, string[]>;
  government_bodies: NamedRef[];
  organizations?: NamedRef[];
  media: NamedRef[];
  places?: ({ name: string; within: string | null } & Hard)[];
  region_short_forms?: Record<string, unknown>;
  dates?: ({ text: string; section: string | null } & Hard)[];
}

export interface ArticleFile {
  split: Split;
  /** Slug (file name without .md). */
  slug: string;
  /** Where the article comes from: the set proper, the repo's fixtures, or the shared seed. */
  origin: 'set' | 'fixture' | 'seed';
  mdPath: string;
  expectedPath: string;
}

export const CATEGORIES = [
  'county', 'city', 'province', 'central', 'hk-macau', 'taiwan', 'business',
  'foreign', 'sectioned-digest', 'older-news', 'other',
] as const;

const root = path.join(__dirname, '..');
export const articleSetDir = path.join(root, 'test', 'data', 'articles');
const fixtureDir = path.join(root, 'test', 'fixtures', 'articles');

function pairsIn(dir: string, split: Split, origin: ArticleFile['origin']): ArticleFile[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.expected.json'))
    .sort()
    .map((f) => {
      const slug = f.slice(0, -'.expected.json'.length);
      return { split, slug, origin, mdPath: path.join(dir, `${slug}.md`), expectedPath: path.join(dir, f) };
    });
}

/** The shared seed fixture, found the way scripts/sharedData.ts finds the shared folder. */
export function seedArticle(): ArticleFile | undefined {
  const shared = findSharedDir();
  if (!shared) return undefined;
  const dir = path.join(shared, 'fixtures', 'articles');
  const md = path.join(dir, 'leaders-visit-firms.md');
  const exp = path.join(dir, 'leaders-visit-firms.expected.json');
  return fs.existsSync(md) && fs.existsSync(exp) ? { split: 'dev', slug: 'leaders-visit-firms', origin: 'seed', mdPath: md, expectedPath: exp } : undefined;
}

/** Every article of a split; dev includes the repo's article fixtures and the shared seed. */
export function articlesOf(split: Split): ArticleFile[] {
  const own = pairsIn(path.join(articleSetDir, split), split, 'set');
  if (split === 'heldout') return own;
  const seed = seedArticle();
  return [...own, ...pairsIn(fixtureDir, 'dev', 'fixture'), ...(seed ? [seed] : [])];
}

/* ------------------------------------------------------------------------------------------------ */
/* Names                                                                                             */

/** Comparison key of a name: script- and width-insensitive, whitespace ignored (崔 霞 = 崔霞). */
/** A name's or post's form for comparing: normalised, without spaces or a mirror's inline readings (鎮(zhèn)). */
export const nameKey = (s: string): string => normalizeForMatching(withoutReadings(s)).replace(/\s+/g, '');

export const refName = (r: NamedRef): string => (typeof r === 'string' ? r : r.name);
export const refAliases = (r: NamedRef): string[] => (typeof r === 'string' ? [] : r.aliases ?? []);
export const refHard = (r: NamedRef): boolean => typeof r !== 'string' && !!r._hard;

/* ------------------------------------------------------------------------------------------------ */
/* Validation                                                                                        */

const isStr = (x: unknown): x is string => typeof x === 'string';
const isStrOrNull = (x: unknown): x is string | null => x === null || typeof x === 'string';
const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/**
 * Problems with the shape of one expected reading ([] when it is well-formed). `strict` asks for the
 * full format of the set proper; otherwise only the core every expected file has is checked.
 * `text` (the article), when given, is used to check that every name occurs in it.
 */
export function validateExpected(raw: unknown, opts: { strict: boolean; text?: string; mdName?: string }): string[] {
  const p: string[] = [];
  if (!isObj(raw)) return ['not a JSON object'];
  const e = raw;
  const arr = (k: string): unknown[] => {
    if (!Array.isArray(e[k])) {
      p.push(`${k}: must be an array`);
      return [];
    }
    return e[k] as unknown[];
  };
  const hardOk = (where: string, o: Record<string, unknown>) => {
    if (o._hard !== undefined && typeof o._hard !== 'boolean') p.push(`${where}: _hard must be true/false`);
  };

  if (e.article !== undefined && !isStr(e.article)) p.push('article: must be a string');
  if (opts.mdName && isStr(e.article) && e.article !== opts.mdName) p.push(`article: "${e.article}" is not the article file ${opts.mdName}`);
  const regions = arr('regions_in_order');
  regions.forEach((r, i) => isStr(r) || p.push(`regions_in_order[${i}]: must be a string`));
  const sectionOk = (where: string, s: unknown, required: boolean) => {
    if (s === undefined) {
      if (required) p.push(`${where}.section: missing`);
    } else if (!isStrOrNull(s)) p.push(`${where}.section: must be a string or null`);
    else if (s !== null && !regions.includes(s)) p.push(`${where}.section: "${s}" is not one of regions_in_order`);
  };

  if (opts.strict) {
    for (const k of ['article', 'about', 'category', 'script']) if (!isStr(e[k])) p.push(`${k}: missing or not a string`);
    if (isStr(e.category) && !(CATEGORIES as readonly string[]).includes(e.category)) p.push(`category: "${e.category}" is not one of ${CATEGORIES.join(' ')}`);
    if (isStr(e.script) && e.script !== 'simplified' && e.script !== 'traditional') p.push(`script: "${e.script}" is not simplified/traditional`);
    if (!('home_region' in e) || !isStrOrNull(e.home_region)) p.push('home_region: missing, or not a string or null');
    if (!Array.isArray(e.organizations)) p.push('organizations: must be an array');
  }

  arr('officials').forEach((o, i) => {
    const w = `officials[${i}]`;
    if (!isObj(o)) return p.push(`${w}: must be an object`);
    if (!isStr(o.name) || !o.name) p.push(`${w}.name: missing`);
    if (!isStrOrNull(o.region)) p.push(`${w}.region: must be a string or null`);
    if (!isStr(o.title_in_text)) p.push(`${w}.title_in_text: must be a string`);
    if (!isStr(o.title_full)) p.push(`${w}.title_full: must be a string`);
    sectionOk(w, o.section, opts.strict);
    hardOk(w, o);
  });
  arr('business_people').forEach((b, i) => {
    const w = `business_people[${i}]`;
    if (!isObj(b)) return p.push(`${w}: must be an object`);
    if (!isStr(b.name) || !b.name) p.push(`${w}.name: missing`);
    if (b.company === undefined && b.organization === undefined) p.push(`${w}: needs company or organization (null when the article names none)`);
    if (b.company !== undefined && !isStrOrNull(b.company)) p.push(`${w}.company: must be a string or null`);
    if (b.organization !== undefined && !isStrOrNull(b.organization)) p.push(`${w}.organization: must be a string or null`);
    if (!isStr(b.title_in_text)) p.push(`${w}.title_in_text: must be a string`);
    sectionOk(w, b.section, true);
    if (opts.strict && !('region' in b && isStrOrNull(b.region))) p.push(`${w}.region: missing, or not a string or null`);
    hardOk(w, b);
  });
  arr('other_people').forEach((o, i) => {
    const w = `other_people[${i}]`;
    if (!isObj(o)) return p.push(`${w}: must be an object`);
    if (!isStr(o.name) || !o.name) p.push(`${w}.name: missing`);
    if (!isStrOrNull(o.role)) p.push(`${w}.role: must be a string or null`);
    hardOk(w, o);
  });
  arr('companies').forEach((c, i) => {
    const w = `companies[${i}]`;
    if (!isObj(c)) return p.push(`${w}: must be an object`);
    if (!isStr(c.name) || !c.name) p.push(`${w}.name: missing`);
    if (!Array.isArray(c.aliases) || !c.aliases.every(isStr)) p.push(`${w}.aliases: must be an array of strings`);
    if (!Array.isArray(c.sections) || !c.sections.every(isStr)) p.push(`${w}.sections: must be an array of strings`);
    else for (const s of c.sections) if (!regions.includes(s)) p.push(`${w}.sections: "${s}" is not one of regions_in_order`);
    if (opts.strict && !('region' in c && isStrOrNull(c.region))) p.push(`${w}.region: missing, or not a string or null`);
    hardOk(w, c);
  });
  for (const k of ['government_bodies', 'organizations', 'media']) {
    if (k === 'organizations' && e[k] === undefined) continue;
    arr(k).forEach((r, i) => {
      const w = `${k}[${i}]`;
      if (isStr(r)) return;
      if (!isObj(r) || !isStr(r.name)) return p.push(`${w}: must be a name or {"name", "aliases"}`);
      if (r.aliases !== undefined && !(Array.isArray(r.aliases) && r.aliases.every(isStr))) p.push(`${w}.aliases: must be an array of strings`);
      hardOk(w, r);
    });
  }
  if (!isObj(e.company_officials_met)) p.push('company_officials_met: must be an object');
  else
    for (const [k, v] of Object.entries(e.company_officials_met))
      if (!Array.isArray(v) || !v.every(isStr)) p.push(`company_officials_met["${k}"]: must be an array of names`);
  if (p.length) return p; // the cross-checks below assume the shapes above

  const exp = e as unknown as ExpectedArticle;
  // every employer and every company an official met is listed (under companies or organizations)
  const listed = new Set([...exp.companies.map((c) => c.name), ...(exp.organizations ?? []).map(refName)].map(nameKey));
  for (const b of exp.business_people) {
    const employer = b.company ?? b.organization;
    if (employer && !listed.has(nameKey(employer))) p.push(`business_people ${b.name}: employer "${employer}" is not listed under companies or organizations`);
  }
  const officialKeys = new Set(exp.officials.map((o) => nameKey(o.name)));
  for (const [company, who] of Object.entries(exp.company_officials_met)) {
    if (!listed.has(nameKey(company))) p.push(`company_officials_met: "${company}" is not listed under companies or organizations`);
    for (const o of who) if (!officialKeys.has(nameKey(o))) p.push(`company_officials_met["${company}"]: "${o}" is not listed under officials`);
  }
  if (opts.text !== undefined) {
    const text = nameKey(opts.text);
    const names: [string, string][] = [];
    for (const k of ['officials', 'business_people', 'other_people'] as const) for (const x of exp[k]) names.push([k, x.name]);
    for (const c of exp.companies) for (const n of [c.name, ...c.aliases]) names.push(['companies', n]);
    for (const k of ['government_bodies', 'organizations', 'media'] as const)
      for (const r of exp[k] ?? []) for (const n of [refName(r), ...refAliases(r)]) names.push([k, n]);
    for (const [k, n] of names) if (!text.includes(nameKey(n))) p.push(`${k}: "${n}" does not occur in the article`);
  }
  return p;
}

export class MalformedExpected extends Error {}

/** An article's text and expected reading; throws MalformedExpected (naming the file) when malformed. */
export function loadArticle(f: ArticleFile): { text: string; expected: ExpectedArticle } {
  const rel = path.relative(process.cwd(), f.expectedPath) || f.expectedPath;
  if (!fs.existsSync(f.mdPath)) throw new MalformedExpected(`${rel}: its article ${path.basename(f.mdPath)} is missing`);
  const text = fs.readFileSync(f.mdPath, 'utf8');
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(f.expectedPath, 'utf8'));
  } catch (err) {
    throw new MalformedExpected(`${rel}: not valid JSON (${(err as Error).message})`);
  }
  const problems = validateExpected(raw, { strict: f.origin === 'set', text, mdName: path.basename(f.mdPath) });
  if (problems.length) throw new MalformedExpected(`${rel}: ${problems[0]}${problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''}`);
  return { text, expected: raw as ExpectedArticle };
}
