/**
 * Scores News Lens on whole real articles (test/data/articles/README.md): what a careful reader finds
 * in each article against what analyze() finds, per split.
 *
 *   npm run eval:articles                      both splits: a table each, and dev's per-article misses
 *   npm run eval:articles -- --split dev       one split (dev | heldout)
 *   npm run eval:articles -- --quiet           dev without its per-article misses
 *   npm run eval:articles -- --json FILE       also writes the tables (and dev's misses) as JSON
 *
 * dev = test/data/articles/dev + test/fixtures/articles + the shared seed fixture; heldout =
 * test/data/articles/heldout, of which only the aggregate table is ever printed or written (no
 * per-article line, under any flag): nobody tunes on it. This is a measurement, not a test: the exit
 * code is 0 whatever the scores, and 2 (with one line naming the file) when an expected file is
 * malformed. Names are compared script-, width- and whitespace-insensitively; regions through the
 * region hierarchy (江苏省 = 江苏), 中央 and country names as written. "placed in expected region" counts
 * every expected official and company (one News Lens does not recognise as such is a miss); "(recognised)"
 * only those it recognises as an official or a company: the grouping's own share; "(unsectioned
 * articles)" every expected one in the articles without sections of their own (the inferred regions). Entries marked `_hard` are not
 * scored against us (and an entity matching one is never counted as false).
 */
import * as fs from 'node:fs';
import { analyze, groupedRegion, regionHierarchy, type Analysis, type Entity } from '../src/core';
import { articlesOf, loadArticle, MalformedExpected, nameKey, refAliases, refHard, refName, type ArticleFile, type ExpectedArticle, type Split } from './articleSet';
import { flag, opt } from './cliArgs';

/**
 * The region News Lens groups an entity under: the first group of the analysis' grouping that holds
 * it (a section, an inferred group nested in one, or a top-level inferred group; grouping.ts).
 */
export function placedRegion(analysis: Analysis, entity: Entity): string | undefined {
  return groupedRegion(analysis.grouping, entity.id);
}

interface Ratio {
  n: number;
  d: number;
}
const METRICS = [
  'official recall',
  'official precision',
  'title as stated correct',
  'full title correct',
  'region correct',
  'business-person recall',
  'company correct (business people)',
  'company recall',
  'company precision',
  'alias pairs joined',
  'government/organization recall',
  'false persons per article',
  'false companies per article',
  'sections exact (sectioned articles)',
  'no section opened (unsectioned articles)',
  'placed in expected section',
  'placed in expected region',
  'placed in expected region (recognised)',
  'placed in expected region (unsectioned articles)',
] as const;
type Metric = (typeof METRICS)[number];
/** Metrics that are counts per article, not percentages. */
const PER_ARTICLE: Metric[] = ['false persons per article', 'false companies per article'];

type Tally = Record<Metric, Ratio>;
const newTally = (): Tally => Object.fromEntries(METRICS.map((m) => [m, { n: 0, d: 0 }])) as Tally;

/** Canonical region for comparison: 江苏省 → 江苏; 中央 and unknown names as written. */
function canonRegion(x: string | null | undefined): string | null {
  if (x == null || x === '') return null;
  return nameKey(regionHierarchy.lookup(x)?.name ?? x);
}

/** Scores one article into `t`; `miss` (dev only) receives a short line per miss. */
function scoreArticle(a: Analysis, exp: ExpectedArticle, t: Tally, miss?: (line: string) => void): void {
  const count = (m: Metric, ok: boolean, why?: (() => string) | false) => {
    t[m].d++;
    if (ok) t[m].n++;
    else if (miss && why) miss(`${m}: ${why()}`);
  };
  const keysOf = (e: Entity) => [e.name, ...e.aliases].map(nameKey);
  const regionName = (id: string | undefined) => a.regions.find((r) => r.id === id)?.name ?? null;
  const people = a.entities.filter((e) => e.type === 'person');
  const companies = a.entities.filter((e) => e.type === 'company');
  const personNamed = (name: string) => {
    const k = nameKey(name);
    const hits = people.filter((e) => keysOf(e).includes(k));
    return hits.find((e) => e.role === 'official') ?? hits.find((e) => e.role === 'business') ?? hits[0];
  };
  const companyNamed = (names: string[]) => {
    const ks = names.map(nameKey);
    return companies.find((e) => keysOf(e).some((k) => ks.includes(k)));
  };
  const who = (e: Entity | undefined) => (e ? `a person with role ${e.role ?? 'none'}` : 'not found');

  // every name a person / company of the article may rightly have, and the _hard names
  const hardKeys = new Set<string>();
  const markHard = (hard: boolean | undefined, names: string[]) => hard && names.forEach((n) => hardKeys.add(nameKey(n)));
  const expectedPersonKeys = new Set<string>();
  for (const p of [...exp.officials, ...exp.business_people, ...exp.other_people]) {
    expectedPersonKeys.add(nameKey(p.name));
    markHard(p._hard, [p.name]);
  }
  const companyNames = new Map<string, string[]>(); // canonical name → all its forms
  for (const c of exp.companies) {
    companyNames.set(c.name, [c.name, ...c.aliases]);
    markHard(c._hard, [c.name, ...c.aliases]);
  }
  const orgRefs = [...exp.government_bodies, ...(exp.organizations ?? []), ...exp.media];
  for (const r of orgRefs) markHard(refHard(r), [refName(r), ...refAliases(r)]);
  for (const p of exp.places ?? []) markHard(p._hard, [p.name]);
  const employerForms = (name: string): string[] => {
    const ref = orgRefs.find((r) => nameKey(refName(r)) === nameKey(name));
    return companyNames.get(name) ?? (ref ? [refName(ref), ...refAliases(ref)] : [name]);
  };

  // officials
  const expectedOfficialKeys = new Set(exp.officials.map((o) => nameKey(o.name)));
  for (const o of exp.officials) {
    if (o._hard) continue;
    const e = personNamed(o.name);
    const found = e?.role === 'official' ? e : undefined;
    count('official recall', !!found, () => `${o.name} ${who(e)}`);
    // an official not found is one miss line (above); the metrics that depend on it count it silently
    if (o.title_in_text) {
      const t = found?.titles.find((x) => nameKey(x.inText) === nameKey(o.title_in_text));
      count('title as stated correct', !!t, found && (() => `${o.name} titles ${JSON.stringify(found.titles.map((x) => x.inText))}, expected ${o.title_in_text}`));
      count('full title correct', !!t && nameKey(t.full) === nameKey(o.title_full), t && (() => `${o.name} full ${t.full}, expected ${o.title_full}`));
    }
    count('region correct', !!found && canonRegion(found.region) === canonRegion(o.region), found && (() => `${o.name} region ${found.region ?? 'none'}, expected ${o.region}`));
  }
  for (const e of people.filter((x) => x.role === 'official')) {
    count('official precision', keysOf(e).some((k) => expectedOfficialKeys.has(k)), () => `${e.name} is not an expected official`);
  }

  // business people and their employers
  for (const b of exp.business_people) {
    if (b._hard) continue;
    const e = personNamed(b.name);
    const found = e?.role === 'business' ? e : undefined;
    count('business-person recall', !!found, () => `${b.name} ${who(e)}`);
    const employer = b.company ?? b.organization;
    if (employer) {
      const forms = employerForms(employer).map(nameKey);
      count('company correct (business people)', !!found?.organization && forms.includes(nameKey(found.organization)), found && (() => `${b.name} organization ${found.organization ?? 'none'}, expected ${employer}`));
    }
  }

  // companies
  for (const c of exp.companies) {
    if (c._hard) continue;
    count('company recall', !!companyNamed([c.name, ...c.aliases]), () => c.name);
  }
  for (const e of companies) {
    const ok = [...companyNames.values()].some((forms) => forms.some((f) => keysOf(e).includes(nameKey(f))));
    count('company precision', ok, () => `${e.name} is not an expected company`);
  }

  // alias pairs: a name and each other form of it land in one entity
  const pairs: [string, string][] = [];
  for (const c of exp.companies) if (!c._hard) for (const al of c.aliases) pairs.push([c.name, al]);
  for (const r of orgRefs) if (!refHard(r)) for (const al of refAliases(r)) pairs.push([refName(r), al]);
  for (const [n, al] of pairs) {
    const joined = a.entities.some((e) => keysOf(e).includes(nameKey(n)) && keysOf(e).includes(nameKey(al)));
    count('alias pairs joined', joined, () => `${n} ↔ ${al}`);
  }

  // government bodies, organizations, media: found as a government or organization entity
  const bodies = a.entities.filter((e) => e.type === 'government' || e.type === 'organization');
  for (const r of orgRefs) {
    if (refHard(r)) continue;
    const forms = [refName(r), ...refAliases(r)].map(nameKey);
    count('government/organization recall', bodies.some((e) => keysOf(e).some((k) => forms.includes(k))), () => refName(r));
  }

  // false persons / companies (counts per article: d counts articles, see scoreSplit)
  const falsePersons = people.filter((e) => !keysOf(e).some((k) => expectedPersonKeys.has(k) || hardKeys.has(k)));
  const falseCompanies = companies.filter((e) => !keysOf(e).some((k) => hardKeys.has(k) || [...companyNames.values()].some((forms) => forms.map(nameKey).includes(k))));
  t['false persons per article'].n += falsePersons.length;
  t['false companies per article'].n += falseCompanies.length;
  t['false persons per article'].d++;
  t['false companies per article'].d++;
  if (miss) {
    for (const e of falsePersons) miss(`false person: ${e.name} (${e.role ?? 'no role'})`);
    for (const e of falseCompanies) miss(`false company: ${e.name}`);
  }

  // sections
  const got = a.regions.map((r) => canonRegion(r.name));
  const want = exp.regions_in_order.map(canonRegion);
  if (want.length) {
    const exact = got.length === want.length && got.every((g, i) => g === want[i]);
    count('sections exact (sectioned articles)', exact, () => `got ${JSON.stringify(a.regions.map((r) => r.name))}, expected ${JSON.stringify(exp.regions_in_order)}`);
    for (const o of exp.officials) {
      if (o._hard || o.section === undefined) continue;
      const e = personNamed(o.name);
      // (a person's section is the one of the first mention: null for a lead before the sections,
      // test/data/articles/README.md)
      const first = e?.mentions.reduce<Entity['mentions'][number] | undefined>((b, m) => (!b || m.start < b.start ? m : b), undefined);
      const s = e ? regionName(first?.regionId) : null;
      count('placed in expected section', !!e && canonRegion(s) === canonRegion(o.section), e && (() => `${o.name} in ${s ?? 'the lead'}, expected ${o.section ?? 'the lead'}`));
    }
    for (const c of exp.companies) {
      if (c._hard) continue;
      const e = companyNamed([c.name, ...c.aliases]);
      const s = e ? regionName(e.sections[0]) : null;
      const expected = c.sections[0] ?? null;
      count('placed in expected section', !!e && canonRegion(s) === canonRegion(expected), e && (() => `${c.name} in ${s ?? 'the lead'}, expected ${expected ?? 'the lead'}`));
    }
  } else {
    count('no section opened (unsectioned articles)', got.length === 0, () => `opened ${JSON.stringify(a.regions.map((r) => r.name))}`);
  }

  // placement: the region an entity is grouped under vs the region the reader gives it
  for (const o of exp.officials) {
    if (o._hard || !o.region) continue;
    const e = personNamed(o.name);
    const placed = e ? placedRegion(a, e) : undefined;
    count('placed in expected region', !!e && canonRegion(placed) === canonRegion(o.region), e && (() => `${o.name} under ${placed ?? 'no region'}, expected ${o.region}`));
    if (!want.length) count('placed in expected region (unsectioned articles)', !!e && canonRegion(placed) === canonRegion(o.region));
    // the grouping's own share: only officials News Lens recognised as officials
    if (e?.role === 'official') count('placed in expected region (recognised)', canonRegion(placed) === canonRegion(o.region));
  }
  for (const c of exp.companies) {
    if (c._hard || !c.region) continue;
    const e = companyNamed([c.name, ...c.aliases]);
    const placed = e ? placedRegion(a, e) : undefined;
    count('placed in expected region', !!e && canonRegion(placed) === canonRegion(c.region), e && (() => `${c.name} under ${placed ?? 'no region'}, expected ${c.region}`));
    if (!want.length) count('placed in expected region (unsectioned articles)', !!e && canonRegion(placed) === canonRegion(c.region));
    if (e) count('placed in expected region (recognised)', canonRegion(placed) === canonRegion(c.region));
  }
}

interface SplitResult {
  split: Split;
  articles: number;
  table: { metric: Metric; value: number | null; n: number; d: number }[];
  /** dev only: per-article misses. */
  misses?: { article: string; lines: string[] }[];
}

function scoreSplit(split: Split, files: ArticleFile[]): SplitResult {
  const t = newTally();
  const misses: { article: string; lines: string[] }[] = [];
  for (const f of files) {
    const { text, expected } = loadArticle(f);
    const lines: string[] = [];
    // held-out articles get no miss collector at all: their per-article errors never exist to print
    scoreArticle(analyze(text), expected, t, split === 'dev' ? (l) => lines.push(l) : undefined);
    if (split === 'dev' && lines.length) misses.push({ article: f.slug, lines });
  }
  const table = METRICS.map((metric) => {
    const { n, d } = t[metric];
    const value = d === 0 ? null : PER_ARTICLE.includes(metric) ? n / d : (100 * n) / d;
    return { metric, value, n, d };
  });
  return { split, articles: files.length, table, ...(split === 'dev' ? { misses } : {}) };
}

function printTable(r: SplitResult): void {
  const w = Math.max(...METRICS.map((m) => m.length));
  console.log(`\n${r.split} — ${r.articles} articles`);
  console.log(`${'metric'.padEnd(w)}  ${'value'.padStart(7)}  n/d`);
  for (const row of r.table) {
    const per = PER_ARTICLE.includes(row.metric);
    const v = row.value === null ? '—' : per ? row.value.toFixed(2) : `${row.value.toFixed(1)}%`;
    console.log(`${row.metric.padEnd(w)}  ${v.padStart(7)}  ${row.n}/${row.d}${per ? ' articles' : ''}`);
  }
}

function main(): number {
  const only = opt('split');
  if (only !== undefined && only !== 'dev' && only !== 'heldout') {
    console.error(`eval:articles: --split must be dev or heldout, not "${only}"`);
    return 2;
  }
  const splits: Split[] = only ? [only] : ['dev', 'heldout'];
  const results: SplitResult[] = [];
  try {
    for (const s of splits) {
      const files = articlesOf(s);
      if (s === 'dev' && !files.some((f) => f.origin === 'seed')) console.error('eval:articles: note: the shared seed fixture was not found (../shared or NEWS_LENS_SHARED); dev is scored without it');
      results.push(scoreSplit(s, files));
    }
  } catch (e) {
    if (e instanceof MalformedExpected) {
      console.error(`eval:articles: malformed expected file ${e.message}`);
      return 2;
    }
    throw e;
  }
  for (const r of results) {
    printTable(r);
    if (r.split === 'dev' && r.misses && !flag('quiet')) {
      console.log('\ndev misses (per article):');
      for (const m of r.misses) for (const l of m.lines) console.log(`  ${m.article}: ${l}`);
    }
  }
  const out = opt('json');
  if (out) {
    fs.writeFileSync(out, JSON.stringify({ results }, null, 2) + '\n');
    console.log(`\nwrote ${out}`);
  }
  return 0;
}

if (require.main === module) process.exitCode = main();
