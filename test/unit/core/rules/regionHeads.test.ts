import { strict as assert } from 'node:assert';
import { stageGovRegionHeads } from '../../../../src/core/rules/regionHeads';
import { found } from './runStage';

describe('rules/regionHeads', () => {
  it("a region's committee and government", () => {
    assert.deepEqual(found('北京市委召开会议，广东省政府发布通知。', stageGovRegionHeads), ['government:北京市委', 'government:广东省政府']);
  });
  it('a head written bare at a word start is the body of the region the reader knows', () => {
    assert.deepEqual(found('感谢省委、省政府和市政协的支持。', stageGovRegionHeads), ['government:省委', 'government:省政府', 'government:市政协']);
    assert.deepEqual(found('城市政府的职能', stageGovRegionHeads), []);
  });
});
