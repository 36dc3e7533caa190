import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis, type Entity } from '../../../src/core';
import { findShared, repoRoot } from './helpers';

interface Expected {
  regions_in_order: string[];
  officials: { name: string; region: string; title_in_text: string; title_full: string }[];
  business_people: { name: string; company: string; title_in_text: string; section: string }[];
  other_people: { name: string; role: string }[];
  companies: { name: string; aliases: string[]; sections: string[] }[];
  company_officials_met: Record<string, string[]>;
  government_bodies: string[];
  media: string[];
  places: { name: string; within: string }[];
  region_short_forms: Record<string, string>;
  dates: { text: string; section: string | null }[];
}

const shared = findShared();
const articlePath = shared && path.join(shared, 'fixtures/articles/leaders-visit-firms.md');
const expectedPath = shared && path.join(shared, 'fixtures/articles/leaders-visit-firms.expected.json');

function checkArticle(a: Analysis, exp: Expected, exact: boolean): void {
  const find = (type: Entity['type'], name: string) => a.entities.find((e) => e.type === type && e.name === name);
  const regionName = (id: string | undefined) => a.regions.find((r) => r.id === id)?.name ?? null;

  assert.deepEqual(a.regions.map((r) => r.name), exp.regions_in_order, 'regions in order');

  for (const o of exp.officials) {
    const e = find('person', o.name);
    assert.ok(e, `official ${o.name} found`);
    assert.equal(e.role, 'official', `${o.name} is an official`);
    assert.equal(e.region, o.region, `${o.name} region`);
    const t = e.titles.find((x) => x.inText === o.title_in_text);
    assert.ok(t, `${o.name} title in text ${o.title_in_text}, got ${JSON.stringify(e.titles)}`);
    assert.equal(t.full, o.title_full, `${o.name} full title`);
  }
  for (const b of exp.business_people) {
    const e = find('person', b.name);
    assert.ok(e, `business person ${b.name}`);
    assert.equal(e.role, 'business', `${b.name} role`);
    assert.equal(e.organization, b.company, `${b.name} company`);
    assert.ok(e.titles.some((t) => t.inText === b.title_in_text && t.organization === b.company), `${b.name} title ${JSON.stringify(e.titles)}`);
    assert.equal(regionName(e.sections[0]), b.section, `${b.name} section`);
    assert.ok(a.relations.some((r) => r.kind === 'works-for' && r.from === e.id && r.to === `company:${b.company}`), `${b.name} works-for`);
  }
  for (const p of exp.other_people) {
    const e = find('person', p.name);
    assert.ok(e, `other person ${p.name}`);
    assert.equal(e.role, 'other');
    assert.ok(e.titles.some((t) => t.inText === p.role), `${p.name} labelled ${p.role}`);
  }
  for (const c of exp.companies) {
    const e = find('company', c.name);
    assert.ok(e, `company ${c.name}; companies: ${a.entities.filter((x) => x.type === 'company').map((x) => x.name)}`);
    for (const al of c.aliases) assert.ok(e.aliases.includes(al), `${c.name} alias ${al} (got ${e.aliases})`);
    for (const s of c.sections) assert.ok(e.sections.map(regionName).includes(s), `${c.name} in section ${s}`);
  }
  for (const [company, officials] of Object.entries(exp.company_officials_met)) {
    for (const o of officials) {
      assert.ok(
        a.relations.some((r) => r.kind === 'met' && r.from === `person:${o}` && r.to === `company:${company}`),
        `${o} met ${company}`,
      );
    }
  }
  for (const g of exp.government_bodies) assert.ok(find('government', g), `government body ${g}`);
  for (const m of exp.media) assert.ok(find('organization', m), `media ${m}`);
  for (const p of exp.places) {
    const e = find('place', p.name);
    assert.ok(e, `place ${p.name}`);
    assert.equal(e.within, p.within, `${p.name} within`);
  }
  for (const [short, region] of Object.entries(exp.region_short_forms)) {
    const e = find('place', region);
    assert.ok(e, `region place ${region}`);
    assert.ok(e.mentions.some((m) => m.text === short), `${short} is a mention of ${region}`);
  }
  for (const d of exp.dates) {
    assert.ok(
      a.mentions.some((m) => m.type === 'date' && m.text === d.text && regionName(m.regionId) === d.section),
      `date ${d.text} in ${d.section}`,
    );
  }
  // the lead (before the first region marker) has no region
  const leadDate = a.mentions.find((m) => m.text === '2月18日至20日');
  assert.equal(leadDate?.regionId, undefined);
  // offsets are consistent with the text
  for (const m of a.mentions) assert.ok(m.start < m.end);
  for (let i = 1; i < a.mentions.length; i++) assert.ok(a.mentions[i - 1].end <= a.mentions[i].start, 'mentions do not overlap');

  if (exact) {
    const names = (type: Entity['type'], role?: string) =>
      a.entities.filter((e) => e.type === type && (!role || e.role === role)).map((e) => e.name).sort();
    assert.deepEqual(names('person', 'official'), exp.officials.map((o) => o.name).sort(), 'exactly the officials');
    assert.deepEqual(names('person', 'business'), exp.business_people.map((o) => o.name).sort(), 'exactly the business people');
    assert.deepEqual(names('company'), exp.companies.map((c) => c.name).sort(), 'exactly the companies');
    assert.deepEqual(names('person').length, exp.officials.length + exp.business_people.length + exp.other_people.length, 'no extra people');
  }
}

describe('fixture: leaders-visit-firms', function () {
  before(function () {
    if (!articlePath || !fs.existsSync(articlePath)) this.skip();
  });

  it('rules alone find exactly what the expected file lists', function () {
    const text = fs.readFileSync(articlePath!, 'utf8');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as Expected;
    checkArticle(analyze(text, { useModel: false }), exp, true);
  });

  it('rules + model (default pipeline) still find everything expected', function () {
    const text = fs.readFileSync(articlePath!, 'utf8');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as Expected;
    checkArticle(analyze(text), exp, false);
  });

  it('the copy in samples/ is the same article and gives the same result', function () {
    const sample = path.join(repoRoot, 'samples/leaders-visit-firms.md');
    const exp = JSON.parse(fs.readFileSync(expectedPath!, 'utf8')) as Expected;
    checkArticle(analyze(fs.readFileSync(sample, 'utf8'), { useModel: false }), exp, true);
  });

  it('is fast: an article in a few milliseconds (rules)', function () {
    const text = fs.readFileSync(articlePath!, 'utf8');
    for (let i = 0; i < 5; i++) analyze(text, { useModel: false });
    let ms = Infinity;
    for (let i = 0; i < 10; i++) {
      const t0 = process.hrtime.bigint();
      analyze(text, { useModel: false });
      ms = Math.min(ms, Number(process.hrtime.bigint() - t0) / 1e6);
    }
    // a few ms on a quiet machine; generous bound for loaded CI runners
    assert.ok(ms < 40, `took ${ms.toFixed(1)} ms per article`);
  });
});
