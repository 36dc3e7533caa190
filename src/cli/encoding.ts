/**
 * Which text encoding a file is in, for the command line: UTF-8 (with or without BOM), UTF-16 with
 * BOM, GB18030 (GBK, GB2312) or Big5. GB18030 and Big5 are both double-byte encodings over much the
 * same bytes, so most Big5 files also decode as (meaningless) GB18030: the two readings are told
 * apart by how many of their characters are common Chinese characters (GB2312 level 1 and Big5
 * level 1, as this Node's own decoders map them). Anything else is refused with a clear message.
 */

export class InputError extends Error {}

/** Bytes sampled to choose between GB18030 and Big5. */
const SAMPLE_BYTES = 256 * 1024;
/** Least share of common characters (among non-ASCII ones) for a double-byte reading to be text. */
const MIN_COMMON = 0.5;
/** How much more common Big5's reading must be to beat GB18030's (which wins ties). */
const BIG5_MARGIN = 0.1;

let common: Uint8Array | undefined;
/**
 * Common characters: GB2312 level 1 (bytes B0A1–D7F9, 3,755 simplified characters), Big5 level 1
 * (A440–C67E, 5,401 traditional characters) and the CJK and full-width punctuation both share.
 */
function commonChars(): Uint8Array {
  if (common) return common;
  const set = new Uint8Array(0x10000);
  const pairs = (leads: [number, number], trails: [number, number][]): Uint8Array => {
    const out: number[] = [];
    for (let a = leads[0]; a <= leads[1]; a++) for (const [lo, hi] of trails) for (let b = lo; b <= hi; b++) out.push(a, b);
    return Uint8Array.from(out);
  };
  const mark = (s: string) => {
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      if (c !== 0xfffd) set[c] = 1;
    }
  };
  mark(new TextDecoder('gb18030').decode(pairs([0xb0, 0xd7], [[0xa1, 0xfe]])));
  const big5 = new TextDecoder('big5').decode(pairs([0xa4, 0xc6], [[0x40, 0x7e], [0xa1, 0xfe]]));
  // Big5 level 1 ends at C67E (C6A1 on is symbols and kana)
  mark(big5.slice(0, big5.indexOf(new TextDecoder('big5').decode(Uint8Array.from([0xc6, 0x7e]))) + 1));
  for (let c = 0x3000; c <= 0x303f; c++) set[c] = 1;
  for (let c = 0xff01; c <= 0xff5e; c++) set[c] = 1;
  for (const c of '·—‘’“”…') set[c.charCodeAt(0)] = 1;
  return (common = set);
}

/** Share of common Chinese characters among the non-ASCII characters of a decoded sample (0 when none). */
function commonShare(text: string): number {
  const set = commonChars();
  let all = 0;
  let hits = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    all++;
    hits += set[c];
  }
  return all ? hits / all : 0;
}

function decodeWith(encoding: 'gb18030' | 'big5', buf: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(buf);
  } catch {
    return undefined;
  }
}

function strictUtf8(buf: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text`);
  }
}

/** Decodes a file's bytes: BOM-aware UTF-8/UTF-16, else strict UTF-8, else GB18030 or Big5. */
export function decodeText(buf: Uint8Array, name = 'input'): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return strictUtf8(buf.subarray(3), name);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const sample = buf.subarray(0, Math.min(buf.length, 1 << 20));
  if (sample.includes(0)) throw new InputError(`${name}: looks like a binary file (contains NUL bytes), not text`);
  try {
    return strictUtf8(buf, name);
  } catch {
    /* a double-byte encoding, or not text */
  }
  // choose on a sample (a double-byte character cut at its end decodes as one replacement character)
  const head = buf.subarray(0, Math.min(buf.length, SAMPLE_BYTES));
  const gbShare = commonShare(new TextDecoder('gb18030').decode(head));
  const big5Share = commonShare(new TextDecoder('big5').decode(head));
  const order: ('gb18030' | 'big5')[] = big5Share > gbShare + BIG5_MARGIN ? ['big5', 'gb18030'] : ['gb18030', 'big5'];
  for (const enc of order) {
    if ((enc === 'gb18030' ? gbShare : big5Share) < MIN_COMMON) continue;
    const text = decodeWith(enc, buf);
    if (text !== undefined) return text;
  }
  throw new InputError(`${name}: not text in an encoding News Lens reads (UTF-8, UTF-16 with BOM, GB18030 or Big5)`);
}
