/**
 * Character classes the rule stages share: Han characters, characters of names, boundaries, and
 * 64 K-entry code-unit tables (one typed-array read per test in the hot loops).
 */

/** A Han character (CJK unified ideographs, extension A, compatibility ideographs). */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff);
}

/** A character a name can hold: Han, ASCII letters and digits, ·, & and -. */
export function isNameChar(c: number): boolean {
  return isHan(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39) || c === 0xb7 || c === 0x26 || c === 0x2d;
}

const PUNCT_RE = /[\s\p{P}\p{S}]/u;
/** Start or end of the text, whitespace, punctuation or a symbol. */
export function isBoundaryChar(ch: string | undefined): boolean {
  return ch === undefined || ch === '' || PUNCT_RE.test(ch);
}

/** An ASCII letter or digit. */
export function isAsciiAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A 64 K-entry membership table over UTF-16 code units. */
export function codeSet(chars: string): Uint8Array {
  const t = new Uint8Array(65536);
  for (let i = 0; i < chars.length; i++) t[chars.charCodeAt(i)] = 1;
  return t;
}

/** JS `\s`: WhiteSpace and LineTerminator code units. */
export const JS_SPACE = (() => {
  const t = codeSet('\t\n\v\f\r \u00a0\u1680\u2028\u2029\u202f\u205f\u3000\ufeff');
  for (let c = 0x2000; c <= 0x200a; c++) t[c] = 1;
  return t;
})();
