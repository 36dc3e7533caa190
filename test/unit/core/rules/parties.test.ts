import { strict as assert } from 'node:assert';
import { stageParties } from '../../../../src/core/rules/parties';
import { recognizeRich } from '../../../../src/core/recognize';
import { found } from './runStage';

describe('rules/parties', () => {
  it('a party with its congress is one government span', () => {
    assert.deepEqual(found('中国致公党第十一次全国代表大会隆重召开。', stageParties), ['government:中国致公党第十一次全国代表大会']);
  });
  it('a short form at a boundary, and a bare congress', () => {
    assert.deepEqual(found('民革中央和中共十五大', stageParties), ['government:民革中央', 'government:中共十五大']);
  });
  it('short forms inside ordinary words are no parties', () => {
    assert.deepEqual(found('居民进入小区，人民建设家园。', stageParties), []);
  });
  it("a region's committee written with the party's name is one body (中共黄石市委, 中共广西壮族自治区党委); the party alone stays", () => {
    assert.deepEqual(found('中共黄石市委召开会议，中共广西壮族自治区党委发出通知，中共十五大召开。', stageParties), ['government:中共黄石市委', 'government:中共广西壮族自治区党委', 'government:中共十五大']);
    const p = recognizeRich('中共滨州市委书记周立平一行到访。').find((s) => s.type === 'person');
    assert.equal(p?.chain?.region, '滨州');
  });
});

