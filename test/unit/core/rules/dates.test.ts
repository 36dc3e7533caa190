import { strict as assert } from 'node:assert';
import { stageDates } from '../../../../src/core/rules/dates';
import { found } from './runStage';

describe('rules/dates', () => {
  it('a full date with a day part and a clock time is one span', () => {
    assert.deepEqual(found('1998年1月5日上午10时，代表团抵达。', stageDates), ['date:1998年1月5日上午10时']);
  });
  it('relative dates, full-width digits and ISO dates', () => {
    assert.deepEqual(found('今天下午举行会谈，１月５日电，2024-05-01 09:30发布。', stageDates), ['date:今天下午', 'date:１月５日', 'date:2024-05-01 09:30']);
  });
  it("a day word glued into a paper's name is no date (光明日报), before a verb of reporting it is (近日报道)", () => {
    assert.deepEqual(found('人民日报、光明日报和湖北日报', stageDates), []);
    assert.deepEqual(found('记者近日报道，今日报名截止。', stageDates), ['date:近日', 'date:今日']);
  });
  it('numbers that are no dates stay free', () => {
    assert.deepEqual(found('增长了12个百分点，营收3.5亿元。', stageDates), []);
  });
});
