import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, type Analysis } from '../../../src/core';
import { repoRoot } from './helpers';

const load = (f: string) => analyze(fs.readFileSync(path.join(repoRoot, 'samples', f), 'utf8'), { useModel: false });
const ent = (a: Analysis, name: string) => a.entities.find((e) => e.name === name);
const met = (a: Analysis, from: string, to: string) => a.relations.some((r) => r.kind === 'met' && r.from === ent(a, from)?.id && r.to === ent(a, to)?.id);

describe('samples', () => {
  it('provinces-investment.md: Markdown headings, officials, business people, relations', () => {
    const a = load('provinces-investment.md');
    assert.deepEqual(a.regions.map((r) => r.name), ['浙江', '江苏', '四川']);
    assert.equal(ent(a, '易炼红')?.titles[0].full, '浙江省委书记');
    assert.equal(ent(a, '许昆林')?.titles[0].full, '江苏省委副书记、江苏省省长');
    assert.equal(ent(a, '陈之常')?.region, '南京');
    assert.equal(ent(a, '蔡崇信')?.organization, '阿里巴巴集团');
    assert.equal(ent(a, '齐普策')?.role, 'business');
    assert.deepEqual(ent(a, '京东方科技集团股份有限公司')?.aliases, ['京东方']);
    assert.ok(met(a, '易炼红', '阿里巴巴集团'));
    assert.ok(met(a, '王晓晖', '京东方科技集团股份有限公司'));
    assert.equal(ent(a, '李明')?.role, 'other');
    assert.ok(ent(a, '四川')?.mentions.some((m) => m.text === '川'));
  });

  it('hongkong-traditional.md: traditional text, 【】 sections, original offsets', () => {
    const text = fs.readFileSync(path.join(repoRoot, 'samples/hongkong-traditional.md'), 'utf8');
    const a = load('hongkong-traditional.md');
    assert.deepEqual(a.regions.map((r) => r.name), ['香港', '广东']);
    const ma = ent(a, '馬化騰');
    assert.equal(ma?.role, 'business');
    assert.equal(ma?.organization, '騰訊公司');
    assert.equal(ent(a, '李家超')?.role, 'official');
    assert.equal(ent(a, '黃坤明')?.region, '广东');
    for (const m of a.mentions) assert.equal(text.slice(m.start, m.end), m.text);
    assert.ok(a.relations.some((r) => r.kind === 'works-for' && r.from === ma?.id));
  });

  it('peoples-daily-1998.txt: old style, full-width digits, post-name titles', () => {
    const a = load('peoples-daily-1998.txt');
    assert.equal(a.regions.length, 0);
    assert.equal(ent(a, '江泽民')?.role, 'official');
    assert.ok(ent(a, '李鹏')?.titles.some((t) => t.inText === '国务院总理'));
    assert.ok(ent(a, '杨洁篪')?.titles.some((t) => t.inText === '外交部副部长'));
    assert.ok(a.mentions.some((m) => m.type === 'date' && m.text === '１月５日'));
    assert.ok(ent(a, '新华社'));
  });
});
