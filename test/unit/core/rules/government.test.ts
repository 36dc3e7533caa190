import { strict as assert } from 'node:assert';
import { stageGov } from '../../../../src/core/rules/government';
import { found } from './runStage';

describe('rules/government', () => {
  it('a region with a department, a committee department and a fixed name', () => {
    assert.deepEqual(found('北京市商务局、市委宣传部和国务院有关部门。', stageGov), ['government:北京市商务局', 'government:市委宣传部', 'government:国务院']);
  });
  it('a long suffix with its stem', () => {
    assert.deepEqual(found('来到北京商务中心区管委会调研', stageGov), ['government:北京商务中心区管委会']);
  });
  it('部 glued to 队 or 门 is another word', () => {
    assert.deepEqual(found('公安部门和部队', stageGov), []);
  });
});

describe('rules/government: offices written with their region', () => {
  it('a one-character 办 office after a region with its level (海南省台办)', () => {
    assert.deepEqual(found('青州市侨办和海南省台办', stageGov), ['government:青州市侨办', 'government:海南省台办']);
  });
});
