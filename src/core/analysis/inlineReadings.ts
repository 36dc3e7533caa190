/**
 * Pronunciations some mirror sites print inside the text, after characters (鎮(zhèn), 統(tǒng),
 * 內(nèi)蒙古): page noise that cuts every name, post and body it falls in. analyze() reads such a text
 * without them and maps every offset of its answer back to the text as written (mentions keep the
 * text as written; entities' names are read without the readings). Only where the page is such a
 * mirror: several readings with tone marks; a lone "(app)" after a Chinese word is left alone.
 */

/** A reading after a Han character: lower-case pinyin, with or without a tone mark, in brackets. */
const READING = /(?<=[\u3400-\u9fff])[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùüǖǘǚǜńňǹḿ]{1,7}[)）]/g;
/** A tone-marked vowel: what makes a bracketed word a pronunciation rather than a word. */
const TONE = /[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]/;
/** Fewest tone-marked readings that make a page a mirror with readings. */
const MIN_READINGS = 3;

/** The text without its inline readings and, per code unit of it (and one past its end), the offset in the text as written. */
export interface StrippedReadings {
  text: string;
  toOriginal: Int32Array;
}

/** The text's inline readings removed, or undefined when it has none to remove (the usual case). */
export function stripReadings(text: string): StrippedReadings | undefined {
  if (text.indexOf('(') < 0 && text.indexOf('（') < 0) return undefined;
  READING.lastIndex = 0;
  const found: [number, number][] = [];
  let toned = 0;
  for (let m = READING.exec(text); m; m = READING.exec(text)) {
    found.push([m.index, m.index + m[0].length]);
    if (TONE.test(m[0])) toned++;
  }
  if (toned < MIN_READINGS) return undefined;
  const parts: string[] = [];
  const toOriginal = new Int32Array(text.length - found.reduce((n, [a, b]) => n + b - a, 0) + 1);
  let from = 0;
  let k = 0;
  for (const [a, b] of found) {
    parts.push(text.slice(from, a));
    for (let i = from; i < a; i++) toOriginal[k++] = i;
    from = b;
  }
  parts.push(text.slice(from));
  for (let i = from; i < text.length; i++) toOriginal[k++] = i;
  toOriginal[k] = text.length;
  return { text: parts.join(''), toOriginal };
}

/** The readings' pattern, for scorers that compare names as written with names as read. */
export function withoutReadings(s: string): string {
  return s.replace(READING, '');
}
