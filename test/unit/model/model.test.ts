import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { loadDefaultModel, locateModelFile, loadModelFile } from '../../../src/core/model';
import { combineSpans, companyRetype, governmentRetype, modelSplitsName, regionInBrackets } from '../../../src/core/model/combine';
import { analyze, tag } from '../../../src/core';
import { lastSpanCost } from '../../../src/core/model/perceptron';
import { codePointToUtf16 } from '../../../training/cluener';
import type { Span } from '../../../src/core/types';

const has = (spans: Span[], type: string, text: string): boolean => spans.some((s) => s.type === type && s.text === text);

describe('model: statistical labeller', () => {
  const model = loadDefaultModel();

  it('loads the shipped weights (≤ 5 MB) and caches them', () => {
    const file = locateModelFile();
    assert.ok(file, 'models/ner.bin found by walking up from the module');
    assert.ok(fs.statSync(file!).size <= 5 * 1024 * 1024, 'weights ≤ 5 MB');
    assert.ok(model, 'model loaded');
    assert.equal(loadDefaultModel(), model, 'cached');
    // a fresh load gives a working model (its time is measured by npm run bench, never asserted)
    assert.ok(loadModelFile(file!).predict('北京市委书记尹力').length > 0);
  });

  it('finds people, titles, governments and places in a news sentence', () => {
    const text = '国务院总理李鹏今天在北京会见了美国客人';
    const spans = model!.predict(text);
    // CLUENER labels 国务院总理 as one position; the name must at least be found where it starts
    assert.ok(spans.some((s) => s.type === 'person' && s.start === 5), JSON.stringify(spans));
    assert.ok(spans.some((s) => s.type === 'title' && s.text.endsWith('总理')), JSON.stringify(spans));
    assert.ok(has(spans, 'place', '北京'), JSON.stringify(spans));
    const s2 = model!.predict('外交部发言人秦刚在例行记者会上说，美国国务卿希拉里将访问上海。');
    assert.ok(has(s2, 'government', '外交部'), JSON.stringify(s2));
    assert.ok(has(s2, 'person', '秦刚'), JSON.stringify(s2));
    assert.ok(has(s2, 'person', '希拉里'), JSON.stringify(s2));
    assert.ok(has(s2, 'place', '上海'), JSON.stringify(s2));
  });

  it('companies and titles in business news', () => {
    const spans = model!.predict('阿里巴巴集团董事局主席马云昨天在杭州表示');
    assert.ok(has(spans, 'person', '马云'), JSON.stringify(spans));
    assert.ok(spans.some((s) => s.type === 'company' && s.text.startsWith('阿里巴巴')), JSON.stringify(spans));
  });

  it('offsets are exact UTF-16, end exclusive, also after full-width digits and astral characters', () => {
    for (const text of [
      '２０１２年３月，浙商银行行长张达洋在杭州表示',
      '𠀀𠀁记者王小明报道，上海市政府今天宣布',
      '據新華社報道，國務院總理李鵬今天在北京會見了美國客人',
    ]) {
      const spans = model!.predict(text);
      assert.ok(spans.length > 0, text);
      for (const s of spans) {
        assert.ok(s.start >= 0 && s.end <= text.length && s.end > s.start);
        assert.equal(s.text, text.slice(s.start, s.end));
        assert.equal(s.source, 'model');
      }
    }
    const simp = model!.predict('外交部发言人秦刚在例行记者会上说，美国国务卿希拉里将访问上海。');
    const trad = model!.predict('外交部發言人秦剛在例行記者會上說，美國國務卿希拉里將訪問上海。');
    assert.deepEqual(trad.map((s) => [s.type, s.start, s.end]), simp.map((s) => [s.type, s.start, s.end]), 'traditional text labelled like simplified');
  });

  it('never throws on garbage, empty or huge input', () => {
    const m = model!;
    assert.deepEqual(m.predict(''), []);
    for (const t of ['\ud800', '\udc00abc\ud83d', '\u0000\u0001\uffff', '。。。！！？？\n\n\r\n', 'a'.repeat(5000)]) {
      assert.ok(Array.isArray(m.predict(t)));
    }
    // random binary
    let seed = 42;
    const rnd = (): number => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
    for (let k = 0; k < 50; k++) {
      const n = Math.floor(rnd() * 400);
      let s = '';
      for (let i = 0; i < n; i++) s += String.fromCharCode(Math.floor(rnd() * 65536));
      for (const sp of m.predict(s)) assert.equal(sp.text, s.slice(sp.start, sp.end));
    }
    // non-string input is tolerated
    assert.ok(Array.isArray(m.predict(undefined as unknown as string)));
    assert.ok(Array.isArray(m.predict(12345 as unknown as string)));
    // a long text with no punctuation at all
    // (its cost per character at doubling sizes is checked by npm run fuzz, not timed here)
    const long = '中国人民银行行长周小川表示'.repeat(20000);
    const spans = m.predict(long);
    assert.ok(spans.length > 0);
  });

  it('is deterministic', () => {
    const text = '新华社北京3月5日电，国家发改委主任张平在人民大会堂回答记者提问';
    assert.deepEqual(model!.predict(text), model!.predict(text));
    const again = loadModelFile(locateModelFile()!);
    assert.deepEqual(again.predict(text), model!.predict(text));
  });
});

describe('model: combineSpans', () => {
  const sp = (type: Span['type'], start: number, end: number, extra: Record<string, unknown> = {}): Span =>
    ({ type, start, end, text: '', source: 'rule', ...extra }) as Span;

  it('model fills gaps; identical spans keep the rule object', () => {
    const rule = sp('person', 0, 2);
    const out = combineSpans([rule], [sp('person', 0, 2, { source: 'model' }), sp('place', 5, 7, { source: 'model' })]);
    assert.equal(out.length, 2);
    assert.equal(out[0], rule);
    assert.equal(out[1].type, 'place');
  });

  it('title chains and dates win; longer model spans beat lexicon places; legal names lose to the model', () => {
    const chain = sp('title', 2, 4, { chain: {} });
    const out = combineSpans(
      [chain, sp('place', 10, 12, { source: 'lexicon' }), sp('company', 20, 26, { legal: true }), sp('date', 30, 35)],
      [sp('title', 0, 4, { source: 'model' }), sp('government', 10, 15, { source: 'model' }), sp('company', 22, 26, { source: 'model' })],
    );
    assert.deepEqual(
      out.map((s) => [s.type, s.start, s.end]),
      [['title', 2, 4], ['government', 10, 15], ['company', 22, 26], ['date', 30, 35]],
    );
  });

  it("a post with a body's name written in it stands against the model, as a chain of two posts does", () => {
    // (the department is a body of its own, as People's Daily marks it: 行政法务司 + 司长)
    for (const [t, body, post, name] of [['行政法务司司长张永春出席。', '行政法务司', '司长', '张永春'], ['行政法務司司長張永春出席。', '行政法務司', '司長', '張永春']]) {
      const spans = tag(t);
      assert.ok(has(spans, 'government', body) && has(spans, 'title', post), JSON.stringify(spans));
      assert.deepEqual(spans.filter((s) => s.type === 'person').map((s) => s.text), [name], 'no piece of the body read as a name');
    }
    // and a post of four characters or more (行政会议成员), with the whole name after it
    const exco = tag('行政会议成员叶刘淑仪出席。');
    assert.ok(has(exco, 'title', '行政会议成员') && has(exco, 'person', '叶刘淑仪'), JSON.stringify(exco));
  });
  it("a place's army command the rules built from its suffix is a body, whatever type the model gives the same text (兰州军区)", () => {
    const spans = tag('兰州军区官兵赶赴灾区。');
    assert.ok(has(spans, 'government', '兰州军区'), JSON.stringify(spans));
  });
  it("a model span never starts with a name's opening bracket (上海市工商联（总商会）)", () => {
    const spans = tag('上海市工商联（总商会）主席寿子琪会见客人。市工商联副主席张三参加。');
    assert.ok(!spans.some((s) => /^[（(「『“‘【〔[]/.test(s.text)), JSON.stringify(spans));
  });
  it('a pronunciation in brackets after a character is no person (經(jīng)濟, 農(nóng)貿)', () => {
    const spans = tag('南京市委書記韓立明深入農(nóng)貿(mào)市場，赴經(jīng)濟一線調研。');
    assert.deepEqual(spans.filter((s) => s.type === 'person').map((s) => s.text), ['韓立明']);
  });
  it('never returns overlapping spans and tolerates junk', () => {
    const out = combineSpans(
      [sp('place', 0, 3), sp('person', 5, 8), undefined as unknown as Span],
      [sp('organization', 2, 6, { source: 'model' }), sp('person', 5, 7, { source: 'model' }), { type: 'place', start: 9, end: 9 } as Span],
    );
    for (let i = 1; i < out.length; i++) assert.ok(out[i].start >= out[i - 1].end, JSON.stringify(out));
  });
});

describe('model: a suffix-built name the model cuts (modelSplitsName)', () => {
  const at = (text: string, w: string) => text.indexOf(w);
  const mk = (type: Span['type'], text: string, w: string): Span => ({ type, start: at(text, w), end: at(text, w) + w.length, text: w, source: 'model' }) as Span;
  const split = (text: string, name: string, parts: Span[]) => {
    const r = { type: 'company', start: at(text, name), end: at(text, name) + name.length, text: name, legal: true } as Span;
    return modelSplitsName(r, Int32Array.from(parts.map((_, k) => k)), parts.length, parts);
  };
  it('a place, content words and a shorter name with the same end: the rule name stands', () => {
    const t = '会见了宁波青禾电子有限公司董事长';
    assert.equal(split(t, '宁波青禾电子有限公司', [mk('place', t, '宁波'), mk('company', t, '电子有限公司')]), true);
  });
  it('a model name that starts inside the place the rule name opens with: the rule name stands (黑龙江省… read as 龙江省…)', () => {
    const t = '通过了《黑龙江省人大常委会关于任命的决定》';
    assert.equal(split(t, '黑龙江省人大常委会', [mk('government', t, '龙江省人大常委会')]), true);
    // a model name that starts after the place (the place and a body of it) is no cut place
    const u = '会见江苏青禾电子有限公司董事长';
    assert.equal(split(u, '会见江苏青禾电子有限公司', [mk('company', u, '江苏青禾电子有限公司')]), false);
  });
  it('a legal name opening with a place whose rest the model cuts inside a word: the rule name stands (新加坡金鹰赛得利国际集团, not 利国际集团)', () => {
    const t = '会见新加坡金鹰赛得利国际集团首席执行官';
    assert.equal(split(t, '新加坡金鹰赛得利国际集团', [mk('company', t, '利国际集团')]), true);
    const u = '宁波邀请青禾电子有限公司';
    assert.equal(split(u, '宁波邀请青禾电子有限公司', [mk('company', u, '青禾电子有限公司')]), false);
  });
  it('a long legal name of which the model reads only the legal form: the rule name stands; a brand the model reads before the form stays its own', () => {
    const t = '青禾生态城镇发展股份有限公司关于董事辞职的公告';
    assert.equal(split(t, '青禾生态城镇发展股份有限公司', [mk('company', t, '股份有限公司')]), true);
    const u = '会员企业青禾集团公司表示';
    assert.equal(split(u, '会员企业青禾集团公司', [mk('company', u, '青禾集团公司')]), false);
  });
  it("a legal name opening with a county's short name the model leaves out: the rule name stands (开化宝纳制茶有限公司, not 宝纳制茶有限公司)", () => {
    const t = '开化宝纳制茶有限公司总经理汪洋发言';
    assert.equal(split(t, '开化宝纳制茶有限公司', [mk('company', t, '宝纳制茶有限公司')]), true);
  });
  it('a full legal name whose first letters the model leaves off: the rule name stands (青禾奈米股份有限公司, not 米股份有限公司); not a place the model opens with, nor a pronoun', () => {
    const t = '董事长、青禾奈米股份有限公司董事长';
    assert.equal(split(t, '青禾奈米股份有限公司', [mk('company', t, '米股份有限公司')]), true);
    const u = '会员企业金华市青禾有限公司';
    assert.equal(split(u, '会员企业金华市青禾有限公司', [mk('company', u, '金华市青禾有限公司')]), false);
    // (a place and the legal form alone name no firm: the rule's name stands)
    const x = '基地、青禾药业吉林有限公司、';
    assert.equal(split(x, '青禾药业吉林有限公司', [mk('company', x, '吉林有限公司')]), true);
    const v = '我区青禾商贸有限公司';
    assert.equal(split(v, '我区青禾商贸有限公司', [mk('company', v, '青禾商贸有限公司')]), false);
    // (a group or a bare 公司 is no full legal name: 秉承青禾集团 keeps the model's cut)
    const w = '秉承青禾集团';
    assert.equal(split(w, '秉承青禾集团', [mk('company', w, '青禾集团')]), false);
  });
  it('function words, digits, or no place at the start: the model stands', () => {
    const t = '宁波邀请青禾电子有限公司';
    assert.equal(split(t, '宁波邀请青禾电子有限公司', [mk('place', t, '宁波'), mk('company', t, '青禾电子有限公司')]), false);
    const u = '宁波17号青禾银行';
    assert.equal(split(u, '宁波17号青禾银行', [mk('place', u, '宁波'), mk('company', u, '青禾银行')]), false);
    const v = '我们青禾银行';
    assert.equal(split(v, '我们青禾银行', [mk('company', v, '青禾银行')]), false);
  });
});

describe('model: a legal name with its region in brackets (regionInBrackets)', () => {
  it('the name stands whole however the model reads its pieces', () => {
    assert.equal(regionInBrackets('暉陽(貴州)新能源材料有限公司'), true);
    assert.equal(regionInBrackets('晨光（江苏）新材料有限公司'), true);
    // a note in brackets, or nothing before them, is not that form
    assert.equal(regionInBrackets('晨光（集团）有限公司'), false);
    assert.equal(regionInBrackets('（江苏）新材料有限公司'), false);
    const spans = tag('董事长季昕华，晨光(贵州)新能源材料有限公司董事长胡海平等企业家出席。');
    assert.ok(spans.some((s) => s.type === 'company' && s.text === '晨光(贵州)新能源材料有限公司'), JSON.stringify(spans));
  });
});

describe('model: span costs for the merge', () => {
  const model = loadDefaultModel()!;
  const text = '据了解，许多银行都已经下调了存款利率，外交部发言人秦刚表示。';

  it("the model's own spans cost nothing; a span it rejects costs a lot; another text is unknown", () => {
    const spans = model.predict(text);
    assert.ok(spans.length > 0);
    for (const s of spans) assert.equal(lastSpanCost(s.start, s.end, s.type, s.text), 0, s.text);
    const a = text.indexOf('许多银行');
    assert.ok(lastSpanCost(a, a + 4, 'company', '许多银行')! > 40);
    assert.equal(lastSpanCost(a, a + 4, 'company', '别的文字'), undefined, 'surface must match the last text');
    assert.equal(lastSpanCost(a, a + 4, 'date', '许多银行'), undefined, 'not a model label');
  });

  it('a generic legal-suffix phrase the model rejects is dropped; the model keeps its spans', () => {
    const ms = model.predict(text);
    const a = text.indexOf('许多银行');
    const rule = { type: 'company', start: a, end: a + 4, text: '许多银行', source: 'rule', legal: true } as Span;
    const out = combineSpans([rule], ms);
    assert.ok(!out.some((s) => s.text === '许多银行'), JSON.stringify(out));
    assert.ok(out.some((s) => s.type === 'person' && s.text === '秦刚'));
  });
});

describe('model: CLUENER offsets', () => {
  it('maps code point offsets to UTF-16', () => {
    assert.deepEqual(codePointToUtf16('a𠀀b'), [0, 1, 3, 4]);
  });
});

describe('model: companies that name none, and bodies written back to back', () => {
  it('companyRetype: bare heads go, delegations, 兵团 and offices elsewhere change type', () => {
    assert.equal(companyRetype('集团公司'), null);
    assert.equal(companyRetype('該公司'), null);
    assert.equal(companyRetype('考察团'), null);
    assert.equal(companyRetype('温商考察团'), 'organization');
    assert.equal(companyRetype('某某生产建设兵团'), 'government');
    assert.equal(companyRetype('驻上海办事处'), 'government');
    assert.equal(companyRetype('青禾电子有限公司'), undefined);
    assert.equal(companyRetype('新華通訊社'), 'organization');
    assert.equal(companyRetype('人民日报社'), 'organization');
  });
  it("a committee's department stays whole where the model reads only the committee (县委宣传部, not 县委)", () => {
    const t = '县委常委卢佳丽及县委宣传部相关负责同志一行。';
    const at = t.indexOf('县委宣传部');
    const sp = (type: Span['type'], start: number, end: number, source = 'rule'): Span => ({ type, start, end, text: t.slice(start, end), source, priority: 78 }) as Span;
    assert.deepEqual(combineSpans([sp('government', at, at + 5)], [sp('government', at, at + 2, 'model')]).map((s) => s.text), ['县委宣传部']);
    assert.ok(has(tag(t), 'government', '县委宣传部'), JSON.stringify(tag(t)));
  });
  it("a board's post before a business core is a company's (董事總經理); a name the model cut at a conjunction runs to the list's mark (CEO马和平，)", () => {
    const kwok = analyze('新地主席兼董事總經理郭炳聯今日出席公開活動。').entities.find((e) => e.name === '郭炳聯');
    assert.equal(kwok?.role, 'business');
    const ma = tag('同程集团联合创始人、同程艺龙CEO马和平，东山精密制造股份有限公司董事长袁永刚出席。');
    assert.ok(has(ma, 'person', '马和平'), JSON.stringify(ma));
    // (not a kinship word or 某 after a surname: MSRA marks 杨 of 杨姐, 刘 of 刘某)
    assert.ok(!tag('“杨姐，我是一个患绝症的病人。').some((x) => x.text === '杨姐'));
  });
  it('a transliterated name the model ends inside its last part, known alone elsewhere, is read whole (纳文钱德拉·拉姆古兰)', () => {
    const t = '拉姆古兰总理表示感谢。郭金龙在宾馆欢迎毛里求斯共和国总理纳文钱德拉·拉姆古兰夫妇。拉姆古兰说，中国是朋友。';
    const persons = tag(t).filter((x) => x.type === 'person').map((x) => x.text);
    assert.ok(!persons.includes('纳文钱德拉·拉姆'), JSON.stringify(persons));
  });
  it('a surname and one character the model stopped at, with a plain end after the next one, is a three-character name (董立均，); not before a verb (赵明生于)', () => {
    const persons = (t: string) => tag(t).filter((x) => x.type === 'person').map((x) => x.text);
    assert.ok(persons('东方海外有限公司营运总裁董立均，中国基建投资公司董事长出席。').includes('董立均'));
    assert.ok(!persons('赵明生于1960年，从小学习绘画。').includes('赵明生'));
  });
  it("a body's word is no person's name (商會主席, 財政司司長法團, 勞青處)", () => {
    for (const t of ['並表達了衷心祝福。商會主席陳海欽致辭。', '財政司司長法團已委任金澤培博士為主席。', '縣長率工商發展處、農業處、勞青處、文觀局等局處長出訪。']) {
      const persons = tag(t).filter((x) => x.type === 'person').map((x) => x.text);
      assert.ok(!persons.some((p) => /[會团團处處局厅廳署]$/.test(p)), `${t}: ${persons}`);
    }
  });
  it("a photo credit's 摄 is no part of the photographer's name (记者袁永红摄)", () => {
    const spans = tag('会见了嘉宾。内蒙古日报社融媒体记者袁永红摄\n石泰峰说。');
    assert.ok(has(spans, 'person', '袁永红') && !spans.some((x) => x.text.endsWith('摄')), JSON.stringify(spans));
  });
  it('a model name never runs across a quotation mark (淄博市“商会之家”: the place before it)', () => {
    const spans = tag('7月9日上午，淄博市“商会之家”揭牌仪式在环齐大厦举行。');
    assert.ok(!spans.some((s) => /.[“”「」『』【】]/.test(s.text)), JSON.stringify(spans));
  });
  it('省委省政府 read as one by the model stays two bodies; 中共中央宣传部 stays one', () => {
    const sp = (type: Span['type'], start: number, end: number, text: string, source = 'rule'): Span => ({ type, start, end, text, source }) as Span;
    const out = combineSpans([sp('government', 0, 2, '省委'), sp('government', 2, 5, '省政府')], [sp('government', 0, 5, '省委省政府', 'model')]);
    assert.deepEqual(out.map((s) => s.text), ['省委', '省政府']);
  });
});

describe('model: government bodies that are companies', () => {
  it('governmentRetype: a builder named by its bureau is a company', () => {
    assert.equal(governmentRetype('中建三局'), 'company');
    assert.equal(governmentRetype('某某水电第八工程局'), 'company');
    assert.equal(governmentRetype('国家统计局'), undefined);
    assert.equal(governmentRetype('公安局'), undefined);
  });
  it("a post written with its body stays body and post where the model reads one title (乐清市委书记); a title the model ends in a body's name gives way to the body (召开市委常委会)", () => {
    const spans = (t: string) => tag(t).filter((x) => x.type === 'government' || x.type === 'title').map((x) => `${x.type}:${x.text}`);
    assert.deepEqual(spans('10月14日，乐清市委书记徐建兵率团考察。'), ['government:乐清市委', 'title:书记']);
    assert.deepEqual(spans('彭州市召开市委常委会，传达学习了会议精神。'), ['government:市委常委会']);
  });
});
