import { strict as assert } from 'node:assert';
import { analyze } from '../../../../src/core';

/** name → [role, region, title as stated] of the article's people. */
function people(text: string): Record<string, [string | undefined, string | undefined, string | undefined]> {
  const out: Record<string, [string | undefined, string | undefined, string | undefined]> = {};
  for (const e of analyze(text).entities) if (e.type === 'person') out[e.name] = [e.role, e.region, e.titles[0]?.inText];
  return out;
}

describe('analysis/profiles: a profile\'s current posts are its subject\'s', () => {
  it('an appointment notice: the opening name holds the post after 现任', () => {
    const p = people('周立平，男，汉族，1970年5月生，中共党员，大学学历，现任周宁县委常委、副县长。');
    assert.deepEqual(p['周立平'], ['official', '周宁县', '周宁县委常委、副县长']);
  });
  it('posts joined as written, the local one naming the region; former posts are left alone', () => {
    const p = people('钱东平1965年生于山东临沂，之前担任包头市委书记，现在是中央委员，广东省委副书记，深圳市委书记。');
    assert.deepEqual(p['钱东平'], ['official', '深圳', '中央委员，广东省委副书记，深圳市委书记']);
  });
  it('a post held concurrently does not name the region (…广州市委书记兼任广东省政协主席)', () => {
    const p = people('钱东平1966年生于湖北仙桃，现在是中央候补委员，广州市委书记兼任广东省政协主席。');
    assert.equal(p['钱东平']?.[1], '广州');
  });
  it('a post followed by a name is that name\'s, and a name that does not open its line takes nothing', () => {
    const p = people('他说，周立平现任市长王东平的秘书。');
    assert.notEqual(p['周立平']?.[2], '市长');
    assert.equal(p['王东平']?.[2], '市长');
  });
});
