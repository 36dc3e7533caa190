import { strict as assert } from 'node:assert';
import { lexicons, lookupPlace } from '../../../../src/core/lexicon';
import { lookupRegion } from '../../../../src/core/lexicon/regionNames';
import { findRegions } from '../../../../src/core/analysis/sections';

describe('lexicon/places', () => {
  it('a two-character county is looked up by name (萧县, 泗县) but never matched in text (代县 of 代县长)', () => {
    assert.equal(lookupPlace('萧县')?.parents[0], '宿州');
    assert.equal(lookupRegion('泗县')?.name, '泗县');
    assert.equal(lexicons().places.longest('代县长李明', 0), undefined);
    // 城区, 郊区, 和县 are everyday words: not even looked up
    assert.equal(lookupPlace('和县'), undefined);
    assert.equal(lookupPlace('郊区'), undefined);
  });
  it("a two-character county's line opens its section among its siblings'", () => {
    const t = '安徽多地发布停课通知！\n亳州市\n全市停课。\n蕭縣\n全县停课。\n太和縣\n全县停课。';
    // (the headline led by 安徽 right before them opens the part they subdivide: sections.ts)
    assert.deepEqual(findRegions(t).map((r) => r.name), ['安徽', '亳州', '萧县', '太和县']);
  });
});
