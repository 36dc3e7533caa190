import * as assert from 'node:assert/strict';
import { companiesInLists, companyHeadsInLists } from '../../../src/core/model/lists';
import { analyze } from '../../../src/core';
import type { Span } from '../../../src/core/types';

const at = (text: string, w: string, type: Span['type'], source: Span['source'] = 'rule'): Span => ({ type, start: text.indexOf(w), end: text.indexOf(w) + w.length, text: w, source });
const make = (text: string) => (start: number, end: number): Span => ({ type: 'company', start, end, text: text.slice(start, end), source: 'rule' });
const show = (spans: Span[]) => spans.map((s) => `${s.type}:${s.text}`);

describe('model/lists: the items of a list of companies', () => {
  it('items read as a place and a word, a place alone or a long model person are companies of the list', () => {
    const t = '会上，青禾集团、宁波禾田、东方电子、红叶科技、中国生物、禾苗云链等企业发言。';
    const spans = [at(t, '青禾集团', 'company'), at(t, '宁波', 'place'), at(t, '东方电子', 'company'), at(t, '红叶科技', 'company'), at(t, '中国', 'place'), at(t, '禾苗云链', 'person', 'model')];
    assert.deepEqual(show(companiesInLists(t, spans, make(t))), ['company:青禾集团', 'company:宁波禾田', 'company:东方电子', 'company:红叶科技', 'company:中国生物', 'company:禾苗云链']);
  });
  it('a list of places, of people, or with too few companies is left alone', () => {
    const t = '北京、上海、青禾集团和红叶科技';
    const spans = [at(t, '北京', 'place'), at(t, '上海', 'place'), at(t, '青禾集团', 'company')];
    assert.deepEqual(show(companiesInLists(t, spans, make(t))), ['place:北京', 'place:上海', 'company:青禾集团']);
    const u = '张三、李四、王五等人';
    const ps = [at(u, '张三', 'person', 'model'), at(u, '李四', 'person', 'model'), at(u, '王五', 'person', 'model')];
    assert.equal(companiesInLists(u, ps, make(u)), ps);
  });
});

describe('model/lists: the heads of a list of firms\' people', () => {
  const make2 = (text: string) => (type: 'company' | 'title', start: number, end: number): Span => ({ type, start, end, text: text.slice(start, end), source: type === 'company' ? 'rule' : 'model' });
  it('where two or more items open with a company, an item opening with words no span reads as a firm is a firm; a body is not', () => {
    const t = '就有新鸿基地产主席郭炳联、电讯盈科主席李泽楷、信和集团副主席黄永光、贸发局主席林建岳、霍英东集团董事霍震寰等。';
    const spans = [at(t, '主席郭炳联', 'title', 'model'), at(t, '盈科', 'person', 'model'), at(t, '李泽楷', 'person', 'model'), at(t, '信和集团', 'company'), at(t, '黄永光', 'person', 'model'), at(t, '贸发局', 'organization'), at(t, '林建岳', 'person', 'model'), at(t, '霍英东集团', 'company'), at(t, '霍震寰', 'person', 'model')];
    spans[0] = { ...spans[0], end: spans[0].start + 2, text: '主席' };
    spans.splice(1, 0, at(t, '郭炳联', 'person', 'model'));
    const out = show(companyHeadsInLists(t, spans.sort((a, b) => a.start - b.start), make2(t)));
    assert.ok(out.includes('company:新鸿基地产') && out.includes('company:电讯盈科') && out.includes('title:主席'), JSON.stringify(out));
    assert.ok(out.includes('organization:贸发局') && !out.includes('company:贸发局'));
    // with one company-led item only, nothing changes
    const u = '电讯盈科主席李泽楷、信和集团副主席黄永光、贸发局主席林建岳';
    const few = [at(u, '盈科', 'person', 'model'), at(u, '李泽楷', 'person', 'model'), at(u, '信和集团', 'company'), at(u, '黄永光', 'person', 'model'), at(u, '贸发局', 'organization'), at(u, '林建岳', 'person', 'model')];
    assert.deepEqual(companyHeadsInLists(u, few, make2(u)), few);
  });
  it("the heads become their firms' business people, a post joined by 兼 and a modified post read too", () => {
    const t = '至于商界方面，就有新鸿基地产主席郭炳联、电讯盈科主席李泽楷、信和集团副主席黄永光、九仓主席兼常务董事吴天海、新世界发展行政总裁马绍祥、霍英东集团董事霍震寰等。';
    const people = Object.fromEntries(analyze(t).entities.filter((e) => e.type === 'person').map((e) => [e.name, [e.role, e.organization]]));
    assert.deepEqual(people['李泽楷'], ['business', '电讯盈科']);
    assert.deepEqual(people['吴天海'], ['business', '九仓']);
    assert.deepEqual(people['马绍祥'], ['business', '新世界发展']);
  });
});

