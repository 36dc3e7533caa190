import { strict as assert } from 'node:assert';
import { stageAliases } from '../../../../src/core/rules/aliases';
import { stageCompanies } from '../../../../src/core/rules/companies';
import { stageGov } from '../../../../src/core/rules/government';
import { stageGovRegionHeads } from '../../../../src/core/rules/regionHeads';
import { stageOrgs } from '../../../../src/core/rules/organizations';
import { runStages } from './runStage';

describe('rules/aliases', () => {
  const text = '华为技术有限公司发布新品，华为技术表示将扩产。';
  it("a legal name's stem, later in the text, is the same company", () => {
    assert.deepEqual(runStages(text, stageCompanies).map((s) => s.text), ['华为技术有限公司']);
    const spans = runStages(text, stageCompanies, stageAliases);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['company:华为技术有限公司', 'company:华为技术']);
    assert.equal(spans[1].aliasOf, '华为技术有限公司');
  });
  it("a body's name without its region or parent, where the article wrote it in full", () => {
    const t = '青州市政府与海南省台办签约。省台办表示欢迎，市政府也表示支持。';
    const spans = runStages(t, stageGov, stageGovRegionHeads, stageAliases);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['government:青州市政府', 'government:海南省台办', 'government:省台办', 'government:市政府']);
    const u = '天津北方网讯 今天…（津云—北方网记者某某）';
    assert.deepEqual(runStages(u, stageOrgs, stageAliases).map((s) => `${s.type}:${s.text}`), ['organization:天津北方网', 'organization:北方网']);
  });
  it('a short form inside a longer word is not taken (东北方网)', () => {
    const u = '天津北方网讯 东北方网站';
    assert.deepEqual(runStages(u, stageOrgs, stageAliases).map((s) => s.text), ['天津北方网']);
  });
});
