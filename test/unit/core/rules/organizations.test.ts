import { recognize } from '../../../../src/core/recognize';
import { strict as assert } from 'node:assert';
import { stageOrgs } from '../../../../src/core/rules/organizations';
import { found } from './runStage';

describe('rules/organizations', () => {
  it('a dateline right after a headline in lenticular brackets that opens the line (【…】财联社9月26日电)', () => {
    assert.ok(found('【市长会见客人】财联社9月26日电，上海市市长会见了客人。', stageOrgs).includes('organization:财联社'));
  });
  it('a fixed name, and a suffix followed by a post of the body', () => {
    assert.deepEqual(found('北京大学和哈佛大学校长陆登庭。', stageOrgs), ['organization:北京大学', 'organization:哈佛大学']);
  });
  it('media: a listed news site is the medium, not a company (新华网, 人民网); a satellite channel (深圳卫视)', () => {
    const spans = recognize('据新华网报道，人民网、深圳卫视记者也在现场。');
    assert.ok(spans.some((s) => s.type === 'organization' && s.text === '新华网'), JSON.stringify(spans));
    assert.ok(spans.some((s) => s.type === 'organization' && s.text === '人民网'), JSON.stringify(spans));
    assert.ok(!spans.some((s) => s.type === 'company'), JSON.stringify(spans));
    assert.deepEqual(found('深圳卫视、湖南卫视。', stageOrgs), ['organization:深圳卫视', 'organization:湖南卫视']);
    // the company by its legal name stays a company
    assert.ok(recognize('新华网股份有限公司发布公告。').some((s) => s.type === 'company' && s.text === '新华网股份有限公司'));
  });
  it('a medium the text cites or that opens a source line stands against the model; two media joined by a dash are two', () => {
    const orgs = (t: string) => recognize(t).filter((x) => x.type === 'organization').map((x) => x.text);
    assert.ok(orgs('据新京报报道，澳门特区发布消息。').includes('新京报'));
    assert.ok(orgs('眉山日报 2021-03-19 06:42').includes('眉山日报'));
    assert.deepEqual(found('长江日报-长江网讯（记者张三）', stageOrgs).filter((x) => x.includes('长江')), ['organization:长江日报', 'organization:长江网']);
    // a paper in book quotes, its pages cited or not (《青禾日报》头版, 据臺灣《青禾日報》報道): the outlet
    assert.ok(orgs('今天出版的《青禾日报》头版发布消息，六个市选举产生新一任市委书记。').includes('青禾日报'));
    assert.ok(orgs('據臺灣《青禾日報》報道，鴻海將擴產。').includes('青禾日報'));
  });
  it("schools named the Taiwan way (湖田國小, 華岡藝校) and hometown or friendship associations (宁波旅港同乡会, 香港甬港联谊会)", () => {
    assert.ok(recognize('學生被安置在湖田國小，共二十人。').some((x) => x.type === 'organization' && x.text === '湖田國小'));
    assert.ok(found('安置在華岡藝校，共二十人。', stageOrgs).includes('organization:華岡藝校'));
    assert.deepEqual(found('拜访了宁波旅港同乡会、香港甬港联谊会。', stageOrgs), ['organization:宁波旅港同乡会', 'organization:香港甬港联谊会']);
  });
  it('a delegation is named from where it comes', () => {
    assert.deepEqual(found('接受台湾中南部企业家精英团拜访', stageOrgs), ['organization:台湾中南部企业家精英团']);
  });
  it('a short suffix inside a longer word is no organization', () => {
    assert.deepEqual(found('这所大学生活', stageOrgs), []);
  });
});

describe('rules/organizations: media', () => {
  it('a name opening a line before a date and 讯/消息/获悉 is a medium', () => {
    assert.deepEqual(found('青禾网5月3日讯（记者 某某）今天', stageOrgs), ['organization:青禾网']);
    assert.deepEqual(found('财经界7月1日消息，某公司', stageOrgs), ['organization:财经界']);
    assert.deepEqual(found('本报讯 今天\n公司3月2日电话会议', stageOrgs), []);
  });
  it('据 a medium: 据X报道, 据X报，— not 根据, not 据介绍', () => {
    assert.deepEqual(found('据青禾晚报报道，又据城南微报，', stageOrgs), ['organization:青禾晚报', 'organization:城南微报']);
    assert.deepEqual(found('根据协议，据介绍，数据显示', stageOrgs), []);
  });
  it('a website in book quotes is a medium; a chamber before a modified post is a body', () => {
    assert.deepEqual(found('《青禾新闻网》整理', stageOrgs), ['organization:青禾新闻网']);
    assert.deepEqual(found('宁波市温州商会轮值会长', stageOrgs), ['organization:宁波市温州商会']);
  });
  it("a medium whose reporter writes the story is one, however the model reads it ((长江日报记者 鞠頔, 东北网记者王五)", () => {
    const orgs = (t: string) => recognize(t).filter((x) => x.type === 'organization').map((x) => x.text);
    assert.deepEqual(orgs('长江网6月27日讯(长江日报记者 鞠頔)6月26日'), ['长江网', '长江日报']);
    assert.ok(orgs('(黑龙江日报记者刘伟 东北网记者王五)').includes('东北网'));
  });
  it('media as their lines name them: 【大公报讯】, 香港文汇报讯 whole, 新华社北京…电 without the place, 新华网快讯, an app or account is its outlet, 文章来源 and two outlets joined by a dash', () => {
    const orgs = (t: string) => recognize(t).filter((x) => x.type === 'organization').map((x) => x.text);
    assert.deepEqual(orgs('【大公报讯】香港中华厂商联合会副会长出席。'), ['大公报', '香港中华厂商联合会']);
    assert.ok(orgs('香港文匯報訊 雲南僑務辦副主任張新明率團訪港。').includes('香港文匯報'));
    assert.deepEqual(orgs('新华社北京3月5日电 记者王明报道'), ['新华社']);
    assert.deepEqual(orgs('据新华社北京１２月３１日电（记者罗玉文）'), ['新华社']);
    assert.deepEqual(orgs('新华网快讯：部长级会议17日决定维持产量不变。'), ['新华网']);
    assert.deepEqual(orgs('智通财经APP获悉，公司股份复牌。'), ['智通财经']);
    assert.deepEqual(orgs('（文章来源：每日经济新闻）'), ['每日经济新闻']);
    assert.deepEqual(orgs('2021-06-27 09:46:00 来源: 东营网-东营日报 作者:李明'), ['东营网', '东营日报']);
  });
  it('the walk back from a suffix stops at taking a post again (霍震寰连任中华总商会会长: not 霍震寰连任中华总商会)', () => {
    assert.ok(!found('霍震寰连任中华总商会会长，中联办主任高祀仁出席。', stageOrgs).some((x) => x.includes('连任')));
  });
});

