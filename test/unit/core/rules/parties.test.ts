import { strict as assert } from 'node:assert';
import { stageParties } from '../../../../src/core/rules/parties';
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
});
