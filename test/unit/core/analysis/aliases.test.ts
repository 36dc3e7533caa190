import { strict as assert } from 'node:assert';
import { abbreviates, bodyKey, bodyShortForms, companyCore, compatibleForms } from '../../../../src/core/rules/orgForms';
import { resolveAliases } from '../../../../src/core/analysis/aliases';
import { normalizeForMatching } from '../../../../src/core/normalize';
import type { RichSpan } from '../../../../src/core/rules/types';

/** Spans at the given names' first occurrences (each name written once in `text`, in order). */
function spansOf(text: string, items: Array<[RichSpan['type'], string, Partial<RichSpan>?]>): RichSpan[] {
  let from = 0;
  return items.map(([type, name, extra]) => {
    const start = text.indexOf(name, from);
    assert.ok(start >= 0, name);
    from = start + name.length;
    return { type, start, end: start + name.length, text: name, priority: 80, source: 'rule', ...extra } as RichSpan;
  });
}
function entitiesOf(text: string, items: Array<[RichSpan['type'], string, Partial<RichSpan>?]>): string[] {
  const spans = spansOf(text, items);
  const norm = normalizeForMatching(text);
  const m = resolveAliases(spans, norm, (sp) => norm.slice(sp.start, sp.end), normalizeForMatching);
  return spans.map((sp, i) => `${sp.text}→${m.get(i)?.name}`);
}

describe('analysis/aliases: the forms of one name', () => {
  it('company cores and legal forms', () => {
    assert.deepEqual(companyCore('青禾电子集团有限公司'), { core: '青禾电子', cls: 'group' });
    assert.deepEqual(companyCore('青禾电子股份有限公司'), { core: '青禾电子', cls: 'share' });
    assert.deepEqual(companyCore('青禾电子(苏州)有限公司'), { core: '青禾电子', cls: 'plain' });
    assert.equal(companyCore('青禾电子宁波分公司').cls, 'branch');
    assert.equal(compatibleForms('group', 'bare', false, false), true);
    assert.equal(compatibleForms('group', 'share', false, false), false, 'a group and its listed company');
    assert.equal(compatibleForms('group', 'bare', false, true), false, 'a listed short name and a group of the same words');
  });
  it('bodies without their region or parent, and 特区', () => {
    assert.deepEqual(bodyShortForms('海南省台办'), ['省台办']);
    assert.deepEqual(bodyShortForms('国务院国资委'), ['国资委']);
    // a committee named by its term: the party's, a CPPCC's
    assert.ok(bodyShortForms('中国共产党青禾市第十一届委员会').includes('中共青禾市委'));
    assert.ok(bodyShortForms('中国人民政治协商会议第十届山东省委员会').includes('山东省政协'));
    assert.ok(bodyShortForms('中国人民政治协商会议第十届山东省委员会').includes('政协第十届山东省委员会'));
    assert.deepEqual(bodyShortForms(bodyKey('澳门特别行政区政府代表团')), ['政府代表团', '特区政府代表团']);
    assert.deepEqual(bodyShortForms('上海市浙江商会'), ['上海浙江商会', '市浙江商会', '浙江商会'], 'one region only: no bare 商会');
    // a region inside a region: each in turn
    assert.ok(bodyShortForms('浙江省嘉兴市委').includes('嘉兴市委') && bodyShortForms('浙江省嘉兴市委').includes('市委'));
  });
  it("Taiwan's 县府 and 市府 are 县政府 and 市政府", () => {
    assert.equal(bodyKey('彰化县府'), '彰化县政府');
    assert.ok(bodyShortForms(bodyKey('彰化县政府')).includes(bodyKey('县府')));
    const t = '彰化縣政府今天舉辦新春團拜，縣府表示歡迎。';
    assert.deepEqual(entitiesOf(t, [['government', '彰化縣政府'], ['government', '縣府']]), ['彰化縣政府→彰化縣政府', '縣府→彰化縣政府']);
  });
  it("a region's committee is no abbreviation of a committee of a place inside it (杭州市委, 杭州市江干区委)", () => {
    const t = '杭州市委常委、杭州市江干区委书记出席。杭州市委表示。浙江省嘉兴市委宣布，嘉兴市委、嘉兴市秀洲区委参加。';
    assert.deepEqual(entitiesOf(t, [['government', '杭州市委'], ['government', '杭州市江干区委'], ['government', '杭州市委'], ['government', '浙江省嘉兴市委'], ['government', '嘉兴市委'], ['government', '嘉兴市秀洲区委']]), [
      '杭州市委→杭州市委', '杭州市江干区委→杭州市江干区委', '杭州市委→杭州市委', '浙江省嘉兴市委→浙江省嘉兴市委', '嘉兴市委→浙江省嘉兴市委', '嘉兴市秀洲区委→嘉兴市秀洲区委',
    ]);
  });
  it("a region's 人民政府 is its 政府: 黄石市人民政府 ↔ 黄石市政府 ↔ 市政府", () => {
    assert.equal(bodyKey('黄石市人民政府'), '黄石市政府');
    assert.ok(bodyShortForms(bodyKey('黄石市人民政府')).includes('市政府'));
    assert.equal(bodyKey('国务院'), '国务院');
  });
  it('keys: 人民代表大会 is 人大, a national term and a doubled level go, a SAR council with 特区 alone is the council', () => {
    assert.equal(bodyKey('全国人民代表大会'), bodyKey('全国人大'));
    assert.equal(bodyKey('十四届全国人大'), '全国人大');
    assert.equal(bodyKey('海淀区区委'), bodyKey('海淀区委'));
    assert.equal(bodyKey('特区立法会'), '立法会');
    assert.ok(bodyShortForms('西藏自治区红十字会').includes('西藏红十字会'));
    assert.ok(bodyShortForms('驻吉隆坡经贸办').includes('吉隆坡经贸办'));
    assert.ok(!bodyShortForms('广东省委').includes('广东委'));
  });
  it('abbreviations of body names', () => {
    assert.equal(abbreviates('发改委', '发展和改革委员会'), true);
    assert.equal(abbreviates('国家发改委', '国家发展改革委'), true);
    assert.equal(abbreviates('工信部', '工业和信息化部'), true);
    assert.equal(abbreviates('公安局', '公安分局'), false);
    assert.equal(abbreviates('市委', '市纪委'), false);
    // 办公室 → 办 counts as left out (省侨办 of 省侨务办公室); one character alone does not
    assert.equal(abbreviates('云南省侨办', '云南省侨务办公室'), true);
    assert.equal(abbreviates('新华社', '新华通讯社'), true);
    // 国家 left out, and 委员会 ending an abbreviation as 会
    assert.equal(abbreviates('发改委', '国家发展改革委'), true);
    assert.equal(abbreviates('中国贸促会', '中国国际贸易促进委员会'), true);
    assert.equal(abbreviates('美中贸委会', '美中贸易全国委员会'), true);
  });
});

describe('analysis/aliases: resolveAliases', () => {
  it('a group and its short name are one company; its listed 股份 company another', () => {
    const t = '青禾电子集团与青禾电子股份有限公司签约。青禾电子集团表示……新加坡青禾电子集团也来了，青禾电子负责人说';
    assert.deepEqual(
      entitiesOf(t, [['company', '青禾电子集团'], ['company', '青禾电子股份有限公司', { legal: true }], ['company', '新加坡青禾电子集团'], ['company', '青禾电子']]),
      ['青禾电子集团→新加坡青禾电子集团', '青禾电子股份有限公司→青禾电子股份有限公司', '新加坡青禾电子集团→新加坡青禾电子集团', '青禾电子→新加坡青禾电子集团'],
    );
  });
  it('a group named by its brand alone after its full name is that group (青禾集团 ↔ 宁波青禾光学科技集团); a group named first is a parent', () => {
    const t = '宁波青禾光学科技集团董事长出席。青禾集团副总裁说，白鹭集团资深副董事长、白鹭制药集团董事长也来了';
    assert.deepEqual(
      entitiesOf(t, [['company', '宁波青禾光学科技集团'], ['company', '青禾集团'], ['company', '白鹭集团'], ['company', '白鹭制药集团']]),
      ['宁波青禾光学科技集团→宁波青禾光学科技集团', '青禾集团→宁波青禾光学科技集团', '白鹭集团→白鹭集团', '白鹭制药集团→白鹭制药集团'],
    );
  });
  it('a group whose legal name is its 股份 company goes by its group form (青禾集团 ↔ 青禾玻璃工业集团股份有限公司)', () => {
    const t = '青禾玻璃工业集团股份有限公司董事长发言，青禾集团总裁介绍';
    assert.deepEqual(
      entitiesOf(t, [['company', '青禾玻璃工业集团股份有限公司', { legal: true }], ['company', '青禾集团']]),
      ['青禾玻璃工业集团股份有限公司→青禾玻璃工业集团股份有限公司', '青禾集团→青禾玻璃工业集团股份有限公司'],
    );
    assert.equal(compatibleForms('groupShare', 'group', false, false), true);
    assert.equal(compatibleForms('groupShare', 'bare', false, true), true);
    assert.equal(compatibleForms('group', 'share', false, false), false);
  });
  it('a short name opening a legal name; a branch named after a place stays apart', () => {
    const t = '宁德时代新能源科技股份有限公司（宁德时代）与国家电网湖北省电力公司、国家电网';
    assert.deepEqual(
      entitiesOf(t, [['company', '宁德时代新能源科技股份有限公司', { legal: true }], ['company', '宁德时代'], ['company', '国家电网湖北省电力公司', { legal: true }], ['company', '国家电网']]),
      ['宁德时代新能源科技股份有限公司→宁德时代新能源科技股份有限公司', '宁德时代→宁德时代新能源科技股份有限公司', '国家电网湖北省电力公司→国家电网湖北省电力公司', '国家电网→国家电网'],
    );
  });
  it('a listed short name inside a legal name after its province (国创高新 ↔ 湖北国创高新材料股份有限公司)', () => {
    const t = '湖北国创高新材料股份有限公司公告。国创高新表示';
    assert.deepEqual(
      entitiesOf(t, [['company', '湖北国创高新材料股份有限公司', { legal: true }], ['company', '国创高新']]),
      ['湖北国创高新材料股份有限公司→湖北国创高新材料股份有限公司', '国创高新→湖北国创高新材料股份有限公司'],
    );
  });
  it('government bodies: region and parent prefixes, abbreviations, traditional forms', () => {
    const t = '國務院國資委與国家发展和改革委员会、海南省台办座谈。国资委、国家发改委、省台办表示';
    assert.deepEqual(
      entitiesOf(t, [['government', '國務院國資委'], ['government', '国家发展和改革委员会'], ['government', '海南省台办'], ['government', '国资委'], ['government', '国家发改委'], ['government', '省台办']]),
      ['國務院國資委→國務院國資委', '国家发展和改革委员会→国家发展和改革委员会', '海南省台办→海南省台办', '国资委→國務院國資委', '国家发改委→国家发展和改革委员会', '省台办→海南省台办'],
    );
  });
  it('a short form several long ones end with goes to the region the sentence names, else the one the article names most, else the first', () => {
    const t = '青州市工商联与潍坊市工商联座谈。潍坊市政协副主席、市工商联主席讲话。市工商联表示';
    assert.deepEqual(
      entitiesOf(t, [['government', '青州市工商联'], ['government', '潍坊市工商联'], ['government', '市工商联'], ['government', '市工商联']]),
      ['青州市工商联→青州市工商联', '潍坊市工商联→潍坊市工商联', '市工商联→潍坊市工商联', '市工商联→潍坊市工商联'],
    );
    const u = '青州市工商联与潍坊市工商联座谈。市工商联表示';
    assert.deepEqual(
      entitiesOf(u, [['government', '青州市工商联'], ['government', '潍坊市工商联'], ['government', '市工商联']]),
      ['青州市工商联→青州市工商联', '潍坊市工商联→潍坊市工商联', '市工商联→青州市工商联'],
    );
  });
  it('a name with another name of the body in brackets: one body, written so as an alias', () => {
    const t = '青州市工商联(总商会)召开会议';
    const spans = spansOf(t, [['government', '青州市工商联'], ['organization', '总商会']]);
    const m = resolveAliases(spans, t, (sp) => t.slice(sp.start, sp.end), (x) => x);
    assert.equal(m.get(1)?.name, '青州市工商联');
    assert.deepEqual(m.get(0)?.extraAliases, ['青州市工商联(总商会)']);
  });
});

describe('analysis/aliases: company abbreviations', () => {
  it("an abbreviation read from one company's name is that company; from two, neither", () => {
    const t = '中国青禾电子集团公司与中青电合作。';
    assert.deepEqual(entitiesOf(t, [['company', '中国青禾电子集团公司', { legal: true }], ['company', '中青电']]), ['中国青禾电子集团公司→中国青禾电子集团公司', '中青电→中国青禾电子集团公司']);
    const u = '中国青禾电子集团公司、中国青禾电力集团公司与中青电合作。';
    assert.deepEqual(
      entitiesOf(u, [['company', '中国青禾电子集团公司', { legal: true }], ['company', '中国青禾电力集团公司', { legal: true }], ['company', '中青电']]).slice(2),
      ['中青电→中青电'],
    );
  });
});
