import { strict as assert } from 'node:assert';
import { stageIndustryCompanies } from '../../../../src/core/rules/industryCompanies';
import { found } from './runStage';
import { tag } from '../../../../src/core';

describe('rules/industryCompanies', () => {
  it('firms by brand and trade in a list of visits, the verb after the last one left out', () => {
    assert.deepEqual(found('县长一行先后前往青禾鞋业、白鹭米业、海鸥科技产业园、金穗食品调研。', stageIndustryCompanies), ['company:青禾鞋业', 'company:白鹭米业', 'company:金穗食品']);
  });
  it('…and in a list that ends in a count of firms', () => {
    assert.deepEqual(found('与青禾集团、白鹭环保等6家企业负责人座谈。', stageIndustryCompanies), ['company:白鹭环保']);
  });
  it('a list that counts its firms without 等 (…、佳美钢结构9家重点企业): every item a firm, a known brand with its trade whole, a city\'s works', () => {
    const text = '先后到沃尔德电缆、骥驰拖拉机、中恒热电、佳能热电、龙军米业、三和亚麻、佳木斯市水泥厂、华强迪奥、佳美钢结构9家重点企业，调研指导。';
    const firms = tag(text).filter((x) => x.type === 'company').map((x) => x.text);
    assert.deepEqual(firms, ['沃尔德电缆', '骥驰拖拉机', '中恒热电', '佳能热电', '龙军米业', '三和亚麻', '佳木斯市水泥厂', '华强迪奥', '佳美钢结构']);
    // 等 before the count stays out of the last firm
    assert.ok(found('考察了丰弛鞋业、希润米业、先河环保等6家企业。', stageIndustryCompanies).includes('company:先河环保'));
  });
  it('industries listed as industries, a place with a trade, and lists without visits or firms are no companies', () => {
    assert.deepEqual(found('重点发展电子信息、生物医药、新材料等产业。', stageIndustryCompanies), []);
    assert.deepEqual(found('走访了湖北汽车、深圳科技等企业。', stageIndustryCompanies), []);
    assert.deepEqual(found('他喜欢青禾鞋业、白鹭米业的产品。', stageIndustryCompanies), []);
  });
});
