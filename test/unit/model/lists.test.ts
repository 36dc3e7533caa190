import * as assert from 'node:assert/strict';
import { companiesInLists } from '../../../src/core/model/lists';
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
