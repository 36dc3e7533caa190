import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PIPELINE, recognizeRich, runRules } from '../../../../src/core/rules/pipeline';
import { repoRoot } from '../helpers';
import { placeNamed } from '../../../../src/core/recognize';

describe('rules/pipeline', () => {
  it('lists every stage file once, in the order the stages claim', () => {
    assert.deepEqual(PIPELINE.map((s) => s.name), [
      'stageDates', 'stageBylines', 'stageCompanies', 'stageCompanyLexicon', 'stageParties', 'stageGov', 'stageOrgs', 'stageCountryAbbr',
      'stageTitles', 'stagePostNameTitles', 'stageGovRegionHeads', 'stageAliases', 'stageVenues', 'stagePlaces', 'stageSpeakers', 'stageKnownNames',
    ]);
    // every file under src/core/rules/ that exports a stage is in the pipeline
    const dir = path.join(repoRoot, 'src', 'core', 'rules');
    const exported = fs.readdirSync(dir).flatMap((f) => [...fs.readFileSync(path.join(dir, f), 'utf8').matchAll(/^export function (stage\w+)\(/gm)].map((m) => m[1]));
    assert.deepEqual([...exported].sort(), PIPELINE.map((s) => s.name).sort());
  });
  it('recognizeRich is the whole pipeline', () => {
    const text = '北京市委书记尹力来到宁德时代调研。1月5日，中美两国代表在国家体育场会谈。';
    assert.deepEqual(runRules(text, PIPELINE), recognizeRich(text));
  });
  it('order matters: a company claims the place name inside it before the places stage runs', () => {
    const text = '中国建设银行发布年报';
    const pick = (...names: string[]) => names.map((n) => PIPELINE.find((s) => s.name === n)!);
    const spansOf = (names: string[]) => runRules(text, pick(...names)).map((s) => `${s.type}:${s.text}`);
    assert.deepEqual(spansOf(['stageCompanies', 'stagePlaces']), ['company:中国建设银行']);
    assert.deepEqual(spansOf(['stagePlaces', 'stageCompanies']), ['place:中国']);
  });
  it('a stage that throws loses only its own spans', () => {
    const boom = () => {
      throw new Error('boom');
    };
    const dates = PIPELINE.filter((s) => s.name === 'stageDates');
    assert.deepEqual(runRules('今天', [boom, ...dates]).map((s) => s.text), ['今天']);
  });
});

describe('recognize: model persons that name a place', () => {
  it('a county, its short form, a province written with a space in a roster line', () => {
    const t = '周宁县 周宁 河 北 王立平';
    assert.equal(placeNamed(t, 4, 6), true); // 周宁
    assert.equal(placeNamed(t, 7, 10), true); // 河 北
    assert.equal(placeNamed(t, 11, 14), false); // 王立平
  });
});
