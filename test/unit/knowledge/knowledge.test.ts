import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { ASHARE_AS_OF, exchangeOf, FOREIGN_AS_OF, KnowledgeBase, knowledgeStats, lookupCompany, lookupPerson } from '../../../src/core/knowledge';
import { shortName } from '../../../src/core/knowledge/buildKnowledge';
import { sharedPath } from '../../../scripts/sharedData';

const fact = (recs: ReturnType<typeof lookupCompany>, key: string) => recs[0]?.facts.find((f) => f.key === key)?.value;

describe('knowledge base', () => {
  it('A-share: 宁德时代 → 300750.SZ, 深交所, 福建, 电气设备, with source and as-of date', () => {
    const r = lookupCompany('宁德时代');
    assert.deepEqual(r.map((x) => x.table), ['a-share', 'chinese']); // listing facts, then its English name
    assert.equal(fact(r, 'code'), '300750.SZ');
    assert.equal(fact(r, 'exchange'), '深交所');
    assert.equal(fact(r, 'area'), '福建');
    assert.equal(fact(r, 'industry'), '电气设备');
    assert.match(r[0].source, /A-share/);
    assert.equal(r[0].asOf, ASHARE_AS_OF);
    assert.equal(r[0].origin, 'bundled');
  });

  it('as-of date of the A-share data is the latest list_date in the export', () => {
    const csv = sharedPath('data', 'a-share-companies', 'stock_basic.csv');
    if (!fs.existsSync(csv)) return;
    const dates = fs.readFileSync(csv, 'utf8').split('\n').slice(1).map((l) => l.trim().split(',')[5]).filter((d) => /^\d{4}-\d{2}-\d{2}$/.test(d ?? ''));
    assert.equal(ASHARE_AS_OF, dates.sort().at(-1));
    assert.equal(ASHARE_AS_OF, '2025-11-07');
  });

  it('exchanges: SZ/SH/BJ → 深交所/上交所/北交所', () => {
    assert.equal(exchangeOf('300750.SZ')?.zh, '深交所');
    assert.equal(exchangeOf('600519.SH')?.zh, '上交所');
    assert.equal(exchangeOf('830799.BJ')?.zh, '北交所');
    assert.equal(exchangeOf('AAPL'), undefined);
    assert.equal(fact(lookupCompany('贵州茅台'), 'exchange'), '上交所');
  });

  it('short names: market prefixes and share-class suffixes stripped', () => {
    assert.equal(shortName('*ST国华'), '国华');
    assert.equal(shortName('万科A'), '万科');
    assert.equal(shortName('ST易购'), '易购');
    assert.equal(shortName('N 某某'), '某某');
    assert.equal(fact(lookupCompany('万科'), 'code'), '000002.SZ');
  });

  const foreign: [string, string, RegExp][] = [
    ['西门子', 'Siemens', /德国/],
    ['宝马', 'BMW', /德国/],
    ['雀巢', 'Nestlé', /瑞士/],
    ['卡特彼勒', 'Caterpillar', /美国/],
    ['松下电器', 'Panasonic', /日本/],
    ['康宁', 'Corning', /美国/],
    ['康宁公司', 'Corning', /美国/],
    ['沙特国家石油公司', 'Saudi Aramco', /沙特阿拉伯/],
    ['沙特阿美', 'Saudi Aramco', /沙特阿拉伯/],
    ['渣打银行', 'Standard Chartered', /英国/],
  ];
  for (const [zh, en, country] of foreign) {
    it(`foreign: ${zh} → ${en}`, () => {
      const r = lookupCompany(zh);
      assert.ok(r.length, `no record for ${zh}`);
      const rec = r.find((x) => x.table === 'foreign')!;
      assert.equal(rec.facts.find((f) => f.key === 'englishName')?.value, en);
      assert.match(rec.facts.find((f) => f.key === 'country')!.value, country);
      assert.equal(rec.asOf, FOREIGN_AS_OF);
      assert.ok(rec.source);
    });
  }

  it('a few hundred foreign companies, thousands of A-share ones', () => {
    const s = knowledgeStats();
    assert.ok(s.foreign >= 300, `${s.foreign}`);
    assert.ok(s.aShare > 5000, `${s.aShare}`);
  });

  it('legal names match by prefix: 西门子（中国）有限公司, 渣打银行（中国）有限公司北京分行, 宁德时代新能源科技股份有限公司', () => {
    assert.equal(lookupCompany('西门子（中国）有限公司')[0]?.facts[0].value, 'Siemens');
    assert.equal(lookupCompany('渣打银行（中国）有限公司北京分行')[0]?.facts[0].value, 'Standard Chartered');
    assert.equal(fact(lookupCompany('宁德时代新能源科技股份有限公司'), 'code'), '300750.SZ');
    // but not a prefix of any word: only legal names
    assert.deepEqual(lookupCompany('宝马路'), []);
  });

  it('aliases count: a company written 行吟信息科技（上海）有限公司 with alias 宁德时代 finds it', () => {
    assert.equal(fact(lookupCompany('某某有限公司', ['宁德时代']), 'code'), '300750.SZ');
  });

  it('no facts about people are bundled; user notes are', () => {
    assert.deepEqual(lookupPerson('尹力'), []);
    const kb = new KnowledgeBase([{ kind: 'person', name: '尹力', aliases: [], facts: [{ key: 'note', value: 'x' }], source: 'me', asOf: '2024-01-01', origin: 'user', table: 'user' }]);
    assert.equal(lookupPerson('尹力', [], { extra: kb })[0].facts[0].value, 'x');
    assert.deepEqual(lookupCompany('尹力', [], { extra: kb }), []);
  });

  it('user company records come first; bundled ones still follow', () => {
    const kb = new KnowledgeBase([{ kind: 'company', name: '宁德时代', aliases: ['CATL'], facts: [{ key: 'englishName', value: 'CATL' }], source: 'annual report', asOf: '2024-03-15', origin: 'user', table: 'user' }]);
    const r = lookupCompany('宁德时代', [], { extra: kb });
    assert.deepEqual(r.map((x) => x.table), ['user', 'a-share', 'chinese']);
    assert.equal(lookupCompany('catl', [], { extra: kb })[0].origin, 'user');
  });

  it('robust to junk input', () => {
    assert.deepEqual(lookupCompany(''), []);
    assert.deepEqual(lookupCompany(undefined as unknown as string), []);
    assert.deepEqual(lookupCompany('（）有限公司'), []);
  });
});
