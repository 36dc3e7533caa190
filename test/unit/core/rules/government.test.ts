import { strict as assert } from 'node:assert';
import { stageGov } from '../../../../src/core/rules/government';
import { found } from './runStage';
import { recognize } from '../../../../src/core';
import { recognizeRich } from '../../../../src/core/recognize';

describe('rules/government', () => {
  it('中国 written right before a national body is part of its name (中国民航局, 中国证监会), not after 新', () => {
    assert.deepEqual(found('中国民航局和中国证监会发文。新中国外交部成立。', stageGov), ['government:中国民航局', 'government:中国证监会', 'government:外交部']);
  });
  it('a bureau named by two portfolios joined by 及 is one body, after the government\'s name too; a bare 以及 joins nothing', () => {
    assert.deepEqual(found('商務及經濟發展局局長出席，特區政府政制及內地事務局發言，以及教育局。', stageGov), ['government:商務及經濟發展局', 'government:特區政府', 'government:政制及內地事務局', 'government:教育局']);
    // (…also after the verb a list of those present opens with: 還包括政制及內地事務局局長)
    assert.ok(found('考察團還包括政制及內地事務局局長曾國衞。', stageGov).includes('government:政制及內地事務局'));
    assert.ok(found('考察團除了李家超和陳國基,還包括政制及內地事務局局長曾國衞。', stageGov).includes('government:政制及內地事務局'));
  });
  it("a government's emergency, health and service centres by their suffix (台中市災害應變中心, 旧城改造指挥部)", () => {
    assert.ok(found('台中市災害應變中心已經成立。', stageGov).includes('government:台中市災害應變中心'));
    assert.ok(found('旧城改造指挥部负责人介绍。', stageGov).includes('government:旧城改造指挥部'));
  });
  it('a region with a department, a committee department and a fixed name', () => {
    assert.deepEqual(found('北京市商务局、市委宣传部和国务院有关部门。', stageGov), ['government:北京市商务局', 'government:市委宣传部', 'government:国务院']);
  });
  it('a long suffix with its stem', () => {
    assert.deepEqual(found('来到北京商务中心区管委会调研', stageGov), ['government:北京商务中心区管委会']);
  });
  it('国会 whose 国 ends a name after a post is no parliament (市委书记王建国会见); after a country it is', () => {
    assert.deepEqual(found('市委书记王建国会见客人。', stageGov), []);
    assert.deepEqual(found('美国国会通过法案，首相向国会报告。', stageGov), ['government:国会', 'government:国会']);
  });
  it("a development zone's or the organs' party working committee is a body (高新区党工委, 市直机关工委)", () => {
    assert.deepEqual(found('高新区党工委和市直机关工委联合发文。', stageGov), ['government:高新区党工委', 'government:市直机关工委']);
  });
  it('部 glued to 队 or 门 is another word', () => {
    assert.deepEqual(found('公安部门和部队', stageGov), []);
  });
});

describe('rules/government: a department the lexicon does not know, between a region and a post', () => {
  it('is a body (福建省对外贸易经济合作厅副厅长), in traditional characters too', () => {
    assert.ok(recognize('福建省對外貿易經濟合作廳副廳長孫稀有出席。').some((s) => s.type === 'government' && s.text === '福建省對外貿易經濟合作廳'));
  });
  it('not over a verb or a place (王安顺担任甘肃省委常委: 甘肃省委 stays the body)', () => {
    const spans = recognize('1999年6月,王安顺担任甘肃省委常委、组织部长。');
    assert.ok(spans.some((s) => s.type === 'government' && s.text === '甘肃省委'), JSON.stringify(spans));
    assert.ok(spans.some((s) => s.type === 'person' && s.text === '王安顺'));
  });
});

describe('rules/government: a company board\'s committees', () => {
  it('are no government bodies (董事会审计委员会, 薪酬与考核委员会, 审核委员会)', () => {
    for (const t of ['辞去董事会审计委员会主任委员、薪酬与考核委员会委员等职务。', '获委任为公司独立非执行董事、审核委员会主席及提名委员会成员。']) {
      assert.ok(!recognize(t).some((s) => s.type === 'government'), t);
    }
    assert.ok(recognize('国家发展和改革委员会主任出席').some((s) => s.type === 'government'));
  });
});

describe('rules/government: offices and committees written after a central body', () => {
  it('国务院港澳办, 国务院研究室, 全国人大常委会法工委, 中共中央台办: one body each', () => {
    assert.deepEqual(found('国务院港澳办、国务院研究室、国务院扶贫办和全国人大常委会法工委，中共中央台办', stageGov), [
      'government:国务院港澳办', 'government:国务院研究室', 'government:国务院扶贫办', 'government:全国人大常委会法工委', 'government:中共中央台办',
    ]);
  });
  it('not a verb ending in an office\'s character, 办 of 办法, or a conjunction and another body', () => {
    assert.deepEqual(found('国务院部署工作，国务院督办此事，国务院审批办法出台。', stageGov), ['government:国务院', 'government:国务院', 'government:国务院']);
    assert.deepEqual(found('党中央和省委高度重视，党中央国务院部署。', stageGov), ['government:党中央', 'government:党中央', 'government:国务院']);
  });
});

describe('rules/government: offices written with their region', () => {
  it('a one-character 办 office after a region with its level (海南省台办)', () => {
    assert.deepEqual(found('青州市侨办和海南省台办', stageGov), ['government:青州市侨办', 'government:海南省台办']);
  });
});

describe('rules/government: names with 和, offices elsewhere', () => {
  it('和 inside a department name does not cut it', () => {
    assert.deepEqual(found('近日获得青海省发展和改革委员会备案', stageGov), ['government:青海省发展和改革委员会']);
  });
  it("a body's office in another city is one body (驻…办事处), also after a body's fixed name", () => {
    assert.deepEqual(found('，青州市政府驻成都办事处主任', stageGov), ['government:青州市政府驻成都办事处']);
    assert.deepEqual(found('香港特别行政区政府驻武汉经济贸易办事处主任', stageGov), ['government:香港特别行政区政府驻武汉经济贸易办事处']);
  });
  it('a long suffix walks back no further than a verb of taking or leaving a post (周立平辞去宁夏回族自治区人民政府主席职务)', () => {
    assert.ok(found('3月26日，周立平辞去宁夏回族自治区人民政府主席职务。', stageGov).includes('government:宁夏回族自治区人民政府'));
  });
  it("the army's regional commands: 兰州军区, a level alone before one (省军区)", () => {
    assert.deepEqual(found('省军区和兰州军区官兵赶赴现场。', stageGov), ['government:省军区', 'government:兰州军区']);
  });
  it("a party committee's standing committee: 市委常委会 after a verb, 全国人大常委会 whole", () => {
    assert.deepEqual(found('主持召开市委常委会会议，全国人大常委会审议。', stageGov), ['government:市委常委会', 'government:全国人大常委会']);
  });
  it("a government's own offices and the disaster-relief committee: 省政府研究室, 市委政策研究室, 国家减灾委", () => {
    assert.deepEqual(found('省政府研究室、市委政策研究室和国家减灾委负责人出席。', stageGov), ['government:省政府研究室', 'government:市委政策研究室', 'government:国家减灾委']);
  });
  it("the Politburo and the Secretariat are bodies of 中共中央 (中共中央政治局, 中共中央书记处), and 委员 after one is a member's post, no 政治局委", () => {
    assert.deepEqual(found('中共中央政治局委员出席，中共中央书记处书记讲话。', stageGov), ['government:中共中央政治局', 'government:中共中央书记处']);
    const p = recognizeRich('中共中央政治局委員、上海市委書記俞正聲出席。').find((s) => s.type === 'person');
    assert.equal(p?.chain?.inText, '中共中央政治局委員、上海市委書記');
  });
  it("a bureau of two portfolios is read before its last portfolio alone (工商及科技局, not 科技局), after a bracket or 和, without an acting head's 署理; it stands against the model's shorter body", () => {
    assert.ok(found('【本報訊】工商及科技局局長唐英年今天拜訪商務部。', stageGov).includes('government:工商及科技局'));
    assert.ok(found('許正宇和署理商務及經濟發展局局長陳百里出席。', stageGov).includes('government:商務及經濟發展局'));
    const gov = recognize('特區政府政制及內地事務局發言。').filter((x) => x.type === 'government').map((x) => x.text);
    assert.ok(gov.includes('政制及內地事務局'), JSON.stringify(gov));
  });
});

