import { strict as assert } from 'node:assert';
import { walkBack } from '../../../../src/core/rules/walkBack';

/** The name a backwards walk reads before `suffix` (its end) in `text`. */
function stem(text: string, suffix: string): string {
  const end = text.indexOf(suffix) + suffix.length;
  const { start } = walkBack(text, end, 30, new Uint8Array(text.length));
  return text.slice(start, end);
}

describe('rules/walkBack', () => {
  it('a region in brackets inside the name stays; a walk that ran out inside a bracket starts after its closing one', () => {
    assert.equal(stem('签约，青禾电子(苏州)有限公司', '有限公司'), '青禾电子(苏州)有限公司');
    assert.equal(stem('李家杰(左二,李兆基之子,平)香港青禾地产有限公司', '有限公司'), '香港青禾地产有限公司');
  });
  it('who brings or hosts a firm is no part of its name (黄远远携…, 受…)', () => {
    assert.equal(stem('黄远远携上海青禾实业集团有限公司来访', '有限公司'), '上海青禾实业集团有限公司');
    assert.equal(stem('蔡冠深受香港青禾集团', '集团'), '香港青禾集团');
  });
});
