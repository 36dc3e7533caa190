import { strict as assert } from 'node:assert';
import { stageAliases } from '../../../../src/core/rules/aliases';
import { stageCompanies } from '../../../../src/core/rules/companies';
import { runStages } from './runStage';

describe('rules/aliases', () => {
  const text = '华为技术有限公司发布新品，华为技术表示将扩产。';
  it("a legal name's stem, later in the text, is the same company", () => {
    assert.deepEqual(runStages(text, stageCompanies).map((s) => s.text), ['华为技术有限公司']);
    const spans = runStages(text, stageCompanies, stageAliases);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['company:华为技术有限公司', 'company:华为技术']);
    assert.equal(spans[1].aliasOf, '华为技术有限公司');
  });
});
