import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze } from '../../../src/core';
import {
  englishBody, englishCompany, englishDate, englishForEntity, englishOrganization, englishPersonName, englishPlace, englishTitle,
} from '../../../src/core/english';
import { CEDICT_NAMES, CEDICT_POSTS, CEDICT_READINGS } from '../../../src/core/english/cedict.data';
import { KnowledgeBase } from '../../../src/core/knowledge';
import { sharedPath } from '../../../scripts/sharedData';

describe('English renderings', () => {
  it('titles are composed by rule, link by link: region + body + post', () => {
    const cases: [string, string][] = [
      ['北京市委书记', 'Secretary of the CPC Beijing Municipal Committee'],
      ['北京市委副书记、北京市市长', 'Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing'],
      ['广东省委副书记、广东省省长', 'Deputy Secretary of the CPC Guangdong Provincial Committee; Governor of Guangdong Province'],
      ['省长', 'Governor'],
      ['董事长', 'Chairman'],
      ['总裁兼首席运营官', 'President and Chief Operating Officer'],
      ['中共中央政治局委员、上海市委书记', 'Member of the Political Bureau of the CPC Central Committee; Secretary of the CPC Shanghai Municipal Committee'],
      ['国家发展改革委主任', 'Director of the National Development and Reform Commission'],
      ['朝阳区委书记', 'Secretary of the CPC Chaoyang District Committee'],
      ['湖南省副省长', 'Vice Governor of Hunan Province'],
      ['江苏省人大常委会主任', "Chairman of the Standing Committee of the Jiangsu Provincial People's Congress"],
      ['浙江省商务厅厅长', 'Director of the Zhejiang Provincial Department of Commerce'],
      ['市委宣传部部长', 'Head of the Publicity Department of the CPC Municipal Committee'],
      ['镇江市委常委', 'Member of the Standing Committee of the CPC Zhenjiang Municipal Committee'],
    ];
    for (const [zh, en] of cases) assert.equal(englishTitle(zh).en, en, zh);
  });

  it('a title with a part the glossary does not know has no rendering (never a guess), and says which link', () => {
    const t = englishTitle('北京市委书记、某某协调小组特邀顾问');
    assert.equal(t.en, undefined);
    assert.equal(t.links[0].en, 'Secretary of the CPC Beijing Municipal Committee');
    assert.equal(t.links[1].en, undefined);
    assert.equal(englishTitle('').en, undefined);
    assert.equal(englishBody('某某协调小组'), undefined);
  });

  it('government bodies, places, people, companies, organizations and dates', () => {
    assert.equal(englishBody('国家发展改革委'), 'National Development and Reform Commission');
    assert.equal(englishBody('北京市委'), 'CPC Beijing Municipal Committee');
    assert.equal(englishBody('北京商务中心区管委会'), 'Administrative Committee of the Beijing Central Business District');
    assert.equal(englishBody('商务部'), 'Ministry of Commerce');
    assert.equal(englishPlace('广东'), 'Guangdong');
    assert.equal(englishPlace('广东省'), 'Guangdong Province');
    assert.equal(englishPlace('朝阳区'), 'Chaoyang District');
    assert.equal(englishPlace('陕西'), 'Shaanxi');
    assert.equal(englishPlace('六安'), "Lu'an", 'CC-CEDICT reading, with the apostrophe');
    assert.equal(englishPlace('闵行区'), 'Minhang District', 'CC-CEDICT corrects the character-by-character reading (Minxing)');
    assert.equal(englishPersonName('尹力'), 'Yin Li');
    assert.equal(englishPersonName('曾毓群'), 'Zeng Yuqun', 'surname reading of 曾');
    assert.equal(englishPersonName('欧阳修'), 'Ouyang Xiu', 'compound surname');
    assert.equal(englishPersonName('约翰·史密斯'), undefined);
    assert.equal(englishCompany('宁德时代')?.en, 'CATL (Contemporary Amperex Technology Co., Limited)');
    assert.equal(englishCompany('西门子（中国）有限公司')?.en, 'Siemens (China) Co., Ltd.');
    assert.match(englishCompany('华为')?.source ?? '', /general knowledge/);
    assert.equal(englishOrganization('广州日报'), 'Guangzhou Daily');
    assert.equal(englishDate('2月18日上午'), '18 February, morning');
    assert.equal(englishCompany('某某小作坊'), undefined);
  });

  it("the user's knowledge base names a company in English first", () => {
    const kb = new KnowledgeBase([{ kind: 'company', name: '康宁', aliases: [], facts: [{ key: 'englishName', value: 'Corning Incorporated' }], source: 'test', asOf: '2024', origin: 'user', table: 'user' }]);
    assert.equal(englishCompany('康宁公司', ['康宁'], kb)?.en, 'Corning Incorporated');
  });

  it('the seed article: every official, business person, body and company gets its English', () => {
    const text = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
    const a = analyze(text);
    const en = (name: string) => {
      const e = a.entities.find((x) => x.name === name);
      assert.ok(e, name);
      return englishForEntity(e);
    };
    assert.equal(en('尹力').name, 'Yin Li');
    assert.deepEqual(en('尹力').titles.map((t) => t.en), ['Secretary of the CPC Beijing Municipal Committee']);
    assert.deepEqual(en('殷勇').titles.map((t) => t.en), ['Deputy Secretary of the CPC Beijing Municipal Committee; Mayor of Beijing']);
    assert.deepEqual(en('王伟中').titles.map((t) => t.en), ['Deputy Secretary of the CPC Guangdong Provincial Committee; Governor of Guangdong Province']);
    assert.deepEqual(en('曾毓群').titles.map((t) => t.en), ['Chairman, CATL']);
    assert.equal(en('曾毓群').name, 'Zeng Yuqun');
    assert.equal(en('宁德时代').name, 'CATL (Contemporary Amperex Technology Co., Limited)');
    assert.equal(en('北京商务中心区管委会').name, 'Administrative Committee of the Beijing Central Business District');
    assert.equal(en('朝阳区').name, 'Chaoyang District');
    assert.equal(en('广东').name, 'Guangdong');
    for (const e of a.entities) {
      const r = englishForEntity(e);
      if (e.type === 'person' && e.role === 'official') {
        assert.ok(r.name, e.name);
        for (const t of r.titles) assert.ok(t.en, `${e.name}: ${t.zh}`);
      }
    }
  });

  it('never throws, whatever it is given', () => {
    const junk: unknown[] = [undefined, null, 42, '', '\ud800', 'x'.repeat(100_000), '北京'.repeat(50), '、、、', '兼'];
    for (const j of junk) {
      englishTitle(j as string);
      englishBody(j as string);
      englishPlace(j as string);
      englishPersonName(j as string);
      englishCompany(j as string);
      englishOrganization(j as string);
      englishDate(j as string);
    }
    assert.deepEqual(englishForEntity(null as never), { titles: [] });
  });

  it('the shipped table is compact, and its header keeps the CC-CEDICT attribution and licence', () => {
    const file = path.join(__dirname, '../../../src/core/english/cedict.data.ts');
    const head = fs.readFileSync(file, 'utf8').slice(0, 1200);
    assert.match(head, /CC-CEDICT/);
    assert.match(head, /CC BY-SA 4\.0/);
    assert.match(head, /creativecommons\.org\/licenses\/by-sa\/4\.0/);
    assert.ok(fs.statSync(file).size < 80_000, `${fs.statSync(file).size} bytes`);
    const lines = (s: string) => s.split('\n').filter(Boolean).length;
    assert.ok(lines(CEDICT_READINGS) + lines(CEDICT_NAMES) + lines(CEDICT_POSTS) < 5_000, 'a selection, not the dictionary');
  });
});
