import { strict as assert } from 'node:assert';
import { functionWordEnd, hasFunctionWord, onlyFunctionWords } from '../../../../src/core/lexicon/functionWords';

describe('lexicon/functionWords (jieba verbs, pronouns, particles…)', () => {
  it('finds clause words and leaves name words alone', () => {
    const s = '邀请我们温州威力';
    assert.equal(hasFunctionWord(s, 0, 2), true); // 邀请
    assert.equal(hasFunctionWord(s, 2, 4), true); // 我们
    assert.equal(hasFunctionWord(s, 4, 8), false); // 温州威力
    assert.equal(hasFunctionWord('应', 0, 1), true, 'one function character alone');
    assert.equal(hasFunctionWord('中通', 0, 2), false, 'single characters inside a longer range prove nothing');
  });
  it('reads a stem made only of function words', () => {
    assert.equal(onlyFunctionWords('深入', 0, 2), true);
    assert.equal(onlyFunctionWords('要深入', 0, 3), true);
    assert.equal(onlyFunctionWords('深入青禾', 0, 4), false);
    assert.equal(onlyFunctionWords('安达', 0, 2), false);
  });
  it('gives the end of the longest word of two or more characters', () => {
    assert.equal(functionWordEnd('如果青禾', 0, 4), 2);
    assert.equal(functionWordEnd('青禾', 0, 2), -1);
  });
});
