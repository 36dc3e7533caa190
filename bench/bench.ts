/**
 * Throughput benchmark: our recognizer (the core's tag(), i.e. rules + model) against
 * @node-rs/jieba tag() on the same ≥ 1 MB of Chinese news text, in one process, after warm-up,
 * median of N runs. Also: analyze() on the shared fixture article, model load time, peak memory,
 * `news-lens tag ARCHIVE.jsonl` as whole processes with --jobs 1 and --jobs 2 (articles/s, ratio),
 * and `news-lens tag` against a jieba process as whole processes (one sentence, 1.4 M and 10 M chars).
 *
 *   npm run bench                 defaults: 7 runs, text = train+dev sentences repeated to ≥ 1.2M chars
 *   npm run bench -- --runs 5 --model-only --json bench/result.json
 *   npm run bench -- --skip-jobs  (no --jobs scaling)   --jobs-chars 2400000  (its archive's size)
 *   npm run bench -- --skip-process  (no whole-process comparison with a jieba process)
 */
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Span } from '../src/core/types';
import { loadDefaultModel, lastLoadMs, locateModelFile } from '../src/core/model';
import { RuntimeModel, deserialize } from '../src/core/model/perceptron';
import { sharedPath } from '../scripts/sharedData';
import { flag, opt } from '../scripts/cliArgs';

const RUNS = Math.max(5, Number(opt('runs', '7')));
const MIN_CHARS = Number(opt('chars', '1200000'));
const DATA = opt('data', '') || sharedPath('data', 'cluener2020');
const FIXTURE = opt('fixture', '') || sharedPath('fixtures', 'articles', 'leaders-visit-firms.md');
const root = path.join(__dirname, '..');

let peakRss = 0;
let peakHeap = 0;
const sampleMem = (): void => {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
};
const memTimer = setInterval(sampleMem, 20);

function median(a: number[]): number {
  const s = [...a].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function time(fn: () => unknown, runs: number): number[] {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    out.push(performance.now() - t0);
    sampleMem();
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Text: CLUENER sentences, one per line, repeated to the target size.
const sentences: string[] = [];
for (const f of ['train.json', 'dev.json']) {
  const p = path.join(DATA, f);
  if (!fs.existsSync(p)) continue;
  for (const l of fs.readFileSync(p, 'utf8').split('\n')) if (l.trim()) sentences.push((JSON.parse(l) as { text: string }).text);
}
const base = sentences.join('\n');
let text = base;
while (text.length < MIN_CHARS) text += '\n' + base;
// Documents of ~DOC_CHARS characters (whole lines): the editor and CLI analyse one document at a
// time, and the core runs the model only on texts up to MODEL_MAX_CHARS. Both recognizers get
// exactly the same calls.
const DOC_CHARS = Number(opt('doc', '5000'));
const docs: string[] = [];
for (let i = 0; i < text.length; ) {
  let j = Math.min(text.length, i + DOC_CHARS);
  const nl = text.indexOf('\n', j);
  j = nl < 0 ? text.length : nl + 1;
  docs.push(text.slice(i, j));
  i = j;
}

// ---------------------------------------------------------------------------------------------
// Recognizers.
const t0 = performance.now();
const model = loadDefaultModel();
const loadMs = lastLoadMs || performance.now() - t0;
if (!model) throw new Error('no model weights (models/ner.bin)');
const weights = locateModelFile()!;

type Core = { tag?: (t: string) => Span[]; analyze?: (t: string) => unknown };
let core: Core = {};
const corePath = path.join(root, 'src', 'core', 'index.ts');
if (!flag('model-only') && fs.existsSync(corePath)) {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    core = require(corePath) as Core;
  } catch (e) {
    console.error(`warning: src/core/index.ts failed to load: ${(e as Error).message}`);
  }
}
const oursName = core.tag ? 'news-lens tag() (rules + model)' : 'news-lens model.predict() (core tag() not available)';
const oursOne = core.tag ? core.tag : (t: string) => model.predict(t);
const ours = (t: string | string[]): Span[] => {
  if (typeof t === 'string') return oursOne(t);
  const out: Span[] = [];
  for (const d of t) for (const s of oursOne(d)) out.push(s);
  return out;
};
const jiebaTag = (t: string | string[]): void => {
  if (typeof t === 'string') jieba.tag(t);
  else for (const d of t) jieba.tag(d);
};

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Jieba } = require('@node-rs/jieba') as typeof import('@node-rs/jieba');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { dict } = require('@node-rs/jieba/dict') as { dict: Uint8Array };
const jieba = Jieba.withDict(dict);

// Warm-up on a slice, then timed runs on the whole text, interleaved so both see the same machine load.
const warm = docs.slice(0, 40);
for (let i = 0; i < 2; i++) {
  ours(warm);
  jiebaTag(warm);
}
const oursMs: number[] = [];
const jiebaMs: number[] = [];
let nSpans = 0;
for (let i = 0; i < RUNS; i++) {
  let a = performance.now();
  nSpans = ours(docs).length;
  oursMs.push(performance.now() - a);
  sampleMem();
  a = performance.now();
  jiebaTag(docs);
  jiebaMs.push(performance.now() - a);
  sampleMem();
}
const oursCps = text.length / (median(oursMs) / 1000);
const jiebaCps = text.length / (median(jiebaMs) / 1000);

// Model alone, for reference.
const modelMs = time(() => {
  for (const d of docs) model.predict(d);
}, Math.min(RUNS, 5));
const modelCps = text.length / (median(modelMs) / 1000);
const decoder = (model as unknown as { m?: RuntimeModel }).m?.decoder ?? 'unknown';

// The same model decoding in JavaScript (what runs where WebAssembly SIMD is unavailable).
const jsModel = (() => {
  const saved = process.env.NEWS_LENS_WASM;
  process.env.NEWS_LENS_WASM = '0';
  try {
    return new RuntimeModel(deserialize(fs.readFileSync(weights)));
  } finally {
    if (saved === undefined) delete process.env.NEWS_LENS_WASM;
    else process.env.NEWS_LENS_WASM = saved;
  }
})();
for (const d of warm) jsModel.predict(d);
const jsMs = time(() => {
  for (const d of docs) jsModel.predict(d);
}, 3);
const jsCps = text.length / (median(jsMs) / 1000);

// analyze() on the fixture article.
let analyzeMs: number | undefined;
if (core.analyze && fs.existsSync(FIXTURE)) {
  const art = fs.readFileSync(FIXTURE, 'utf8');
  for (let i = 0; i < 3; i++) core.analyze(art);
  analyzeMs = median(time(() => core.analyze!(art), 11));
}
// Peak memory of this process's own work (the child processes below are not counted, and their
// output buffers would only measure this harness).
clearInterval(memTimer);
sampleMem();

// --jobs scaling: the built CLI over a JSON Lines archive of articles of ten consecutive CLUENER
// sentences, whole processes (start, model loads, reading, writing), --jobs 1 and 2 interleaved.
type JobsRun = { medianMs: number; articlesPerSec: number; charsPerSec: number };
let jobsScaling: { articles: number; chars: number; runs: number; cores: number; jobs1: JobsRun; jobs2: JobsRun; ratio: number; identical: boolean } | undefined;
// The CLI as it ships (the production bundle, as `npm run package` and npm's prepublish build it);
// npm run bench rebuilds the development bundles afterwards.
const buildShipped = (() => {
  let done = false;
  return (): void => {
    if (!done) spawnSync(process.execPath, ['esbuild.mjs', '--production'], { cwd: root, stdio: 'ignore' });
    done = true;
  };
})();
if (!flag('skip-jobs')) {
  buildShipped();
  const cli = path.join(root, 'dist', 'cli', 'newsLens.js');
  const JOBS_CHARS = Number(opt('jobs-chars', '2400000'));
  const lines: string[] = [];
  let chars = 0;
  for (let k = 0; chars < JOBS_CHARS; k += 10) {
    const a = sentences.slice(k % sentences.length, (k % sentences.length) + 10).join('\n');
    lines.push(JSON.stringify({ id: `article-${lines.length}`, text: a }));
    chars += a.length;
  }
  const archive = path.join(os.tmpdir(), `news-lens-bench-${process.pid}.jsonl`);
  fs.writeFileSync(archive, lines.join('\n') + '\n');
  const runsJ = Math.max(3, Number(opt('jobs-runs', '3')));
  const ms: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const hashes: Record<1 | 2, Set<string>> = { 1: new Set(), 2: new Set() };
  try {
    for (let i = 0; i < runsJ; i++) {
      for (const j of [1, 2] as const) {
        const a = performance.now();
        const r = spawnSync(process.execPath, [cli, 'tag', archive, '--jobs', String(j)], { maxBuffer: 1 << 30 });
        ms[j].push(performance.now() - a);
        if (r.status !== 0) throw new Error(`news-lens tag --jobs ${j} exited ${r.status}: ${r.stderr}`);
        hashes[j].add(createHash('sha256').update(r.stdout).digest('hex'));
      }
    }
  } finally {
    fs.rmSync(archive, { force: true });
  }
  const runOf = (j: 1 | 2): JobsRun => ({ medianMs: median(ms[j]), articlesPerSec: lines.length / (median(ms[j]) / 1000), charsPerSec: chars / (median(ms[j]) / 1000) });
  const jobs1 = runOf(1);
  const jobs2 = runOf(2);
  const all = new Set([...hashes[1], ...hashes[2]]);
  jobsScaling = { articles: lines.length, chars, runs: runsJ, cores: os.availableParallelism(), jobs1, jobs2, ratio: jobs2.articlesPerSec / jobs1.articlesPerSec, identical: all.size === 1 };
}

// Whole processes, as a user runs them: `news-lens tag` (the built CLI: Node start, bundle, model
// load, reading, tagging, writing) against a Node process doing the same with @node-rs/jieba
// (bench/jiebaProcess.cjs), on one sentence, on the bench text and on it repeated to 10 M
// characters; interleaved, median of the runs.
type ProcRun = { chars: number; runs: number; oursMs: number; jiebaMs: number; ratio: number };
let wholeProcess: { sentence: ProcRun; text: ProcRun; large: ProcRun } | undefined;
if (!flag('skip-process')) {
  buildShipped();
  const cli = path.join(root, 'dist', 'cli', 'newsLens.js');
  const peer = path.join(__dirname, 'jiebaProcess.cjs');
  const measure = (input: string, runs: number): ProcRun => {
    const file = path.join(os.tmpdir(), `news-lens-bench-${process.pid}.txt`);
    fs.writeFileSync(file, input);
    const ms = { ours: [] as number[], jieba: [] as number[] };
    try {
      for (let i = 0; i < runs; i++) {
        for (const [who, args] of [['ours', [cli, 'tag']], ['jieba', [peer]]] as const) {
          const fd = fs.openSync(file, 'r');
          const a = performance.now();
          const r = spawnSync(process.execPath, args, { stdio: [fd, 'pipe', 'pipe'], maxBuffer: 1 << 30 });
          ms[who].push(performance.now() - a);
          fs.closeSync(fd);
          if (r.status !== 0) throw new Error(`${who} exited ${r.status}: ${String(r.stderr).slice(0, 200)}`);
        }
      }
    } finally {
      fs.rmSync(file, { force: true });
    }
    const oursMs = median(ms.ours), jiebaMs = median(ms.jieba);
    return { chars: input.length, runs, oursMs, jiebaMs, ratio: jiebaMs / oursMs };
  };
  let large = text;
  while (large.length < 10_000_000) large += '\n' + text;
  wholeProcess = {
    sentence: measure(sentences[0] + '\n', 7),
    text: measure(text + '\n', 3),
    large: measure(large + '\n', 2),
  };
}


const MB = 1024 * 1024;
const result = {
  textChars: text.length,
  runs: RUNS,
  ours: { name: oursName, medianMs: median(oursMs), charsPerSec: oursCps, spans: nSpans },
  jieba: { name: '@node-rs/jieba tag()', medianMs: median(jiebaMs), charsPerSec: jiebaCps },
  ratio: oursCps / jiebaCps,
  modelOnly: { medianMs: median(modelMs), charsPerSec: modelCps, decoder },
  modelOnlyJavaScript: { medianMs: median(jsMs), charsPerSec: jsCps },
  analyzeFixtureMs: analyzeMs,
  modelLoadMs: loadMs,
  jobsScaling,
  wholeProcess,
  weightsBytes: fs.statSync(weights).size,
  peakRssMB: peakRss / MB,
  peakHeapMB: peakHeap / MB,
};
const k = (x: number): string => `${(x / 1e6).toFixed(2)} M chars/s`;
console.log(`text: ${text.length.toLocaleString()} chars (CLUENER train+dev sentences, one per line) in ${docs.length} documents of ~${DOC_CHARS} chars; median of ${RUNS} runs after warm-up`);
console.log(`  ${oursName.padEnd(52)} ${result.ours.medianMs.toFixed(0).padStart(6)} ms  ${k(oursCps)}  (${nSpans} spans)`);
console.log(`  ${'@node-rs/jieba tag()'.padEnd(52)} ${result.jieba.medianMs.toFixed(0).padStart(6)} ms  ${k(jiebaCps)}`);
console.log(`  ratio ours/jieba: ${result.ratio.toFixed(2)}×  (target ≥ 1.2×)`);
console.log(`  model alone: ${k(modelCps)} (${decoder === 'wasm' ? 'WebAssembly decoder' : `${decoder} decoder`}); JavaScript decoder: ${k(jsCps)}`);
console.log(`analyze() on ${path.basename(FIXTURE)}: ${analyzeMs === undefined ? 'n/a (core analyze() not available)' : `${analyzeMs.toFixed(2)} ms median of 11`}`);
console.log(`model load: ${loadMs.toFixed(0)} ms; weights ${path.relative(root, weights)} ${(result.weightsBytes / MB).toFixed(2)} MB`);
console.log(`peak memory: rss ${result.peakRssMB.toFixed(0)} MB, heap used ${result.peakHeapMB.toFixed(0)} MB`);
if (jobsScaling) {
  const j = jobsScaling;
  const f = (r: JobsRun) => `${Math.round(r.articlesPerSec).toLocaleString('en-US')} articles/s (${(r.medianMs / 1000).toFixed(2)} s)`;
  console.log(`news-lens tag ARCHIVE.jsonl, ${j.articles.toLocaleString('en-US')} articles of 10 CLUENER sentences (${(j.chars / 1e6).toFixed(2)} M chars), whole process, median of ${j.runs}, ${j.cores} cores:`);
  console.log(`  --jobs 1: ${f(j.jobs1)};  --jobs 2: ${f(j.jobs2)};  ratio ${j.ratio.toFixed(2)}×;  outputs ${j.identical ? 'identical' : 'DIFFER'}`);
}
if (wholeProcess) {
  const w = wholeProcess;
  const f = (name: string, r: ProcRun, target: string) =>
    `  ${name.padEnd(28)} news-lens ${(r.oursMs / 1000).toFixed(2)} s, jieba ${(r.jiebaMs / 1000).toFixed(2)} s: ${r.ratio.toFixed(2)}× jieba's throughput (${target}; median of ${r.runs})`;
  console.log(`news-lens tag vs a jieba process, whole processes from start to exit:`);
  console.log(f('one sentence', w.sentence, 'target: news-lens ≤ 0.2 s'));
  console.log(f(`${(w.text.chars / 1e6).toFixed(2)} M chars`, w.text, 'target ≥ 1.5×'));
  console.log(f(`${(w.large.chars / 1e6).toFixed(2)} M chars`, w.large, 'target ≥ 2×'));
}
const jsonOut = opt('json', '');
if (jsonOut) {
  fs.writeFileSync(jsonOut, JSON.stringify(result, null, 2) + '\n');
  console.log(`wrote ${jsonOut}`);
}
