import { strict as assert } from 'node:assert';
import { stageVenues } from '../../../../src/core/rules/venues';
import { found, runStages } from './runStage';

describe('rules/venues', () => {
  it('a strong suffix alone, a weak one after a motion verb', () => {
    assert.deepEqual(found('在国家体育场举行，随后来到万达广场。', stageVenues), ['place:国家体育场', 'place:万达广场']);
  });
  it('a venue written with its region lies in it', () => {
    const [sp] = runStages('推进香港北部都会区建设', stageVenues);
    assert.equal(sp?.text, '香港北部都会区');
    assert.equal(sp?.within, '香港');
  });
  it('a weak suffix without a motion verb is no venue', () => {
    assert.deepEqual(found('服务中心的工作人员', stageVenues), []);
  });
});
