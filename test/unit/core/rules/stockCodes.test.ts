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
  it('not a year in brackets, not a word that only refers to a company', () => {
    assert.deepEqual(found('营收(2023)增长，公司(8156)公布，本公司（600519）称。', stageStockCodes), []);
  });
  it('the name stands whole over the model\'s shorter reading', () => {
    assert.ok(tag('國藥科技(8156)公布,公司與珠海華發集團簽訂戰略合作框架協議。').some((s) => s.type === 'company' && s.text === '國藥科技'));
  });
});
