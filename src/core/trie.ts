/**
 * A character trie over UTF-16 code units; values live on terminal nodes.
 *
 * Flat layout for speed on long texts: node 0 is the root; the root's children are found by a
 * direct 64 K-entry table, deeper edges in one open-addressing hash table keyed by
 * (node, code unit), all in typed arrays. A lookup at a position that starts no key costs one
 * typed-array read and allocates nothing.
 */
/** Bits of Trie.first. */
const FIRST = 1;
const SINGLE = 2;

/** log2 of the bits in Trie.pairs. */
const PAIR_BITS = 18;

export class Trie<V> {
  size = 0;
  /** Length of the longest key. */
  maxLen = 0;
  /**
   * First code units of all keys: non-zero where some key starts with it (FIRST), with SINGLE
   * set too where a one-code-unit key exists (one table, so a pre-test reads one cache line).
   */
  readonly first = new Uint8Array(65536);
  /**
   * Hashed bit set of the first two code units of longer keys (false positives only). 2^18 bits:
   * 32 KB, read at most positions of a text; the largest trie (~8000 pairs) walks ~15% more
   * often than with 2^20 bits, but the set stays in cache next to the model's data.
   */
  private pairs = new Int32Array(1 << (PAIR_BITS - 5));
  /** Root child node per code unit (0 = none). */
  private rootNext = new Int32Array(65536);
  /** Edge hash table: parent node, code unit, child node (child 0 = empty slot). */
  private eParent = new Int32Array(64);
  private eCode = new Uint16Array(64);
  private eChild = new Int32Array(64);
  private eMask = 63;
  private eCount = 0;
  private nodeCount = 1;
  private values: (V | undefined)[] = [undefined];
  private keyList: string[] = [];

  /** All keys, in insertion order. */
  keys(): readonly string[] {
    return this.keyList;
  }

  private static pairBit(c0: number, c1: number): number {
    return (Math.imul(c0, 0x2c1b3c6d) ^ Math.imul(c1, 0x297a2d39)) >>> (32 - PAIR_BITS);
  }

  /**
   * False when no key can start at `start`: cheaper than a walk for the many positions where
   * the first code unit starts a key but the first two do not.
   */
  private mayStart(text: string, start: number, limit: number): boolean {
    const c0 = text.charCodeAt(start);
    const f = this.first[c0];
    if (f === 0) return false;
    if ((f & SINGLE) !== 0) return true;
    if (start + 1 >= limit) return false;
    const b = Trie.pairBit(c0, text.charCodeAt(start + 1));
    return (this.pairs[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  private static hash(node: number, code: number): number {
    return (Math.imul(node, 0x9e3779b1) ^ Math.imul(code, 0x85ebca6b)) >>> 0;
  }

  /** Child of `node` by code unit `c`, or 0. */
  private child(node: number, c: number): number {
    if (node === 0) return this.rootNext[c] | 0;
    const mask = this.eMask;
    const eChild = this.eChild;
    let h = Trie.hash(node, c) & mask;
    for (;;) {
      const ch = eChild[h];
      if (ch === 0) return 0;
      if (this.eParent[h] === node && this.eCode[h] === c) return ch;
      h = (h + 1) & mask;
    }
  }

  private grow(): void {
    const oldP = this.eParent;
    const oldC = this.eCode;
    const oldN = this.eChild;
    const size = oldN.length * 2;
    this.eParent = new Int32Array(size);
    this.eCode = new Uint16Array(size);
    this.eChild = new Int32Array(size);
    this.eMask = size - 1;
    for (let i = 0; i < oldN.length; i++) if (oldN[i] !== 0) this.insertEdge(oldP[i], oldC[i], oldN[i]);
  }

  private insertEdge(node: number, c: number, childNode: number): void {
    const mask = this.eMask;
    let h = Trie.hash(node, c) & mask;
    while (this.eChild[h] !== 0) h = (h + 1) & mask;
    this.eParent[h] = node;
    this.eCode[h] = c;
    this.eChild[h] = childNode;
  }

  set(key: string, value: V): void {
    if (!key) return;
    if (key.length === 1) this.first[key.charCodeAt(0)] |= FIRST | SINGLE;
    else {
      this.first[key.charCodeAt(0)] |= FIRST;
      const b = Trie.pairBit(key.charCodeAt(0), key.charCodeAt(1));
      this.pairs[b >>> 5] |= 1 << (b & 31);
    }
    if (key.length > this.maxLen) this.maxLen = key.length;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let n = this.child(node, c);
      if (n === 0) {
        n = this.nodeCount++;
        this.values.push(undefined);
        if (node === 0) this.rootNext[c] = n;
        else {
          if ((this.eCount + 1) * 2 > this.eChild.length) this.grow();
          this.insertEdge(node, c, n);
          this.eCount++;
        }
      }
      node = n;
    }
    if (this.values[node] === undefined) {
      this.size++;
      this.keyList.push(key);
    }
    this.values[node] = value;
  }

  get(key: string): V | undefined {
    if (!key) return undefined;
    let node = 0;
    for (let i = 0; i < key.length; i++) {
      node = this.child(node, key.charCodeAt(i));
      if (node === 0) return undefined;
    }
    return this.values[node];
  }

  /** Value of the key equal to text[start, end) (same as get(text.slice(start, end)), without the copy). */
  getIn(text: string, start: number, end: number): V | undefined {
    if (start >= end || this.first[text.charCodeAt(start)] === 0) return undefined;
    let node = 0;
    for (let i = start; i < end; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) return undefined;
    }
    return this.values[node];
  }

  /**
   * Keys starting at `start`, written into `ends` (end offsets) and `vals`, shortest first;
   * returns how many. Same keys as prefixes(), without allocating, when ends.length >= maxLen.
   */
  prefixesInto(text: string, start: number, ends: Int32Array, vals: V[], limit = text.length): number {
    if (start >= limit || !this.mayStart(text, start, limit)) return 0;
    let k = 0;
    let node = 0;
    for (let i = start; i < limit && k < ends.length; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      const v = this.values[node];
      if (v !== undefined) {
        ends[k] = i + 1;
        vals[k] = v;
        k++;
      }
    }
    return k;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** True when some key starts with the code unit at `start`. */
  startsAt(text: string, start: number): boolean {
    return this.first[text.charCodeAt(start)] !== 0;
  }

  /** Every key that starts at `start` in `text`, shortest first, as [end, value]. */
  prefixes(text: string, start: number, limit = text.length): Array<[number, V]> {
    const out: Array<[number, V]> = [];
    if (start >= limit || !this.mayStart(text, start, limit)) return out;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      const v = this.values[node];
      if (v !== undefined) out.push([i + 1, v]);
    }
    return out;
  }

  /**
   * For a trie whose values are bit masks: the OR of the values of every key starting at `start`
   * (0 when none). One walk answers "does a key of set k start here" for all sets at once.
   */
  maskAt(text: string, start: number, limit = text.length): number {
    if (start >= limit || !this.mayStart(text, start, limit)) return 0;
    let acc = 0;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      const v = this.values[node];
      if (v !== undefined) acc |= v as unknown as number;
    }
    return acc;
  }

  /** True when some key has exactly one code unit, `c`. */
  hasSingle(c: number): boolean {
    return (this.first[c] & SINGLE) !== 0;
  }

  /** False when no key longer than one code unit starts with c0, c1 (a cheap pre-test for a walk). */
  pairMayStart(c0: number, c1: number): boolean {
    const b = Trie.pairBit(c0, c1);
    return (this.pairs[b >>> 5] & (1 << (b & 31))) !== 0;
  }

  /** pairMayStart as 1 or 0, for callers that combine it with other bits without a branch. */
  pairMayStartBit(c0: number, c1: number): number {
    const b = Trie.pairBit(c0, c1);
    return (this.pairs[b >>> 5] >>> (b & 31)) & 1;
  }

  /**
   * For a trie whose values are bit masks: like maskAt (returns the OR of the values of every key
   * starting at `start`), and also writes into ends[b], for each bit b < ends.length that is set in
   * the result, the end of the longest key whose value has bit b (other entries are left as they
   * were). One walk answers "longest key of set b here" for several sets merged into one trie.
   * No pre-test: callers that walk at many positions test first, singles and pairs themselves.
   */
  masksAndEnds(text: string, start: number, ends: Int32Array, limit = text.length): number {
    const nb = ends.length;
    let acc = 0;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      const v = this.values[node] as unknown as number | undefined;
      if (v === undefined) continue;
      acc |= v;
      for (let b = 0, bits = v; b < nb && bits !== 0; b++, bits >>>= 1) if (bits & 1) ends[b] = i + 1;
    }
    return acc;
  }

  /** End offset of the longest key starting at `start`, or -1 (allocates nothing). */
  longestEnd(text: string, start: number, limit = text.length): number {
    if (start >= limit || !this.mayStart(text, start, limit)) return -1;
    let best = -1;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      if (this.values[node] !== undefined) best = i + 1;
    }
    return best;
  }

  /** The longest key starting at `start`, or undefined. */
  longest(text: string, start: number, limit = text.length): [number, V] | undefined {
    if (start >= limit || !this.mayStart(text, start, limit)) return undefined;
    let best = -1;
    let bestNode = 0;
    let node = 0;
    for (let i = start; i < limit; i++) {
      node = this.child(node, text.charCodeAt(i));
      if (node === 0) break;
      if (this.values[node] !== undefined) {
        best = i + 1;
        bestNode = node;
      }
    }
    return best < 0 ? undefined : [best, this.values[bestNode] as V];
  }
}
