/**
 * Checking an Analysis against a hand-written `<article>.expected.json` (the shared fixture and the
 * real-article fixtures in test/fixtures/articles). Every expectation is checked and every miss is
 * collected, so one run shows everything that is wrong. An expectation marked `"_hard": true` (a fact
 * that needs world knowledge rules cannot bundle) is reported separately instead of failing.
 *
 * Names are compared script- and width-insensitively (normalizeForMatching), so a traditional article
 * may be annotated as written while regions use their canonical names.
 */
import { normalizeForMatching, type Analysis, type Entity } from '../../../src/core';

type Hard = { _hard?: boolean };
type RegionRef = string | { region: string; _hard?: boolean };

export interface ExpectedArticle {
  article?: string;
  regions_in_order: string[];
  officials: ({ name: string; region: string | null; title_in_text: string; title_full: string } & Hard)[];
  business_people: ({ name: string; company?: string; organization?: string; title_in_text: string; section: string | null } & Hard)[];
  other_people: ({ name: string; role: string | null } & Hard)[];
  companies: ({ name: string; aliases: string[]; sections: string[] } & Hard)[];
  company_officials_met: Record<string, string[]>;
  government_bodies: string[];
  organizations?: string[];
  media: string[];
  places: ({ name: string; within: string | null } & Hard)[];
  region_short_forms: Record<string, RegionRef>;
  dates: ({ text: string; section: string | null } & Hard)[];
}

export interface CheckOutcome {
  /** Expectations the analysis does not meet. */
  failures: string[];
  /** `_hard` expectations the analysis does not meet (reported, not failed). */
  hardMisses: string[];
  /** `_hard` expectations the analysis meets anyway. */
  hardMet: string[];
  /** How many expectations were checked. */
  checked: number;
}

const N = (s: string | null | undefined): string | undefined => (s == null ? undefined : normalizeForMatching(s));
const same = (a: string | null | undefined, b: string | null | undefined) => N(a) === N(b);

export function checkExpected(a: Analysis, exp: ExpectedArticle, exact: boolean): CheckOutcome {
  const out: CheckOutcome = { failures: [], hardMisses: [], hardMet: [], checked: 0 };
  // one expectation: all its checks pass, or the first miss is recorded (as a failure or a hard miss)
  const expect = (label: string, hard: boolean | undefined, body: (miss: (why: string) => void) => void) => {
    let missed: string | undefined;
    out.checked++;
    body((why) => {
      if (missed === undefined) missed = why;
    });
    if (missed === undefined) {
      if (hard) out.hardMet.push(label);
    } else (hard ? out.hardMisses : out.failures).push(`${label}: ${missed}`);
  };
  const find = (type: Entity['type'], name: string) => a.entities.find((e) => e.type === type && same(e.name, name));
  const findAny = (name: string) => a.entities.find((e) => same(e.name, name));
  const regionName = (id: string | undefined) => a.regions.find((r) => r.id === id)?.name ?? null;
  const show = (type: Entity['type']) => a.entities.filter((x) => x.type === type).map((x) => x.name).join(' ');

  expect('regions in order', false, (miss) => {
    const got = a.regions.map((r) => r.name);
    if (got.length !== exp.regions_in_order.length || got.some((g, i) => !same(g, exp.regions_in_order[i])))
      miss(`got ${JSON.stringify(got)}, expected ${JSON.stringify(exp.regions_in_order)}`);
  });

  for (const o of exp.officials) {
    expect(`official ${o.name}`, o._hard, (miss) => {
      const e = find('person', o.name);
      if (!e) return miss(`not found; people: ${show('person')}`);
      if (e.role !== 'official') miss(`role ${e.role}`);
      if (!same(e.region, o.region)) miss(`region ${e.region}, expected ${o.region}`);
      const t = e.titles.find((x) => same(x.inText, o.title_in_text));
      if (!t) return miss(`title in text ${o.title_in_text}, got ${JSON.stringify(e.titles.map((x) => x.inText))}`);
      if (!same(t.full, o.title_full)) miss(`full title ${t.full}, expected ${o.title_full}`);
    });
  }
  for (const b of exp.business_people) {
    const employer = b.company ?? b.organization ?? '';
    expect(`business person ${b.name} (${employer})`, b._hard, (miss) => {
      const e = find('person', b.name);
      if (!e) return miss(`not found; people: ${show('person')}`);
      if (e.role !== 'business') miss(`role ${e.role}`);
      if (!same(e.organization, employer)) miss(`organization ${e.organization}`);
      if (!e.titles.some((t) => same(t.inText, b.title_in_text) && same(t.organization, employer)))
        miss(`title ${b.title_in_text} at ${employer}, got ${JSON.stringify(e.titles)}`);
      if (!same(regionName(e.sections[0]), b.section)) miss(`section ${regionName(e.sections[0])}, expected ${b.section}`);
      const org = b.company ? find('company', b.company) : findAny(employer);
      if (!org) return miss(`employer ${employer} is not an entity`);
      if (!a.relations.some((r) => r.kind === 'works-for' && r.from === e.id && r.to === org.id)) miss(`no works-for ${org.id}`);
    });
  }
  for (const p of exp.other_people) {
    expect(`other person ${p.name}`, p._hard, (miss) => {
      const e = find('person', p.name);
      if (!e) return miss(`not found; people: ${show('person')}`);
      if (e.role !== 'other') miss(`role ${e.role}`);
      if (p.role != null && !e.titles.some((t) => same(t.inText, p.role))) miss(`labelled ${p.role}, got ${JSON.stringify(e.titles.map((t) => t.inText))}`);
    });
  }
  for (const c of exp.companies) {
    expect(`company ${c.name}`, c._hard, (miss) => {
      const e = find('company', c.name);
      if (!e) return miss(`not found; companies: ${show('company')}`);
      for (const al of c.aliases) if (!e.aliases.some((x) => same(x, al))) miss(`alias ${al} (got ${e.aliases})`);
      for (const s of c.sections) if (!e.sections.map(regionName).some((x) => same(x, s))) miss(`not in section ${s}`);
    });
  }
  for (const [company, officials] of Object.entries(exp.company_officials_met)) {
    for (const o of officials) {
      expect(`${o} met ${company}`, false, (miss) => {
        const p = find('person', o);
        const c = find('company', company);
        if (!p || !c) return miss(`${p ? '' : o}${!p && !c ? ' and ' : ''}${c ? '' : company} not found`);
        if (!a.relations.some((r) => r.kind === 'met' && r.from === p.id && r.to === c.id)) miss('no met relation');
      });
    }
  }
  for (const g of exp.government_bodies) expect(`government body ${g}`, false, (miss) => find('government', g) || miss(`not found; government: ${show('government')}`));
  for (const g of exp.organizations ?? []) expect(`organization ${g}`, false, (miss) => find('organization', g) || miss(`not found; organizations: ${show('organization')}`));
  for (const m of exp.media) expect(`media ${m}`, false, (miss) => find('organization', m) || miss(`not found; organizations: ${show('organization')}`));
  for (const p of exp.places) {
    expect(`place ${p.name}`, p._hard, (miss) => {
      const e = find('place', p.name);
      if (!e) return miss(`not found; places: ${show('place')}`);
      if (!same(e.within, p.within)) miss(`within ${e.within}, expected ${p.within}`);
    });
  }
  for (const [short, ref] of Object.entries(exp.region_short_forms)) {
    const region = typeof ref === 'string' ? ref : ref.region;
    expect(`${short} is a mention of ${region}`, typeof ref === 'string' ? false : ref._hard, (miss) => {
      const e = find('place', region);
      if (!e) return miss(`region place ${region} not found`);
      if (!e.mentions.some((m) => m.text === short)) miss(`mentions: ${e.mentions.map((m) => m.text)}`);
    });
  }
  for (const d of exp.dates) {
    expect(`date ${d.text} in ${d.section}`, d._hard, (miss) => {
      if (!a.mentions.some((m) => m.type === 'date' && m.text === d.text && same(regionName(m.regionId), d.section)))
        miss(`dates: ${a.mentions.filter((m) => m.type === 'date').map((m) => `${m.text}@${regionName(m.regionId)}`).join(' ')}`);
    });
  }
  expect('mentions are well-formed and do not overlap', false, (miss) => {
    for (const m of a.mentions) if (!(m.start < m.end)) miss(`empty mention at ${m.start}`);
    for (let i = 1; i < a.mentions.length; i++) if (a.mentions[i - 1].end > a.mentions[i].start) miss(`overlap at ${a.mentions[i].start}`);
  });

  if (exact) {
    const names = (type: Entity['type'], role?: string) =>
      a.entities.filter((e) => e.type === type && (!role || e.role === role)).map((e) => N(e.name)!).sort();
    // a _hard entry may be missing, and may be present, without failing the exact sets
    const want = (xs: ({ name: string } & Hard)[]) => xs.filter((x) => !x._hard).map((x) => N(x.name)!).sort();
    const hardNames = [...exp.officials, ...exp.business_people, ...exp.other_people, ...exp.companies].filter((x) => x._hard).map((x) => N(x.name)!);
    const sameSet = (label: string, got: string[], expected: string[]) =>
      expect(label, false, (miss) => {
        const extra = got.filter((g) => !expected.includes(g) && !hardNames.includes(g));
        const missing = expected.filter((x) => !got.includes(x));
        if (extra.length || missing.length) miss(`extra ${JSON.stringify(extra)}, missing ${JSON.stringify(missing)}`);
      });
    sameSet('exactly the officials', names('person', 'official'), want(exp.officials));
    sameSet('exactly the business people', names('person', 'business'), want(exp.business_people));
    sameSet('exactly the companies', names('company'), want(exp.companies));
    sameSet('exactly the people', names('person'), want([...exp.officials, ...exp.business_people, ...exp.other_people]));
  }
  return out;
}
