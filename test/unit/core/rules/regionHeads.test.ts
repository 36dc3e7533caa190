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
  it("the party's name before a region's committee is the committee's (中共黄石市委); a bare body after a verb is its object (召开省政府常务会议)", () => {
    assert.deepEqual(found('由中共黄石市委、黄石市政府主办。', stageGovRegionHeads), ['government:中共黄石市委', 'government:黄石市政府']);
    assert.deepEqual(found('李小鹏主持召开省政府常务会议。', stageGovRegionHeads), ['government:省政府']);
  });
});
