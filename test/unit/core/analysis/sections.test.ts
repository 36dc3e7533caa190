import { strict as assert } from 'node:assert';
import { findRegions } from '../../../../src/core/analysis/sections';
import { normalizeForMatching } from '../../../../src/core/normalize';
import { lookupRegion, shortFormPlace } from '../../../../src/core/lexicon/regionNames';

describe('analysis/sections', () => {
  const text = '导语。\n\n**北京：**\n尹力调研。\n\n【广州】\n会议召开。\n\n## 重庆\n正文';
  it('markers open sections; the text before the first is the lead', () => {
    const regions = findRegions(text);
    assert.deepEqual(regions.map((r) => r.name), ['北京', '广州', '重庆']);
    assert.equal(regions[0].start, text.indexOf('**北京'));
    assert.equal(regions[0].end, text.indexOf('【广州】'));
    assert.equal(regions[2].end, text.length);
  });
  it('a traditional marker names the same region, read from the normalised copy or normalised itself', () => {
    const trad = '**廣州：**\n市長主持會議。';
    assert.deepEqual(findRegions(trad).map((r) => r.name), ['广州']);
    assert.deepEqual(findRegions(trad, normalizeForMatching(trad)), findRegions(trad));
  });
  it('a lead line that names no place opens no section', () => {
    assert.deepEqual(findRegions('**编者按：**\n正文'), []);
  });
});

describe('analysis/sections: every style real news uses', () => {
  const names = (t: string) => findRegions(t).map((r) => r.name);
  it('a line that is only a region: province, autonomous region, district, county, with 要闻', () => {
    assert.deepEqual(names('河北\n正文。\n广西壮族自治区\n正文。\n海淀区\n正文。\n岐山县\n正文。'), ['河北', '广西', '海淀区', '岐山县']);
    assert.deepEqual(names('【国内要闻】\n★中央会议召开。\n【湖北要闻】\n★王忠林率队拜会。'), ['湖北']);
  });
  it('numbered sections in four styles', () => {
    assert.deepEqual(names('一、河北\n正文。\n二、山西\n正文。'), ['河北', '山西']);
    assert.deepEqual(names('（一）河北\n正文。\n(二)山西\n正文。'), ['河北', '山西']);
    assert.deepEqual(names('1. 河北\n正文。\n2、山西\n正文。\n3．辽宁\n正文。'), ['河北', '山西', '辽宁']);
  });
  it('colon leads, full- and half-width, with or without text after the colon, and short forms of districts', () => {
    assert.deepEqual(names('海淀：\n正文。\n浦东: 正文。\n浙江省：正文。\n黄石：正文。'), ['海淀区', '浦东新区', '浙江', '黄石']);
  });
  it('a short name padded for alignment in a list is the region (北 京: / 上  海:)', () => {
    assert.deepEqual(names('名单:\n北 京: 张三\n内蒙古: 李四\n上  海: 王五\n黑龙江: 赵六'), ['北京', '内蒙古', '上海', '黑龙江']);
    // a padded word that names no region opens nothing
    assert.deepEqual(names('说 明: 正文。'), []);
  });
  it('colon leads run together in one paragraph: each opens a section that ends with the paragraph', () => {
    const t = '导语。\n臺北市:市長甲,副市長乙。新北市:市長丙。臺中市:市長丁。\n各市議長也產生。\n';
    const rs = findRegions(t);
    assert.deepEqual(rs.map((r) => r.name), ['台北', '新北', '台中']);
    assert.equal(rs[0].end, t.indexOf('新北市:'));
    assert.equal(rs[2].end, t.indexOf('\n各市'), 'the last ends with its paragraph');
    // two leads after sentence ends in a paragraph that opened with none
    assert.deepEqual(names('各地情况如下。海淀区:晴。朝阳区:多云。'), ['海淀区', '朝阳区']);
    // one region and a colon inside a paragraph is a quotation or a label, not a section
    assert.deepEqual(names('会议指出。北京:要加快发展。'), []);
    assert.deepEqual(names('会议指出。美国:加快。日本:合作。'), [], 'inside a paragraph only a division opens a section');
    // inside a heading's section they run on to the next marker, as before
    const h = '## 台湾\n臺北市:市長甲。新北市:市長丙。\n其他。';
    assert.equal(findRegions(h).at(-1)!.end, h.length);
  });
  it("a round-up's item headers that are a region's official and a colon (郫都区区委书记辜学斌：), two or more", () => {
    assert.deepEqual(names('导语。\n郫都区区委书记辜学斌:\n正文。\n彭州市委书记王锋君：\n正文。'), ['郫都区', '彭州']);
    // one alone, or a speaker's label with words after the colon, opens nothing
    assert.deepEqual(names('导语。\n彭州市委书记王锋君：\n正文。'), []);
    assert.deepEqual(names('北京市委书记蔡奇：我们要加快。\n上海市委书记李强：要落实。'), []);
  });
  it('bold, heading and bracket forms in both widths', () => {
    assert.deepEqual(names('**北京**：正文。\n__上海：__\n正文。\n### 重庆：会见\n正文。\n[广东]\n正文。\n〔福建〕正文。'), ['北京', '上海', '重庆', '广东', '福建']);
  });
  it('bulleted leads, and Taiwan’s cities and counties (traditional script)', () => {
    const t = '●臺北市:明日正常上班上課。\n\n●新竹市:正常。\n\n●新竹縣:正常。\n\n●嘉義縣:停班。\n\n●嘉義市:停班。\n\n●連江縣:正常。';
    assert.deepEqual(names(t), ['台北', '新竹', '新竹县', '嘉义县', '嘉义', '连江县']);
  });
  it('the bars, triangles and arrows news sites set before a section, and numbers in parentheses or with a stop', () => {
    assert.deepEqual(names('▌北京\n正文。\n▌上海\n正文。'), ['北京', '上海']);
    assert.deepEqual(names('▲甘肃省\n正文。\n▲青海省\n正文。\n➤ 宁夏：正文。'), ['甘肃', '青海', '宁夏']);
    assert.deepEqual(names('⑴河北\n正文。\n⒉山西\n正文。'), ['河北', '山西']);
    // a photo caption after a triangle is a sentence, not a section
    assert.deepEqual(names('▲4月2日，甘肃省委书记在兰州调研。\n▲甘肃省召开会议'), []);
  });
  it('numbering inside bold, bold kept as HTML, and 〈〉 brackets', () => {
    assert.deepEqual(names('**一、江苏**\n正文。\n**二、浙江：**正文。'), ['江苏', '浙江']);
    assert.deepEqual(names('<strong>江苏</strong>\n正文。\n<b>浙江：</b>正文。'), ['江苏', '浙江']);
    assert.deepEqual(names('〈江苏〉正文。\n〈浙江〉正文。'), ['江苏', '浙江']);
    // bold words and numbered bold points that name no region open nothing
    assert.deepEqual(names('**一、加快发展**\n正文。\n<b>编者按</b>\n正文。'), []);
  });
  it('bracketed datelines (【新华社南京电】) open sections only in a digest of two or more', () => {
    assert.deepEqual(names('【新华社南京电】江苏召开会议。\n【新华社杭州电】浙江召开会议。'), ['南京', '杭州']);
    assert.deepEqual(names('【新华社北京电】国务院总理会见客人。\n正文。'), []);
  });
  it('a region and one of its divisions joined by a dot names the division (【江苏·苏州】, 湖南•长沙：)', () => {
    assert.deepEqual(names('【江苏·苏州】正文。\n湖南•长沙：正文。\n浙江 · 宁波\n正文。'), ['苏州', '长沙', '宁波']);
    // a division that does not lie in the region, or a word, names nothing
    assert.deepEqual(names('【江苏·长沙】正文。\n【江苏·要闻】正文。'), []);
  });
  it('a line that is only a zone\'s name (新区, 合作区, 示范区) opens a section beside region lines of the same form, never alone', () => {
    assert.deepEqual(names('除此之外，主要领导为：\n光明区\n区委书记甲。\n大鹏新区\n党工委书记乙。\n深汕特别合作区\n党工委书记丙。'), ['光明区', '大鹏新区', '深汕特别合作区']);
    assert.deepEqual(names('一、海淀区\n正文。\n二、中关村示范区\n正文。'), ['海淀区', '中关村示范区']);
    assert.deepEqual(names('今天开会。\n大鹏新区\n今年发展很好。'), []);
    // a zone's line of another form than the region lines opens none
    assert.deepEqual(names('【海淀区】正文。\n大鹏新区\n正文。'), ['海淀区']);
  });
  it('a region named inside an ordinary sentence never opens a section', () => {
    assert.deepEqual(names('北京市委书记尹力来到朝阳区调研。\n河北、黑龙江、河南境内4条高速封闭。\n1. 河北省召开会议\n交通运输部发布路况信息:截至今日7时'), []);
    assert.deepEqual(names('他说：北京很好。\n记者：王明\n[北京](https://example.com)'), []);
  });
  it('datelined items open sections only in a digest of datelined items', () => {
    const one = '新华社南京11月20日电（记者王明）江苏省召开会议。\n会议指出，要做好工作。';
    assert.deepEqual(names(one), []);
    const digest = '新华社北京2月12日电(记者王希)国资委说。\n正文。\n新华社广州2月11日电 题:复工记\n正文。\n本报温州电 记者获悉。';
    const rs = findRegions(digest);
    assert.deepEqual(rs.map((r) => [r.name, r.marker]), [['北京', 'dateline'], ['广州', 'dateline'], ['温州', 'dateline']]);
    assert.equal(digest.slice(rs[1].headingStart, rs[1].headingEnd), '新华社广州2月11日电');
  });
  it('a short form several divisions share opens a section beside sibling lines that say which (宝山 beside 金山, 青浦)', () => {
    const t = '# 郊区新闻\n\n金山\n\n金山区委书记调研。\n\n宝山\n\n宝山区区长主持会议。\n\n青浦\n\n青浦区委书记走访企业。\n';
    const regions = findRegions(t);
    assert.deepEqual(regions.map((r) => r.name), ['金山区', '宝山区', '青浦区']);
    assert.equal(regions[1].parent, '上海');
    // alone, the short form says nothing
    assert.deepEqual(findRegions('宝山\n\n区长主持会议。\n').map((r) => r.name), []);
  });
  it("numbered items and headings that name a region's official (一、合肥市委书记虞爱华; 张三当选禅城区区长)", () => {
    const numbered = '# 一周要闻\n\n一、省委常委、合肥市委书记虞爱华\n\n虞爱华调研企业。\n\n二、芜湖市委书记宁波\n\n宁波主持会议。\n';
    assert.deepEqual(findRegions(numbered).map((r) => r.name), ['合肥', '芜湖']);
    // plain lines of the kind, profiles' headers: two or more whose name the next paragraph takes up,
    // then their siblings (嘉兴市长:胡海峰 before a paragraph that does not name him); a post written
    // with the region's level character (杭州市长) and an autonomous region's 党委
    const profiles = '# 新任市长盘点\n\n杭州市长:徐立毅\n\n生于1964年的徐立毅，是浙江绍兴人。\n\n宁夏回族自治区党委书记梁言顺\n\n梁言顺，男，汉族，1962年12月生。\n\n嘉兴市长:胡海峰\n\n公开资料显示，生于1972年11月。\n';
    assert.deepEqual(findRegions(profiles).map((r) => r.name), ['杭州', '宁夏', '嘉兴']);
    // captions are no such headers: one taken up by the paragraph after it is not enough
    assert.deepEqual(findRegions('黄石市委副书记、市长吴锦\n\n吴锦代表市委、市政府致辞。\n\n黄石市委书记董卫民\n\n会议由副市长主持。\n').map((r) => r.name), []);
    // (a space may set the name apart from the post)
    assert.deepEqual(findRegions(numbered.replace('书记虞爱华', '书记 虞爱华').replace('书记宁波', '书记\u3000宁波')).map((r) => r.name), ['合肥', '芜湖']);
    const headings = '# 各区新任区长\n\n## 张三当选禅城区区长\n\n选举张三为区长。\n\n## 李四当选南海区区长\n\n选举李四为区长。\n';
    assert.deepEqual(findRegions(headings).map((r) => r.name), ['禅城区', '南海区']);
    // a numbered sentence is no such item, nor is a post without its region
    assert.deepEqual(findRegions('一、省委书记张三主持会议\n\n会议研究部署工作。\n\n二、合肥市委书记虞爱华调研企业\n\n虞爱华调研。\n').map((r) => r.name), []);
    // one heading alone is not enough (a numbered item is)
    assert.deepEqual(findRegions('## 张三当选禅城区区长\n\n选举张三为区长。\n').map((r) => r.name), []);
  });
  it('a line that is only a region framed by one mark on both sides (● 沙坪坝区 ●, —— 海淀区 ——)', () => {
    assert.deepEqual(names('导语。\n● 沙坪坝区 ●\n区政协开会。\n★江津区★\n区政协调研。\n—— 海淀区 ——\n正文。'), ['沙坪坝区', '江津区', '海淀区']);
    // a headline framed the same way, or two different marks, opens nothing
    assert.deepEqual(names('● 沙坪坝区召开会议 ●\n正文。\n● 海淀区 ○\n正文。\n—— 海淀区\n正文。'), []);
  });
  it("a roster of one region's leaders per line (某区委书记:甲某区区长:乙), two or more lines: each line is its region's item", () => {
    const t = '导语。\n海淀区委书记:张甲海淀区代区长:李乙\n朝阳区委书记:王丙 朝阳区区长:赵丁\n通州区委书记:钱戊通州区区长:孙己\n以上人选均已到任。';
    const rs = findRegions(t);
    assert.deepEqual(rs.map((r) => r.name), ['海淀区', '朝阳区', '通州区']);
    assert.equal(rs[2].end, t.indexOf('\n以上'), 'the last ends with its line');
    // one such line alone, a line of two regions' leaders, and speakers' labels open nothing
    assert.deepEqual(names('导语。\n海淀区委书记:张甲海淀区代区长:李乙\n正文。'), []);
    assert.deepEqual(names('海淀区委书记:张甲朝阳区区长:李乙\n通州区委书记:钱戊昌平区区长:孙己'), []);
    assert.deepEqual(names('海淀区委书记:我们要加快发展海淀区区长:同意\n朝阳区委书记:要落实朝阳区区长:好的'), []);
  });
  it('plain lines announcing an election (张甲当选中共某市委书记), two or more, each taken up by the report after it', () => {
    const t = '导语。\n\n  张甲当选中共锦州市委书记\n\n  5月3日，中国共产党锦州市第九届委员会第一次全体会议选举张甲为市委书记。\n\n  李乙当选中共营口市委书记\n\n  5月4日，中国共产党营口市第九届委员会第一次全体会议选举李乙为市委书记。\n';
    assert.deepEqual(names(t), ['锦州', '营口']);
    // one alone, or lines the paragraph after does not take up (captions, a list of links), open nothing
    assert.deepEqual(names(t.slice(0, t.indexOf('  李乙'))), []);
    assert.deepEqual(names('张甲当选中共锦州市委书记\n\n会议还选举了市纪委书记。\n\n李乙当选中共营口市委书记\n\n会议还选举了副书记。\n'), []);
  });
  it('a digest of reporters\' datelines with a division slash (记者甲∕台中报导), and one after its item\'s headline on the same line', () => {
    const t = '# 台风来袭\n记者张甲∕台中报导\n市长说，要做好准备。\n记者李乙∕彰化报导\n县长召开会议。';
    assert.deepEqual(findRegions(t).map((r) => [r.name, r.marker]), [['台中', 'dateline'], ['彰化县', 'dateline']]);
    const d = '〔记者张甲/嘉义报导〕县府昨开工。\n新春开工 共同解决问题 〔记者李乙/竹县报导〕县府昨天宣布。';
    const rs = findRegions(d);
    assert.deepEqual(rs.map((r) => r.name), ['嘉义', '新竹县']);
    assert.equal(rs[1].start, d.indexOf('新春'), 'the item opens with its headline');
    // one dateline alone opens nothing; a bracket after a sentence is a dateline quoted in the text
    assert.deepEqual(names('# 台风来袭\n记者张甲∕台中报导\n市长说，要做好准备。'), []);
    assert.deepEqual(names('〔记者张甲/嘉义报导〕县府昨开工。\n县府表示，将合作 〔记者李乙/竹县报导〕县府昨天宣布。'), []);
  });
  it('a county and a city of one name written together (嘉義縣市) name the region they share, as a label or leading a headline', () => {
    assert.deepEqual(names('嘉義縣市:停班停課。\n臺南市:正常上班。'), ['嘉义', '台南']);
    const para = '倒數前由歌手領唱，跨年後接著放煙火，現場還有多個市集攤位可以逛，交通管制也已公布。';
    assert.deepEqual(names(`導語。\n臺南市｜臺南跨年晚會\n${para}\n嘉義縣市｜嘉義跨年派對\n${para}\n高雄市｜高雄夢時代跨年\n${para}`), ['台南', '嘉义', '高雄']);
    // a stem that is no county and city of one name stays what it was (a 县 and the word 市场 after it)
    assert.deepEqual(names('岐山县市场监管局:正文。'), []);
  });
  it('a side\'s part whose line is only its region, written with the ones it lies in (东岸:江西省鄱阳县)', () => {
    assert.deepEqual(names('导语。\n东岸:江西省鄱阳县\n正文。\n西线：安徽省合肥市\n正文。'), ['鄱阳县', '合肥']);
    // any other label, a sentence after the colon, or regions that do not nest open nothing
    assert.deepEqual(names('地点:九江市永修县\n东岸:永修县召开会议\n西岸:湖北省永修县'), []);
  });
  it('a headline line led by a region right before sections that all lie in it opens the part they subdivide (江苏多地，发布停课通知！)', () => {
    const t = '寒潮来袭，气温骤降。\n江苏多地，发布停课通知！\n南京市\n全市中小学停课两天。\n沛县\n全县中小学停课两天。';
    const regions = findRegions(t);
    assert.deepEqual(regions.map((r) => r.name), ['江苏', '南京', '沛县']);
    assert.equal(regions[1].parentId, regions[0].id);
    // near misses: a section outside it; a line that is an official's; a sentence before the sections
    assert.deepEqual(names('寒潮来袭。\n江苏多地，发布停课通知！\n南京市\n全市停课。\n合肥市\n全市停课。'), ['南京', '合肥']);
    assert.deepEqual(names('寒潮来袭。\n江苏省委书记张三作出批示\n南京市\n全市停课。\n沛县\n全县停课。'), ['南京', '沛县']);
    assert.deepEqual(names('江苏多地近日发布了停课通知，各地中小学陆续停课，家长们纷纷表示理解。\n南京市\n全市停课。\n沛县\n全县停课。'), ['南京', '沛县']);
  });
  it("one line of a region's official, the name set apart by a space, that the next paragraph takes up (徐州市委书记 张三): the item of a round-up cut after it", () => {
    assert.deepEqual(names('# 一周动态\n\n导语。\n\n徐州市委书记 张三\n\n8月19日，徐州市委召开会议，研究部署下一步工作。张三主持并讲话。'), ['徐州']);
    // near misses: no space before the name (a caption); the next paragraph not about the person
    assert.deepEqual(names('# 一周动态\n\n导语。\n\n徐州市委书记张三\n\n8月19日，徐州市委召开会议，研究部署下一步工作。张三主持并讲话。'), []);
    assert.deepEqual(names('# 一周动态\n\n导语。\n\n徐州市委书记 张三\n\n8月19日，徐州市委召开会议，研究部署下一步工作。'), []);
  });
  it('sections nest where the article nests them', () => {
    const rs = findRegions('## 江苏\n### 苏州\n正文。\n### 南京\n正文。\n## 浙江\n杭州：正文。\n宁波：正文。\n**上海：**\n浦东：正文。');
    const byName = (n: string) => rs.find((r) => r.name === n)!;
    assert.deepEqual(rs.map((r) => r.name), ['江苏', '苏州', '南京', '浙江', '杭州', '宁波', '上海', '浦东新区']);
    assert.equal(byName('苏州').parentId, byName('江苏').id);
    assert.equal(byName('南京').parentId, byName('江苏').id);
    assert.equal(byName('浙江').parentId, undefined);
    assert.equal(byName('宁波').parentId, byName('浙江').id);
    // same kind of lead: nested because 浦东 lies in 上海
    assert.equal(byName('浦东新区').parentId, byName('上海').id);
    // sections' own texts do not overlap: each runs to the next marker
    for (let i = 1; i < rs.length; i++) assert.equal(rs[i - 1].end, rs[i].start);
  });
});

describe('lexicon: region names readers write', () => {
  it('a count in brackets after a region\'s line or label (北京市(7个):, 河北省(3个), · 石家庄市(1个)), nested by its bullet', () => {
    const t = '名单如下：\n\n北京市(7个):\n\n北京市顺义区仁和镇河南村\n\n河北省(3个)\n\n· 石家庄市(1个)\n\n石家庄市藁城区刘家佐村\n\n· 邢台市(2个)\n\n南宫市天地名城小区';
    const regions = findRegions(t);
    assert.deepEqual(regions.map((r) => r.name), ['北京', '河北', '石家庄', '邢台']);
    assert.equal(regions[2].parentId, regions[1].id);
  });
  it('a region\'s subhead (湖北 16人死亡失踪) opens its part where two or more do; a table\'s rows do not', () => {
    const para = '据民政部门统计，强降雨已造成多地受灾，紧急转移安置群众一万余人，直接经济损失仍在统计之中。';
    const t = `# 暴雨来袭 南方多地受灾\n湖北 16人死亡失踪\n${para}\n江西 88万人受灾\n${para}`;
    assert.deepEqual(findRegions(t).map((r) => r.name), ['湖北', '江西']);
    assert.deepEqual(findRegions(`湖北 16人死亡失踪\n${para}`).map((r) => r.name), [], 'one alone opens nothing');
    assert.deepEqual(findRegions('湖北 病例六万七千例\n广东 病例一千五百例\n浙江 病例一千二百例').map((r) => r.name), [], 'rows of a table');
  });
  it('headline lines led by a region open the parts where three or more do and nothing else opens one (浙江高校师生积极捐款, 河北张北… → 张北县)', () => {
    const para = '社会各界踊跃向地震灾区捐款捐物，表达了对灾区人民的关心和支持，捐款仍在继续。';
    const t = `# 各地踊跃捐款\n\n导语。\n\n浙江高校师生积极捐款\n\n${para}\n\n河北张北踊跃向四川地震灾区捐款\n\n${para}\n\n南京向成都捐款500万元\n\n${para}`;
    assert.deepEqual(findRegions(t).map((r) => r.name), ['浙江', '张北县', '南京']);
    // two are not enough, and a sentence is no headline
    assert.deepEqual(findRegions(`浙江高校师生积极捐款\n\n${para}\n\n南京向成都捐款500万元\n\n${para}`).map((r) => r.name), []);
    assert.deepEqual(findRegions(`浙江高校师生积极捐款，效果很好。\n\n${para}\n\n南京向成都捐款，数额很大。\n\n${para}\n\n上海市民踊跃献血，排起长队。\n\n${para}`).map((r) => r.name), []);
  });
  it('Taiwan’s municipalities, cities and counties are known, counties also without 县', () => {
    for (const [n, canon] of [['台北市', '台北'], ['新竹县', '新竹县'], ['新竹市', '新竹'], ['嘉义市', '嘉义'], ['嘉义县', '嘉义县'], ['苗栗', '苗栗县'], ['花莲县', '花莲县']]) {
      const p = lookupRegion(n);
      assert.equal(p?.name, canon, n);
      assert.ok(p?.parents.includes('台湾'), `${n} lies in 台湾`);
    }
  });
  it('short forms of districts and counties by rule, only where unambiguous', () => {
    assert.equal(lookupRegion('海淀')?.name, '海淀区');
    assert.equal(lookupRegion('浦东')?.name, '浦东新区');
    assert.equal(lookupRegion('岐山')?.name, '岐山县');
    // 长安区 (石家庄 and 西安), 鼓楼区 (several cities): no short form
    assert.equal(shortFormPlace('长安'), undefined);
    assert.equal(shortFormPlace('鼓楼'), undefined);
    // never a zone: 开发区 has no short form
    assert.equal(shortFormPlace('石家庄高新技术产业开发'), undefined);
  });
  it("a short name read as a city among its sibling districts' sections is the district (海淀： and 朝阳：: 北京's 朝阳区, not 辽宁's 朝阳)", () => {
    const regions = findRegions('海淀：区委召开会议，部署工作。\n朝阳：区委召开会议，部署工作。\n');
    assert.deepEqual(regions.map((r) => r.name), ['海淀区', '朝阳区']);
  });
});
