import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';
import { buildRelations } from '../../../../src/core/analysis/relations';
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
});
