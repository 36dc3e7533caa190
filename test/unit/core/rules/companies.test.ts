import { recognize, recognizeRich } from '../../../../src/core/recognize';
import { strict as assert } from 'node:assert';
import { modelCompanyStart, stageCompanies } from '../../../../src/core/rules/companies';
import { found, runStages } from './runStage';

describe('rules/companies', () => {
  it('a legal name opening with its city gives its name without the city too (温州宏建眼镜有限公司 → 宏建眼镜), not a trade alone', () => {
    const firm = (t: string) => recognizeRich(t).find((x) => x.type === 'company' && (x as { legal?: boolean }).legal);
    assert.deepEqual(firm('温州宏建眼镜有限公司总经理说，宏建眼镜将扩产。')?.aliases, ['温州宏建眼镜', '宏建眼镜']);
    assert.deepEqual(firm('温州食品科技有限公司成立。')?.aliases, ['温州食品科技']);
  });
  it("a post's characters inside a company's 集团 or 公司 end no clause (上港集团长三角…有限公司: 团长)", () => {
    const spans = recognizeRich('上港集团长三角多式联运(上海)有限公司副总经理赵海兴出席。').map((x) => `${x.type}:${x.text}`);
    assert.ok(spans.includes('company:上港集团长三角多式联运(上海)有限公司'), spans.join(' '));
  });
  it('a legal name, its stem and a bracketed short name', () => {
    const spans = runStages('华为技术有限公司（以下简称“华为”）发布新品。', stageCompanies);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['company:华为技术有限公司', 'company:华为']);
    assert.equal(spans[0].legal, true);
    assert.deepEqual(spans[0].aliases, ['华为技术', '华为']);
    assert.equal(spans[1].aliasOf, '华为技术有限公司');
  });
  it('a stop word that is a word of the name stays in it', () => {
    assert.deepEqual(found('来到新星投资有限公司调研', stageCompanies), ['company:新星投资有限公司']);
  });
  it('one character after a word the walk stops at names no firm (被投公司), nor a conjunction and a bare 公司 after a name (青禾科技及公司)', () => {
    assert.deepEqual(found('率集团及相关被投公司负责人前往辽源', stageCompanies), []);
    const companies = (t: string) => recognize(t).filter((x) => x.type === 'company').map((x) => x.text);
    assert.ok(!companies('公开谴责青禾科技及公司董事长王一、总经理李二。').some((c) => c.endsWith('及公司')));
    // (和 is a name's character as often: 信和集团 stays)
    assert.ok(companies('信和集团副主席黄永光出席。').includes('信和集团'));
  });
  it("a brand before its region of business and a company's post is the firm (…,翱兰食品中国区CEO X; 由緯創資通…亞太區資深副總經理)", () => {
    assert.ok(found('市长主持,青禾食品中国区CEO娄一祥出席。', stageCompanies).includes('company:青禾食品'));
    assert.ok(found('上梁典禮由星河資通全球製造亞太區資深副總經理賴一忠主持。', stageCompanies).includes('company:星河資通'));
    // (a place alone before it is no firm: 上海中国区… is none)
    assert.ok(!found('会上,北京中国区总裁发言。', stageCompanies).includes('company:北京'));
  });
  it('holding words and quantities are no companies', () => {
    assert.deepEqual(found('控股股东持有1.55亿股股份', stageCompanies), []);
  });
  it('a stop word that ends a function word cuts after the whole word (如果, 或者)', () => {
    assert.deepEqual(found('但如果星河银行同意，或者青禾银行退出', stageCompanies), ['company:星河银行', 'company:青禾银行']);
  });
  it('a dateline and a person before the name are not part of it', () => {
    assert.deepEqual(found('本报杭州5月8日电青禾投资有限公司宣布', stageCompanies), ['company:青禾投资有限公司']);
    assert.deepEqual(found('美籍华人宁波青禾电子有限公司董事长', stageCompanies), ['company:宁波青禾电子有限公司']);
  });
  it('控股 before 集团 is part of the legal name', () => {
    assert.deepEqual(found('会长、青禾控股集团董事长', stageCompanies), ['company:青禾控股集团']);
  });
  it('two names joined by a dash are one company; a verb before 集团 is none', () => {
    assert.deepEqual(found('会见了青禾—孟山都集团总裁', stageCompanies), ['company:青禾—孟山都集团']);
    assert.deepEqual(found('要深入集团下属企业，介绍了集团公司情况', stageCompanies), []);
  });
  it('a bracketed word for any company is no short name (（以下简称“公司”）)', () => {
    const spans = recognizeRich('湖北国创高新材料股份有限公司(以下简称“公司”)董事会近日收到辞职申请。');
    const legal = spans.find((x) => x.type === 'company' && x.text === '湖北国创高新材料股份有限公司');
    assert.ok(legal && !(legal.aliases ?? []).includes('公司'), JSON.stringify(legal));
    assert.ok(!spans.some((x) => x.type === 'company' && x.text === '公司'));
  });
  it('a post inside the stem ends the clause the walk ran over (周立平省长盛赞远方集团)', () => {
    assert.ok(!found('周立平省长盛赞远方集团取得的成就。', stageCompanies).some((x) => x.includes('省长')));
  });
  it("a company the model read: a verb or conjunction run into it is cut as a stem's walk back cuts it", () => {
    const cut = (t: string, span: string) => {
      const a = t.indexOf(span);
      const from = modelCompanyStart(t, a, a + span.length);
      return from < 0 ? null : t.slice(from, a + span.length);
    };
    assert.equal(cut('省长盛赞青禾集团取得的成就', '盛赞青禾集团'), '青禾集团');
    assert.equal(cut('书记点赞青禾集团的担当', '赞青禾集团'), '青禾集团', 'a stop word that begins before the span');
    assert.equal(cut('领导深入集团总部调研', '深入集团'), null, 'no name left');
    assert.equal(cut('局长王五，以及集团公司总裁', '以及集团公司'), null);
    // one-character conjunctions and name words that are stop words stay: the model reads them well
    assert.equal(cut('会见香港交易及结算所有限公司主席', '香港交易及结算所有限公司'), '香港交易及结算所有限公司');
    assert.equal(cut('与中国交通建设股份公司签约', '中国交通建设股份公司'), '中国交通建设股份公司');
    // …but a preposition ends what stands before the company (市政府对集团公司的支持: no name is left)
    assert.equal(cut('感谢市政府对集团公司的支持', '市政府对集团公司'), null);
    // …and a place and a conjunction cut, unless the conjunction opens a name the lexicon knows (天津同仁堂)
    assert.equal(cut('天津同仁堂集团股份有限公司总经理表示', '天津同仁堂集团股份有限公司'), '天津同仁堂集团股份有限公司');
    assert.equal(cut('感谢市政府对青禾集团的支持', '市政府对青禾集团'), '青禾集团');
    // no company suffix: the model's own reading
    assert.equal(cut('盛赞青禾的成就', '盛赞青禾'), '盛赞青禾');
  });
  it('即 before a model company and 退任 before a bare 集团 are the clause\'s (即丰越公司的前身, 正式退任集团主席)', () => {
    const t = '成立了LC100项目组(即丰越公司的前身)开始工作。';
    assert.equal(modelCompanyStart(t, t.indexOf('即'), t.indexOf('的前身')), t.indexOf('丰越'));
    assert.deepEqual(found('李兆基年事已高，28日正式退任集团主席兼总经理。', stageCompanies).filter((x) => x.startsWith('company:')), []);
  });
  it('a place and a conjunction run into a model company are cut (道县与五矿二十三冶建设集团有限公司); a country before 和 is not (中国和平集团)', () => {
    const t = '道县与五矿二十三冶建设集团有限公司签约。';
    assert.equal(modelCompanyStart(t, 0, t.indexOf('签约')), 3);
    const u = '中国和平集团成立。';
    assert.equal(modelCompanyStart(u, 0, 6), 0);
  });
  it("a bare 公司 after a filing's or an event's verb is the company spoken of, no name (辞任公司, 自送达公司, 代行公司, 举行本公司)", () => {
    for (const t of ['上述辞职报告自送达公司董事会之日起生效。', '由董事于新建先生代行公司董事长职责。', '张志华辞任公司董事长，辞职未导致公司董事会成员低于法定人数。', '郑永刚先生及其所持公司股份。', '公司将于近日举行本公司股东大会。']) {
      assert.deepEqual(found(t, stageCompanies).filter((x) => x.startsWith('company:')), [], t);
    }
    // the name after the verb stays, and a legal name is not cut (了凡科技有限公司)
    assert.deepEqual(found('我们参观了青禾电子公司。', stageCompanies), ['company:青禾电子公司']);
  });
});

