import { strict as assert } from 'node:assert';
import { nestPlaces } from '../../../../src/core/analysis/placeNesting';
import type { Entity } from '../../../../src/core/types';

const place = (name: string): Entity => ({ id: `place:${name}`, type: 'place', name, aliases: [], titles: [], sections: [], mentions: [] });

describe('analysis/placeNesting', () => {
  it('a place written with its region in front, and the short form, lie in that region', () => {
    const long = place('香港北部都会区');
    const short = place('北部都会区');
    nestPlaces([long, short]);
    assert.equal(long.within, '香港');
    assert.equal(short.within, '香港');
    assert.equal(short.region, '香港');
  });
  it('a lexicon place is left as it is', () => {
    const p = place('朝阳区');
    nestPlaces([p]);
    assert.equal(p.within, undefined);
  });
});
