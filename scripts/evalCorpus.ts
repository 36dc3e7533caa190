/**
 * Second, independent evaluation in the MSRA / People's Daily 1998 style (PER, LOC, ORG), on
 * annotated sentences we did not train on (test/data/corpora/README.md says where they come from).
 *
 *   npx tsx scripts/evalCorpus.ts                       core tag() (rules + model), same path as `news-lens tag`
 *   npx tsx scripts/evalCorpus.ts --cli                 pipes the corpus through `node dist/cli/newsLens.js tag`
 *                                                       (build first) and checks it matches tag() line by line
 *   npx tsx scripts/evalCorpus.ts --corpus FILE         another JSONL corpus ({"text", "entities":[{type,start,end}]})
 *   npx tsx scripts/evalCorpus.ts --json OUT            also writes scores + error kinds (with examples) as JSON
 *   npx tsx scripts/evalCorpus.ts --errors N            how many error kinds to print (default 12 per type)
 *   npx tsx scripts/evalCorpus.ts --build-from DIR      rebuilds the JSONL from the inline-markup sources in DIR
 *                                                       ({P:…} {L:…} {O:…}, one sentence a line) and exits
 *
 * Type mapping: person → PER, place → LOC, company ∪ government ∪ organization → ORG; title and
 * date are not scored (titles are not entities in this style). Entity-level exact match on
 * (type, start, end), UTF-16 offsets with an exclusive end. Scoring reuses score() from
 * training/cluener.ts (the helper scripts/eval.ts uses) on the mapped spans.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { EntityType, Span } from '../src/core/types';
import { score, type PRF } from '../training/cluener';
import { flag, opt } from './cliArgs';
import { tagThroughCli } from './tagThroughCli';

type Label = 'PER' | 'LOC' | 'ORG';
const LABELS: Label[] = ['PER', 'LOC', 'ORG'];
const CORPUS_TYPE: Record<string, Label> = { person: 'PER', place: 'LOC', organization: 'ORG', PER: 'PER', LOC: 'LOC', ORG: 'ORG' };
const OURS_TO_LABEL: Partial<Record<EntityType, Label>> = { person: 'PER', place: 'LOC', company: 'ORG', government: 'ORG', organization: 'ORG' };
/** score() counts our EntityType names; each label is scored under one stand-in type. */
const LABEL_AS_TYPE: Record<Label, EntityType> = { PER: 'person', LOC: 'place', ORG: 'organization' };
const MARK: Record<string, Label> = { P: 'PER', L: 'LOC', O: 'ORG' };

interface GoldEntity {
  type: Label;
  start: number;
  end: number;
  text: string;
}
interface Doc {
  text: string;
  entities: GoldEntity[];
}
interface Pred extends GoldEntity {
  /** Our own type before mapping (company / government / organization for ORG). */
  ours: EntityType;
}

const root = path.join(__dirname, '..');
const corpusDir = path.join(root, 'test', 'data', 'corpora');

/* ------------------------------------------------------------------------------------------------ */
/* Corpus I/O                                                                                        */

/** `在{L:中国}…{O:新华社}` → text + spans (UTF-16 offsets, end exclusive). */
export function parseMarkup(line: string): Doc {
  let text = '';
  const entities: GoldEntity[] = [];
  const re = /\{([PLO]):([^{}]+)\}/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    text += line.slice(last, m.index);
    const start = text.length;
    text += m[2];
    entities.push({ type: MARK[m[1]], start, end: text.length, text: m[2] });
    last = m.index + m[0].length;
  }
  text += line.slice(last);
  if (/[{}]/.test(text)) throw new Error(`unbalanced markup: ${line}`);
  return { text, entities };
}

function buildFrom(dir: string, out: string): void {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
  const lines: string[] = [];
  let n = 0;
  for (const f of files) {
    for (const raw of fs.readFileSync(path.join(dir, f), 'utf8').split('\n')) {
      if (!raw.trim()) continue;
      const d = parseMarkup(raw);
      lines.push(JSON.stringify({ text: d.text, entities: d.entities.map(({ type, start, end }) => ({ type: LONG[type], start, end })) }));
      n += d.entities.length;
    }
  }
  fs.writeFileSync(out, lines.join('\n') + '\n');
  console.log(`wrote ${out}: ${lines.length} sentences, ${n} entities from ${files.length} files`);
}
const LONG: Record<Label, string> = { PER: 'person', LOC: 'place', ORG: 'organization' };

function readCorpus(file: string): Doc[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const o = JSON.parse(l) as { text: string; entities: { type: string; start: number; end: number }[] };
      return {
        text: o.text,
        entities: o.entities.map((e) => {
          const type = CORPUS_TYPE[e.type];
          if (!type) throw new Error(`${file}:${i + 1}: unknown type ${e.type}`);
          return { type, start: e.start, end: e.end, text: o.text.slice(e.start, e.end) };
        }),
      };
    });
}

/* ------------------------------------------------------------------------------------------------ */
/* Taggers                                                                                           */

type Tagger = (text: string) => Span[];

function coreTag(): Tagger {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require(path.join(root, 'src', 'core', 'index.ts')) as { tag: Tagger }).tag;
}


function mapPreds(spans: Span[], text: string): Pred[] {
  const out: Pred[] = [];
  for (const s of spans) {
    const type = OURS_TO_LABEL[s.type];
    if (type) out.push({ type, start: s.start, end: s.end, text: text.slice(s.start, s.end), ours: s.type });
  }
  return out;
}

/* ------------------------------------------------------------------------------------------------ */
/* Scoring (reuses cluener.ts score() through stand-in types) and error kinds                        */

function scoreLabels(golds: GoldEntity[][], preds: Pred[][]): { perType: Record<Label, PRF>; micro: PRF } {
  const asSpans = (xs: GoldEntity[]): Span[] => xs.map((x) => ({ type: LABEL_AS_TYPE[x.type], start: x.start, end: x.end, text: x.text }));
  const s = score(golds.map(asSpans), preds.map(asSpans));
  const perType = {} as Record<Label, PRF>;
  for (const l of LABELS) perType[l] = s.perType[LABEL_AS_TYPE[l]];
  return { perType, micro: s.micro };
}

export interface ErrorKind {
  /** Gold label the error counts against (spurious: the predicted label). */
  label: Label;
  kind: string;
  count: number;
  examples: string[];
}
export interface ErrorItem {
  label: Label;
  kind: string;
  sentence: number;
  gold?: string;
  pred?: string;
  predType?: string;
  context: string;
}

function analyse(docs: Doc[], preds: Pred[][], rawPreds: Span[][]): ErrorItem[] {
  const items: ErrorItem[] = [];
  const key = (x: { type: string; start: number; end: number }): string => `${x.type}:${x.start}:${x.end}`;
  docs.forEach((d, i) => {
    const g = d.entities;
    const p = preds[i];
    const gk = new Set(g.map(key));
    const used = new Set<string>();
    const ctx = (x: { start: number; end: number }): string =>
      `${d.text.slice(Math.max(0, x.start - 8), x.start)}[${d.text.slice(x.start, x.end)}]${d.text.slice(x.end, x.end + 8)}`;
    const ov = (a: { start: number; end: number }, b: { start: number; end: number }): boolean => a.start < b.end && b.start < a.end;
    for (const x of g) {
      if (p.some((y) => key(y) === key(x))) continue;
      const free = p.filter((y) => !gk.has(key(y)));
      const same = free.find((y) => y.start === x.start && y.end === x.end);
      const ovSame = free.find((y) => y.type === x.type && ov(x, y));
      const ovAny = free.find((y) => ov(x, y));
      const base = { label: x.type, sentence: i, gold: x.text, context: ctx(x) };
      if (same) {
        items.push({ ...base, kind: `wrong type: ${x.type} → ${same.type} (${same.ours})`, pred: same.text, predType: same.ours });
        used.add(key(same));
      } else if (ovSame) {
        const kind = ovSame.start <= x.start && ovSame.end >= x.end ? 'too long' : ovSame.start >= x.start && ovSame.end <= x.end ? 'too short' : 'shifted';
        items.push({ ...base, kind: `boundary (${kind})`, pred: ovSame.text, predType: ovSame.ours });
        used.add(key(ovSame));
      } else if (ovAny) {
        items.push({ ...base, kind: `type+boundary: → ${ovAny.type} (${ovAny.ours})`, pred: ovAny.text, predType: ovAny.ours });
        used.add(key(ovAny));
      } else {
        // Missed outright; say whether an unscored span (title, date) covered it.
        const un = rawPreds[i].find((y) => !OURS_TO_LABEL[y.type] && ov(x, y));
        items.push({ ...base, kind: un ? `missed (inside our ${un.type})` : 'missed', pred: un?.text, predType: un?.type });
      }
    }
    for (const y of p) {
      if (gk.has(key(y)) || used.has(key(y))) continue;
      const inside = g.find((x) => ov(x, y));
      items.push({ label: y.type, kind: inside ? `spurious (overlaps gold ${inside.type})` : 'spurious', sentence: i, pred: y.text, predType: y.ours, context: ctx(y) });
    }
  });
  return items;
}

function summarise(items: ErrorItem[], nExamples: number): ErrorKind[] {
  const kinds = new Map<string, ErrorKind>();
  for (const it of items) {
    const k = `${it.label}|${it.kind}`;
    let e = kinds.get(k);
    if (!e) kinds.set(k, (e = { label: it.label, kind: it.kind, count: 0, examples: [] }));
    e.count++;
    if (e.examples.length < nExamples) e.examples.push(it.pred && it.gold !== undefined ? `${it.context} got ${it.pred}` : it.context);
  }
  return [...kinds.values()].sort((a, b) => b.count - a.count || (a.kind < b.kind ? -1 : 1));
}

/* ------------------------------------------------------------------------------------------------ */

function main(): void {
  const buildDir = opt('build-from');
  if (buildDir) {
    buildFrom(buildDir, opt('corpus', path.join(corpusDir, 'msra-test-sample.jsonl'))!);
    return;
  }
  const file = opt('corpus', path.join(corpusDir, 'msra-test-sample.jsonl'))!;
  const docs = readCorpus(file);
  const texts = docs.map((d) => d.text);
  const t0 = performance.now();
  let raw: Span[][];
  let name: string;
  if (flag('cli')) {
    name = 'news-lens tag (dist/cli/newsLens.js)';
    raw = tagThroughCli(texts);
    const tag = coreTag();
    const k = (s: Span[]): string => JSON.stringify(s.map((x) => [x.type, x.start, x.end]).sort());
    const diff = texts.filter((t, i) => k(tag(t)) !== k(raw[i])).length;
    console.log(`equivalence with in-process tag(): ${diff === 0 ? 'identical on all' : `${diff} differing of`} ${texts.length} sentences`);
  } else {
    name = 'core tag() (rules + model)';
    const tag = coreTag();
    raw = texts.map((t) => tag(t));
  }
  const ms = performance.now() - t0;
  const preds = raw.map((r, i) => mapPreds(r, texts[i]));
  const golds = docs.map((d) => d.entities);
  const s = scoreLabels(golds, preds);
  const items = analyse(docs, preds, raw);
  const nErr = Number(opt('errors', '12'));

  const f = (x: number): string => (x * 100).toFixed(2).padStart(7);
  const chars = texts.reduce((a, t) => a + t.length, 0);
  console.log(`\n${path.relative(root, file)}: ${docs.length} sentences, ${chars} chars, ${golds.flat().length} gold entities — ${name} (${ms.toFixed(0)} ms)`);
  console.log('Entity-level exact match (type, start, end); ORG = company ∪ government ∪ organization; title/date unscored.\n');
  console.log(`${'type'.padEnd(8)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}${'gold'.padStart(6)}${'pred'.padStart(6)}${'tp'.padStart(6)}`);
  console.log('-'.repeat(47));
  for (const l of [...LABELS, 'micro'] as const) {
    const v = l === 'micro' ? s.micro : s.perType[l];
    console.log(`${l.padEnd(8)}${f(v.p)}${f(v.r)}${f(v.f1)}${String(v.tp + v.fn).padStart(6)}${String(v.tp + v.fp).padStart(6)}${String(v.tp).padStart(6)}`);
  }
  const kinds = summarise(items, 3);
  for (const l of LABELS) {
    const ks = kinds.filter((k) => k.label === l);
    console.log(`\n${l} errors (${ks.reduce((a, k) => a + k.count, 0)}):`);
    for (const k of ks.slice(0, nErr)) console.log(`  ${String(k.count).padStart(4)}  ${k.kind.padEnd(38)} e.g. ${k.examples.join(' · ')}`);
  }
  const jsonOut = opt('json');
  if (jsonOut) {
    fs.writeFileSync(
      jsonOut,
      JSON.stringify(
        { corpus: path.relative(root, file), recognizer: name, sentences: docs.length, chars, ms: Math.round(ms), scores: s, errors: summarise(items, 8) },
        null,
        2,
      ) + '\n',
    );
    console.log(`\nwrote ${jsonOut}`);
  }
  const dump = opt('dump-errors');
  if (dump) fs.writeFileSync(dump, items.map((x) => JSON.stringify(x)).join('\n') + '\n');
}

main();
