/**
 * English forms of personal and place names: Hanyu Pinyin without tone marks, in the usual English
 * order and spelling (尹力 → Yin Li, 曾毓群 → Zeng Yuqun, 朝阳区 → Chaoyang District, 六安 → Lu'an).
 * Readings come from pinyin-pro, corrected for place names by the CC-CEDICT readings in
 * cedict.data.ts; conventional spellings (Shaanxi, Inner Mongolia) from the glossary. Pure.
 */
import { pinyin } from 'pinyin-pro';
import { lexicons, lookupPlace, type PlaceInfo } from '../lexicon';
import { COUNTRIES } from '../knowledge/foreign';
import { CEDICT_NAMES, CEDICT_READINGS } from './cedict.data';
import { ETHNIC_GROUPS, MUNICIPALITIES, PLACE_NAMES, PLACE_SUFFIXES } from './glossary';

const HAN = /^[\u3400-\u9fff]+$/;

let tables: { readings: Map<string, string[]>; names: Map<string, string>; countries: Map<string, string> } | undefined;

function parseTable(data: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const line of data.split('\n')) {
    const at = line.indexOf('|');
    if (at > 0) m.set(line.slice(0, at), line.slice(at + 1));
  }
  return m;
}

export function cedictTables() {
  if (tables) return tables;
  const readings = new Map<string, string[]>();
  for (const [k, v] of parseTable(CEDICT_READINGS)) readings.set(k, v.toLowerCase().split(' '));
  const countries = new Map<string, string>();
  for (const c of Object.values(COUNTRIES)) countries.set(c.zh, c.en);
  tables = { readings, names: parseTable(CEDICT_NAMES), countries };
  return tables;
}

/** Syllables joined as one word: capitalised, with an apostrophe before a, o, e (Xi'an, Lu'an). */
export function joinSyllables(syllables: readonly string[]): string {
  let out = '';
  for (const raw of syllables) {
    const s = raw.toLowerCase();
    if (!s) continue;
    out += out && /^[aoe]/.test(s) ? `'${s}` : s;
  }
  return out.charAt(0).toUpperCase() + out.slice(1);
}

/** Toneless syllables of a Han string; undefined when some character has no reading. */
function syllablesOf(text: string, surname = false): string[] | undefined {
  const syl = pinyin(text, { toneType: 'none', type: 'array', surname: surname ? 'head' : 'off' }) as string[];
  if (syl.length !== [...text].length || syl.some((s) => !/^[a-zü]+$/i.test(s))) return undefined;
  return syl;
}

/**
 * A personal name in the usual English order, surname first, without tone marks: 尹力 → "Yin Li",
 * 欧阳修 → "Ouyang Xiu". Undefined for names that are not two to four Han characters (transliterated
 * foreign names such as 孟安睿 are read as written: Meng Anrui).
 */
export function englishPersonName(name: string): string | undefined {
  try {
    if (typeof name !== 'string' || !HAN.test(name) || name.length < 2 || name.length > 4) return undefined;
    const syl = syllablesOf(name, true);
    if (!syl) return undefined;
    const compound = lexicons().compoundSurnames.has(name.slice(0, 2)) && name.length >= 3 ? 2 : 1;
    return `${joinSyllables(syl.slice(0, compound))} ${joinSyllables(syl.slice(compound))}`;
  } catch {
    return undefined;
  }
}

/** The pinyin word for a place stem (朝阳 → Chaoyang), with CC-CEDICT's reading where it differs. */
function stemWord(stem: string): string | undefined {
  if (PLACE_NAMES[stem]) return PLACE_NAMES[stem];
  if (!HAN.test(stem)) return undefined;
  const fixed = cedictTables().readings.get(stem);
  const syl = fixed ?? syllablesOf(stem);
  return syl ? joinSyllables(syl) : undefined;
}

function splitSuffix(full: string): { stem: string; suffix?: [string, string]; ethnic?: string } {
  for (const sfx of PLACE_SUFFIXES) {
    if (full.endsWith(sfx[0]) && full.length > sfx[0].length) {
      let stem = full.slice(0, -sfx[0].length);
      let ethnic: string | undefined;
      if (sfx[0].startsWith('自治')) {
        // 张家川回族自治县: the ethnic groups before 自治
        const groups: string[] = [];
        let guard = 0;
        while (guard++ < 4) {
          const g = Object.keys(ETHNIC_GROUPS).filter((k) => stem.endsWith(k)).sort((a, b) => b.length - a.length)[0];
          if (!g) break;
          groups.unshift(ETHNIC_GROUPS[g]);
          stem = stem.slice(0, -g.length);
        }
        if (!groups.length) return { stem: full };
        ethnic = groups.join(' ');
      }
      return { stem, suffix: sfx, ethnic };
    }
  }
  return { stem: full };
}

export interface PlaceEnglish {
  /** The name alone: Beijing, Guangdong, Chaoyang (for "CPC Chaoyang District Committee"). */
  stem: string;
  /** The name as a place: Beijing, Guangdong Province, Chaoyang District, Guangzhou. */
  full: string;
  info?: PlaceInfo;
}

/** English of a place of the GB/T 2260 lexicon, a country or a well-known place; undefined when unknown. */
export function placeEnglish(name: string): PlaceEnglish | undefined {
  try {
    if (typeof name !== 'string' || !name) return undefined;
    if (PLACE_NAMES[name]) return { stem: PLACE_NAMES[name], full: PLACE_NAMES[name], info: lookupPlace(name) };
    const info = lookupPlace(name);
    const t = cedictTables();
    if (info && (info.level === 'province' || info.level === 'city' || info.level === 'district')) {
      const canonical = info.name;
      if (PLACE_NAMES[canonical]) {
        const stem = PLACE_NAMES[canonical];
        return { stem, full: info.level === 'province' && !MUNICIPALITIES.has(canonical) && !/Hong Kong|Macao|Taiwan|Inner Mongolia|Tibet/.test(stem) ? `${stem} Province` : stem, info };
      }
      const fullName = info.full && info.full.startsWith(canonical.replace(/[市区县]$/, '')) ? info.full : canonical;
      const { stem, suffix, ethnic } = splitSuffix(fullName);
      const word = stemWord(stem);
      if (!word) return undefined;
      let kind = suffix?.[1] ?? '';
      if (info.level === 'province' && MUNICIPALITIES.has(canonical)) kind = '';
      if (info.level === 'city' && (kind === 'Province' || kind === 'District')) kind = '';
      const full = [word, ethnic, kind].filter(Boolean).join(' ');
      return { stem: ethnic ? `${word} ${ethnic}` : word, full, info };
    }
    const en = t.countries.get(name) ?? t.names.get(name);
    return en ? { stem: en, full: en, info } : undefined;
  } catch {
    return undefined;
  }
}
