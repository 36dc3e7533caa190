import { strict as assert } from 'node:assert';
import { stageGovRegionHeads } from '../../../../src/core/rules/regionHeads';
import { found } from './runStage';

describe('rules/regionHeads', () => {
  it("a region's committee and government", () => {
    assert.deepEqual(found('北京市委召开会议，广东省政府发布通知。', stageGovRegionHeads), ['government:北京市委', 'government:广东省政府']);
  });
  it('a head with no region before it is left alone', () => {
    assert.deepEqual(found('市委召开会议', stageGovRegionHeads), []);
  });
});
