import { strict as assert } from 'node:assert';
import { stageTitles } from '../../../../src/core/rules/titles';
import { found, runStages } from './runStage';
import { recognize, recognizeRich } from '../../../../src/core/recognize';
import { analyze } from '../../../../src/core';

describe('rules/titles', () => {
  it('a chain with its region before a name: body, title, official', () => {
    const spans = runStages('北京市委书记尹力来到朝阳区调研。', stageTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:北京市委', 'title:书记', 'person:尹力']);
    const person = spans[2];
    assert.equal(person.role, 'official');
    assert.equal(person.chain?.inText, '北京市委书记');
    assert.equal(person.chain?.region, '北京');
  });
  it("a level's own committee, congress or CPPCC written bare is a body, a bare 政府 stays in the post; the chain is unchanged", () => {
    const spans = runStages('省人大常委会副主任张三出席，县政协主席李四、市政府秘书长王五参加。', stageTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:省人大常委会', 'title:副主任', 'person:张三', 'government:县政协', 'title:主席', 'person:李四', 'title:市政府秘书长', 'person:王五']);
    assert.equal(spans[2].chain?.inText, '省人大常委会副主任');
    assert.equal(spans[2].role, 'official');
  });
  it("a Hong Kong or Macau department written before its secretary's post is a body (財政司 + 司長), as People's Daily marks it", () => {
    const spans = runStages('財政司司長陳茂波、政務司副司長卓永興出席。', stageTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:財政司', 'title:司長', 'person:陳茂波', 'government:政務司', 'title:副司長', 'person:卓永興']);
    assert.equal(spans[2].chain?.inText, '財政司司長');
    // (…and the party centre's bodies written without 中共: 中央政治局 + 常委, as People's Daily marks them)
    assert.deepEqual(found('中央政治局常委、国务院副总理韩一出席。', stageTitles).slice(0, 2), ['government:中央政治局', 'title:常委']);
  });
  it("a leader's name after a verb that takes his instructions (牢记习近平总书记嘱托, 领会…)", () => {
    assert.ok(recognizeRich('当前全省正牢记习近平总书记谆谆嘱托。').some((x) => x.type === 'person' && x.text === '习近平'));
  });
  it("a chamber named with its region before its post (中華總商會永遠榮譽會長) is an organization, its officer a business person", () => {
    const spans = recognizeRich('、中華總商會永遠榮譽會長何一柱、企業家李二三。');
    assert.ok(spans.some((x) => x.type === 'organization' && x.text === '中華總商會'), JSON.stringify(spans.map((x) => x.type + ':' + x.text)));
    assert.equal(spans.find((x) => x.type === 'person')?.role, 'business');
    // (a federation of industry and commerce stays a body: 省工商联副主席)
    assert.ok(recognizeRich('山西省工商联副主席卫一华来访。').some((x) => x.type === 'government' && x.text === '山西省工商联'));
  });
  it("a committee's chair and vice chair (主任委员, 副主任委员) are posts of their own, not 主任 + 委员", () => {
    const p = recognizeRich('，副主任委员韩一群在主席台就座。').find((x) => x.type === 'person');
    assert.equal(p?.chain?.inText, '副主任委员');
  });
  it("a permanent secretary's post (常任秘书长) is one post with its modifier", () => {
    const p = recognizeRich('，常任秘书长谢凌洁一出席。').find((x) => x.type === 'person');
    assert.equal(p?.chain?.inText, '常任秘书长');
  });
  it('a date right after a name ends it (国务院总理李克强24日上午, 记者王雅猛二十六日电)', () => {
    assert.deepEqual(found('国务院总理李克强24日上午在北京会见外宾。', stageTitles).filter((x) => x.startsWith('person')), ['person:李克强']);
    assert.deepEqual(found('国务院总理李克强２４日上午会见外宾。', stageTitles).filter((x) => x.startsWith('person')), ['person:李克强']);
  });
  it('a post after 获 (…抵达贵阳，获副省长孙立强迎接): the name ends before 迎接', () => {
    assert.deepEqual(found('考察团抵达贵阳机场，获副省长孙立强迎接。', stageTitles).filter((x) => x.startsWith('person')), ['person:孙立强']);
  });
  it("a hometown or friendship association's officers hold no public post (同乡会会长: other); a business association's are business people", () => {
    const roles = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((x) => `${x.text}:${x.role}`);
    assert.deepEqual(roles('拜访了宁波旅港同乡会会长何亦卿。'), ['何亦卿:other']);
    assert.deepEqual(roles('企业家联谊会秘书长蒋二华介绍情况。'), ['蒋二华:business']);
    // (a post of the group written bare before it: 集團主席 is the group's)
    assert.deepEqual(roles('晚宴上宣布由集團主席童一鳴作為召集人。'), ['童一鳴:business']);
    // (a Taiwan businessmen's association, with its city: 贛州市臺協會會長)
    assert.deepEqual(roles('贛州市臺協會會長王家一出席。'), ['王家一:business']);
  });
  it("a level's committee office written short is a body in the chain (县委常委、县委办主任; 县府办主任)", () => {
    const spans = runStages('县委常委、县委办主任王明一陪同，县府办主任李二参加。', stageTitles);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:县委', 'title:常委', 'government:县委办', 'title:主任', 'person:王明一', 'government:县府办', 'title:主任', 'person:李二']);
    assert.equal(spans[4].chain?.inText, '县委常委、县委办主任');
  });
  it('joint, independent and non-executive posts of a company (执行董事兼联席董事长, 独立董事, 非执行董事)', () => {
    const spans = recognizeRich('青禾国际有限公司执行董事兼联席董事长王五、独立董事赵六出席，非执行董事钱七也出席。');
    const people = spans.filter((x) => x.type === 'person').map((x) => `${x.text}:${x.chain?.inText}:${x.role}`);
    assert.deepEqual(people, ['王五:执行董事兼联席董事长:business', '赵六:独立董事:business', '钱七:非执行董事:business']);
  });
  it('units joined by 、 share the name', () => {
    assert.deepEqual(found('市委副书记、市长殷勇一同调研。', stageTitles), ['government:市委', 'title:副书记', 'title:市长', 'person:殷勇']);
  });
  it('a business post makes a business person', () => {
    const person = runStages('董事长曾毓群出席。', stageTitles).find((s) => s.type === 'person');
    assert.equal(person?.text, '曾毓群');
    assert.equal(person?.role, 'business');
  });
  it("a body's head written with the body's last character: 外交部长, 市公安局长, 教育厅长", () => {
    const spans = recognizeRich('外交部长王毅、财政部长蓝佛安会见客人。市公安局长张三到场。');
    assert.deepEqual(spans.filter((s) => s.type !== 'date').map((s) => `${s.type}:${s.text}`), [
      'government:外交部', 'title:长', 'person:王毅', 'government:财政部', 'title:长', 'person:蓝佛安', 'government:市公安局', 'title:长', 'person:张三',
    ]);
    const wang = spans.find((s) => s.text === '王毅')!;
    assert.equal(wang.role, 'official');
    assert.equal(wang.chain?.inText, '外交部长');
    assert.equal(wang.chain?.units[0].core, '部长');
    assert.equal(wang.chain?.organization, '外交部');
    // 长 that starts a word or a place is not the head's post
    assert.deepEqual(recognizeRich('外交部长期以来关注此事。').filter((s) => s.type === 'title'), []);
    assert.ok(recognizeRich('交通运输部长江航务管理局局长李四出席。').some((s) => s.type === 'government' && s.text === '长江航务管理局'));
  });
  it("a post's first character glued to a name starts the post (李强副市长, 王五常务副省长), not the name", () => {
    assert.deepEqual(found('市委书记李强副市长王五出席。', stageTitles), ['government:市委', 'title:书记', 'person:李强', 'title:副市长', 'person:王五']);
    assert.deepEqual(found('省长赵六常务副省长李四出席。', stageTitles), ['title:省长', 'person:赵六', 'title:常务副省长', 'person:李四']);
    // a name that merely holds such a character stays whole
    assert.deepEqual(found('市长李常青出席。', stageTitles), ['title:市长', 'person:李常青']);
  });
  it('a verb whose first character ends a three-character reading ends the name (张三座谈, 李四出席)', () => {
    assert.deepEqual(found('县委书记张三座谈时表示，镇长李四出席。', stageTitles), ['government:县委', 'title:书记', 'person:张三', 'title:镇长', 'person:李四']);
    assert.deepEqual(found('县委书记陈胜利来到企业。', stageTitles), ['government:县委', 'title:书记', 'person:陈胜利']);
  });
  it('和 as a given name\'s first character (陈和春率团), not between a surname and a name (王和李四)', () => {
    assert.deepEqual(found('市政协副主席陈和春率团赴上海。', stageTitles).filter((x) => x.startsWith('person')), ['person:陈和春']);
    assert.ok(!found('副市长王和李四出席。', stageTitles).includes('person:王和李'));
    // (…also before a verb of two characters: 徐和建发布)
    assert.deepEqual(found('市政府新闻发言人徐和建发布，经专家组研判。', stageTitles).filter((x) => x.startsWith('person')), ['person:徐和建']);
  });
  it("a filing's appointee: 先生已获委任为公司 + post (冼家敏先生已获委任为公司独立非执行董事)", () => {
    const spans = recognizeRich('8月底，公司公告称，冼家敏先生已获委任为公司独立非执行董事、审核委员会主席。');
    const p = spans.find((s) => s.type === 'person');
    assert.equal(p?.text, '冼家敏');
    assert.equal(p?.role, 'business');
  });
  it("a body's short name in brackets between it and the post (香港中华厂商联合会(厂商会)副会长): the chain is the body's", () => {
    const p = recognizeRich('香港中華廠商聯合會(廠商會)副會長倪錦輝日前主持接待。').find((s) => s.type === 'person');
    assert.equal(p?.text, '倪錦輝');
    assert.equal(p?.role, 'business');
    assert.equal(p?.chain?.organization, '香港中華廠商聯合會');
  });
  it("a Hong Kong chamber's council members are business people (常务会董, 会董)", () => {
    const people = recognizeRich('出席接待者尚包括：常務會董吳清煥、何煜榮，會董盧金榮、尹德輝及吳榮治等。').filter((s) => s.type === 'person');
    assert.deepEqual(people.map((s) => `${s.text}:${s.role}`), ['吳清煥:business', '何煜榮:business', '盧金榮:business', '尹德輝:business', '吳榮治:business']);
  });
  it('a province and a city in it before the post (江苏省苏州市市长, 新疆昌吉回族自治州州长): the inner region\'s post', () => {
    const spans = runStages('江苏省苏州市市长吴庆文出席。', stageTitles);
    const p = spans.find((s) => s.type === 'person');
    assert.equal(p?.text, '吴庆文');
    assert.equal(p?.chain?.inText, '江苏省苏州市市长');
    assert.ok(found('新疆昌吉回族自治州州长马明成出席。', stageTitles).includes('person:马明成'));
    // and a deputy's post after a prefecture's name (凉山彝族自治州副州长)
    assert.ok(found('四川省凉山彝族自治州副州长张三出席。', stageTitles).includes('person:张三'));
  });
  it('town news: a party cell before its post is no name (党总支书记), a verb with 了 ends a name (张环传达了), a rarer surname (茆龙海)', () => {
    assert.ok(!recognizeRich('各村(社区)党总支书记、部分机关人员参加会议。').some((s) => s.type === 'person'));
    assert.ok(recognizeRich('纪委书记张环传达了换届的相关纪律要求。').some((s) => s.type === 'person' && s.text === '张环'));
    assert.ok(recognizeRich('最后，镇长茆龙海进行大会总结。').some((s) => s.type === 'person' && s.text === '茆龙海'));
  });
  it("a party committee's member posts (组织委员) are posts, not a 委 body; 檀 is a surname", () => {
    const p = recognizeRich('会上，镇党委副书记、组织委员李洪兵作解读。').find((s) => s.type === 'person');
    assert.equal(p?.text, '李洪兵');
    assert.equal(p?.role, 'official');
    assert.ok(recognizeRich('乡党委书记檀世好出席。').some((s) => s.type === 'person' && s.text === '檀世好'));
  });
  it('no name starts inside a function word (同时一并辞去: 时一并 is none); 落实习近平 still reads the name', () => {
    assert.ok(!recognizeRich('张志宏先生申请辞去董事职务，同时一并辞去董事会审计委员会主任委员等职务。').some((s) => s.type === 'person' && s.text === '时一并'));
    assert.ok(recognizeRich('认真贯彻落实习近平总书记重要讲话精神').some((s) => s.type === 'person' && s.text === '习近平'));
  });
  it('a name ending in 和 before a word no second name starts (张志和在会上讲话); 和 joins two names otherwise', () => {
    assert.deepEqual(found('副县长张志和在会上讲话。', stageTitles), ['title:副县长', 'person:张志和']);
    assert.deepEqual(found('市长李海和副市长王红出席。', stageTitles), ['title:市长', 'person:李海', 'title:副市长', 'person:王红']);
  });
  it('a surname as a name\'s third character before a verb and a half-width comma ends no name early (赵志荣致辞,)', () => {
    assert.deepEqual(found('市委书记赵志荣致辞,市委副书记出席。', stageTitles), ['government:市委', 'title:书记', 'person:赵志荣', 'government:市委', 'title:副书记']);
  });
  it('a surname as a name\'s third character starts a second name only where a byline\'s run of names ends (记者李蕾张羽飞）, not before a colon (迟浩田题词：)', () => {
    assert.deepEqual(found('中央军委副主席赵浩田题词：“为国争光”', stageTitles), ['government:中央军委', 'title:副主席', 'person:赵浩田']);
    assert.deepEqual(found('（记者李蕾张羽飞）', stageTitles), ['title:记者', 'person:李蕾', 'person:张羽飞']);
  });
  it('a company\'s short name is no part of a three-character name after a post (省长张建瑞和…: 瑞和)', () => {
    const spans = recognizeRich('省长张建瑞和市长李四出席。').map((s) => `${s.type}:${s.text}`);
    assert.ok(spans.includes('person:张建瑞'), spans.join(' '));
    assert.ok(!spans.includes('company:瑞和'), spans.join(' '));
  });
  it('appointments: a name ending in 华 before 为 is no 华为 (赵晓华为市政府秘书长); names after 免去 before a post and 职务', () => {
    const a = recognizeRich('任命王五为副市长，赵晓华为市政府秘书长。').map((s) => `${s.type}:${s.text}`);
    assert.ok(a.includes('person:赵晓华') && !a.includes('company:华为'), a.join(' '));
    const b = runStages('决定免去李明的市长职务，免去王五、赵六同志的副市长职务。', stageTitles);
    const people = b.filter((s) => s.type === 'person');
    assert.deepEqual(people.map((s) => `${s.text}:${s.chain?.inText}`), ['李明:市长', '王五:副市长', '赵六:副市长']);
    assert.ok(people.every((s) => s.role === 'official'));
    // without 职务 after the post, or without 免去 before the names, no reading
    assert.deepEqual(runStages('免去李明的市长。', stageTitles).filter((s) => s.type === 'person'), []);
  });
  it('posts of towns, townships, subdistricts and villages without their names (镇党委书记, 村党支部书记)', () => {
    assert.deepEqual(found('镇党委书记杨红、街道党工委书记赵六和村党支部书记张三座谈。', stageTitles), [
      'government:镇党委', 'title:书记', 'person:杨红', 'government:街道党工委', 'title:书记', 'person:赵六', 'title:村党支部书记', 'person:张三',
    ]);
  });
  it('a core inside an ordinary word starts no chain', () => {
    assert.deepEqual(found('这是一本教科书记录的故事', stageTitles), []);
  });
  it('appointments: names before 为 and after 的还有, with notes in brackets', () => {
    const spans = runStages('会议选举王立新为省委书记，张东(女)、李西为省委副书记，当选为省委常委的还有赵南、钱北。', stageTitles);
    const people = spans.filter((s) => s.type === 'person');
    assert.deepEqual(people.map((s) => s.text), ['王立新', '张东', '李西', '赵南', '钱北']);
    assert.ok(people.every((s) => s.role === 'official'));
  });
  it('a committee body between the committee and the post: 省委巡视工作领导小组组长', () => {
    assert.deepEqual(found('省委常委、省委巡视工作领导小组组长周立平讲话。', stageTitles).filter((x) => x.startsWith('person')), ['person:周立平']);
  });
  it('a public post and a chamber post: an official; chamber posts alone: a business person', () => {
    const both = runStages('市政协副主席、市工商联主席、市总商会会长钱立新出席。', stageTitles).find((s) => s.type === 'person');
    assert.equal(both?.role, 'official');
    const chamber = runStages('市工商联副主席孙立平出席。', stageTitles).find((s) => s.type === 'person');
    assert.equal(chamber?.role, 'business');
  });
  it('a name ending in a conjunction before punctuation keeps it: 董事长周光和，', () => {
    assert.ok(found('集团董事长周光和，副总裁李明出席。', stageTitles).includes('person:周光和'));
  });
  it('Hong Kong posts: 特区政府政务司司长, 行政会议成员', () => {
    assert.ok(found('特区政府政务司司长陈家明出席。', stageTitles).includes('person:陈家明'));
    assert.ok(found('行政会议成员黄立新出席。', stageTitles).includes('person:黄立新'));
  });
  it("a council's speaker after the city, with the holder's party between post and name (台北市议长为中国国民党的吴碧珠, 副议长民进党籍周柏雅)", () => {
    const people = (t: string) => runStages(t, stageTitles).filter((s) => s.type === 'person').map((s) => [s.text, s.chain?.inText]);
    assert.deepEqual(people('台北市议长为中国国民党的吴碧珠，副议长民进党籍周柏雅。'), [['吴碧珠', '台北市议长'], ['周柏雅', '副议长']]);
  });
  it('the central secretariat is a body of the chain (中央书记处书记王沪宁)', () => {
    assert.ok(found('中共中央政治局常委、中央书记处书记王沪宁出席。', stageTitles).includes('person:王沪宁'));
  });
  it('appointment verbs: 被任命为, 任, 辞去, and names before 等', () => {
    const names = (t: string) => runStages(t, stageTitles).filter((s) => s.type === 'person').map((s) => s.text);
    assert.deepEqual(names('3月25日，孙立平被任命为黑龙江省代省长。'), ['孙立平']);
    assert.deepEqual(names('周海文辞去河北省省长职务，吴立新任代理省长。'), ['周海文', '吴立新']);
    assert.deepEqual(names('林立新、郑东平等行政会议成员出席。'), ['林立新', '郑东平']);
    // 同志 after the name and a request before the verb (接受周海文同志请求辞去…职务)
    assert.deepEqual(names('关于接受周海文同志请求辞去河北省人民政府省长职务的决定'), ['周海文']);
    assert.deepEqual(names('任命吴立新同志为河北省副省长。'), ['吴立新']);
  });
  it('a later name of a list must end where a name can', () => {
    assert.deepEqual(found('特别助理周立平、国家计委副主任出席。', stageTitles).filter((x) => x.startsWith('person')), ['person:周立平']);
  });
  it("a chain's company is the employer even after another body's post, and a chamber with its region is no public post", () => {
    const p = recognizeRich('全国人大代表、远方集团董事长周立平，上海市新沪商联合会会长钱东平出席。').filter((s) => s.type === 'person');
    assert.equal(p[0].chain?.organization, '远方集团');
    assert.equal(p[0].role, 'business');
    assert.equal(p[1].role, 'business');
  });
  it('names: a Hong Kong married name with two surnames, a transliterated name past a surname-led reading', () => {
    assert.ok(found('政务司司长林郑丽华、律政司司长袁立新出席。', stageTitles).includes('person:林郑丽华'));
    assert.ok(found('市领导张东平、罗蔺参加。', stageTitles).includes('person:罗蔺'));
    assert.ok(found('会见马来西亚最高元首易卜拉欣。', stageTitles).includes('person:易卜拉欣'));
  });
  it('a body named after a region before the post: 开发区党委副书记', () => {
    assert.ok(found('漳州开发区党委副书记黄立中，出席。', stageTitles).includes('person:黄立中'));
  });
  it('the subject of the next appointment is not the chain\'s: 区委书记 王立新任东城区委书记', () => {
    const people = recognizeRich('免去张东平的西城区委书记 王立新任东城区委书记。').filter((s) => s.type === 'person');
    assert.deepEqual(people.map((p) => [p.text, p.chain?.inText]), [['王立新', '东城区委书记']]);
  });
  it('two chains joined by 与: neither region\'s body swallows the other\'s post', () => {
    const people = recognizeRich('福建省委书记周立平与河北省委书记钱东平会谈。').filter((s) => s.type === 'person');
    assert.deepEqual(people.map((p) => [p.text, p.chain?.region]), [['周立平', '福建'], ['钱东平', '河北']]);
  });
  it('the last name of a list joined by 和 (市领导A、B和C参加), and not a guest after a single post', () => {
    const names = (t: string) => runStages(t, stageTitles).filter((s) => s.type === 'person').map((s) => s.text);
    assert.deepEqual(names('市领导张东平、李西明和王北方参加。'), ['张东平', '李西明', '王北方']);
    assert.deepEqual(names('市领导张东平和王北方参加。'), ['张东平', '王北方']);
    assert.deepEqual(names('市长张东平和企业家王北方会谈。'), ['张东平']);
  });
  it("an autonomous region's 主席 is the head of its government: 广西壮族自治区主席, 内蒙古自治区副主席", () => {
    const p = recognizeRich('3月28日，周立平辞去广西壮族自治区主席职务。').find((s) => s.type === 'person');
    assert.equal(p?.role, 'official');
    assert.equal(p?.chain?.inText, '广西壮族自治区主席');
    assert.ok(found('内蒙古自治区副主席陈立平出席。', stageTitles).includes('person:陈立平'));
  });
  it('posts joined by 暨 are one chain (董事长暨总裁), and a name ending in 和 before 一行 keeps it', () => {
    const p = recognizeRich('台积电董事长暨总裁周立家今天表示。').find((s) => s.type === 'person');
    assert.equal(p?.text, '周立家');
    assert.equal(p?.chain?.inText, '董事长暨总裁');
    assert.ok(recognizeRich('会见了远方国际集团董事局主席钱东和一行。').some((s) => s.type === 'person' && s.text === '钱东和'));
  });
  it('a rarer surname of the 百家姓 starts a name after a chain (黄石市委书记郄立才)', () => {
    assert.ok(found('黄石市委书记郄立才主持召开会议。', stageTitles).includes('person:郄立才'));
  });
  it('Hong Kong appointments: 委任X为署理行政总裁 (an acting post; a name before 为 even where 成为 is a word)', () => {
    const p = recognizeRich('董事会宣布委任梁立成为署理行政总裁。').find((s) => s.type === 'person');
    assert.equal(p?.text, '梁立成');
    assert.equal(p?.role, 'business');
    assert.equal(p?.chain?.inText, '署理行政总裁');
  });
  it('a post, 为 or 是 and a name that ends the clause (现任的省委书记为沈晓明。); 现任 and 的 are no part of the post or a body', () => {
    const people = recognizeRich('湖南省现任的省委书记为沈晓明，现任省长是毛伟明。省长为企业解决困难。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}`), ['沈晓明:省委书记', '毛伟明:省长']);
    // (a post may start after 其中, a list's part)
    assert.ok(recognizeRich('代表团访问江西省，其中省长王浩出席。').some((x) => x.type === 'person' && x.text === '王浩'));
  });
  it("a company's people listed on after a comma keep its company (…董事长赖梅松，总裁陈向东); a public post after it does not", () => {
    const spans = recognizeRich('中通快递股份有限公司董事长赖梅松，总裁陈向东，副市长王明出席。').filter((x) => x.type === 'person');
    assert.deepEqual(spans.map((p) => `${p.text}:${p.chain?.organization ?? ''}`), ['赖梅松:中通快递股份有限公司', '陈向东:中通快递股份有限公司', '王明:']);
  });
  it("a chain naming its own level's body after a company's people is no post of the company (…副总裁孙泱、市委常委、秘书长李红梅); the firm's 党委书记 is", () => {
    const spans = recognizeRich('青禾集团副总裁孙泱、市委常委、秘书长李红梅参加会见。').filter((x) => x.type === 'person');
    assert.deepEqual(spans.map((p) => `${p.text}:${p.chain?.organization ?? ''}:${p.chain?.role}`), ['孙泱:青禾集团:business', '李红梅::official']);
  });
  it("a head's post written bare after another region's chain keeps its own level (辽宁省工商联副主席A，副市长B: B is no province's)", () => {
    const b = recognizeRich('辽宁省工商联副主席杨翠杰,副市长米金套陪同调研。').find((x) => x.type === 'person' && x.text === '米金套');
    assert.equal(b?.chain?.region, undefined);
  });
  it('a preposition a surname opens, a verb or a pronoun after it, is no name after a post (负责人向出席者, 委员和其他职务; 市长向明 is)', () => {
    const persons = recognizeRich('負責人向出席者舉杯祝酒。各委員會委員和其他職務。市长向明出席。').filter((x) => x.type === 'person').map((x) => x.text);
    assert.deepEqual(persons, ['向明']);
    assert.ok(!recognize('听取了公司负责人关于浅圆仓、大米加工生产线的介绍。').some((x) => x.type === 'person' && x.text.startsWith('关于')));
  });
  it('a chamber named bare before its post (商会副会长X), also after a visit (走访商会副会长杨通): a business person', () => {
    const people = recognizeRich('座谈会由商会执行会长孙勇智主持。一行参观走访商会副会长杨通的企业。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}:${p.chain?.role}`), ['孙勇智:商会执行会长:business', '杨通:商会副会长:business']);
  });
  it("a head's assistant (市长助理, 雲南省長助理, 部长助理), an autonomous prefecture's 州党委, and another country's ministry (美国商务部部长: 美国's post)", () => {
    const people = recognizeRich('市长助理朱光耀、雲南省長助理李磊、中国商务部部长助理王超、美国商务部部长骆家辉出席。州党委副书记、州长乔吉甫讲话。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}`), ['朱光耀:市长助理', '李磊:雲南省長助理', '王超:中国商务部部长助理', '骆家辉:美国商务部部长', '乔吉甫:州党委副书记、州长']);
    assert.equal(people[3].chain?.region, '美国');
  });
  it('a two-character county matched by name only (道县) opens a post where its level is written again (道县县委书记); 道县 in running text opens none', () => {
    const people = recognizeRich('签约仪式举行,道县县委书记李天明,县领导张一波出席。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}:${p.chain?.region ?? ''}`), ['李天明:道县县委书记:道县', '张一波:县领导:道县']);
    assert.ok(!recognizeRich('他知道县里的情况。').some((x) => x.type === 'person' || x.type === 'title'));
  });
  it("a county's or district's congress written bare is a body a post follows, so a chain runs on through it (县委副书记、县人大主任)", () => {
    const p = recognizeRich('县委副书记、县人大主任邓世杰出席。').find((x) => x.type === 'person');
    assert.equal(p?.chain?.inText, '县委副书记、县人大主任');
  });
  it("a prefecture's commissioner (地区行署专员) and another country's trade representative (美国贸易代表) are officials", () => {
    const people = recognizeRich('西藏林芝地区行署专员赵合、美国贸易代表柯克出席。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}:${p.chain?.role}`), ['赵合:西藏林芝地区行署专员:official', '柯克:美国贸易代表:official']);
  });
  it("Taiwan's councils and legislators: 台中市議會議長X, 立法委員Y are posts (Y's name whole)", () => {
    const people = recognizeRich('台中市議會議長張清照、立法委員顏寬恒到場致詞。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}:${p.chain?.role}`), ['張清照:台中市議會議長:official', '顏寬恒:立法委員:official']);
  });
  it('带领 and 率领 before a chain leave it whole (带领市委常委、副市长陈春光)', () => {
    const people = recognizeRich('期间，带领市委常委、副市长陈春光拜访企业。').filter((x) => x.type === 'person');
    assert.deepEqual(people.map((p) => `${p.text}:${p.chain?.inText}`), ['陈春光:市委常委、副市长']);
  });
  it('代表 before a post is the verb (代表省委书记、省人大常委会主任刘奇葆); an academic title after a name ends it and opens no chain (孫東教授和…主任葉文娟)', () => {
    const people = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((p) => `${p.text}:${p.chain?.inText ?? ''}`);
    assert.deepEqual(people('他代表省委书记、省人大常委会主任刘奇葆讲话。'), ['刘奇葆:省委书记、省人大常委会主任']);
    assert.deepEqual(people('創新科技及工業局局長孫東教授和行政長官辦公室主任葉文娟出席。'), ['孫東:創新科技及工業局局長', '葉文娟:行政長官辦公室主任']);
  });
  it('three-character names a post or 一行 follows (董事长王祥明总经理王崔军; 王宜林一行 at a line\'s end)', () => {
    const persons = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((x) => x.text);
    assert.deepEqual(persons('華潤集團董事長王祥明總經理王崔軍座談。'), ['王祥明', '王崔軍']);
    assert.deepEqual(persons('# 會見中石油董事長王宜林一行\n\n2017-09-26 來源:黑龍江日報'), ['王宜林']);
    // (a two-character name before a deputy's post stays two: 李强副市长)
    assert.deepEqual(persons('会见李强副市长。'), ['李强']);
  });
  it('a post, a colon and a name alone on its line (杭州市长:徐立毅); a speaker\'s label is no name (市长：我们要…)', () => {
    const persons = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((x) => `${x.text}:${x.chain?.inText ?? ''}`);
    assert.deepEqual(persons('杭州市长:徐立毅\n生于1964年的徐立毅，是浙江绍兴人。').slice(0, 1), ['徐立毅:杭州市长']);
    assert.deepEqual(persons('市长：我们要加快发展。'), []);
    // (…or before a space that ends the entry on a run-together line: 区长:刘一芳 第二名)
    assert.deepEqual(persons('区长:刘一芳;主管副区长:张二宗 第二名:青禾区'), ['刘一芳:区长', '张二宗:主管副区长']);
  });
  it("…also where the page lost the breaks between such lines: the name ends where the next post's place starts (市南区委书记:王锋市南区代区长:刘存东)", () => {
    const persons = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((x) => `${x.text}:${x.chain?.inText ?? ''}`);
    assert.deepEqual(persons('市南区委书记:王一峰市南区代区长:刘存\n胶州市委书记:张新竹胶州市代市长:于冬泉\n'), ['王一峰:市南区委书记', '刘存:市南区代区长', '张新竹:胶州市委书记', '于冬泉:胶州市代市长']);
    // (no place and post after the name: no name is cut there)
    assert.deepEqual(persons('市委书记:王锋市场监管工作很重要。'), []);
  });
  it("a roster: a post alone on its line and the holder's name alone on the next, a roster's space allowed (光明区政协主席 / 郭 钢)", () => {
    const persons = (t: string) => recognizeRich(t).filter((x) => x.type === 'person').map((x) => `${x.text}:${x.chain?.inText ?? ''}`);
    assert.deepEqual(persons('光明区\n光明区委书记、区长\n蔡 颖\n光明区政协主席\n郭 钢\n'), ['蔡 颖:光明区委书记、区长', '郭 钢:光明区政协主席']);
    // a post inside a sentence, or a next line that is a place, is no roster
    assert.deepEqual(persons('会议由区长主持\n光明区\n'), []);
  });
  it("the body's short name in brackets before a post is a mention of the body, joined to its name (香港中華廠商聯合會(廠商會)副會長)", () => {
    const spans = recognizeRich('香港中華廠商聯合會(廠商會)副會長倪錦輝主持接待。').filter((x) => x.type === 'organization').map((x) => x.text);
    assert.deepEqual(spans, ['香港中華廠商聯合會', '廠商會']);
    const org = analyze('香港中華廠商聯合會(廠商會)副會長倪錦輝主持接待。廠商會表示歡迎。').entities.find((e) => e.type === 'organization');
    assert.ok(org?.aliases.includes('廠商會'), JSON.stringify(org));
  });
  it("集团 ending a name the rules did not read is the name's, not the post's (信和集团副主席); a bare 集团 before a post stays the post's", () => {
    assert.deepEqual(found('当中包括，信和集团副主席黄永光出席。', stageTitles), [], 'no title swallowing 集团');
    assert.deepEqual(found('会上，集团总裁王刚讲话。', stageTitles), ['title:集团总裁', 'person:王刚']);
    const e = analyze('当中包括，信和集团副主席黄永光出席。').entities.find((x) => x.name === '黄永光');
    assert.deepEqual([e?.role, e?.organization], ['business', '信和集团']);
  });
  it('a town named right before its post is the post\'s region, though no lexicon lists towns (南雅镇党委书记, 七都鎮鎮長); not 全镇 nor a clause run into it', () => {
    const people = (t: string) => Object.fromEntries(analyze(t).entities.filter((e) => e.type === 'person').map((e) => [e.name, [e.role, e.region, e.titles[0]?.full]]));
    const a = people('首先，在南雅镇党委书记陈远益、党委副书记、镇长梁兰的陪同下参观。讲治镇党委书记李伟表示欢迎。');
    assert.deepEqual(a['陈远益'], ['official', '南雅镇', '南雅镇党委书记']);
    assert.deepEqual(a['梁兰'], ['official', '南雅镇', '南雅镇党委副书记、南雅镇镇长']);
    assert.deepEqual(a['李伟'], ['official', '讲治镇', '讲治镇党委书记']);
    const b = people('石臺縣招商局局長李東來、磯灘鄉黨委書記檀世好、七都鎮鎮長孫文敏陪同。');
    assert.equal(b['孫文敏']?.[1], '七都镇');
    assert.notEqual(people('會議由鎮人大主席常安主持。')['常安']?.[1], '会议由镇');
  });
  it('a name ends before a date written 今(10)日 after it (行政院長卓榮泰今(10)日表示)', () => {
    assert.deepEqual(found('行政院長卓榮泰今(10)日表示。', stageTitles).filter((x) => x.startsWith('person:')), ['person:卓榮泰']);
  });
  it('以…为团长 frames a delegation head\'s chain (以宁夏回族自治区党委副书记于革胜为团长); a county council member is an official (南投縣議員謝明謀)', () => {
    const people = (t: string) => Object.fromEntries(analyze(t).entities.filter((e) => e.type === 'person').map((e) => [e.name, [e.role, e.titles[0]?.inText]]));
    assert.deepEqual(people('8月4日，以宁夏回族自治区党委副书记于革胜为团长的宁夏党政代表团来我市考察。')['于革胜'], ['official', '宁夏回族自治区党委副书记']);
    assert.equal(people('12月27日，臺灣南投縣議員謝明謀、南投縣婦女會理事長出席。')['謝明謀']?.[0], 'official');
  });
  it("a county's head where a city has the county's short name is the county's (新竹縣長, 嘉義縣長: not 新竹市, 嘉义市)", () => {
    const e = analyze('新竹縣長邱鏡淳透露，希望加強交流。').entities.find((x) => x.name === '邱鏡淳');
    assert.equal(e?.region, '新竹县');
  });
});

