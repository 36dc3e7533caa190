import * as assert from 'node:assert/strict';
import { unsupportedModelCompany } from '../../../src/core/model/companyEvidence';
import { normalizeForMatching } from '../../../src/core/normalize';
import { tag } from '../../../src/core';
import type { Span } from '../../../src/core/types';

/** unsupportedModelCompany on the first occurrence of `word` in `text`, with optional neighbours. */
function unsupported(text: string, word: string, prev?: Span, next?: Span): boolean {
  const start = text.indexOf(word);
  assert.ok(start >= 0, `${word} in ${text}`);
  return unsupportedModelCompany(text, normalizeForMatching(text), start, start + word.length, prev, next);
}
const company = (text: string, word: string): Span => {
  const start = text.indexOf(word);
  return { type: 'company', start, end: start + word.length, text: word };
};

describe('model companies without support (companyEvidence.ts)', () => {
  it('drops a trade word, a place and its trade, and a trade phrase that runs on', () => {
    assert.equal(unsupported('坚持规划同编、产业同链、民生同保', '民生'), true);
    assert.equal(unsupported('湖北汽车工业基础良好', '湖北汽车'), true);
    assert.equal(unsupported('将进一步深化与湖南交通合作', '湖南交通'), true);
    assert.equal(unsupported('为深港科技创新合作量身打造', '深港科技'), true);
    assert.equal(unsupported('合作项目、港航产业项目', '港航产业'), true);
  });

  it('drops generic heads and a lone character', () => {
    assert.equal(unsupported('拜会驻港中资企业负责人', '中资企业'), true);
    assert.equal(unsupported('晶圆厂及IC设计中心投资案', 'IC设计中心'), true);
    assert.equal(unsupported('积极探讨同日、韩、欧盟等开展合作', '韩'), true);
  });

  it('drops a district short name the text also names in full', () => {
    assert.equal(unsupported('福田区委书记黄伟表示，福田将加快建设', '福田将'.slice(0, 2)), true);
    assert.equal(unsupported('北汽福田发布新车型', '福田'), false);
  });

  it('keeps a company with a suffix, a Latin brand, a post after it, or a company beside it in a list', () => {
    assert.equal(unsupported('盛赞正威集团发展迅速', '正威集团'), false);
    assert.equal(unsupported('长江产业基金、武汉经开区负责人', '长江产业基金'), false);
    assert.equal(unsupported('深发展信用卡中心人员', '深发展信用卡中心'), false);
    assert.equal(unsupported('中粮粮谷董事长到访', '中粮粮谷'), false);
    const list = '宁德时代、天合光能、北京海博思创等企业';
    assert.equal(unsupported(list, '北京海博思创', company(list, '天合光能')), false);
    // a short brand alone is common news (招行, 暴雪): two characters prove nothing either way
    assert.equal(unsupported('招行首建小企业信贷中心', '招行'), false);
    assert.equal(unsupported('被暴雪的虚假信息误导', '暴雪'), false);
    // a trade word inside a name that goes on as a name does (深发展已经开始盈利)
    assert.equal(unsupported('2010年深发展已经开始盈利', '深发展'), false);
  });

  it("the model's names stop at a bracket they do not close, and start after a caption's mark", () => {
    const org = (t: string) => tag(t).filter((s) => s.type === 'organization').map((s) => s.text);
    assert.ok(org('【本報訊】香港中華廠商聯合會(廠商會)副會長倪錦輝日前主持接待').includes('香港中華廠商聯合會'));
    assert.ok(!org('■廠商會向寧德市長陳家東致送紀念品。').some((x) => x.startsWith('■')));
    assert.ok(org('（中央社記者曾筠庭台北10日電）經濟部今天表示').includes('中央社'));
  });
  it('tag() no longer reads a policy phrase as a company', () => {
    const text = '湖北经济社会发展势头好、潜力大。湖北汽车工业基础良好，具备发展新能源汽车的条件。';
    assert.ok(!tag(text).some((s) => s.type === 'company' && s.text.startsWith('湖北汽车')), JSON.stringify(tag(text)));
  });
  it('in an article, two characters read bare and never introduced as a firm are a phrase (投资兴业); a firm the article introduces, or the lexicon knows, stays', () => {
    const filler = '今年以来，全省经济运行总体平稳，稳中有进，重大项目建设加快推进，营商环境持续优化。'.repeat(8);
    const article = `${filler}热忱欢迎广大企业家来黔投资兴业，共谋发展。`;
    assert.ok(article.length >= 300);
    assert.equal(unsupported(article, '兴业'), true);
    assert.equal(unsupported(`${article}兴业银行行长出席。`, '兴业'), false);
    assert.equal(unsupported(`${filler}美团首建小企业信贷中心。`, '美团'), false);
    // the same reading in a sentence alone stands (nothing else there could introduce a brand)
    assert.equal(unsupported('热忱欢迎广大企业家来黔投资兴业', '兴业'), false);
  });
  it("the model's company run on from an event's verb or its 了 keeps what follows, if a name (孙述涛出席集团, 都业洲介绍了集团公司, 莅临我集团: none); a headline's # is no part of a name", () => {
    const companies = (t: string) => tag(t).filter((s) => s.type === 'company').map((s) => s.text);
    for (const t of ['# 市委副书记、市长孙述涛出席集团与中海地产签约活动', '签约前，都业洲介绍了集团公司发展情况。', '副县长汪俊一行莅临我集团指导工作。', '# 集团公司与张家港市签订战略合作协议']) {
      assert.ok(!companies(t).some((c) => /出席|介绍|莅临|^#|^集团/.test(c.trim())), `${t}: ${JSON.stringify(companies(t))}`);
    }
  });
  it('trades alone are no firm: items of a counted list (中医药、食品加工、物流…等一百一十家企业), a bare 公司 after them (健康科技公司); a firm named in the list stays', () => {
    const companies = (t: string) => tag(t).filter((s) => s.type === 'company').map((s) => s.text);
    assert.deepEqual(companies('成员来自各个界别，包括中医药、食品加工、物流、法律及金融服务等一百一十家企业。'), []);
    assert.ok(!companies('飛利浦是全球領先的健康科技公司。').includes('健康科技公司'));
    assert.deepEqual(companies('走访了华强迪奥、佳美钢结构、金鹏建材9家重点企业。'), ['华强迪奥', '佳美钢结构', '金鹏建材']);
  });
  it('in an article, a longer reading never introduced as a firm is no firm either (重庆投资兴业); one the article introduces elsewhere stays (重庆投资 … 重庆投资集团)', () => {
    const filler = '今年以来，全省经济运行总体平稳，稳中有进，重大项目建设加快推进，营商环境持续优化。'.repeat(8);
    const article = `${filler}介绍了在重庆投资兴业的八个方面的优越条件。`;
    assert.equal(unsupported(article, '重庆投资兴业'), true);
    assert.equal(unsupported(`${article}重庆投资兴业集团董事长出席。`, '重庆投资兴业'), false);
    assert.equal(unsupported('介绍了在重庆投资兴业的八个方面的优越条件。', '重庆投资兴业'), false);
  });
});
