/**
 * Length-preserving normalisation for matching: every UTF-16 code unit maps to exactly one code
 * unit, so offsets found in the normalised text are offsets into the original.
 *  - full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ) → half-width; ideographic space → space
 *  - traditional → simplified characters, one character at a time (lexicon/tradSimp.data.ts:
 *    opencc-js's t → cn conversion of each character, where it gives one code unit)
 */
import { TRAD_SIMP_PAIRS } from './lexicon/tradSimp.data';

/**
 * The normalised code unit of every code unit: one table read tells whether a code unit changes,
 * so the scans below test one rarely-true condition per code unit instead of a chain of range tests.
 */
const codeTable = (() => {
  const t = new Uint16Array(65536);
  for (let c = 0; c < 65536; c++) {
    // keep full-width punctuation the rules look for (，：（）etc.); map digits and letters
    if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) t[c] = c - 0xfee0;
    else if (c === 0x3000) t[c] = 0x20;
    // slashes papers set between a reporter and the place (记者甲∕台中报导): the plain one
    else if (c === 0x2215 || c === 0x2044 || c === 0x29f8) t[c] = 0x2f;
    else t[c] = c;
  }
  for (let i = 0; i + 1 < TRAD_SIMP_PAIRS.length; i += 2) t[TRAD_SIMP_PAIRS.charCodeAt(i)] = TRAD_SIMP_PAIRS.charCodeAt(i + 1);
  return t;
})();

function mapCode(c: number): number {
  return codeTable[c];
}

/** Returns a string of the same length as `text`, suitable for rule matching. */
export function normalizeForMatching(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  // the rules, the merge and the list checks each normalise the same document: the last long
  // text's result is kept (a pure function of the text, so the same string comes back)
  if (n >= MEMO_MIN && text === memoText) return memoOut;
  const out = normalizeText(text, n);
  if (n >= MEMO_MIN) {
    memoText = text;
    memoOut = out;
  }
  return out;
}
/** Texts this long or longer are remembered (one, the last): short ones are words and names. */
const MEMO_MIN = 256;
let memoText = '';
let memoOut = '';

function normalizeText(text: string, n: number): string {
  // most texts are already simplified and half-width: find the first code unit that changes
  let i = 0;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    if (codeTable[c] !== c) break;
  }
  if (i === n) return text;
  // usually only a few code units change (full-width digits, the odd traditional character): copy
  // the runs between them as slices; many changes go through one code-unit array instead
  let out = '';
  let from = 0;
  let changes = 0;
  for (let k = i; k < n; k++) {
    const c = text.charCodeAt(k);
    if (codeTable[c] === c) continue;
    const m = mapCode(c);
    if (m === c) continue;
    if (++changes > SPARSE_CHANGES) return normalizeDense(text, i);
    out += text.slice(from, k) + String.fromCharCode(m);
    from = k + 1;
  }
  return out + text.slice(from);
}

/** Above this many changed code units a text is rebuilt from a code-unit array. */
const SPARSE_CHANGES = 32;

/** normalizeForMatching for a text whose first changed code unit is at i. */
function normalizeDense(text: string, i: number): string {
  const n = text.length;
  const codes = new Uint16Array(n);
  for (let k = 0; k < i; k++) codes[k] = text.charCodeAt(k);
  for (; i < n; i++) codes[i] = mapCode(text.charCodeAt(i));
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < n; k += CHUNK) out += String.fromCharCode.apply(null, codes.subarray(k, k + CHUNK) as unknown as number[]);
  return out;
}
