import { strict as assert } from 'node:assert';
import { ArticleRegion, titleInfo } from '../../../../src/core/analysis/titles';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { recognizeRich } from '../../../../src/core/recognize';
import { analyze } from '../../../../src/core';

describe('analysis/titles', () => {
  it('spells out the region of each unit of a chain', () => {
    const text = '市委副书记、市长殷勇一同调研。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    const ti = titleInfo(chain, '北京', undefined, text);
    assert.equal(ti.inText, '市委副书记、市长');
    assert.equal(ti.full, '北京市委副书记、北京市市长');
    assert.equal(ti.region, '北京');
  });
  it("a zone's administration named bare after its party working committee is that zone's (孝感市高新区党工委副书记、管委会主任)", () => {
    const text = '孝感市高新区党工委副书记、管委会主任舒俊致辞。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    assert.equal(titleInfo(chain, '孝感', undefined, text).full, '孝感市高新区党工委副书记、孝感市高新区管委会主任');
  });
  it('reads traditional units from the normalised copy as the simplified ones', () => {
    const text = '市委副書記、市長殷勇一同調研。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    assert.equal(titleInfo(chain, '北京', undefined, text, normalizeForMatching(text)).full, '北京市委副書記、北京市市長');
  });
  it("a province post without a region takes the article's leading province", () => {
    const text = '湖南省长沙市、湖南株洲市：省长毛伟明调研。';
    const spans = recognizeRich(text);
    const chain = spans.find((s) => s.type === 'person' && s.text === '毛伟明')!.chain!;
    assert.equal(new ArticleRegion(spans, normalizeForMatching(text)).of(chain), '湖南');
  });
  const regionOf = (text: string, name: string): string | undefined => {
    const spans = recognizeRich(text);
    const chain = spans.find((s) => s.type === 'person' && s.text === name)!.chain!;
    return new ArticleRegion(spans, normalizeForMatching(text)).of(chain);
  };
  it('central posts belong to 中央, ministries too', () => {
    assert.equal(regionOf('国务院副总理张立平出席论坛。', '张立平'), '中央');
    assert.equal(regionOf('商务部党组书记、部长王明远会见客人。', '王明远'), '中央');
  });
  it('Hong Kong and Macau posts belong to the SAR the article names', () => {
    assert.equal(regionOf('澳门特区政府今日宣布，经济财政司司长周永安将出访。', '周永安'), '澳门');
    assert.equal(regionOf('香港立法会今日开会，政务司司长陈家明出席。', '陈家明'), '香港');
  });
  it('a district post without its region takes the district the article names', () => {
    assert.equal(regionOf('金山区召开大会。区委书记孙立新出席。', '孙立新'), '金山区');
  });
  it('a link of the same committee is written with it in full', () => {
    const text = '市委常委、秘书长周海文陪同。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    assert.equal(titleInfo(chain, '镇江', undefined, text).full, '镇江市委常委、镇江市委秘书长');
  });
  it('a county region is not doubled before 县委', () => {
    const text = '县委书记吴立新调研。';
    const chain = recognizeRich(text).find((s) => s.type === 'person')!.chain!;
    assert.equal(titleInfo(chain, '周宁县', undefined, text).full, '周宁县委书记');
  });
  it('a post takes the region named last before it in the same line, not the section heading', () => {
    assert.equal(regionOf('臺北市:市長郝立新，副市長陳東平。新北市:市長朱西平，副市長李南平。', '朱西平'), '新北');
  });
  it("a chain written as 部党组成员、副部长 in a ministry's news: the one ministry the article names, on every link", () => {
    const e = analyze('工业和信息化部召开座谈会。部党组成员、副部长周立平，办公厅负责人出席。').entities.find((x) => x.name === '周立平');
    assert.equal(e?.titles[0]?.full, '工业和信息化部党组成员、工业和信息化部副部长');
    // two ministries named: no guess
    const two = analyze('工业和信息化部与商务部召开座谈会。部党组成员、副部长周立平出席。').entities.find((x) => x.name === '周立平');
    assert.equal(two?.titles[0]?.full, '部党组成员、副部长');
  });
  it('a determiner before a level\'s body starts a chain (该县委常委、副县长)', () => {
    const e = analyze('春节假期，该县委常委、副县长周立平一行先后拜访了企业。').entities.find((x) => x.name === '周立平');
    assert.equal(e?.titles[0]?.inText, '县委常委、副县长');
  });
  it("a link names its post in the government, association or office the link before it names (济南市政府副秘书长、办公厅主任 → 济南市政府办公厅主任); the last such body, not one inside it", () => {
    const full = (t: string, n: string) => analyze(t).entities.find((x) => x.name === n)?.titles[0]?.full;
    assert.equal(full('济南市政府副秘书长、办公厅主任倪志纯出席。', '倪志纯'), '济南市政府副秘书长、济南市政府办公厅主任');
    assert.equal(full('淄博市工商联党组成员、副主席周勇出席。', '周勇'), '淄博市工商联党组成员、淄博市工商联副主席');
    assert.equal(full('浙江省人民政府驻上海办事处党组书记、主任李雄伟致辞。', '李雄伟'), '浙江省人民政府驻上海办事处党组书记、浙江省人民政府驻上海办事处主任');
    // a party committee's own link keeps its committee (市委常委、秘书长 → 市委秘书长)
    assert.equal(full('北京市委常委、秘书长张三出席。', '张三'), '北京市委常委、北京市委秘书长');
  });
});

