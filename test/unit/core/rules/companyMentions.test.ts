import { strict as assert } from 'node:assert';
import { stageCompanyMentions } from '../../../../src/core/rules/companyMentions';
import { stageIndustryCompanies } from '../../../../src/core/rules/industryCompanies';
import { stageStockCodes } from '../../../../src/core/rules/stockCodes';
import { stageTitles } from '../../../../src/core/rules/titles';
import { found, runStages } from './runStage';

describe('rules/companyMentions', () => {
  it('a firm read from a list of visits is a firm where it is named again, and its head a business person', () => {
    const text = '县长带队走访了青禾鞋业、恒远重工等企业，恒远重工总经理陈海涛陪同。';
    assert.deepEqual(found(text, stageIndustryCompanies, stageCompanyMentions).filter((x) => x.startsWith('company')), ['company:青禾鞋业', 'company:恒远重工', 'company:恒远重工']);
    const head = runStages(text, stageIndustryCompanies, stageCompanyMentions, stageTitles).find((x) => x.type === 'person');
    assert.equal(head?.text, '陈海涛');
    assert.equal(head?.chain?.role, 'business');
    assert.equal(head?.chain?.organization, '恒远重工');
  });
  it('…and so is a name first written before its stock code', () => {
    assert.deepEqual(found('恒远医药(600999)发布公告。恒远医药表示，', stageStockCodes, stageCompanyMentions), ['company:恒远医药', 'company:恒远医药']);
  });
  it('without such a first reading, the name alone is no company', () => {
    assert.deepEqual(found('恒远重工总经理陈海涛陪同。', stageCompanyMentions), []);
  });
});
