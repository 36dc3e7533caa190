import { strict as assert } from 'node:assert';
import { stageStockCodes } from '../../../../src/core/rules/stockCodes';
import { found } from './runStage';
import { tag } from '../../../../src/core';

describe('rules/stockCodes', () => {
  it('a name before a stock code in brackets is a listed company: mainland, Hong Kong, with a code label', () => {
    assert.deepEqual(found('國藥科技(8156)公布，贵州茅台（600519.SH）发布年报，据宁德时代（股票代码：300750）公告。', stageStockCodes), [
      'company:國藥科技',
      'company:贵州茅台',
      'company:宁德时代',
    ]);
  });
  it("a filing header's short name by its label (证券简称：广东明珠 证券代码：600382)", () => {
    assert.deepEqual(found('证券简称:广东明珠 证券代码:600382 编号:临2011-013', stageStockCodes), ['company:广东明珠']);
    assert.deepEqual(found('证券代码：002377 证券简称：国创高新 公告编号：2024-41', stageStockCodes), ['company:国创高新']);
    assert.deepEqual(found('股票简称：公司', stageStockCodes), []);
    // the model's reading across the space is no company either
    assert.ok(tag('证券简称:广东明珠 证券代码:600382').some((s) => s.type === 'company' && s.text === '广东明珠'));
  });
  it('a legal name the companies stage read before its code is listed: it stands though the model does not know it', () => {
    assert.ok(tag('智通财经APP获悉,正乾金融控股(01152)复牌暴涨近250%,截至发稿').some((s) => s.type === 'company' && s.text === '正乾金融控股'));
  });
  it('not a year in brackets, not a word that only refers to a company', () => {
    assert.deepEqual(found('营收(2023)增长，公司(8156)公布，本公司（600519）称。', stageStockCodes), []);
  });
  it('the name stands whole over the model\'s shorter reading', () => {
    assert.ok(tag('國藥科技(8156)公布,公司與珠海華發集團簽訂戰略合作框架協議。').some((s) => s.type === 'company' && s.text === '國藥科技'));
  });
});
