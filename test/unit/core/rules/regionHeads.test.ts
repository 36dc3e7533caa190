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
  it("Taiwan's 縣府 and 市府 are bodies; a street named after one is not (市府路)", () => {
    assert.deepEqual(found('開工日，縣府在中庭舉辦團拜。', stageGovRegionHeads), ['government:縣府']);
    assert.deepEqual(found('地點在市府路。', stageGovRegionHeads), []);
  });
  it("the party's name before a region's committee is the committee's (中共黄石市委); a bare body after a verb is its object (召开省政府常务会议)", () => {
    assert.deepEqual(found('由中共黄石市委、黄石市政府主办。', stageGovRegionHeads), ['government:中共黄石市委', 'government:黄石市政府']);
    assert.deepEqual(found('李小鹏主持召开省政府常务会议。', stageGovRegionHeads), ['government:省政府']);
  });
});
