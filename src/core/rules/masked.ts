/**
 * Ranges no recognizer may look into: URLs, Markdown link targets, inline code. The rules treat them
 * as claimed; the merge drops model spans inside them.
 */
import * as contextModule from './context';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { MAX_TEXT_FOR_RULES } = contextModule;

function regexAll(re: RegExp, s: string, fn: (m: RegExpExecArray) => void): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    fn(m);
  }
}

const LINK_TARGET_RE = /\]\([^)]{0,600}\)|<https?:[^>\s]{1,600}>|https?:\/\/[^\s)）\]】"'<>]{1,600}|`[^`\n]{0,400}`/g;

/** Ranges the recognizers must not look into: URLs, Markdown link targets, inline code. */
export function maskedRanges(text: string): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  if (text.length > MAX_TEXT_FOR_RULES) text = text.slice(0, MAX_TEXT_FOR_RULES);
  // every match contains "](", "http" or a backtick: most news texts have none (three native scans
  // instead of the regex trying its alternatives at every position)
  if (text.indexOf('](') < 0 && text.indexOf('http') < 0 && text.indexOf('`') < 0) return out;
  regexAll(LINK_TARGET_RE, text, (m) => out.push([m.index, m.index + m[0].length]));
  return out;
}

/** The masked ranges recognizeRich computed last, for recognize() on the same text. */
let lastMasked: { text: string; ranges: Array<[number, number]> } | undefined;

/** maskedRanges(text), remembered for maskedRangesOf (the rules compute them first, the merge reuses them). */
export function rememberMaskedRanges(text: string): Array<[number, number]> {
  lastMasked = undefined;
  const ranges = maskedRanges(text);
  lastMasked = { text, ranges };
  return ranges;
}

/** The masked ranges of `text`: the remembered ones when the rules just computed them for it. */
export function maskedRangesOf(text: string): Array<[number, number]> {
  return lastMasked && lastMasked.text === text ? lastMasked.ranges : maskedRanges(text);
}
