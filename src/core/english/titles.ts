/**
 * Titles and government bodies composed into English by rule, never looked up whole: a title chain
 * is split into its links (市委副书记、市长), each link is parsed as
 *
 *   [former/acting] [中共] [国家 | region [level]] body* [area] post
 *
 * against the glossary (regions from the GB/T 2260 lexicon), and each part is rendered:
 * 北京 + 市 + 委 + 副书记 → "Deputy Secretary of the CPC Beijing Municipal Committee",
 * 广东省 + 省长 → "Governor of Guangdong Province", 国家 + 发展改革 + 委 → "National Development and
 * Reform Commission". A link with any part the glossary does not know has no rendering: the caller
 * says so instead of guessing. Pure; never throws.
 */
import { lookupPlace } from '../lexicon';
import { cedictTables, placeEnglish } from './names';
import { CEDICT_POSTS } from './cedict.data';
import {
  CHAIN_SEPARATORS, DEPARTMENT_SUBJECTS, DEPARTMENT_WORDS, LEVEL_ADJ, LEVELLED_BODIES, MUNICIPALITIES, NATIONAL_BODIES, PLACE_LEVEL_ADJ,
  POST_AREAS, POST_PREFIXES, POSTS, ZONE_BODIES, ZONES, type PostDef,
} from './glossary';

type Body =
  | { kind: 'national'; zh: string; en: string }
  | { kind: 'levelled'; zh: string; level?: string; template: string }
  | { kind: 'dept'; zh: string; subject: string; word: string }
  | { kind: 'zone'; zh: string; en: string }
  | { kind: 'zonebody'; zh: string; en: string };

interface Region {
  name: string;
  stem: string;
  full: string;
  /** Level adjective from the suffix written after the name (北京市 → Municipal) or the place's level. */
  level?: string;
  writtenLevel: boolean;
}

interface Parse {
  prefix?: string;
  national?: boolean;
  region?: Region;
  bodies: Body[];
  area?: string;
  post?: { zh: string; def: PostDef };
}

const keysByLength = (o: object) => Object.keys(o).sort((a, b) => b.length - a.length);
let sorted: { national: string[]; levelled: string[]; subjects: string[]; deptWords: string[]; zones: string[]; zoneBodies: string[]; levels: string[] } | undefined;
function keys() {
  sorted ??= {
    national: keysByLength(NATIONAL_BODIES),
    levelled: keysByLength(LEVELLED_BODIES),
    subjects: keysByLength(DEPARTMENT_SUBJECTS),
    deptWords: keysByLength(DEPARTMENT_WORDS),
    zones: keysByLength(ZONES),
    zoneBodies: keysByLength(ZONE_BODIES),
    levels: keysByLength(LEVEL_ADJ),
  };
  return sorted;
}

let cedictPosts: Map<string, string> | undefined;
function postDef(zh: string): PostDef | undefined {
  if (POSTS[zh]) return POSTS[zh];
  if (!cedictPosts) {
    cedictPosts = new Map();
    for (const line of CEDICT_POSTS.split('\n')) {
      const at = line.indexOf('|');
      if (at > 0) cedictPosts.set(line.slice(0, at), line.slice(at + 1));
    }
  }
  const g = cedictPosts.get(zh);
  // a CC-CEDICT gloss, title-cased: 总领事 → Consul General
  return g ? { en: g.replace(/\b[a-z]/g, (c) => c.toUpperCase()).replace(/\bOf\b/g, 'of').replace(/\bThe\b/g, 'the') } : undefined;
}

/** Regions that can start at `i`: the longest first, with the suffix written after the name. */
function regionsAt(s: string, i: number): { end: number; region: Region }[] {
  const out: { end: number; region: Region }[] = [];
  for (let len = Math.min(12, s.length - i); len >= 2; len--) {
    const cand = s.slice(i, i + len);
    const info = lookupPlace(cand);
    if (!info || (info.level !== 'province' && info.level !== 'city' && info.level !== 'district')) continue;
    const en = placeEnglish(info.name);
    if (!en) continue;
    let suffix = cand.startsWith(info.name) ? cand.slice(info.name.length) : '';
    if (!suffix && info.name.endsWith('区') && cand === info.name) suffix = '区';
    const written = suffix ? LEVEL_ADJ[suffix] : undefined;
    const level = written ?? (MUNICIPALITIES.has(info.name) ? 'Municipal' : PLACE_LEVEL_ADJ[info.level]);
    out.push({ end: i + len, region: { name: info.name, stem: en.stem, full: en.full, level, writtenLevel: !!written } });
  }
  return out;
}

/** Bodies that can start at `i`, the longest first. */
function bodiesAt(s: string, i: number): { end: number; body: Body }[] {
  const k = keys();
  const rest = s.slice(i);
  const out: { end: number; body: Body }[] = [];
  for (const zh of k.national) if (rest.startsWith(zh)) out.push({ end: i + zh.length, body: { kind: 'national', zh, en: NATIONAL_BODIES[zh] } });
  const levelled = (at: number, level?: string) => {
    for (const zh of k.levelled) if (s.startsWith(zh, at)) out.push({ end: at + zh.length, body: { kind: 'levelled', zh, level, template: LEVELLED_BODIES[zh] } });
  };
  for (const lv of k.levels) if (rest.startsWith(lv)) levelled(i + lv.length, LEVEL_ADJ[lv]);
  levelled(i);
  for (const subject of k.subjects) {
    if (!rest.startsWith(subject)) continue;
    for (const w of k.deptWords) if (s.startsWith(w, i + subject.length)) out.push({ end: i + subject.length + w.length, body: { kind: 'dept', zh: subject + w, subject, word: w } });
  }
  for (const zh of k.zones) if (rest.startsWith(zh)) out.push({ end: i + zh.length, body: { kind: 'zone', zh, en: ZONES[zh] } });
  for (const zh of k.zoneBodies) if (rest.startsWith(zh)) out.push({ end: i + zh.length, body: { kind: 'zonebody', zh, en: ZONE_BODIES[zh] } });
  return out.sort((a, b) => b.end - a.end);
}

/** All complete parses of one link, best (longest tokens) first; `needPost` false parses a body name. */
function parseLink(s: string, needPost: boolean): Parse | undefined {
  const results: Parse[] = [];
  const limit = 200;
  let steps = 0;
  const tail = (i: number, p: Parse): void => {
    if (results.length || ++steps > limit) return;
    if (i === s.length) {
      if (!needPost && p.bodies.length && !p.post) results.push(p);
      return;
    }
    if (needPost) {
      // [area] post, ending the link
      let at = i;
      let area: string | undefined;
      for (const a of Object.keys(POST_AREAS)) if (s.startsWith(a, i)) (area = POST_AREAS[a]), (at = i + a.length);
      const zh = s.slice(at);
      const def = postDef(zh);
      if (def) {
        results.push({ ...p, area, post: { zh, def } });
        return;
      }
    }
    for (const b of bodiesAt(s, i)) tail(b.end, { ...p, bodies: [...p.bodies, b.body] });
  };
  const head = (i: number, p: Parse): void => {
    if (s.startsWith('中共', i) && !s.startsWith('中共中央', i)) return head(i + 2, p);
    if (s.startsWith('中国共产党', i)) return head(i + 5, p);
    if (s.startsWith('国家', i) || s.startsWith('全国', i)) tail(i + 2, { ...p, national: true });
    for (const r of regionsAt(s, i)) {
      tail(r.end, { ...p, region: r.region });
      if (results.length) return;
    }
    tail(i, p);
  };
  let start = 0;
  let prefix: string | undefined;
  for (const [zh, en] of Object.entries(POST_PREFIXES)) if (s.startsWith(zh) && needPost) (prefix = en), (start = zh.length);
  head(start, { prefix, bodies: [] });
  if (!results.length && prefix) head(0, { bodies: [] });
  return results[0];
}

const squash = (x: string) => x.replace(/\s+/g, ' ').trim();

/** The English of a parsed body chain: the first body carries the region, later ones nest ("X of the Y"). */
function bodyPhrase(p: Parse): string | undefined {
  let phrase: string | undefined;
  let previous: Body | undefined;
  for (const b of p.bodies) {
    const first = phrase === undefined;
    const R = first && p.region ? p.region.stem : '';
    const L = first ? (b.kind === 'levelled' && b.level) || p.region?.level || '' : b.kind === 'levelled' ? b.level ?? '' : '';
    let en: string;
    switch (b.kind) {
      case 'national':
        en = b.en;
        break;
      case 'levelled':
        en = squash(b.template.replace('{R}', first ? R : '').replace('{L}', first ? L : b.level ?? ''));
        break;
      case 'dept': {
        const w = DEPARTMENT_WORDS[b.word];
        const subject = DEPARTMENT_SUBJECTS[b.subject];
        const underParty = previous?.kind === 'levelled' || previous?.kind === 'national';
        const pattern = underParty ? w.party ?? w.regional : first && !p.region && (p.national || b.word === '部') ? w.national : w.regional;
        en = pattern.replace('{S}', subject);
        if (first && p.region) en = squash(`${R} ${L} ${en}`);
        break;
      }
      case 'zone':
        en = first && p.region ? `${R} ${b.en}` : b.en;
        break;
      case 'zonebody':
        en = first && p.region ? `${R} ${b.en}` : b.en;
        break;
    }
    phrase = first ? en : `${en} of the ${phrase}`;
    previous = b;
  }
  return phrase;
}

function renderLink(p: Parse): string | undefined {
  const def = p.post?.def;
  if (!def) return bodyPhrase(p);
  const last = p.bodies[p.bodies.length - 1];
  let en = (last && def.under?.[last.zh]) ?? def.en;
  if (p.prefix) en = `${p.prefix} ${en}`;
  if (p.bodies.length) return `${en} of the ${bodyPhrase(p)}`;
  if (def.of === 'region') return p.region ? `${en} of ${p.region.full}` : en;
  if (p.post?.zh === '领导') return squash(`${p.region?.stem ?? ''} ${(p.region?.level ?? '').toLowerCase()} leader`);
  if (p.area) return `${en}, ${p.area}`;
  if (p.region || p.national) return undefined; // a region before a post that does not take one: not understood
  return en;
}

const SEPARATOR = /([、，,；兼])/;

export interface TitleEnglish {
  /** The whole title in English; undefined when some link has no rendering. */
  en?: string;
  /** Each link with its English (undefined: no rendering). */
  links: { zh: string; en?: string }[];
}

/** English of a title chain as written or in full (北京市委副书记、北京市市长). Never throws. */
export function englishTitle(title: string): TitleEnglish {
  try {
    if (typeof title !== 'string' || !title.trim() || title.length > 80) return { links: [] };
    const parts = title.trim().split(SEPARATOR);
    const links: { zh: string; en?: string }[] = [];
    let out = '';
    let complete = true;
    for (let k = 0; k < parts.length; k++) {
      const part = parts[k];
      if (k % 2 === 1) {
        out += CHAIN_SEPARATORS[part] ?? '; ';
        continue;
      }
      if (!part) continue;
      const parse = parseLink(part, true);
      const en = parse ? renderLink(parse) : undefined;
      links.push({ zh: part, en });
      if (en === undefined) complete = false;
      else out += en;
    }
    return { en: complete && links.length ? out : undefined, links };
  } catch {
    return { links: [] };
  }
}

/** English of a government body's name (北京市委, 国家发展改革委, 北京商务中心区管委会); undefined when unknown. */
export function englishBody(name: string): string | undefined {
  try {
    if (typeof name !== 'string' || !name || name.length > 40) return undefined;
    const n = name.trim();
    if (NATIONAL_BODIES[n]) return NATIONAL_BODIES[n];
    const parse = parseLink(n, false);
    const en = parse ? bodyPhrase(parse) : undefined;
    return en ?? cedictTables().names.get(n);
  } catch {
    return undefined;
  }
}
