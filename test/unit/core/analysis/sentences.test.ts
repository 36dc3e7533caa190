import { strict as assert } from 'node:assert';
import { indexAt, splitSentences } from '../../../../src/core/analysis/sentences';

describe('analysis/sentences', () => {
  it('cuts after 。！？ with the closing quotes, and at line ends; blank lines are no sentences', () => {
    const text = '他说：“好。”然后离开！\n\n第二段？';
    assert.deepEqual(splitSentences(text).map((s) => text.slice(s.start, s.end)), ['他说：“好。”', '然后离开！', '第二段？']);
  });
  it('indexAt finds the item holding an offset, or the last one before it', () => {
    const items = [{ start: 0, end: 5 }, { start: 7, end: 9 }];
    assert.equal(indexAt(items, 3), 0);
    assert.equal(indexAt(items, 8), 1);
    assert.equal(indexAt(items, 6), 0);
  });
});
