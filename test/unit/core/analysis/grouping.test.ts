import { strict as assert } from 'node:assert';
import { analyze, findRegions, groupedRegion, mentionGroups, regroup, type Analysis, type Entity } from '../../../../src/core';
import { datelineAt, homeRegion } from '../../../../src/core/analysis/homeRegion';
import { nameRegion } from '../../../../src/core/analysis/grouping';
import { normalizeForMatching } from '../../../../src/core/normalize';

/** An analysis of `text` whose people are the given officials (every occurrence a mention), grouped. */
function synthetic(text: string, people: { name: string; role: 'official'; title: string; region?: string }[]): Analysis {
  const base = analyze(text, { useModel: false });
  const sentences = base.sentences;
  const sentenceOf = (o: number) => Math.max(0, sentences.findIndex((s) => s.start <= o && o < s.end));
  const entities: Entity[] = base.entities.filter((e) => e.type !== 'person' && !people.some((p) => e.name.includes(p.name)));
  for (const p of people) {
    const id = `person:${p.name}`;
    const e: Entity = { id, type: 'person', name: p.name, aliases: [], role: p.role, titles: [{ inText: p.title, full: p.title, region: p.region }], region: p.region, sections: [], mentions: [] };
    for (let i = text.indexOf(p.name); i >= 0; i = text.indexOf(p.name, i + 1)) {
      const r = base.regions.find((x) => x.start <= i && i < x.end);
      e.mentions.push({ entityId: id, type: 'person', start: i, end: i + p.name.length, text: p.name, regionId: r?.id, sentence: sentenceOf(i) });
      if (r && !e.sections.includes(r.id)) e.sections.push(r.id);
    }
    entities.push(e);
  }
  const a: Analysis = { ...base, entities, mentions: entities.flatMap((e) => e.mentions).sort((x, y) => x.start - y.start) };
  return regroup(a, text);
}

const home = (t: string) => homeRegion(normalizeForMatching(t));
const placed = (a: Analysis, name: string) => {
  const e = a.entities.find((x) => x.name === name || x.aliases.includes(name));
  assert.ok(e, `${name} is an entity`);
  return groupedRegion(a.grouping, e.id);
};
const reasonOf = (a: Analysis, name: string) => {
  const e = a.entities.find((x) => x.name === name)!;
  return a.grouping.find((g) => g.reasons[e.id])?.reasons[e.id];
};

describe('analysis/homeRegion', () => {
  it('reads the dateline: 新华社南京…电, 本报广州电, an outlet with the date before the place', () => {
    assert.equal(home('新华社南京11月20日电（记者王明）江苏省召开会议。')?.region, '南京');
    assert.equal(home('本报广州电 记者获悉，会议召开。')?.region, '广州');
    assert.equal(home('# 标题\n\n中国台湾网8月19日海口消息 8月15日上午，会见。')?.region, '海口');
    assert.equal(home('新华社南京11月20日电')?.from, 'dateline');
  });
  it("a page's date line naming its outlet (2018-05-11 08:37  渭南日报); a sentence after a date is none", () => {
    assert.equal(home('# 标题\n\n2018-05-11 08:37  渭南日报\n\n（记者杨晓妍）昨日上午，座谈会举行。')?.region, '渭南');
    assert.equal(home('# 标题\n\n2018-05-11 渭南日报记者报道称会议召开\n\n正文。'), undefined);
  });
  it('else a source or relay line whose outlets name one region', () => {
    assert.deepEqual([home('正文。\n来源：湖北日报')?.region, home('正文。\n来源：湖北日报')?.from], ['湖北', 'source']);
    assert.equal(home('据湖北日报消息，会议召开。')?.region, '湖北');
    // several regions: no home region; 中国 is none either
    assert.equal(home('正文。\n来源：广州日报、北京发布、上海发布'), undefined);
    assert.equal(home('正文。\n来源:中国台湾网'), undefined);
  });
  it('a dateline naming a province and a city in it is the city (新华社四川广元…电, traditional too)', () => {
    assert.equal(datelineAt(normalizeForMatching('新华社四川广元5月15日电（记者李斌）'), 0)?.place.name, '广元');
    assert.equal(datelineAt(normalizeForMatching('新華社四川廣元5月15日電(記者 李斌)'), 0)?.place.name, '广元');
  });
  it('datelines without an outlet, in brackets, and with the reporter before the place (Hong Kong papers too)', () => {
    const at = (t: string) => datelineAt(normalizeForMatching(t), 0)?.place.name;
    assert.equal(at('福州8月10日电 福建省长部署抗灾。'), '福州');
    assert.equal(at('(本报福州8月10日电) 福建省长部署抗灾。'), '福州');
    assert.equal(at('本報記者張三福州10日電 福建省長部署。'), '福州');
    assert.equal(at('本報記者 張三 福州報道'), '福州');
    // not a place in a sentence, nor a reporter's byline without a place
    assert.equal(at('北京时间8月10日，比赛开始。'), undefined);
    assert.equal(at('本报记者张三报道'), undefined);
  });
  it('a byline is not a dateline; nothing is read from an ordinary sentence', () => {
    assert.equal(datelineAt(normalizeForMatching('新华社记者王明'), 0), undefined);
    assert.equal(home('江苏省委书记在南京会见客人。'), undefined);
  });
});

describe('analysis/grouping', () => {
  it('an article without sections: officials under their post, central posts under 中央, companies where the article places them', () => {
    const a = analyze('新华社南京11月20日电 江苏省委书记张三在南京会见了国务院副总理李四。张三来到苏州调研华为技术有限公司。上海临港集团董事长王五参加。');
    assert.deepEqual(a.regions, []);
    assert.equal(a.homeRegion?.region, '南京');
    assert.equal(placed(a, '张三'), '江苏');
    assert.equal(placed(a, '李四'), '中央');
    assert.equal(reasonOf(a, '李四')?.rule, 'central-post');
    assert.equal(placed(a, '华为技术有限公司'), '苏州');
    assert.equal(reasonOf(a, '华为技术有限公司')?.rule, 'visit');
    assert.equal(placed(a, '上海临港集团'), '上海');
    assert.equal(reasonOf(a, '上海临港集团')?.rule, 'name');
    for (const g of a.grouping) assert.equal(g.kind, 'inferred');
    // 苏州 lies in 江苏: its group nests in 江苏's
    const su = a.grouping.find((g) => g.region === '苏州')!;
    assert.equal(su.parentId, a.grouping.find((g) => g.region === '江苏')!.id);
  });
  it('Hong Kong posts under 香港; a post written without its region under the article’s place of that level', () => {
    // the grouping alone, over entities as the titles step gives them (recognition is not under test)
    const text = '中新社香港10月31日电 行政长官梁振英出席典礼。';
    const a = synthetic(text, [{ name: '梁振英', role: 'official', title: '行政长官' }]);
    assert.equal(placed(a, '梁振英'), '香港');
    assert.equal(reasonOf(a, '梁振英')?.rule, 'sar-post');
    const county = analyze('3月1日，县委书记张伯松深入园区调研企业，为周宁发展作出贡献。周宁县召开会议。');
    assert.equal(county.entities.find((x) => x.name === '张伯松')?.role, 'official');
    assert.equal(placed(county, '张伯松'), '周宁县');
    // the titles step resolves a county post without its region to the county the article names (postRegion.ts)
    assert.equal(reasonOf(county, '张伯松')?.rule, 'post');
  });
  it('an article with sections: the sections’ groups, and an entity of another region nested in its section', () => {
    const text = '【湖北要闻】\n★王忠林率队在北京拜会交通运输部。交通运输部党组书记、部长李小鹏，省委书记王忠林座谈交流。';
    const a = synthetic(text, [
      { name: '李小鹏', role: 'official', title: '交通运输部党组书记、部长' },
      { name: '王忠林', role: 'official', title: '省委书记', region: '湖北' },
    ]);
    assert.deepEqual(a.regions.map((r) => r.name), ['湖北']);
    const section = a.grouping.find((g) => g.kind === 'section')!;
    assert.equal(section.region, '湖北');
    const li = a.entities.find((x) => x.name === '李小鹏')!;
    const g = a.grouping.find((x) => x.reasons[li.id])!;
    assert.deepEqual([g.kind, g.region, g.parentId], ['inferred', '中央', section.id]);
    assert.equal(placed(a, '王忠林'), '湖北');
    // each of his mentions in the section is listed in the nested group
    const where = mentionGroups(a.grouping);
    for (const m of li.mentions) assert.equal(where(m)?.id, g.id);
    for (const m of a.entities.find((x) => x.name === '王忠林')!.mentions) assert.equal(where(m)?.id, section.id);
  });
  it('the seed’s sections group everything; no inferred group where every entity is in a section', () => {
    const a = analyze('2月18日，北京、上海的企业。\n\n**北京：**\n\n北京市委书记尹力来到西门子（中国）有限公司调研。\n\n**上海：**\n\n上海市委书记陈吉宁会见企业。');
    assert.deepEqual(a.grouping.map((g) => [g.region, g.kind]), [['北京', 'section'], ['上海', 'section']]);
    assert.equal(placed(a, '尹力'), '北京');
    assert.equal(reasonOf(a, '尹力')?.rule, 'post');
  });
  it('never throws and groups nothing in an empty or entity-less text', () => {
    for (const t of ['', '\u0000\ud800', '没有实体的句子。']) assert.deepEqual(analyze(t).grouping, []);
  });
  it("Taiwan's reporter datelines in brackets, several reporters, the press's one-character names (〔记者丁伟杰、林宜樟/嘉义报导〕, 〔记者蔡彰盛/竹市报导〕): a digest's sections", () => {
    const norm = normalizeForMatching('〔記者蔡彰盛/竹市報導〕新竹市長高虹安昨出席。');
    assert.equal(datelineAt(norm, 0)?.place.name, '新竹');
    const digest = '〔記者丁偉杰、林宜樟/嘉義報導〕嘉義縣長翁章梁昨發紅包。\n〔記者蔡彰盛/竹市報導〕新竹市長高虹安昨出席團拜。\n';
    assert.deepEqual(findRegions(digest).map((r) => r.name), ['嘉义', '新竹']);
  });
  it("a firm met by a central official is not placed under 中央: the article's own officials' region places it", () => {
    const a = analyze('国家发展改革委主任何立峰一行来冀调研。河北省委书记王东峰、省长许勤陪同。何立峰会见了石药集团董事长蔡东晨。');
    const firm = a.entities.find((e) => e.type === 'company' && e.name === '石药集团');
    assert.equal(groupedRegion(a.grouping, firm!.id), '河北');
  });
  it("a company's name places it: traditional names, a bracketed region anywhere, a district after its city, a branch's region", () => {
    const at = (n: string) => nameRegion(n)?.name;
    assert.equal(at('晉江星輝紡織有限公司'), '晋江');
    assert.equal(at('曜石(貴州)新材料有限公司'), '贵州');
    assert.equal(at('云帆科技(上海)总部'), '上海');
    assert.equal(at('湖州南浔云帆纺织有限公司'), '南浔区');
    assert.equal(at('中国移动甘肃分公司'), '甘肃');
    assert.equal(at('华东建材北京门窗分公司'), '北京');
    // a foreign firm's Chinese company: the place before its legal suffix, not a foreign place its name sounds like
    assert.equal(at('巴黎星河上海有限公司'), '上海');
    assert.equal(at('美国星河有限公司'), '美国');
    // near misses: no district after the city; a bracket that is no region; 中国 is no region
    assert.equal(at('上海临港星河集团'), '上海');
    assert.equal(at('星辰(集团)股份有限公司'), undefined);
    assert.equal(at('中国星河控股集团'), undefined);
    assert.equal(at('星河物流分公司'), undefined);
  });
  it("a province or city on a visited firm's legal name is where it was registered: the firm stands in the place of it the article is about", () => {
    const firms = (t: string) => {
      const a = analyze(t);
      return a.entities.filter((e) => e.type === 'company').map((e) => groupedRegion(a.grouping, e.id));
    };
    assert.deepEqual(firms('3月2日，鞍山市委书记张三率队走访了辽宁星河电子有限公司、辽宁云帆食品股份有限公司。'), ['鞍山', '鞍山']);
    // …and a city's, in one of its districts
    assert.deepEqual(firms('3月2日，龙湾区委书记张三率队走访了温州星河光学有限公司。'), ['龙湾区']);
    // …and a branch's region, visited in one of its districts
    assert.deepEqual(firms('3月2日，通州区副区长张三陪同考察团参观了星河森工北京门业分公司。'), ['通州区']);
    assert.deepEqual(firms('3月2日，通州区副区长张三与星河森工北京门业分公司负责人座谈。'), ['北京']);
    // near misses: a firm only named keeps its name's province; so does a province's group; two places of it: none leads
    assert.deepEqual(firms('3月2日，鞍山市委书记张三与辽宁星河电子有限公司董事长李四座谈。'), ['辽宁']);
    assert.deepEqual(firms('3月2日，鞍山市委书记张三率队走访了辽宁星河集团。'), ['辽宁']);
    assert.deepEqual(firms('3月2日，鞍山市委书记张三、大连市市长王五率队走访了辽宁星河电子有限公司。'), ['辽宁']);
  });
  it('a visit places a firm: a stay (在杭州期间, 在桐乡，…参观), a move on (转战苏州，考察), 期间 carrying the stay on, the nearest visit before it', () => {
    const firm = (t: string, n = '星河电子有限公司') => placed(analyze(t), n);
    assert.equal(firm('3月2日，南通市委书记张三率队赴外地招商。在杭州期间，考察团与星河电子有限公司就合作进行了深入沟通。'), '杭州');
    assert.equal(firm('3月2日，在嘉善，南通市委书记张三一行参观了星河电子有限公司。'), '嘉善县');
    assert.equal(firm('3月2日，南通市委书记张三带队外出招商，随后转战苏州，考察了星河电子有限公司。'), '苏州');
    const stay = analyze('在深圳期间，南通市委书记张三一行与云帆科技有限公司进行了洽谈。期间，代表团还参观了星河电子有限公司。');
    assert.equal(placed(stay, '星河电子有限公司'), '深圳');
    const tour = analyze('之后，考察团赶赴无锡，参观了星河电子有限公司；在常州走访了云帆科技有限公司。');
    assert.deepEqual([placed(tour, '星河电子有限公司'), placed(tour, '云帆科技有限公司')], ['无锡', '常州']);
    // near misses: a meeting where the officials are (在杭州会见, 在海口，…会见) is no visit to the firm
    assert.equal(firm('3月2日，南通市委书记张三在海门会见了星河电子有限公司董事长李四。'), '南通');
    assert.notEqual(firm('3月2日，在海口，南通市委书记张三会见了星河电子有限公司董事长李四。'), '海口');
  });
  it('a visited firm stands in the region of the hosts who accompanied the visit (…莅临星河集团调研，深圳市委书记李四陪同; 在…陪同下)', () => {
    const firm = (t: string) => placed(analyze(t), '星河集团');
    assert.equal(firm('5月9日，黑龙江省省长张三、副省长赵六率团莅临星河集团总部调研，深圳市委书记李四陪同。'), '深圳');
    assert.equal(firm('5月9日，在深圳市委书记李四陪同下，黑龙江省省长张三、副省长赵六率团莅临星河集团总部调研。'), '深圳');
    // near miss: no one accompanies: the officials who met it, most of them the visitors
    assert.equal(firm('5月9日，黑龙江省省长张三、副省长赵六率团莅临星河集团总部调研，深圳市委书记李四会见了代表团。'), '黑龙江');
  });
  it("a firm's own party travelling to a place (星河集团董事长张三一行到孝感市考察) is no visit to the firm: its name places it", () => {
    const firm = (t: string) => placed(analyze(t), '上海星河实业集团有限公司');
    assert.equal(firm('5月3日，上海星河实业集团有限公司董事长张三一行到孝感市考察签约。'), '上海');
    // near miss: a party visiting the firm there
    assert.equal(firm('5月3日，孝感市市长李四一行到武汉考察了上海星河实业集团有限公司。'), '武汉');
  });
  it("a firm's people calling on an official (在南京拜会了江苏省委书记) take the official's region, not the place of the call", () => {
    const call = analyze('3月2日，星河电子有限公司董事长李四在南京拜会了江苏省委书记张三。');
    assert.equal(placed(call, '星河电子有限公司'), '江苏');
    assert.equal(reasonOf(call, '星河电子有限公司')?.rule, 'met-by');
    // near miss: an official calling on the firm there is a visit to it
    assert.equal(placed(analyze('3月2日，江苏省委书记张三在南京拜会了星河电子有限公司。'), '星河电子有限公司'), '南京');
  });
  it('a firm met by officials of nested regions stands in the most local one (南通 and 海门区: 海门区); regions that do not nest: the first official’s', () => {
    const firm = (t: string) => placed(analyze(t), '星河电子有限公司');
    assert.equal(firm('3月2日，南通市委书记张三、海门区委书记李四会见了星河电子有限公司董事长王五一行。'), '海门区');
    assert.equal(firm('3月2日，南通市委书记张三、济宁市市长李四会见了星河电子有限公司董事长王五一行。'), '南通');
    assert.equal(firm('3月2日，济宁市市长李四、南通市委书记张三会见了星河电子有限公司董事长王五一行。'), '济宁');
  });
  it('a firm met by an official away from the region of the post is placed where the meeting was; a meeting at home is not', () => {
    const away = analyze('3月2日，湖南省委书记张三在深圳主持召开湘商座谈会。座谈会上，星河电子有限公司董事长李四发言。');
    assert.equal(placed(away, '星河电子有限公司'), '深圳');
    // near misses: at home the guests' firm takes the official's region; a firm whose name places it keeps that
    assert.equal(placed(analyze('3月2日，海南省委书记张三在海口会见了星河电子有限公司董事长李四。'), '星河电子有限公司'), '海南');
    assert.equal(placed(analyze('3月2日，湖南省委书记张三在深圳主持召开座谈会。座谈会上，衡阳星河电子有限公司董事长李四发言。'), '衡阳星河电子有限公司'), '衡阳');
  });
  it('a central post with a region’s after it (中共中央政治局委员、省委书记 in a 湖北 story) is under the region the person leads', () => {
    const placedOfficial = (t: string) => placed(analyze(t), '张三');
    assert.equal(placedOfficial('3月2日，湖北省省长王五陪同。中共中央政治局委员、省委书记张三会见了客人。'), '湖北');
    // near misses: central posts only
    assert.equal(placedOfficial('3月2日，中共中央政治局委员、国务院副总理张三会见了客人。'), '中央');
    assert.equal(placedOfficial('3月2日，中共中央政治局委员、中央统战部部长张三会见了客人。'), '中央');
  });
  it("Taiwan's central posts are under 台湾: its 院 (行政院長) anywhere, its 副總統 in a Taiwan story", () => {
    const placedOfficial = (t: string) => placed(analyze(t), '張三');
    assert.equal(placedOfficial('【記者王明/彰化報導】副總統張三於17日下午在彰化縣長李四陪同下訪視企業。'), '台湾');
    assert.equal(placedOfficial('〔記者王明/苗栗報導〕行政院長張三今天表示，苗栗縣長李四將率團訪問泰國。'), '台湾');
    // near miss: a vice-president in a story that is not Taiwan's
    assert.notEqual(placed(analyze('3月2日，副总统张三访问了日本东京。'), '张三'), '台湾');
  });
  it('a firm whose people make up a party the sentence says is a region’s (由香港…星河集团…等负责人组成的代表团) stands there, not at the dateline', () => {
    const firms = (t: string) => {
      const a = analyze(t);
      return a.entities.filter((e) => e.type === 'company').map((e) => groupedRegion(a.grouping, e.id));
    };
    assert.deepEqual(firms('新华社武汉4月27日电 湖北省省长张三27日会见了由香港多位委员及星河集团、云帆集团等企业负责人组成的代表团。'), ['香港', '香港']);
    // near misses: no region after 由; a firm named after the party's 组成
    assert.deepEqual(firms('新华社武汉4月27日电 湖北省省长张三27日会见了由星河集团、云帆集团等企业负责人组成的代表团。'), ['武汉', '武汉']);
    assert.deepEqual(firms('新华社武汉4月27日电 由香港客人组成的代表团到访，湖北省省长张三会见了星河集团负责人。'), ['武汉']);
  });
  it('a firm nothing else places takes the region of the visiting party the article names (上海市浙江商会企业考察团 → 上海), when its parties are of one region', () => {
    const firms = (t: string) => {
      const a = analyze(t);
      return a.entities.filter((e) => e.type === 'company').map((e) => groupedRegion(a.grouping, e.id));
    };
    const members = '考察团成员包括云帆交通股份有限公司董事长赵六、星河控股集团有限公司董事长钱七。';
    assert.deepEqual(firms(`2月28日，上海市浙江商会企业考察团一行结束了行程。${members}`), ['上海', '上海']);
    // near misses: parties of two regions; a party without one
    assert.deepEqual(firms(`2月28日，上海市浙江商会企业考察团和宁夏经贸代表团结束了行程。${members}`), [undefined, undefined]);
    assert.deepEqual(firms(`2月28日，企业考察团一行结束了行程。${members}`), [undefined, undefined]);
  });
  it('a firm nothing else places stands where its own people went (its chairman 在武汉期间…)', () => {
    const firm = (t: string) => placed(analyze(t), '星河建设股份有限公司');
    assert.equal(firm('9月15日，星河建设股份有限公司董事长刘志强一行出发调研。在武汉期间，刘志强走访了三家工地。'), '武汉');
    // near miss: no visit of theirs
    assert.equal(firm('9月15日，星河建设股份有限公司董事长刘志强一行出发调研。随后，刘志强走访了三家工地。'), undefined);
  });
  it('a region written after 驻 is where a body is stationed, not whose post it is (解放军驻香港部队司令员 → 中央)', () => {
    const placedOfficial = (t: string) => placed(analyze(t), '张三');
    assert.equal(placedOfficial('12月20日，中国人民解放军驻香港部队司令员张三出席了招待会。'), '中央');
    // near misses: a region's office stationed elsewhere is the region's; a region's own post
    assert.equal(placedOfficial('12月20日，浙江省人民政府驻上海办事处主任张三出席了招待会。'), '浙江');
    assert.equal(placedOfficial('12月20日，澳门特区政府行政长官张三出席了招待会。'), '澳门');
  });
  it('a chain writing a province and then a division of it (湖北省秭归县人大常委会副主任) is under the division', () => {
    const placedOfficial = (t: string) => placed(analyze(t), '张三');
    assert.equal(placedOfficial('5月3日，湖北省秭归县人大常委会副主任张三一行抵达拉萨。'), '秭归县');
    // near misses: the province's own post; a place after 驻
    assert.equal(placedOfficial('5月3日，湖北省副省长张三一行抵达拉萨。'), '湖北');
    assert.equal(placedOfficial('5月3日，湖北省驻武汉办事处主任张三一行抵达拉萨。'), '湖北');
  });
  it('a chain that begins with a region the titles step left unread (云南省侨办经科处副处长) is that region’s post', () => {
    assert.equal(placed(analyze('3月2日，云南省侨办经科处副处长张三陪同考察。'), '张三'), '云南');
    assert.equal(placed(analyze('3月2日，雲南省僑辦經科處副處長張三陪同考察。'), '張三'), '云南');
    // near miss: a bare post names no region
    assert.equal(placed(analyze('3月2日，秘書長張三陪同考察。'), '張三'), undefined);
  });
  it('a listed firm whose name begins with a city or county of its listing province stands there (涪陵… listed in 重庆 → 涪陵区)', () => {
    const firm = (n: string) => placed(analyze(`北京2月20日讯 ${n}今晚公告称，公司董事会近日收到董事长张三提交的书面辞职报告。`), n);
    assert.equal(firm('涪陵榨菜'), '涪陵区');
    assert.equal(firm('平潭发展'), '平潭县');
  });
  it('a Hong Kong or Taiwan stock code after a firm places it (星河控股(01234.HK), (08888), (2330.TW)); an A-share code does not', () => {
    const firm = (t: string, n: string) => placed(analyze(t), n);
    assert.equal(firm('星河控股(01234.HK)昨晚公告，董事会主席李四辞任。', '星河控股'), '香港');
    assert.equal(firm('星河控股(08888)今日复牌，股价大涨。', '星河控股'), '香港');
    assert.equal(firm('云帆电子股份有限公司(2399.TW)今天召开股东会。', '云帆电子股份有限公司'), '台湾');
    assert.notEqual(firm('星河股份(600123)今日公告，董事长李四辞任。', '星河股份'), '香港');
  });
});
