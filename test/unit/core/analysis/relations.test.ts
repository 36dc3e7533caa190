import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';
import { buildRelations, MAX_MEETING_SUBJECTS } from '../../../../src/core/analysis/relations';
import { normalizeForMatching } from '../../../../src/core/normalize';

describe('analysis/relations', () => {
  it('an official who meets a company in a sentence met it (traditional text too)', () => {
    for (const text of ['市委书记尹力会见宁德时代董事长曾毓群。', '市委書記尹力會見寧德時代董事長曾毓群。']) {
      const a = analyze(text, { useModel: false });
      const met = buildRelations(normalizeForMatching(text), a).filter((r) => r.kind === 'met').map((r) => `${r.from} → ${r.to}`);
      assert.ok(met.some((m) => /^person:尹力 → company:宁德时代$/.test(m)), `${text}: ${met.join(', ')}`);
      assert.deepEqual(buildRelations(normalizeForMatching(text), a), a.relations);
    }
  });
  it('no meeting verb: co-mentioned only', () => {
    const a = analyze('市委书记尹力和宁德时代董事长曾毓群。', { useModel: false });
    assert.ok(!a.relations.some((r) => r.kind === 'met'));
    assert.ok(a.relations.some((r) => r.kind === 'co-mentioned'));
  });
  it('a roster of dozens of officials meeting companies: the first officials meet them, the work stays linear', () => {
    const sur = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹';
    const officials = Array.from({ length: 30 }, (_, i) => `北京市副市长${sur[i]}建国`).join('、');
    const firms = Array.from({ length: 30 }, (_, i) => `${sur[i]}氏${'甲乙丙丁戊己庚辛壬癸'[i % 10]}科技有限公司`).join('、');
    const a = analyze(`${officials}会见了${firms}等企业负责人。`, { useModel: false });
    const met = a.relations.filter((r) => r.kind === 'met');
    const subjects = new Set(met.map((r) => r.from));
    assert.ok(met.length > 0);
    assert.ok(subjects.size <= MAX_MEETING_SUBJECTS, `${subjects.size} officials meet`);
    assert.ok(subjects.has('person:王建国'), [...subjects].join(' '));
  });
});

