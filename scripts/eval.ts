/**
 * Entity-level evaluation on CLUENER2020 dev.json (exact type+start+end over the six scored types).
 *
 *   npm run eval                         the core's tag() (rules + model), same path as `news-lens tag`
 *   npm run eval -- --model-only         the statistical model alone
 *   npm run eval -- --cli                pipes dev through `node dist/cli/newsLens.js tag` (build first)
 *                                        and checks it matches the in-process tag() line by line
 *   npm run eval -- --json out.json      also writes scores + error summary as JSON
 *   npm run eval -- --file FILE          another CLUENER-format file (e.g. a held-out split)
 *   npm run eval -- --errors N           how many error kinds to list (default 15)
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../src/core/types';
import { loadDefaultModel } from '../src/core/model';
import { readCluener, goldSpans, score, SCORED_TYPES, CLUENER_TO_OURS, type Example, type Scores } from '../training/cluener';
import { sharedPath } from './sharedData';
import { flag, opt } from './cliArgs';
import { tagThroughCli } from './tagThroughCli';


const root = path.join(__dirname, '..');
const file = opt('file', '') || sharedPath('data', 'cluener2020', 'dev.json');
const data = readCluener(file);

type Tagger = (text: string) => Span[];

function coreTagger(): { name: string; tag: Tagger } | undefined {
  const p = path.join(root, 'src', 'core', 'index.ts');
  if (!fs.existsSync(p)) return undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const core = require(p) as { tag?: Tagger };
    if (typeof core.tag === 'function') return { name: 'core tag() (rules + model)', tag: core.tag };
  } catch (e) {
    console.error(`warning: cannot load src/core/index.ts: ${(e as Error).message}`);
  }
  return undefined;
}

function modelTagger(): { name: string; tag: Tagger } {
  const m = loadDefaultModel();
  if (!m) throw new Error('no model weights found (models/ner.bin); run `npm run train`');
  return { name: 'model alone', tag: (t) => m.predict(t) };
}


/* ------------------------------------------------------------------------------------------------ */

const texts = data.map((e) => e.text);
const golds = data.map(goldSpans);
let name: string;
let preds: Span[][];
const t0 = performance.now();
if (flag('cli')) {
  name = 'news-lens tag (dist/cli/newsLens.js)';
  preds = tagThroughCli(texts);
  const inproc = flag('model-only') ? modelTagger() : (coreTagger() ?? modelTagger());
  let diff = 0;
  let firstDiff = '';
  texts.forEach((t, i) => {
    const key = (s: Span[]): string => JSON.stringify(s.map((x) => [x.type, x.start, x.end]).sort());
    if (key(inproc.tag(t)) !== key(preds[i])) {
      diff++;
      if (!firstDiff) firstDiff = `${t}\n  cli:    ${key(preds[i])}\n  inproc: ${key(inproc.tag(t))}`;
    }
  });
  console.log(`equivalence with in-process ${inproc.name}: ${diff === 0 ? 'identical on all' : `${diff} differing of`} ${texts.length} sentences`);
  if (firstDiff) console.log(`first difference:\n${firstDiff}`);
} else {
  const tagger = flag('model-only') ? modelTagger() : (coreTagger() ?? modelTagger());
  name = tagger.name;
  preds = texts.map((t) => tagger.tag(t));
}
const ms = performance.now() - t0;
const s = score(golds, preds);

/* ------------------------------------------------------------------------------------------------ */
/* Table                                                                                             */

const PUBLISHED: Record<string, { bilstm: number; bert: number }> = {
  person: { bilstm: 74.04, bert: 88.75 },
  title: { bilstm: 70.16, bert: 78.89 },
  company: { bilstm: 72.27, bert: 81.42 },
  government: { bilstm: 77.25, bert: 87.03 },
  organization: { bilstm: 75.96, bert: 79.43 },
  place: { bilstm: 45.5, bert: 60.89 },
  micro: { bilstm: 70.0, bert: 78.82 },
};
const CLUE: Record<string, string> = { person: 'name', title: 'position', company: 'company', government: 'government', organization: 'organization', place: 'address', micro: 'overall' };

function table(sc: Scores): string {
  const f = (x: number): string => (x * 100).toFixed(2).padStart(7);
  const rows = [
    `${'type'.padEnd(13)}${'(CLUENER)'.padEnd(14)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}${'gold'.padStart(6)}${'pred'.padStart(6)}  |${'BiLSTM-CRF'.padStart(11)}${'BERT-base'.padStart(10)}`,
    '-'.repeat(90),
  ];
  for (const t of [...SCORED_TYPES, 'micro']) {
    const v = t === 'micro' ? sc.micro : sc.perType[t];
    rows.push(
      `${t.padEnd(13)}${CLUE[t].padEnd(14)}${f(v.p)}${f(v.r)}${f(v.f1)}${String(v.tp + v.fn).padStart(6)}${String(v.tp + v.fp).padStart(6)}  |${PUBLISHED[t].bilstm.toFixed(2).padStart(11)}${PUBLISHED[t].bert.toFixed(2).padStart(10)}`,
    );
  }
  return rows.join('\n');
}

/* ------------------------------------------------------------------------------------------------ */
/* Error analysis                                                                                    */

interface ErrorKind {
  kind: string;
  count: number;
  examples: string[];
}

function errors(exs: Example[], ps: Span[][]): ErrorKind[] {
  const kinds = new Map<string, ErrorKind>();
  const add = (kind: string, ex: string): void => {
    let k = kinds.get(kind);
    if (!k) kinds.set(kind, (k = { kind, count: 0, examples: [] }));
    k.count++;
    if (k.examples.length < 3) k.examples.push(ex);
  };
  const scored = new Set<string>(SCORED_TYPES);
  exs.forEach((ex, i) => {
    const g = goldSpans(ex);
    const p = (ps[i] ?? []).filter((x) => scored.has(x.type));
    const key = (x: Span): string => `${x.type}:${x.start}:${x.end}`;
    const gk = new Set(g.map(key));
    const pk = new Set(p.map(key));
    const ctx = (x: { start: number; end: number }): string =>
      `${ex.text.slice(Math.max(0, x.start - 6), x.start)}[${ex.text.slice(x.start, x.end)}]${ex.text.slice(x.end, x.end + 6)}`;
    const explained = new Set<string>();
    for (const x of g) {
      if (pk.has(key(x))) continue;
      const same = p.find((y) => y.start === x.start && y.end === x.end);
      const ovSame = p.find((y) => y.type === x.type && y.start < x.end && x.start < y.end && !gk.has(key(y)));
      const ov = p.find((y) => y.start < x.end && x.start < y.end && !gk.has(key(y)));
      if (same) {
        add(`wrong type: ${x.type} → ${same.type}`, ctx(x));
        explained.add(key(same));
      } else if (ovSame) {
        add(`boundary: ${x.type}`, `${ctx(x)} got ${ovSame.text}`);
        explained.add(key(ovSame));
      } else if (ov) {
        add(`type+boundary: ${x.type} → ${ov.type}`, `${ctx(x)} got ${ov.text}`);
        explained.add(key(ov));
      } else add(`missed: ${x.type}`, ctx(x));
    }
    for (const y of p) {
      if (gk.has(key(y)) || explained.has(key(y))) continue;
      const un = ex.spans.find((z) => !CLUENER_TO_OURS[z.label] && z.start < y.end && y.start < z.end);
      if (un) add(`spurious: ${y.type} on unscored ${un.label}`, ctx(y));
      else add(`spurious: ${y.type}`, ctx(y));
    }
  });
  return [...kinds.values()].sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
}

const errs = errors(data, preds);
const nErr = Number(opt('errors', '15'));

console.log(`\n${path.basename(file)}: ${data.length} sentences, ${texts.reduce((a, t) => a + t.length, 0)} chars — recognizer: ${name} (${ms.toFixed(0)} ms)`);
console.log('Entity-level exact match (type, start, end); published figures are CLUENER2020 test-set F1.\n');
console.log(table(s));
console.log(`\nMost frequent errors (of ${errs.reduce((a, e) => a + e.count, 0)}):`);
for (const e of errs.slice(0, nErr)) console.log(`  ${String(e.count).padStart(4)}  ${e.kind.padEnd(40)} e.g. ${e.examples.join(' · ')}`);

const jsonOut = opt('json');
if (jsonOut) {
  fs.writeFileSync(
    jsonOut,
    JSON.stringify({ file, recognizer: name, sentences: data.length, ms, scores: s, published: PUBLISHED, errors: errs }, null, 2) + '\n',
  );
  console.log(`\nwrote ${jsonOut}`);
}
