import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PIPELINE, recognizeRich, runRules } from '../../../../src/core/rules/pipeline';
import { repoRoot } from '../helpers';
import { placeNamed, recognize } from '../../../../src/core/recognize';
import { companyRetype } from '../../../../src/core/model/combine';

describe('rules/pipeline', () => {
  it('lists every stage file once, in the order the stages claim', () => {
    assert.deepEqual(PIPELINE.map((s) => s.name), [
      'stageDates', 'stageBylines', 'stageCompanies', 'stageStockCodes', 'stageCompanyLexicon', 'stageIndustryCompanies', 'stageCompanyMentions', 'stageParties', 'stageGov', 'stageOrgs', 'stageCountryAbbr',
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
  it('a name the rules cannot read after a title chain, read by the model, holds that chain (董事长铃木学, 商会会长洪明华)', () => {
    const people = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => [s.text, s.role, s.chain?.inText]);
    // the rules alone read no name there (a Japanese surname; 华 also ends words)
    assert.ok(!recognizeRich('丰田(中国)投资有限公司董事长铃木学接受媒体采访。').some((s) => s.type === 'person'));
    assert.deepEqual(people('丰田(中国)投资有限公司董事长铃木学接受媒体采访。'), [['铃木学', 'business', '董事长']]);
    assert.deepEqual(people('上海市江西商会会长洪明华、上海市湖南商会会长李明出席。')[0], ['洪明华', 'business', '上海市江西商会会长']);
  });
  it('names after such a name in a list share its chain (副市长刘四川、赵志坚、侯友明: the rules read no name in 刘四川)', () => {
    assert.ok(!recognizeRich('副市长刘四川、赵志坚、侯友明出席会议。').some((s) => s.type === 'person'));
    const people = recognize('副市长刘四川、赵志坚、侯友明出席会议。').filter((s) => s.type === 'person');
    assert.deepEqual(people.map((s) => [s.text, s.role, s.chain?.inText]), [['刘四川', 'official', '副市长'], ['赵志坚', 'official', '副市长'], ['侯友明', 'official', '副市长']]);
  });
  it('a post the model read right before a name, after a body the rules do not know, is that person\'s chain (发展局局长宁汉豪)', () => {
    const person = (t: string, name: string) => recognize(t).find((s) => s.type === 'person' && s.text === name);
    const p = person('发展局局长宁汉豪、房屋局局长何永贤出席。', '宁汉豪');
    assert.deepEqual([p?.role, p?.chain?.inText, p?.chain?.organization], ['official', '发展局局长', '发展局']);
    assert.deepEqual(person('发展局局长宁汉豪、房屋局局长何永贤出席。', '何永贤')?.chain?.inText, '房屋局局长');
    // a level's body before the post, inside the model's title or just before it, makes it a state post
    const b = person('自治区党委书记王君宣布项目开工,自治区主席巴特尔讲话。', '巴特尔');
    assert.deepEqual([b?.role, b?.chain?.inText], ['official', '自治区主席']);
  });
  it("a government's bureau the model reads as a company is a body, with the level the rules read before it (县农业农村局); a body run on into a visit's verb is the place before it (石桥镇调研…)", () => {
    const spans = recognize('县委常委、副县长张丽，县农业农村局局长赵刚陪同。').map((s) => `${s.type}:${s.text}`);
    assert.ok(spans.includes('government:县农业农村局') && !spans.some((s) => s.startsWith('company')), spans.join(' '));
    const visit = recognize('县长刘建华深入城关镇、石桥镇调研农业产业发展情况。').map((s) => `${s.type}:${s.text}`);
    assert.ok(visit.includes('place:石桥镇') && !visit.some((s) => s.startsWith('organization')), visit.join(' '));
    // …or a meeting's verb: the body before it (市委常委会研究部署 → 市委常委会); a 研究院 or 研究部 is a body's own word
    const meeting = recognize('当天，市政府召开常务会议，市委常委会研究部署。').map((s) => `${s.type}:${s.text}`);
    assert.ok(meeting.includes('government:市委常委会') && !meeting.some((s) => s.includes('研究部署')), meeting.join(' '));
    // (a delegation is named with 考察: 考察团 stays whole)
    assert.deepEqual(companyRetype('农业农村局'), 'government');
    assert.equal(companyRetype('中建三局'), undefined);
  });
  it("a company's region of business between it and the post the model read (青禾集团华东大区总经理X): the company's person; a known short name a post follows is kept", () => {
    const persons = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => [s.text, s.role, s.chain?.organization]);
    assert.deepEqual(persons('青禾集团华东大区总经理何小勇介绍了情况。'), [['何小勇', 'business', '青禾集团']]);
    assert.deepEqual(persons('万科集团华南区域总经理张三表示，'), [['张三', 'business', '万科集团']]);
    assert.ok(recognize('小米集团创始人雷军，以及理想汽车联合创始人、总裁沈亚楠参加了活动。').some((s) => s.type === 'company' && s.text === '理想汽车'));
  });
  it("a post the model read after a company or a chamber (营运总裁, 集团领导, 厂商会会长): that firm's or chamber's business person", () => {
    const persons = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => [s.text, s.role, s.chain?.organization]);
    assert.deepEqual(persons('东岳航运有限公司营运总裁王立均出席了仪式。'), [['王立均', 'business', '东岳航运有限公司']]);
    assert.deepEqual(persons('宏远集團領導陳立新、何美玲參加活動。'), [['陳立新', 'business', '宏远集團'], ['何美玲', 'business', '宏远集團']]);
    assert.deepEqual(persons('廠商會會長林志強致辭。'), [['林志強', 'business', '廠商會']]);
    // (a level's leaders stay officials)
    assert.deepEqual(persons('市领导张三出席。'), [['张三', 'official', undefined]]);
  });
  it("a post the model read after a body named with its region holds its region (青禾市政府办公室副主任 → 青禾市's)", () => {
    const chains = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => [s.text, s.chain?.region]);
    assert.deepEqual(chains('孝感市政府办公室副主任涂江波出席活动。'), [['涂江波', '孝感']]);
    assert.deepEqual(chains('團員包括雲南省僑辦經科處副處長樊心紅。'), [['樊心紅', '云南']]);
  });
  it("a company's department or plant the model runs on after its name is the company; a department alone is none", () => {
    const companies = (t: string) => recognize(t).filter((s) => s.type === 'company').map((s) => s.text);
    assert.ok(companies('沃尔玛百货有限公司国际部副总裁出席。').includes('沃尔玛百货有限公司'));
    assert.ok(companies('考察了中芯國際公司深圳工廠。').includes('中芯國際公司'));
    assert.ok(!companies('湖北省中药材公司药王分公司人力资源部经理等。').includes('人力资源部'));
  });
  it('no model name runs across a space between Chinese words (a list of bodies spaced apart): the rules\' bodies stand', () => {
    const gov = recognize('最差办事处 长安区育才街道办事处 桥西区汇通街道办事处').filter((s) => s.type === 'government').map((s) => s.text);
    assert.ok(gov.includes('长安区育才街道办事处') && gov.includes('桥西区汇通街道办事处'), JSON.stringify(gov));
  });
  it('an association named with its place is one name (澳門東盟國際商會, 甘肃晋商商业联合会), however the model splits it', () => {
    const orgs = (t: string) => recognize(t).filter((s) => s.type === 'organization').map((s) => s.text);
    assert.ok(orgs('澳門東盟國際商會舉行就職典禮。').includes('澳門東盟國際商會'));
    assert.ok(orgs('甘肃晋商商业联合会考察交流。').includes('甘肃晋商商业联合会'));
  });
  it('a verb of two characters whose first is a surname is no name (…原因,申请辞去)', () => {
    const persons = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => s.text);
    assert.deepEqual(persons('青禾股份董事会收到总经理李明远先生的辞职报告。李明远先生因个人原因,申请辞去总经理职务。'), ['李明远', '李明远']);
  });
  it("a leader's post written after a name only the model reads (…期间温家宝总理, 干部宋建华副县长): the person's post", () => {
    const persons = (t: string) => recognize(t).filter((s) => s.type === 'person').map((s) => [s.text, s.role, s.chain?.inText]);
    assert.deepEqual(persons('今年元旦期间温家宝总理专程到连云港视察。'), [['温家宝', 'official', '总理']]);
    assert.deepEqual(persons('援藏干部宋建华副县长在援藏期间表现突出。').find((p) => p[0] === '宋建华'), ['宋建华', 'official', '副县长']);
  });
  it('a model span never ends in a full stop or comma, and a province read as a company is the place (广东.、福建)', () => {
    const spans = recognize('以上五个省会城市的书记,来自上海、天津、浙江、广东.、福建等沿海发达地区。');
    assert.ok(!spans.some((s) => /[.,、]$/.test(s.text)), JSON.stringify(spans.map((s) => s.text)));
    assert.ok(!spans.some((s) => s.type === 'company'));
  });
  it("a model company that runs on into its headquarters or subsidiaries is the company (中信集团旗下公司, 集团香港总部)", () => {
    const companies = (t: string) => recognize(t).filter((s) => s.type === 'company').map((s) => s.text);
    assert.ok(!companies('宋立平一行到集团香港总部访问。').some((c) => c.endsWith('总部')));
    assert.ok(!companies('该院是中信集团旗下公司。').some((c) => c.endsWith('旗下公司')));
  });
});

