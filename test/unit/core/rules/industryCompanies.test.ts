import { strict as assert } from 'node:assert';
import { stageIndustryCompanies } from '../../../../src/core/rules/industryCompanies';
import { found } from './runStage';

describe('rules/industryCompanies', () => {
  it('firms by brand and trade in a list of visits, the verb after the last one left out', () => {
    assert.deepEqual(found('县长一行先后前往青禾鞋业、白鹭米业、海鸥科技产业园、金穗食品调研。', stageIndustryCompanies), ['company:青禾鞋业', 'company:白鹭米业', 'company:金穗食品']);
  });
  it('…and in a list that ends in a count of firms', () => {
    assert.deepEqual(found('与青禾集团、白鹭环保等6家企业负责人座谈。', stageIndustryCompanies), ['company:白鹭环保']);
  });
  it('industries listed as industries, a place with a trade, and lists without visits or firms are no companies', () => {
    assert.deepEqual(found('重点发展电子信息、生物医药、新材料等产业。', stageIndustryCompanies), []);
    assert.deepEqual(found('走访了湖北汽车、深圳科技等企业。', stageIndustryCompanies), []);
    assert.deepEqual(found('他喜欢青禾鞋业、白鹭米业的产品。', stageIndustryCompanies), []);
  });
});
