/** A character trie over UTF-16 code units; values live on terminal nodes. */
export interface TrieNode<V> {
  next: Map<number, TrieNode<V>>;
  value?: V;
}

export class Trie<V> {
  readonly root: TrieNode<V> = { next: new Map() };
  size = 0;

  set(key: string, value: V): void {
    if (!key) return;
    let node = this.root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let n = node.next.get(c);
      if (!n) {
        n = { next: new Map() };
        node.next.set(c, n);
      }
      node = n;
    }
    if (node.value === undefined) this.size++;
    node.value = value;
  }

  get(key: string): V | undefined {
    let node: TrieNode<V> | undefined = this.root;
    for (let i = 0; i < key.length && node; i++) node = node.next.get(key.charCodeAt(i));
    return node?.value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Every key that starts at `start` in `text`, shortest first, as [end, value]. */
  prefixes(text: string, start: number, limit = text.length): Array<[number, V]> {
    const out: Array<[number, V]> = [];
    let node: TrieNode<V> | undefined = this.root;
    for (let i = start; i < limit; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined) out.push([i + 1, node.value]);
    }
    return out;
  }

  /** The longest key starting at `start`, or undefined. */
  longest(text: string, start: number, limit = text.length): [number, V] | undefined {
    let best: [number, V] | undefined;
    let node: TrieNode<V> | undefined = this.root;
    for (let i = start; i < limit; i++) {
      node = node.next.get(text.charCodeAt(i));
      if (!node) break;
      if (node.value !== undefined) best = [i + 1, node.value];
    }
    return best;
  }
}
