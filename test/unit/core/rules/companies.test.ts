import { strict as assert } from 'node:assert';
import { stageCompanies } from '../../../../src/core/rules/companies';
import { found, runStages } from './runStage';

describe('rules/companies', () => {
  it('a legal name, its stem and a bracketed short name', () => {
    const spans = runStages('华为技术有限公司（以下简称“华为”）发布新品。', stageCompanies);
    assert.deepEqual(spans.map((s) => `${s.type}:${s.text}`), ['company:华为技术有限公司', 'company:华为']);
    assert.equal(spans[0].legal, true);
    assert.deepEqual(spans[0].aliases, ['华为技术', '华为']);
    assert.equal(spans[1].aliasOf, '华为技术有限公司');
  });
  it('a stop word that is a word of the name stays in it', () => {
    assert.deepEqual(found('来到新星投资有限公司调研', stageCompanies), ['company:新星投资有限公司']);
  });
  it('holding words and quantities are no companies', () => {
    assert.deepEqual(found('控股股东持有1.55亿股股份', stageCompanies), []);
  });
});
