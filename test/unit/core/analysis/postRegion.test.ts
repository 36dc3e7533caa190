import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';
import { countShortForms } from '../../../../src/core/lexicon/regionNames';

/** name → [region, full titles] of the article's officials. */
function officials(text: string): Record<string, [string | undefined, string[]]> {
  const out: Record<string, [string | undefined, string[]]> = {};
  for (const e of analyze(text, { useModel: false }).entities) {
    if (e.type === 'person' && e.role === 'official') out[e.name] = [e.region, e.titles.map((t) => t.full ?? t.inText)];
  }
  return out;
}

/** The region of the person named `name`, read with the model (analyze as the editor runs it). */
function regionOf(text: string, name: string): string | undefined {
  return analyze(text).entities.find((e) => e.type === 'person' && e.name === name)?.region;
}

describe('analysis/postRegion: the region of a post the chain does not write', () => {
  it("a town's post written bare belongs to the one town the article names (板浦镇 … 镇党委书记, 镇长)", () => {
    const o = officials('8月23日，板浦镇召开换届选举工作动员部署会。会上，镇党委副书记王昌杰作安排部署；最后，镇长茆龙海进行总结。');
    assert.deepEqual(o['王昌杰'], ['板浦镇', ['板浦镇党委副书记']]);
    assert.deepEqual(o['茆龙海'], ['板浦镇', ['板浦镇镇长']]);
    // two towns named: whose post it is is not known
    assert.equal(officials('板浦镇和新坝镇召开会议。镇党委书记王五出席。')['王五']?.[0], undefined);
  });
  it("a town written right after its county names the article's town (沭阳县东湖镇, 一 character: 沭阳县石镇); 我镇 and 全县乡镇 name none", () => {
    assert.deepEqual(officials('1月5日，县委副书记张三来我镇调研。镇党委书记王五陪同。\n发布机构 沭阳县东湖镇 发文日期')['王五'], ['东湖镇', ['东湖镇党委书记']]);
    assert.equal(officials('1月5日，沭阳县石镇召开会议，确保我镇安全稳定。镇长王五主持。')['王五']?.[0], '石镇');
    // near misses: 我镇 (our town) and 全县乡镇 are no town's names
    assert.equal(officials('1月5日，确保我镇安全稳定。镇长王五主持。')['王五']?.[0], undefined);
    assert.equal(officials('1月5日，全县乡镇召开会议。镇长王五主持。')['王五']?.[0], undefined);
  });
  it("a town's bare post where the article names several towns: the one town its paragraph names before it (在石桥镇，…镇党委书记X)", () => {
    const o = officials('活动由，新坝镇政府和石桥镇政府联合举办。\n在石桥镇，县长刘建华一行来到合作社。镇党委书记李强汇报了情况。');
    assert.equal(o['李强']?.[0], '石桥镇');
    // no town in its paragraph: none
    assert.equal(officials('活动由，新坝镇政府和石桥镇政府联合举办。\n会上，镇党委书记李强汇报了情况。')['李强']?.[0], undefined);
  });
  it('a chain of posts at several levels has the most local one\'s region; each link is filled at its own level', () => {
    assert.deepEqual(officials('江苏省委常委、南京市委书记韩立明出席。')['韩立明'], ['南京', ['江苏省委常委、南京市委书记']]);
    assert.deepEqual(officials('淄博讯 市委副书记、张店区委书记马晓磊致辞。')['马晓磊'], ['张店区', ['淄博市委副书记、张店区委书记']]);
    assert.deepEqual(officials('合肥讯 省委常委、合肥市委书记虞爱华调研。')['虞爱华'], ['合肥', ['安徽省委常委、合肥市委书记']]);
    // a county-level city is a city to a 市 link (丹江口市 + 市领导)
    assert.deepEqual(officials('丹江口讯 丹江口市委书记张三出席，市领导李四参加。')['李四']?.[1], ['丹江口市领导']);
  });
  it('an acting post reads as the post: 代理省长 after the province named on the line', () => {
    const o = officials('3月27日，周立平辞去安徽省省长职务，钱东平任代理省长。');
    assert.deepEqual(o['钱东平'], ['安徽', ['安徽省代理省长']]);
  });
  it('a post named with its charge reads as the post (主管副区长, 分管副县长)', () => {
    const o = officials('江宁区委书记张一出席，主管副区长李二陪同。');
    assert.deepEqual(o['李二'], ['江宁区', ['江宁区主管副区长']]);
  });
  it("a bare post taking over the post just named has its region (自治区主席 → 代理主席), and an autonomous region's 主席 is spelled in full", () => {
    const o = officials('3月28日，周立平辞去广西壮族自治区主席职务，钱东平任代理主席。');
    assert.deepEqual(o['周立平'], ['广西', ['广西壮族自治区主席']]);
    assert.deepEqual(o['钱东平'], ['广西', ['广西壮族自治区代理主席']]);
  });
  it('acting for a body\'s post: 代理 before the body is a verb (钱东平代理宁夏回族自治区人民政府主席职务)', () => {
    const o = officials('周立平辞去宁夏回族自治区人民政府主席职务，钱东平代理宁夏回族自治区人民政府主席职务。');
    assert.deepEqual(o['钱东平']?.[0], '宁夏');
  });
  it("Hong Kong's bare posts in a Hong Kong paper that names Macau's Chief Executive once (本港, 港人 count for Hong Kong)", () => {
    const o = officials('特首林鄭月娥、財政司司長陳茂波出席酒會。會長邀請澳門特首崔世安出席。他表示本港經濟向好，港人受惠。');
    assert.deepEqual(o['林鄭月娥'], ['香港', ['香港特别行政区特首']]);
    assert.equal(o['陳茂波']?.[0], '香港');
    assert.equal(o['崔世安']?.[0], '澳门');
  });
  it("a county-level city's 市领导 is its own: no short form inside a longer name (江口 of 丹江口) or inside a word (资源 of 自然资源) ties with it", () => {
    const o = officials('我市与青禾集团签约。市领导武小凯出席。市自然资源局负责人参加。武小凯指出，丹江口正处于黄金期。');
    assert.deepEqual(o['武小凯'], ['丹江口', ['丹江口市领导']]);
    assert.deepEqual(countShortForms('丹江口正处于黄金期'), new Map());
  });
  it("the bare posts after a sentence in which another city's delegation arrives are the hosts' (…率长治市党政考察团来潍考察。市委书记X陪同)", () => {
    const text = '7月22日，山西省长治市市委书记马天荣率长治市党政考察团来潍考察。市委书记杜昌文，市委常委、寿光市委书记孙明亮分别陪同。考察团参观了潍坊软件园和寿光蔬菜基地。潍坊市近年来发展迅速。';
    const o = officials(text);
    assert.equal(o['马天荣']?.[0], '长治');
    assert.equal(o['杜昌文']?.[0], '潍坊');
    // (a county-level city another link writes out: the bare 市 link is the city around it)
    assert.deepEqual(o['孙明亮'], ['寿光', ['潍坊市委常委、寿光市委书记']]);
  });
  it("a city's name inside a person's name is no mention of the city (大庆 of 徐大庆)", () => {
    const o = officials('锦州市召开全委会。会议选举王文权为市委书记，魏俊星、徐大庆为市委副书记。');
    assert.equal(o['徐大庆']?.[0], '锦州');
    assert.equal(o['魏俊星']?.[0], '锦州');
  });
  it("a local paper's bare posts after its guests' delegation came to 我市 are the host's (开封市委书记…率党政考察团，考察我市。市领导X陪同)", () => {
    const text = '本报讯 5月29日，开封市委书记祁金立、市长吉炳伟率党政考察团，考察我市产业集聚区发展情况。\n市领导马正跃、雷建民等陪同。\n考察团一行参观了漯河经济开发区。开封客人表示感谢。';
    const o = officials(text);
    assert.equal(o['祁金立']?.[0], '开封');
    assert.equal(o['马正跃']?.[0], '漯河');
  });
  it("a bureau's bare post listed after Hong Kong's own posts in its paragraph is Hong Kong's, whatever else the article names (深圳, 广东)", () => {
    const text = '香港特区行政长官李家超率团到深圳。\n与会者包括政务司司长陈国基、发展局局长甯汉豪。深圳市领导、广东省领导、深圳市领导、广东省领导出席。';
    assert.equal(regionOf(text, '甯汉豪'), '香港');
  });
  it("a district's short name inside a person's name is no evidence of the article's district (卫东 of 张卫东)", () => {
    const o = officials('县委书记张卫东带队检查。区委常委、宣传部部长刘畅参加活动。');
    assert.equal(o['刘畅']?.[0], undefined);
    assert.equal(countShortForms('张卫东说', new Uint8Array([1, 1, 1, 0])).size, 0);
    assert.equal(countShortForms('张卫东说').size, 1);
  });
  it("a county's short name that is an everyday word is no evidence of the article's county (共同富裕: 富裕 of 富裕县)", () => {
    assert.deepEqual(countShortForms('走好共同富裕新赶考路，光明前景'), new Map());
    // a short name that is no everyday word still counts (平阳 of 平阳县)
    assert.equal(countShortForms('平阳发展的大力支持').size, 1);
  });
  it("a city's post right after a province's chain does not take the province (市领导 after 浙江省…副主任)", () => {
    const o = officials('浙江省人民政府驻上海办事处副主任盛乐,市领导潘友明出席。');
    assert.equal(o['盛乐']?.[0], '浙江');
    assert.notEqual(o['潘友明']?.[0], '浙江');
    assert.ok(!o['潘友明']?.[1].some((t) => t.startsWith('浙江')), JSON.stringify(o['潘友明']));
    // a municipality is a province and a city: its chain's region carries on (北京市委书记…，市委副书记、市长)
    assert.equal(officials('北京市委书记尹力,市委副书记、市长殷勇出席。')['殷勇']?.[0], '北京');
  });
  it('a verb between a region and a post is no body of that region (在武汉拜会湖北省委常委)', () => {
    const o = officials('董事长吕军在武汉拜会湖北省委常委、武汉市委书记王忠林。');
    // (the chain's most local post gives the region: 武汉)
    assert.deepEqual(o['王忠林'], ['武汉', ['湖北省委常委、武汉市委书记']]);
  });
  it('a national commission written bare (发改委主任) is central; with a level before it, the region\'s', () => {
    const o = officials('广东省省长马兴瑞和发改委主任何立峰出席。');
    assert.equal(o['何立峰']?.[0], '中央');
    assert.equal(officials('江苏省发改委主任李明出席。')['李明']?.[0], '江苏');
  });
  it("a post in a body named without a region is the SAR's in a Hong Kong report, and none in a mainland one", () => {
    // (the body's posts here are read with the model)
    const hk = '財政司司長陳茂波率團訪京，發展局局長甯漢豪、房屋局局長何永賢隨團。港府表示，本港將加強合作。';
    assert.equal(regionOf(hk, '甯漢豪'), '香港');
    assert.equal(regionOf(hk, '何永賢'), '香港');
    const mainland = '江苏省委书记李明在南京调研，江苏省省长王五陪同，商务局局长赵六汇报。香港客商参加。';
    assert.notEqual(regionOf(mainland, '赵六'), '香港');
  });
  it('a bureau named by two portfolios joined by 及 is a SAR\'s (创新科技及工业局局长), in any report', () => {
    const t = '中央港澳办主任夏宝龙今日南下深圳，香港特区行政长官李家超陪同。创新科技及工业局局长孙东、运输及物流局局长林世雄出席。';
    assert.equal(regionOf(t, '孙东'), '香港');
    assert.equal(regionOf(t, '林世雄'), '香港');
  });
  it("an autonomous region's posts (自治区党委书记, 自治区主席, 等自治区领导) are its, not those of the provinces the article names more", () => {
    const t = '9月14日，自治区党委书记、人大常委会主任石泰峰，自治区党委副书记、自治区主席王莉霞在呼和浩特会见嘉宾。吉林省政协主席江泽林，黑龙江省政协主席黄建盛，自治区政协主席李秀领出席。吉林省、黑龙江省、辽宁省代表参加。石泰峰、王莉霞、李秀领等自治区领导会见了吉林省和黑龙江省客人。内蒙古日报记者摄';
    const o = officials(t);
    assert.deepEqual(o['石泰峰'], ['内蒙古', ['内蒙古自治区党委书记、内蒙古自治区人大常委会主任', '内蒙古自治区领导']]);
    assert.deepEqual(o['王莉霞'], ['内蒙古', ['内蒙古自治区党委副书记、内蒙古自治区主席', '内蒙古自治区领导']]);
    assert.equal(o['李秀领']?.[0], '内蒙古', 'not the 黑龙江 of the chain before');
  });
  it("the same head's posts side by side are two regions' (镇江市委副书记、市长张叶飞，市委副书记、市长李毅 in 渭南日报); a successor's are the same region's", () => {
    const t = '# 座谈会举行\n\n2018-05-11 08:37  渭南日报\n\n昨日上午，镇江渭南对口协作工作座谈会在富平县举行。镇江市委副书记、市长张叶飞，市委副书记、市长李毅出席并讲话。市委常委、常务副市长张建军主持。';
    const o = officials(t);
    assert.equal(o['张叶飞']?.[0], '镇江');
    assert.equal(o['李毅']?.[0], '渭南');
    assert.equal(o['张建军']?.[0], '渭南');
    assert.equal(officials('3月27日，李斌辞去安徽省省长职务，王学军任代理省长。')['王学军']?.[0], '安徽');
  });
  it("a visiting delegation's bare posts are its own city's, not the one it visits (…带队拜访了北京市海淀区政府)", () => {
    const t = '4月6日下午，市委副书记、市长宋军继带队拜访了北京市海淀区政府，与海淀区区委副书记、区长于军等进行了座谈。宋军继说，聊城市始终重视与京津冀合作。海淀区和聊城市优势互补，北京市海淀区愿与聊城加强互动。首都北京发展迅速。\n市委常委、副市长张旋宇，海淀区区委常委、副区长孟景伟参加座谈。';
    const o = officials(t);
    assert.equal(o['宋军继']?.[0], '聊城');
    assert.equal(o['张旋宇']?.[0], '聊城');
    assert.equal(o['于军']?.[0], '海淀区');
  });
  it('a central post and a region\'s after it: the region the person leads (中共中央政治局委员、省委书记俞正声 in a 湖北 report)', () => {
    const o = officials('5月10日，中共中央政治局委员、省委书记俞正声在武汉会见亳州市党政代表团。湖北省领导出席。湖北省与亳州市加强合作。');
    assert.deepEqual(o['俞正声'], ['湖北', ['中共中央政治局委员、湖北省委书记']]);
  });
  it("China's own national posts written with its name are central (中国国务院副总理何立峰 → 中央, 国务院副总理)", () => {
    const o = officials('中国国务院副总理何立峰会见了美国客人，中国外交部长王毅出席。');
    assert.deepEqual(o['何立峰']?.[0], '中央');
    assert.deepEqual(o['王毅']?.[0], '中央');
  });
  it("a body's post without a region, and a ministry's, in a Taiwan report are Taiwan's", () => {
    const tw = '（中央社記者高雄12日電）高雄市長陳其邁出席，經濟部主任秘書莊銘池及產業園區管理局副局長劉繼傳出席見證。高雄、台北、台中的廠商也參加，台灣產業加速轉型。';
    assert.equal(regionOf(tw, '劉繼傳'), '台湾');
    assert.equal(regionOf(tw, '莊銘池'), '台湾');
    assert.equal(regionOf('工业和信息化部部长李明在北京出席会议。', '李明'), '中央');
  });
  it('the premier and vice-premiers written without 国务院 are its posts (总理 → 国务院总理)', () => {
    const o = officials('总理温家宝、副总理李克强到灾区考察。');
    assert.deepEqual(o['温家宝'], ['中央', ['国务院总理']]);
    assert.deepEqual(o['李克强'], ['中央', ['国务院副总理']]);
  });
  it('a bare post whose predecessor holds another post takes nothing from it', () => {
    const o = officials('3月28日，周立平辞去广西壮族自治区主席职务，钱东平任代理秘书长。');
    assert.notEqual(o['钱东平']?.[0], '广西');
  });
  it('a provincial post is never Hong Kong\'s or Macau\'s: a Hong Kong dateline leaves 省委书记 to the province the article names', () => {
    const o = officials('本报香港讯 5月19日至21日，省委书记周立平在香港拜会了企业。周立平说，江西欢迎港商到江西投资，江西将优化服务。');
    assert.equal(o['周立平']?.[0], '江西');
  });
  it('a chain of bare posts takes its most local link\'s region (省委常委、市委书记 in a 福州 outlet → 福州)', () => {
    const o = officials('福州新闻网讯 27日，省委常委、市委书记袁荣祥会见了华电集团一行。');
    assert.deepEqual(o['袁荣祥'], ['福州', ['福建省委常委、福州市委书记']]);
  });
  it("a local paper's bare post after another place's sentence is its own place's; the same sentence's stays the other's", () => {
    const text = '# 代表团到我市考察\n【报纸名称】:张家口日报\n本报讯 5月10日，内蒙古乌兰察布市市委书记王学丰、市长陶淑菊率党政代表团到我市考察。市委书记邢国辉、市长侯亮与考察团一行座谈。';
    const o = officials(text);
    assert.equal(o['王学丰']?.[0], '乌兰察布');
    assert.equal(o['陶淑菊']?.[0], '乌兰察布');
    assert.equal(o['邢国辉']?.[0], '张家口');
    assert.equal(o['侯亮']?.[0], '张家口');
  });
  it('其 before the posts names the sentence\'s subject (浙江省与江西省接壤，其现任省委书记为…，现任的省长为…)', () => {
    const o = officials('浙江省与江西省接壤，其现任省委书记为易炼红，现任的省长为王浩。');
    assert.deepEqual(o['易炼红'], ['浙江', ['浙江省委书记']]);
    assert.deepEqual(o['王浩'], ['浙江', ['浙江省省长']]);
  });
  it("the central government's offices in Hong Kong and Macau hold central posts (香港中联办主任, 外交部驻港特派员公署特派员), whatever region they name", () => {
    const people = analyze('香港中聯辦主任高祀仁、外交部駐港特派員公署特派員呂新華、中聯辦副主任郭莉出席。').entities.filter((e) => e.type === 'person');
    assert.deepEqual(people.map((p) => `${p.name}:${p.role}:${p.region}`), ['高祀仁:official:中央', '呂新華:official:中央', '郭莉:official:中央']);
    // the model's 香港中联办 is a body, not a company
    assert.ok(!analyze('香港中聯辦主任高祀仁出席。').entities.some((e) => e.type === 'company'));
  });
  it("a post written with 省 is a 省's, never an autonomous region's (宁夏党政代表团…来我市。省领导于广洲 in a 莆田 report: 福建)", () => {
    const text = '8月4日，以宁夏回族自治区党委副书记于革胜为团长的宁夏党政代表团一行来我市参观考察。省领导于广洲、市领导杨根生陪同。莆田市与宁夏开展合作。莆田市委书记表示欢迎。';
    assert.equal(officials(text)['于广洲']?.[0], '福建');
  });
  it("Taiwan's reporter line names the home county (记者唐咏絮／彰化报导: 县长 is 彰化县's)", () => {
    const o = officials('▲彰化县政府新春团拜。\n\n记者唐咏絮／彰化报导\n\n今日县长王惠美发送红包。');
    assert.equal(o['王惠美']?.[0], '彰化县');
  });
});

