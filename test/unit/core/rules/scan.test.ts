import { strict as assert } from 'node:assert';
import { occurrences } from '../../../../src/core/rules/scan';

/** The plain definition: every start of every word, sorted, each once. */
function naive(s: string, words: string[]): number[] {
  const out = new Set<number>();
  for (const w of words) if (w) for (let p = 0; p + w.length <= s.length; p++) if (s.startsWith(w, p)) out.add(p);
  return [...out].sort((a, b) => a - b);
}

describe('rules/scan occurrences', () => {
  it('finds overlapping and nested words once per start, in order', () => {
    assert.deepEqual(occurrences('王小明和王小明的王小', ['王小明', '王小', '小明', '']), [0, 1, 4, 5, 8]);
    assert.deepEqual(occurrences('', ['王']), []);
    assert.deepEqual(occurrences('无', []), []);
  });
  it('gives the same answer by indexOf on a short text and by one trie walk on a long one', () => {
    // many words over a long text take the trie walk (words × length past its limit)
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) % n);
    const alphabet = '王李张明华市委书记长会见';
    let s = '';
    for (let k = 0; k < 60_000; k++) s += alphabet[rand(alphabet.length)];
    const words: string[] = [];
    for (let k = 0; k < 300; k++) {
      let w = '';
      for (let j = 1 + rand(4); j > 0; j--) w += alphabet[rand(alphabet.length)];
      words.push(w);
    }
    const short = s.slice(0, 2000);
    assert.deepEqual(occurrences(short, words.slice(0, 5)), naive(short, words.slice(0, 5)));
    assert.deepEqual(occurrences(s, words), naive(s, words));
  });
});
