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
  it('numbers that are no dates stay free', () => {
    assert.deepEqual(found('增长了12个百分点，营收3.5亿元。', stageDates), []);
  });
});
