/**
 * Annotation style of a text: modern web news ('web', the style of CLUENER2020) or People's Daily
 * ('pd', the style of the MSRA / People's Daily corpora). The two corpora mark some of the same words
 * differently — 美国政府 is one government body in the first, a place and a common word in the second;
 * 中国 in 中国队 is a place only in the second — so the model carries a second set of weights for the
 * rows where the styles differ (training/train.ts, `domains`), and this detector chooses which set
 * labels a text.
 *
 * A linear classifier over hashed character unigrams and bigrams (digits folded together), trained on
 * the two corpora's training sentences (training/style.ts). Positive scores mean 'pd'. A whole text is
 * classified at once: a document gets one style.
 */

export type TextStyle = 'web' | 'pd';

/**
 * The hashed features of a text (bucket < 2^bits): every character unigram and bigram, the text's
 * start and end as characters of their own. Written into `out` (grown when short); returns the count.
 */
export function styleBuckets(text: string, bits: number, out: { buf: Int32Array }): number {
  const mask = (1 << bits) - 1;
  const n = text.length;
  if (out.buf.length < 2 * n + 1) out.buf = new Int32Array(2 * n + 64);
  const b = out.buf;
  let k = 0;
  let prev = 0x1f;
  for (let i = 0; i <= n; i++) {
    let c = i < n ? text.charCodeAt(i) : 0x1e;
    // all digits alike, ASCII and full-width each its own class
    if (c >= 0x30 && c <= 0x39) c = 0x30;
    else if (c >= 0xff10 && c <= 0xff19) c = 0xff10;
    if (i < n) b[k++] = (Math.imul(c, 0x9e3779b1) >>> 7) & mask;
    b[k++] = (Math.imul(prev * 65537 + c, 0x85ebca6b) >>> 7) & mask;
    prev = c;
  }
  return k;
}

const MAX_STYLE_CHARS = 50_000;

export class StyleDetector {
  /**
   * @param weights one int8 weight per bucket (2^bits of them), in units of `scale`
   * @param bias the score of an empty text, in the same units
   */
  constructor(
    readonly weights: Int8Array,
    readonly bits: number,
    readonly bias: number,
  ) {
    if (weights.length !== 1 << bits) throw new Error('style detector: weights do not match bits');
  }

  /**
   * Summed weights of the text's features (positive: 'pd'). A document's style shows in its first
   * pages, so at most the first MAX_STYLE_CHARS code units are read.
   */
  score(text: string): number {
    // styleBuckets' features summed as they are hashed (no buffer of buckets: a third of the time)
    const w = this.weights;
    const mask = (1 << this.bits) - 1;
    const n = Math.min(text.length, MAX_STYLE_CHARS);
    let s = this.bias;
    let prev = 0x1f;
    for (let i = 0; i < n; i++) {
      let c = text.charCodeAt(i);
      if (c >= 0x30 && c <= 0x39) c = 0x30;
      else if (c >= 0xff10 && c <= 0xff19) c = 0xff10;
      s += w[(Math.imul(c, 0x9e3779b1) >>> 7) & mask] + w[(Math.imul(prev * 65537 + c, 0x85ebca6b) >>> 7) & mask];
      prev = c;
    }
    // the end as a character of its own (0x1e)
    return s + w[(Math.imul(prev * 65537 + 0x1e, 0x85ebca6b) >>> 7) & mask];
  }

  styleOf(text: string): TextStyle {
    return this.score(text) > 0 ? 'pd' : 'web';
  }
}
