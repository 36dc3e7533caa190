import { strict as assert } from 'node:assert';
import { buildEntities } from '../../../../src/core/analysis/entities';
import { findRegions } from '../../../../src/core/analysis/sections';
import { splitSentences } from '../../../../src/core/analysis/sentences';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { recognizeRich } from '../../../../src/core/recognize';
import { analyze } from '../../../../src/core';

function entitiesOf(text: string) {
  const normalized = normalizeForMatching(text);
  return buildEntities({ text, normalized, spans: recognizeRich(text), regions: findRegions(text, normalized), sentences: splitSentences(text) });
}

describe('analysis/entities', () => {
  it('a legal name and its short form are one company, named by the legal name', () => {
    const { entities, mentions } = entitiesOf('华为技术有限公司（以下简称“华为”）发布新品。华为表示将扩产。');
    const company = entities.filter((e) => e.type === 'company');
    assert.deepEqual(company.map((e) => e.name), ['华为技术有限公司']);
    assert.deepEqual(company[0].aliases, ['华为']);
    assert.equal(mentions.filter((m) => m.entityId === company[0].id).length, 3);
  });
  it("an official's region from a post that writes it beats one read around a bare post before it", () => {
    const text = '# 黑龙江省长胡昌升率团考察 孙志洋副省长陪同\n\n5月9日，黑龙江省长胡昌升率团考察，广东省副省长孙志洋陪同。';
    const sun = analyze(text).entities.find((e) => e.name === '孙志洋');
    assert.equal(sun?.region, '广东');
  });
  it('a body written only at the head of a post is another name of the one body it can be; a term is no part of a name', () => {
    const text = '黑龙江省人大常委会决定任命。省十届人大常委会第三次会议闭幕。省人大常委会副主任张三出席。黑龙江省人民政府省长李四到会，省政府秘书长王五陪同。';
    const gov = Object.fromEntries(analyze(text).entities.filter((e) => e.type === 'government').map((e) => [e.name, e.aliases]));
    assert.ok(gov['黑龙江省人大常委会']?.includes('省十届人大常委会'), JSON.stringify(gov));
    assert.ok(gov['黑龙江省人大常委会']?.includes('省人大常委会'), JSON.stringify(gov));
    assert.ok(gov['黑龙江省人民政府']?.includes('省政府'), JSON.stringify(gov));
  });
  it("a company's post with no company named is the article's own company's: after 公司/集团, or when it names one", () => {
    const people = (t: string) => Object.fromEntries(analyze(t, { useModel: false }).entities.filter((e) => e.type === 'person').map((e) => [e.name, [e.role, e.organization]]));
    const notice = '青禾科技股份有限公司今晚公告称，公司董事会近日收到董事长高登锋提交的辞职报告，公司董事程杰表示同意。';
    assert.deepEqual(people(notice)['高登锋'], ['business', '青禾科技股份有限公司']);
    assert.deepEqual(people(notice)['程杰'], ['business', '青禾科技股份有限公司']);
    // 集团 before the chain: the article's most named group, not another company
    const group = '青禾集团与星河银行签约。青禾集团将投资。集团党组书记、董事长吕军出席。';
    assert.deepEqual(people(group)['吕军'], ['business', '青禾集团']);
    // …and 集团公司, the group written so (集团公司党委书记、董事长都业洲)
    const groupCo = '青禾集团与星河银行签约。签约前，集团公司党委书记、董事长吕军会见客人。';
    assert.deepEqual(people(groupCo)['吕军'], ['business', '青禾集团']);
    // several companies and no reference: none is guessed; a chamber's post is no company's
    assert.equal(people('青禾集团、星河银行参加。总经理李明出席。')['李明']?.[1], undefined);
    // …unless the article names one of them far more often (three times, twice the next): its people
    const filing = '青禾科技股份有限公司（以下简称“青禾科技”）公告。星河银行对青禾科技提起诉讼。青禾科技表示接受。董事会秘书周雪华已辞职。';
    assert.deepEqual(people(filing)['周雪华'], ['business', '青禾科技股份有限公司']);
    // a chamber's post written bare (商会执行会长X) is the chamber's the article names, not a member firm's
    const chamber = analyze('青禾商业联合会召开座谈会。座谈会由商会执行会长孙勇智主持。随后参观商会副会长杨通的星河化工有限公司。').entities;
    assert.equal(chamber.find((e) => e.name === '孙勇智')?.organization, '青禾商业联合会');
    // a chamber's honorary post with two modifiers (中華總商會永遠榮譽會長): the chamber's
    assert.equal(analyze('包括中華總商會永遠榮譽會長何一柱、企業家李二三。').entities.find((e) => e.name === '何一柱')?.organization, '中華總商會');
    // a body's council written after its name is the body's (…商會理事會主席: the chamber)
    const council = analyze('澳門青禾商會成立五周年。澳門青禾商會理事會主席湯柏一致辭。').entities;
    assert.equal(council.find((e) => e.name === '湯柏一')?.organization, '澳門青禾商會');
    assert.equal(people('青禾集团参加。中华总商会会长何世明出席。')['何世明']?.[1], '中华总商会');
    // a chamber's post written bare (新任会长马有礼) in an article naming the chamber: its business person
    // a unit of the company (东区, 信息化管理部) before a later post of its listed posts: the company's person
    const gao = analyze('4月7日下午，副市长佟桂莉会见了西门子(中国)有限公司高级副总裁、东区总经理高岩一行。高岩表示很高兴。').entities.find((e) => e.name === '高岩');
    assert.deepEqual([gao?.role, gao?.organization], ['business', '西门子(中国)有限公司']);
    // …and a chamber's other posts written bare (常务理事, 会务顾问)
    const board = analyze('一行到访澳门中华总商会，受到会长马有礼，会务顾问梁显达，常务理事马志达、司徒荻林的欢迎。').entities;
    assert.deepEqual(['马志达', '司徒荻林'].map((n) => board.find((e) => e.name === n)?.role), ['business', 'business']);
    const ma = analyze('澳门中华总商会新领导层就职典礼举行。新任会长马有礼表示，将继续努力。').entities.find((e) => e.name === '马有礼');
    assert.deepEqual([ma?.role, ma?.organization], ['business', '澳门中华总商会']);
  });
  it("a firm's post with no firm named, in a sentence about one firm (青禾股份(002999)发布公告，董事、总经理X辞职): that firm's; two firms in the sentence, none", () => {
    const org = (t: string, name: string) => analyze(t).entities.find((e) => e.type === 'person' && e.name === name)?.organization;
    assert.equal(org('今日，青禾股份(002999)发布人事变动公告，董事、总经理王洪卫因身体原因辞去以上职务。另有白鹭集团表示欢迎。', '王洪卫'), '青禾股份');
    assert.equal(org('今日，青禾电子股份有限公司与白鹭科技股份有限公司发布公告，董事、总经理王洪卫辞去职务。', '王洪卫'), undefined);
  });
  it('traditional and simplified forms of a name are one entity', () => {
    const { entities } = entitiesOf('市委書記尹力主持會議。市委书记尹力讲话。');
    assert.equal(entities.filter((e) => e.type === 'person').length, 1);
  });
  it('an official in a region section holds office there', () => {
    const { entities } = entitiesOf('**广州：**\n市委副书记、市长孙志洋主持会议。');
    const p = entities.find((e) => e.name === '孙志洋');
    assert.equal(p?.role, 'official');
    assert.equal(p?.region, '广州');
    assert.equal(p?.titles[0].full, '广州市委副书记、广州市市长');
  });
  it("a bare post (周立平主席) does not make an official of a company's chairman, in either order", () => {
    for (const text of ['与周立平主席共话合作。受到远方集团董事局主席周立平的欢迎。', '远方集团董事长周立平出席。周立平主席表示欢迎。']) {
      const e = analyze(text).entities.find((x) => x.name === '周立平');
      assert.equal(e?.role, 'business', text);
    }
    // a regional post still makes an official
    const o = analyze('远方集团董事长周立平出席。省政协副主席周立平表示欢迎。').entities.find((x) => x.name === '周立平');
    assert.equal(o?.role, 'official');
  });
  it("a company's post with no company named takes the company of its own clause (…集团公司行政总裁霍震寰和总经理霍震霆), never one across a list's mark", () => {
    const text = '强卫拜会了华润集团董事长傅育宁、香港霍英东集团公司行政总裁霍震寰和总经理霍震霆、新世界发展有限公司主席郑家纯。中交集团市场开发总监赵晖参加座谈。';
    const org = (name: string) => analyze(text).entities.find((x) => x.type === 'person' && x.name === name)?.organization;
    assert.equal(org('霍震霆'), '香港霍英东集团公司');
    assert.equal(org('赵晖'), '中交集团');
    // the post's clause names no firm: none, rather than the next item's
    const list = '翱兰科技中国区CEO娄征祥，九天睿芯科技有限公司创始人刘洪杰，中通快递股份有限公司董事长赖梅松出席。';
    assert.notEqual(analyze(list).entities.find((x) => x.name === '娄征祥')?.organization, '九天睿芯科技有限公司');
  });
  it('a name the article established is read whole where the model cuts it short (陈江和祝贺: not 陈江)', () => {
    const text = '新加坡金鷹國際集團董事局主席陳江和一行。省長對陳江和先生表示歡迎。陳江和祝賀山東經濟發展。';
    const people = analyze(text).entities.filter((x) => x.type === 'person').map((x) => x.name);
    assert.ok(people.includes('陳江和') && !people.includes('陳江'), JSON.stringify(people));
  });
  it("a chamber's post written bare (常务会董, 会董) belongs to the chamber the text named last before it, not to a firm in the text", () => {
    const text = '香港中華廠商聯合會副會長倪錦輝主持接待寧德市代表團，鍾山有限公司董事長黃宏亮也出席。廠商會出席接待者尚包括：常務會董吳清煥、會董盧金榮等。';
    const org = (n: string) => analyze(text).entities.find((x) => x.type === 'person' && x.name === n)?.organization;
    assert.equal(org('吳清煥'), '香港中華廠商聯合會');
    assert.equal(org('盧金榮'), '香港中華廠商聯合會');
  });
});

