/**
 * Function words (verbs, pronouns, prepositions, conjunctions, particles, time words:
 * functionWords.data.ts, from jieba's dictionary) as word-boundary evidence for names. Built on
 * first use; every test walks the characters of a short range once, allocation-free.
 */
import { Trie } from '../trie';
import { FUNCTION_WORDS_DATA } from './functionWords.data';

let trie: Trie<number> | undefined;
function words(): Trie<number> {
  if (!trie) {
    const t = new Trie<number>();
    for (const w of FUNCTION_WORDS_DATA.split('|')) if (w) t.set(w, w.length);
    trie = t;
  }
  return trie;
}

/**
 * True when s[a, b) holds a function word of two or more characters (邀请, 我们, 目前: a walk back
 * ran over a clause's words), or is exactly one function character (应, 在). One character alone
 * inside a longer range proves nothing: 中, 安, 联, 通 are name characters as often.
 */
export function hasFunctionWord(s: string, a: number, b: number): boolean {
  if (b <= a) return false;
  const t = words();
  if (b - a === 1) return t.getIn(s, a, b) !== undefined;
  for (let k = a; k < b - 1; k++) {
    if (t.first[s.charCodeAt(k)] === 0) continue;
    const e = t.longestEnd(s, k, b);
    if (e > k + 1) return true;
  }
  return false;
}

/**
 * True when s[a, b) is made only of function words read greedily from the left, one of them of two
 * or more characters (深入, 要深入, 我们这些): such a stem before 集团 or 公司 names no company.
 * Single function characters alone (联通: 联 + 通, 安达) or after it (包含 + 交 + 通) do not count.
 */
export function onlyFunctionWords(s: string, a: number, b: number): boolean {
  if (b - a < 2) return false;
  const t = words();
  let k = a;
  let long = false;
  while (k < b) {
    if (t.first[s.charCodeAt(k)] === 0) return false;
    const e = t.longestEnd(s, k, b);
    if (e < 0) return false;
    if (e >= k + 2) long = true;
    // single characters only before the first longer word (要深入; not 包含 + 交 + 通)
    else if (long) return false;
    k = e;
  }
  return long;
}

/** The character at k is a function word by itself (但, 在, 要). */
export function isFunctionChar(s: string, k: number): boolean {
  return words().getIn(s, k, k + 1) !== undefined;
}

/** End of the longest function word of two or more characters at k (ending by `limit`), or -1. */
export function functionWordEnd(s: string, k: number, limit: number): number {
  const t = words();
  if (t.first[s.charCodeAt(k)] === 0) return -1;
  const e = t.longestEnd(s, k, limit);
  return e >= k + 2 ? e : -1;
}
