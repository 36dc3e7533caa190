import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, createLineIndex, entityAt, pinyinOf, regionHierarchy, tag, type Span } from '../../../src/core';
import { recognizeRich } from '../../../src/core/recognize';
import { normalizeForMatching } from '../../../src/core/normalize';
import { has, hasNot, repoRoot, spans } from './helpers';

const person = (text: string, name: string) => analyze(text, { useModel: false }).entities.find((e) => e.type === 'person' && e.name === name);

describe('rules: officials and title chains', () => {
  it('title chain before a name, with region', () => {
    has('北京市委书记尹力来到朝阳区调研。', 'person:尹力', 'place:朝阳区');
    const e = person('北京市委书记尹力来到朝阳区调研。', '尹力');
    assert.equal(e?.role, 'official');
    assert.equal(e?.region, '北京');
    assert.deepEqual(e?.titles.map((t) => t.inText), ['北京市委书记']);
  });
  it('chain joined by 、 and a lone title in a region section', () => {
    const a = analyze('**广州：**\n\n市委副书记、市长孙志洋主持会议。', { useModel: false });
    const e = a.entities.find((x) => x.name === '孙志洋');
    assert.equal(e?.titles[0].inText, '市委副书记、市长');
    assert.equal(e?.titles[0].full, '广州市委副书记、广州市市长');
    assert.equal(e?.region, '广州');
  });
  it('names listed with 、 share the title', () => {
    has('市领导张三丰、李四参加。', 'person:张三丰', 'person:李四');
  });
  it('name length from what follows', () => {
    has('市委副书记、市长殷勇一同调研。', 'person:殷勇');
    has('省长王伟中在广州会见客人。', 'person:王伟中');
    has('书记尹力来到现场。', 'person:尹力');
  });
  it('1998 People\'s Daily style with full-width digits and post-name titles', () => {
    const t = '新华社北京１月５日电　国家主席江泽民今天在人民大会堂会见了美国前总统卡特。江泽民主席说，中美关系很重要。';
    has(t, 'organization:新华社', 'date:１月５日', 'title:国家主席', 'person:江泽民', 'date:今天', 'person:卡特');
    has('江泽民主席和李鹏总理出席了会议。', 'person:江泽民', 'person:李鹏', 'title:总理');
    has('国务院总理李鹏会见外宾。', 'government:国务院', 'title:总理', 'person:李鹏');
  });
  it('business people carry their company along a list', () => {
    const a = analyze('康宁公司高级副总裁张铮、副总裁刘之菲参加。', { useModel: false });
    for (const n of ['张铮', '刘之菲']) {
      const e = a.entities.find((x) => x.name === n);
      assert.equal(e?.role, 'business', n);
      assert.equal(e?.organization, '康宁公司', n);
    }
    has('宁德时代董事长曾毓群出席。', 'company:宁德时代', 'title:董事长', 'person:曾毓群');
    has('阿里巴巴集团董事局主席张勇表示，公司将加大投资。', 'company:阿里巴巴集团', 'person:张勇');
  });
  it('speakers and later bare mentions of a confirmed name', () => {
    const a = analyze('市委书记尹力主持会议。尹力指出，要抓好落实。', { useModel: false });
    const e = a.entities.find((x) => x.name === '尹力');
    assert.equal(e?.mentions.length, 2);
    has('李强指出，要坚持稳中求进。', 'person:李强');
  });
  it('bylines', () => {
    has('编辑：常萌', 'person:常萌');
    has('（记者 李明）', 'person:李明');
  });
});

describe('rules: companies, government, organizations', () => {
  it('legal names with bracketed region and short names', () => {
    has('一行人来到西门子（中国）有限公司调研。', 'company:西门子（中国）有限公司');
    has('来到行吟信息科技（上海）有限公司（小红书）调研', 'company:行吟信息科技（上海）有限公司', 'company:小红书');
    has('渣打银行（中国）有限公司北京分行', 'company:渣打银行（中国）有限公司北京分行');
    has('华为技术有限公司（以下简称“华为”）今天发布新品。', 'company:华为技术有限公司', 'company:华为');
    const a = analyze('康宁公司是材料企业。希望康宁扩大投资。', { useModel: false });
    const c = a.entities.find((e) => e.type === 'company');
    assert.equal(c?.name, '康宁公司');
    assert.deepEqual(c?.aliases, ['康宁']);
  });
  it('lexicon: A-share short names and brands', () => {
    has('贵州茅台和平安银行公布业绩，雀巢、卡特彼勒也发言。', 'company:贵州茅台', 'company:平安银行', 'company:雀巢', 'company:卡特彼勒');
  });
  it('generic heads are not companies', () => {
    hasNot('该公司表示，这家公司和上市公司都受影响。', 'company:该公司', 'company:这家公司', 'company:上市公司');
  });
  it('government bodies', () => {
    has('北京商务中心区管委会负责人介绍', 'government:北京商务中心区管委会');
    has('浙江省杭州市西湖区人民政府发布通知。', 'government:浙江省杭州市西湖区人民政府');
    has('深圳市商务局召开会议。', 'government:深圳市商务局');
    has('外交部发言人表示', 'government:外交部');
  });
  it('media and institutions', () => {
    has('来源：广州日报、北京发布、上海发布', 'organization:广州日报', 'organization:北京发布', 'organization:上海发布');
    has('北京大学与清华大学联合发布报告。', 'organization:北京大学', 'organization:清华大学');
    hasNot('落实落细战略合作协议', 'organization:落实落细战略合作协');
  });
});

describe('rules: places and dates', () => {
  it('administrative divisions with hierarchy', () => {
    const a = analyze('**北京：**\n尹力来到朝阳区。\n\n**广东：**\n会见在广州举行。', { useModel: false });
    const within = (n: string) => a.entities.find((e) => e.name === n)?.within;
    assert.equal(within('朝阳区'), '北京');
    assert.equal(within('广州'), '广东');
    assert.equal(regionHierarchy.lookup('广州市')?.parent, '广东');
    assert.deepEqual(regionHierarchy.ancestors('天河区'), ['广州', '广东']);
    assert.ok(regionHierarchy.isWithin('朝阳区', '北京'));
    assert.equal(regionHierarchy.provinceOf('天河区'), '广东');
  });
  it('province short forms only in safe contexts', () => {
    has('坚定在京发展信心，来粤访问，在渝投资', 'place:京', 'place:粤', 'place:渝');
    hasNot('北京是首都', 'place:京');
    const a = analyze('希望企业在渝投资。', { useModel: false });
    assert.ok(a.entities.find((e) => e.name === '重庆')?.mentions.some((m) => m.text === '渝'));
  });
  it('venues, economic regions, countries', () => {
    has('来到改造复建后的工人体育场', 'place:工人体育场');
    has('推进成渝地区双城经济圈建设和粤港澳大湾区发展', 'place:成渝地区', 'place:粤港澳大湾区');
    has('美国和德国代表', 'place:美国', 'place:德国');
  });
  it('dates', () => {
    has('2月18日至20日，3天内', 'date:2月18日至20日');
    hasNot('2月18日至20日，3天内', 'date:3天');
    has('2月18日上午', 'date:2月18日上午');
    has('2023年2月，昨天下午，1998年1月5日，１月５日，今年，上周，上午10时', 'date:2023年2月', 'date:昨天下午', 'date:1998年1月5日', 'date:１月５日', 'date:今年', 'date:上周', 'date:上午10时');
  });
  it('traditional Chinese keeps original offsets', () => {
    const t = '國務院總理李鵬會見臺北市長，廣東省委書記黃坤明出席。';
    assert.equal(normalizeForMatching(t).length, t.length);
    has(t, 'government:國務院', 'title:總理', 'person:李鵬', 'person:黃坤明');
    for (const s of tag(t)) assert.equal(t.slice(s.start, s.end), s.text);
  });
  it('a division slash or a fraction slash reads as a plain slash, offsets kept (記者甲∕台中報導)', () => {
    assert.equal(normalizeForMatching('記者甲∕台中報導，乙⁄丙'), '记者甲/台中报导，乙/丙');
  });
});

describe('core API', () => {
  it('tag spans are sorted, non-overlapping, in range', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'samples/leaders-visit-firms.md'), 'utf8');
    const sp: Span[] = tag(text);
    assert.ok(sp.length > 50);
    for (let i = 0; i < sp.length; i++) {
      assert.equal(text.slice(sp[i].start, sp[i].end), sp[i].text);
      if (i) assert.ok(sp[i - 1].end <= sp[i].start);
    }
  });
  it('createLineIndex maps offsets both ways (LF, CRLF, CR)', () => {
    const li = createLineIndex('ab\ncd\r\nef\rgh');
    assert.deepEqual(li.positionAt(0), { line: 0, character: 0 });
    assert.deepEqual(li.positionAt(4), { line: 1, character: 1 });
    assert.deepEqual(li.positionAt(7), { line: 2, character: 0 });
    assert.deepEqual(li.positionAt(10), { line: 3, character: 0 });
    assert.equal(li.offsetAt({ line: 2, character: 1 }), 8);
    assert.deepEqual(li.positionAt(999), { line: 3, character: 2 });
    assert.equal(li.lineCount, 4);
  });
  it('entityAt finds the entity under an offset', () => {
    const text = '北京市委书记尹力来到朝阳区调研。';
    const a = analyze(text, { useModel: false });
    assert.equal(entityAt(a, text.indexOf('尹力') + 1)?.entity.name, '尹力');
    assert.equal(entityAt(a, text.indexOf('来到')), undefined);
  });
  it('pinyinOf reads surnames as surnames', () => {
    assert.equal(pinyinOf('曾毓群'), 'zēng yù qún');
    assert.equal(pinyinOf(''), '');
  });
  it('user lexicon adds and suppresses entries', () => {
    const a = analyze('小明在阿里巴巴工作。', { useModel: false, userLexicon: { entries: [{ text: '小明', type: 'person' }, { text: '阿里巴巴', type: 'none' }] } });
    assert.ok(a.entities.some((e) => e.type === 'person' && e.name === '小明'));
    assert.ok(!a.entities.some((e) => e.name === '阿里巴巴'));
  });
});

describe('robustness', () => {
  it('empty and tiny inputs', () => {
    for (const t of ['', ' ', '\n', '尹', '**', '**北京：**', '【】', '来源：', '编辑：']) {
      const a = analyze(t);
      assert.equal(a.length, t.length);
      tag(t);
    }
  });
  it('lone surrogates and random binary never throw', () => {
    const weird = '\uD800尹力\uDC00说\uDFFF\uD83D' + '市长\uD800' + '\u0000\uFFFF';
    analyze(weird);
    tag(weird);
    let seed = 42;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
    let bin = '';
    for (let i = 0; i < 50000; i++) bin += String.fromCharCode(Math.floor(rnd() * 65536));
    const a = analyze(bin);
    for (const m of a.mentions) assert.ok(m.end <= bin.length);
  });
  it('a 2 MB one-line text', function () {
    // (how its cost grows with length is checked by npm run fuzz; no time limit is asserted here)
    this.timeout(120000);
    const base = fs.readFileSync(path.join(repoRoot, 'samples/leaders-visit-firms.md'), 'utf8').replace(/\n/g, '');
    const big = base.repeat(Math.ceil(2_000_000 / base.length)).slice(0, 2_000_000);
    const a = analyze(big);
    assert.ok(a.mentions.length > 1000);
  });
  it('non-string input is tolerated', () => {
    assert.deepEqual(tag(undefined as unknown as string), []);
    assert.equal(analyze(null as unknown as string).entities.length, 0);
  });
});
