/**
 * Length-preserving normalisation for matching: every UTF-16 code unit maps to exactly one code
 * unit, so offsets found in the normalised text are offsets into the original.
 *  - full-width ASCII (０-９, Ａ-Ｚ, ａ-ｚ) → half-width; ideographic space → space
 *  - traditional → simplified characters, one character at a time via opencc-js (t → cn); a
 *    conversion that would change the length is skipped for that character.
 */
// opencc-js is an ES module package with a UMD build for require(); load that build lazily.
type ConverterFactory = (o: { from: string; to: string }) => (s: string) => string;
function loadConverter(): ConverterFactory {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('opencc-js/t2cn') as { Converter: ConverterFactory }).Converter;
}

let t2s: ((s: string) => string) | undefined;
let t2sFailed = false;
const charCache = new Map<number, number>();

function convertChar(code: number): number {
  const cached = charCache.get(code);
  if (cached !== undefined) return cached;
  let out = code;
  if (!t2s && !t2sFailed) {
    try {
      t2s = loadConverter()({ from: 't', to: 'cn' });
    } catch {
      t2sFailed = true;
    }
  }
  if (t2s) {
    try {
      const r = t2s(String.fromCharCode(code));
      if (r.length === 1) out = r.charCodeAt(0);
    } catch {
      /* keep */
    }
  }
  charCache.set(code, out);
  return out;
}

/** Returns a string of the same length as `text`, suitable for rule matching. */
export function normalizeForMatching(text: string): string {
  const n = text.length;
  if (n === 0) return text;
  const codes = new Uint16Array(n);
  let changed = false;
  for (let i = 0; i < n; i++) {
    let c = text.charCodeAt(i);
    const o = c;
    if (c >= 0xff01 && c <= 0xff5e) {
      // keep full-width punctuation the rules look for (，：（）etc.); map digits and letters
      if ((c >= 0xff10 && c <= 0xff19) || (c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) c = c - 0xfee0;
    } else if (c === 0x3000) {
      c = 0x20;
    } else if (c >= 0x3400 && c <= 0x9fff) {
      c = convertChar(c);
    } else if (c >= 0xf900 && c <= 0xfaff) {
      c = convertChar(c);
    }
    if (c !== o) changed = true;
    codes[i] = c;
  }
  if (!changed) return text;
  let out = '';
  const CHUNK = 8192;
  for (let i = 0; i < n; i += CHUNK) out += String.fromCharCode.apply(null, Array.from(codes.subarray(i, i + CHUNK)));
  return out;
}
