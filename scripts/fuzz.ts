/**
 * `npm run fuzz`: the core and the corrections file under generated input (issue 13). Exit code 1 on
 * any failure, including a growth pattern that costs more than linear time.
 *
 *  1. growth patterns: long runs of 、, of closing marks, of brackets, one name repeated, an attendee
 *     list, a one-megabyte line, many lines, many region headings: tag() and analyze() (and the
 *     server's article summary) timed at doubling sizes, CPU time, best of 2–3; the cost per
 *     character at the largest size against the smallest (this replaces the unit tier's timed
 *     "performance shape" tests, which failed on a loaded machine); measured first, on a fresh heap;
 *  2. documents (default 100,000, test/fuzz/coreProperties.ts) through tag() and analyze(): never
 *     throws; spans in bounds, on their text, sorted, not overlapping, no split surrogate pair;
 *     the same result when run again (every --every-deterministic-th document); canaries re-tagged
 *     after every document give what they gave first; time per character: the slowest document
 *     (re-timed, best of 3) against the median, among documents of 2,000 characters or more;
 *  3. the CLI: lines of the generated documents through `news-lens tag` (dist/, built), one line out
 *     per line in, each what tag() gives in process;
 *  4. the corrections file: 20,000 generated files (test/fuzz/correctionsProperties.ts), then two
 *     processes adding entries at once while a reader checks every read parses.
 *
 *   npm run fuzz
 *   npm run fuzz -- --docs 20000 --seed 7 --corrections 5000 --writers 50 --json bench/fuzz-last-run.json
 *   npm run fuzz -- --only growth
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, tag } from '../src/core/index';
import { buildSummary } from '../src/server/export/summary';
import { parseCorrections, toUserLexicon } from '../src/protocol/corrections/format';
import { checkCliContract, cliLines } from '../test/fuzz/cliContract';
import { Canary, checkDocument, documentOf, newsSentences, type DocumentResult } from '../test/fuzz/coreProperties';
import { runCorrectionsProperty } from '../test/fuzz/correctionsProperties';
import { opt } from './cliArgs';

const root = path.join(__dirname, '..');
const DOCS = Number(opt('docs', '100000'));
const SEED = Number(opt('seed', '13'));
const EVERY_DET = Number(opt('every-deterministic', '10'));
const CORRECTIONS = Number(opt('corrections', '20000'));
const WRITER_ENTRIES = Number(opt('writers', '100'));
const CLI_LINES = Number(opt('cli-lines', '50000'));
const ONLY = opt('only', '');
const JSON_OUT = opt('json', '');
/** Per-character cost at the largest size over the smallest above which a pattern counts as super-linear. */
const MAX_GROWTH = 2.5;
/** The slowest document's time per character against the median (the issue's target). */
const MAX_SLOWEST = 5;
/** Documents timed for the per-character comparison: at least this long. */
const MIN_TIMED = 1000;
/** A growth pattern stops doubling once one run takes this long. */
const RUN_CAP_MS = 15_000;

const report: Record<string, unknown> = { date: new Date().toISOString(), seed: SEED, node: process.version };
const failures: string[] = [];
const log = (m: string) => console.log(m);
const run = (name: string) => !ONLY || ONLY.split(',').includes(name);
const fmt = (x: number, d = 1) => x.toFixed(d);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
}

function cpuMs(fn: () => unknown): number {
  const t0 = process.cpuUsage();
  fn();
  const d = process.cpuUsage(t0);
  return (d.user + d.system) / 1000;
}

/**
 * CPU milliseconds one call of `fn` takes: calls repeated until at least 30 ms were spent (short
 * calls are below the clock's noise), best of `n` such measurements (load from other processes only
 * ever adds time).
 */
function bestOf(n: number, fn: () => unknown): number {
  let best = Infinity;
  for (let i = 0; i < n; i++) {
    let calls = 0;
    let ms = 0;
    do {
      ms += cpuMs(fn);
      calls++;
    } while (ms < 30);
    best = Math.min(best, ms / calls);
  }
  return best;
}

// ---- 1. documents
function fuzzDocuments(): string[] {
  log(`\n[fuzz] 2. ${DOCS.toLocaleString('en')} generated documents through tag() and analyze() (seed ${SEED})`);
  const canary = new Canary();
  const results: (DocumentResult & { doc: string })[] = [];
  const kept: string[] = [];
  let chars = 0;
  let n = 0;
  const t0 = Date.now();
  try {
    fc.assert(
      fc.property(fc.gen(), (g) => {
        const doc = documentOf(g);
        n++;
        const r = checkDocument(doc, canary, { deterministic: n % EVERY_DET === 0 });
        chars += doc.length;
        if (doc.length >= MIN_TIMED) results.push({ ...r, doc });
        if (kept.length < 20000) kept.push(doc);
        if (n % 10000 === 0) log(`  ${n.toLocaleString('en')} documents, ${(chars / 1e6).toFixed(1)} M chars, ${Math.round((Date.now() - t0) / 1000)} s`);
      }),
      { numRuns: DOCS, seed: SEED, endOnFailure: true },
    );
  } catch (err) {
    failures.push(`documents: ${(err as Error).message.split('\n').slice(0, 30).join('\n')}`);
    log(String((err as Error).message).split('\n').slice(0, 40).join('\n'));
  }
  // time per character among documents long enough that fixed costs do not dominate: the 20
  // slowest of the first pass and 200 others chosen evenly are timed again the same way (CPU time,
  // best of 3), and the slowest of them is compared with the median of the 200
  const retime = (doc: string) => bestOf(3, () => (tag(doc), analyze(doc))) / doc.length;
  const firstPass = results.map((r) => (r.tagMs + r.analyzeMs) / r.chars);
  const step = Math.max(1, Math.floor(results.length / 200));
  const sample = results.filter((_, i) => i % step === 0).slice(0, 200).map((r) => retime(r.doc));
  const med = median(sample);
  const worst = results
    .map((r, i) => ({ r, pc: firstPass[i] }))
    .sort((a, b) => b.pc - a.pc)
    .slice(0, 20)
    .map(({ r }) => ({ doc: r.doc, pc: retime(r.doc) }))
    .sort((a, b) => b.pc - a.pc);
  const slowest = worst[0];
  const ratio = slowest ? slowest.pc / med : NaN;
  const docs = { documents: n, codeUnits: chars, failures: failures.length, seconds: Math.round((Date.now() - t0) / 1000), timed: results.length, sampled: sample.length, medianUsPerChar: med * 1000, slowestUsPerChar: (slowest?.pc ?? NaN) * 1000, slowestOverMedian: ratio, slowest: slowest?.doc.slice(0, 120) };
  report.documents = docs;
  log(`  ${n.toLocaleString('en')} documents, ${chars.toLocaleString('en')} code units, ${failures.length} failures, ${docs.seconds} s`);
  log(`  time per character (tag + analyze, CPU, best of 3; ${results.length} documents of ≥ ${MIN_TIMED} chars): median ${fmt(med * 1000, 2)} µs (${sample.length} of them), slowest ${fmt((slowest?.pc ?? NaN) * 1000, 2)} µs (of the 20 slowest at first) = ${fmt(ratio, 2)}× the median`);
  if (ratio > MAX_SLOWEST) failures.push(`documents: the slowest costs ${fmt(ratio, 2)}× the median time per character (at most ${MAX_SLOWEST}×)`);
  if (slowest) log(`  slowest: ${JSON.stringify(slowest.doc.slice(0, 100))}…`);
  return kept;
}

// ---- 2. growth patterns
interface Pattern {
  name: string;
  make: (n: number) => string;
  sizes: number[];
}

function repeatTo(unit: string, n: number): string {
  let s = unit;
  while (s.length < n) s += s;
  return s.slice(0, n);
}

function patterns(): Pattern[] {
  const samples = fs
    .readdirSync(path.join(root, 'samples'))
    .map((f) => fs.readFileSync(path.join(root, 'samples', f), 'utf8'))
    .join('\n');
  const oneLine = samples.replace(/\s*\n\s*/g, '');
  const news = newsSentences().slice(0, 3000).join('\n');
  const heads = ['## 北京', '**广州：**', '【上海】', '深圳：', '### 朝阳区', '杭州市：'];
  const paras = samples.split('\n').filter((l) => l.trim());
  let regions = '';
  for (let i = 0; regions.length < 300_000; i++) regions += (i % 3 === 0 ? heads[(i / 3) % heads.length | 0] + '\n' : '') + paras[i % paras.length] + '\n';
  // an attendee list: many different officials, then many different companies, in one sentence
  const surnames = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤';
  const given = '伟刚勇毅俊峰强军平保东文辉力明永健世广志义兴良海山仁波宁贵福生龙元全国胜学祥才发武新利清飞彬富顺信子杰涛昌成康星光天达安岩中茂进林有坚和彪博诚先敬震振壮会思群豪心邦承乐绍功松善厚庆磊民友裕河哲江超浩亮政谦亨奇固之轮翰朗伯宏言若鸣朋斌梁栋维启克伦翔旭鹏泽晨辰士以建家致树炎德行时泰盛雄琛钧冠策腾楠榕风航弘';
  const provinces = ['北京市委书记', '上海市市长', '广东省省长', '浙江省委副书记', '湖北省副省长', '重庆市委常委'];
  const official = (i: number) => provinces[i % provinces.length] + surnames[i % surnames.length] + given[(i * 7) % given.length] + given[(i * 13 + 1) % given.length];
  const firm = (i: number) => given[i % given.length] + given[Math.floor(i / given.length) % given.length] + given[(i * 7 + 3) % given.length] + '科技有限公司';
  const attendees = (n: number) => {
    let a = '';
    for (let i = 0; a.length < n / 2; i++) a += official(i) + '、';
    let b = '';
    for (let i = 0; a.length + b.length < n - 8; i++) b += firm(i) + '、';
    return `${a.slice(0, -1)}会见了${b.slice(0, -1)}等企业负责人。`;
  };
  const sizes = (from: number, steps = 4) => Array.from({ length: steps }, (_, i) => from * 2 ** i);
  return [
    { name: 'run of 、', make: (n) => '北京' + '、'.repeat(n - 4) + '上海', sizes: sizes(30_000) },
    { name: 'list joined by 、', make: (n) => repeatTo('北京、上海、广州、深圳、朝阳区、', n), sizes: sizes(30_000) },
    { name: 'closing marks after 。', make: (n) => '北京市委书记尹力说。' + repeatTo('）」”', n - 10), sizes: sizes(30_000) },
    { name: 'open brackets', make: (n) => repeatTo('（', n), sizes: sizes(30_000) },
    { name: 'unbalanced brackets and suffixes', make: (n) => repeatTo('（华为技术有限公司与（小米科技有限责任公司', n), sizes: sizes(30_000) },
    { name: 'one name repeated', make: (n) => repeatTo('尹力', n), sizes: sizes(30_000) },
    { name: 'attendee list (one sentence)', make: attendees, sizes: sizes(2_500, 5) },
    { name: 'source labels', make: (n) => repeatTo('据报道（来源：新华社、人民日报），记者王小明报道。', n), sizes: sizes(30_000) },
    { name: 'one long line (to 1 MB)', make: (n) => repeatTo(oneLine, n), sizes: sizes(125_000) },
    { name: 'many lines of news', make: (n) => repeatTo(news, n), sizes: sizes(30_000) },
    { name: 'many region headings', make: (n) => regions.slice(0, n), sizes: sizes(30_000) },
    { name: 'a region heading every line', make: (n) => repeatTo('## 北京\n北京、上海和广州的企业。\n【上海】\n华为在上海。\n', n), sizes: sizes(30_000) },
    // lines that are only a region, numbered, colon and bulleted leads, nested headings, datelines of a
    // digest, and sentences that merely start with a region (1 MB has ~40,000 marker lines)
    {
      name: 'region lines in every section style',
      make: (n) => repeatTo('海淀区\n正文一句。\n一、河北\n（一）石家庄：正文。\n1. 浦东\n●臺北市:明日正常上班上課。\n## 江苏\n### 苏州\n新华社南京11月20日电 记者获悉。\n北京市委书记来到朝阳区调研。\n【湖北要闻】\n浙江省：正文。\n', n),
      sizes: sizes(30_000),
    },
  ];
}

function growth(): void {
  log(`\n[fuzz] 1. growth patterns: CPU time per character at doubling sizes (super-linear above ${MAX_GROWTH}× from the smallest to the largest)`);
  const rows: Record<string, unknown>[] = [];
  for (const p of patterns()) {
    for (const [fn, f] of [
      ['tag', (t: string) => tag(t)],
      ['analyze', (t: string) => analyze(t)],
    ] as const) {
      const points: { n: number; usPerChar: number }[] = [];
      const texts: string[] = [];
      f(p.make(p.sizes[0])); // warm up
      for (const n of p.sizes) {
        const text = p.make(n);
        const ms = bestOf(n <= 60_000 ? 3 : 2, () => f(text));
        points.push({ n: text.length, usPerChar: (ms * 1000) / text.length });
        texts.push(text);
        if (ms > RUN_CAP_MS) break;
      }
      let g = points[points.length - 1].usPerChar / points[0].usPerChar;
      // a verdict of super-linear is measured twice more (each size's best time kept): another
      // process's load can make one size look slow, a real quadratic stays
      for (let attempt = 0; attempt < 2 && g > MAX_GROWTH; attempt++) {
        points.forEach((pt, k) => {
          if ((pt.usPerChar * pt.n) / 1000 > RUN_CAP_MS) return;
          pt.usPerChar = Math.min(pt.usPerChar, (bestOf(2, () => f(texts[k])) * 1000) / pt.n);
        });
        g = points[points.length - 1].usPerChar / points[0].usPerChar;
      }
      const superLinear = points.length > 1 && g > MAX_GROWTH;
      rows.push({ pattern: p.name, fn, points, growth: g, superLinear });
      log(
        `  ${superLinear ? 'SUPER-LINEAR' : 'linear      '} ${fn.padEnd(8)} ${p.name.padEnd(34)} ${points.map((x) => `${x.n >= 1e6 ? `${fmt(x.n / 1e6, 1)}M` : `${Math.round(x.n / 1000)}k`}: ${fmt(x.usPerChar, 2)} µs`).join('  ')}  → ${fmt(g, 2)}×`,
      );
      if (superLinear) failures.push(`growth: ${fn}() on "${p.name}" costs ${fmt(g, 2)}× per character at ${points[points.length - 1].n} chars what it costs at ${points[0].n}`);
    }
  }
  // the server's article summary (Regions view, export) of a long line and of many sections; the
  // analysis is made before the timing
  for (const p of patterns().filter((x) => x.name === 'one long line (to 1 MB)' || x.name === 'many region headings')) {
    const points: { n: number; usPerChar: number }[] = [];
    for (const n of p.sizes.slice(0, 3)) {
      const text = p.make(n);
      const a = analyze(text, { useModel: false });
      const doc = TextDocument.create('file:///fuzz.md', 'markdown', 1, text);
      buildSummary(doc, a);
      points.push({ n: text.length, usPerChar: (bestOf(2, () => buildSummary(doc, a)) * 1000) / text.length });
    }
    const g = points[points.length - 1].usPerChar / points[0].usPerChar;
    const superLinear = g > MAX_GROWTH;
    rows.push({ pattern: p.name, fn: 'summary', points, growth: g, superLinear });
    log(`  ${superLinear ? 'SUPER-LINEAR' : 'linear      '} ${'summary'.padEnd(8)} ${p.name.padEnd(34)} ${points.map((x) => `${Math.round(x.n / 1000)}k: ${fmt(x.usPerChar, 2)} µs`).join('  ')}  → ${fmt(g, 2)}×`);
    if (superLinear) failures.push(`growth: the summary of "${p.name}" costs ${fmt(g, 2)}× per character at ${points[points.length - 1].n} chars what it costs at ${points[0].n}`);
  }
  report.growth = rows;
}

// ---- 3. CLI
async function cli(docs: string[]): Promise<void> {
  log(`\n[fuzz] 3. the CLI's one-line-in, one-line-out contract (news-lens tag, dist/cli)`);
  if (!fs.existsSync(path.join(root, 'dist', 'cli', 'newsLens.js'))) {
    const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
    if (b.status !== 0) throw new Error('node esbuild.mjs failed');
  }
  const lines = cliLines(docs.length ? docs : newsSentences().slice(0, 1000), CLI_LINES);
  try {
    const n = await checkCliContract(lines);
    report.cli = { lines: n, codeUnits: lines.reduce((s, l) => s + l.length, 0), failures: 0 };
    log(`  ${n.toLocaleString('en')} lines in, ${n.toLocaleString('en')} lines out, each as tag() gives it in process`);
  } catch (err) {
    failures.push(`cli: ${(err as Error).message.slice(0, 2000)}`);
    report.cli = { lines: lines.length, failures: 1 };
    log(`  FAILED: ${(err as Error).message.slice(0, 2000)}`);
  }
}

// ---- 4. corrections
async function corrections(): Promise<void> {
  log(`\n[fuzz] 4. the corrections file: ${CORRECTIONS.toLocaleString('en')} generated files, then two writers at once`);
  const t0 = Date.now();
  try {
    const counts = runCorrectionsProperty(CORRECTIONS, SEED);
    report.corrections = { files: CORRECTIONS, outcomes: counts, failures: 0, seconds: Math.round((Date.now() - t0) / 1000) };
    log(`  ${CORRECTIONS.toLocaleString('en')} files, 0 failures: ${Object.entries(counts).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  } catch (err) {
    failures.push(`corrections: ${(err as Error).message.split('\n').slice(0, 40).join('\n')}`);
    log((err as Error).message.split('\n').slice(0, 40).join('\n'));
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-fuzz-'));
  const file = path.join(dir, '.vscode', 'news-lens.json');
  fs.mkdirSync(path.dirname(file));
  fs.writeFileSync(file, '\uFEFF// mine\n{\n  "corrections": [\n    { "text": "雀巢", "type": "none" } // keep me\n  ]\n}\n');
  const writer = (prefix: string) =>
    new Promise<void>((resolve, reject) => {
      const p = spawn(process.execPath, ['-r', 'tsx/cjs', path.join(root, 'test/fuzz/correctionsWriter.ts'), file, prefix, String(WRITER_ENTRIES)], { cwd: root, stdio: ['ignore', 'ignore', 'pipe'] });
      let err = '';
      p.stderr!.on('data', (d) => (err += String(d)));
      p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`writer ${prefix}: exit ${code}\n${err}`))));
    });
  let reads = 0;
  let bad = 0;
  let reading = true;
  const reader = (async () => {
    while (reading) {
      const text = fs.readFileSync(file, 'utf8');
      if (parseCorrections(text.replace(/^\uFEFF/, '')).syntaxErrors || !text.includes('// keep me') || !text.startsWith('\uFEFF')) bad++;
      reads++;
      await new Promise((r) => setImmediate(r));
    }
  })();
  try {
    await Promise.all([writer('甲公司'), writer('乙公司')]);
  } catch (err) {
    failures.push(`concurrent writers: ${(err as Error).message}`);
  } finally {
    reading = false;
    await reader;
  }
  const texts = new Set(toUserLexicon(parseCorrections(fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '')).corrections).entries.map((e) => e.text));
  let lost = 0;
  for (const p of ['甲公司', '乙公司']) for (let i = 0; i < WRITER_ENTRIES; i++) if (!texts.has(`${p}${i}`)) lost++;
  if (lost || bad) failures.push(`concurrent writers: ${lost} entries lost, ${bad} of ${reads} reads unparsable or without the user's entry`);
  report.concurrentWriters = { writers: 2, entriesEach: WRITER_ENTRIES, lost, reads, badReads: bad };
  log(`  2 processes × ${WRITER_ENTRIES} entries at once: ${lost} lost; ${reads.toLocaleString('en')} reads meanwhile, ${bad} unparsable or without the user's entry, comment or BOM`);
  fs.rmSync(dir, { recursive: true, force: true });
}

async function main(): Promise<void> {
  const t0 = Date.now();
  // growth first, on a fresh heap: after 100,000 documents (kept for the CLI step) every collection
  // walks a heap of hundreds of megabytes, and that cost grows with the size of the document measured
  if (run('growth')) growth();
  const docs = run('documents') ? fuzzDocuments() : [];
  if (run('cli')) await cli(docs);
  if (run('corrections')) await corrections();
  report.failures = failures;
  report.seconds = Math.round((Date.now() - t0) / 1000);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify(report, null, 2) + '\n');
  log(`\n[fuzz] ${failures.length ? `FAILED (${failures.length})` : 'passed'} in ${report.seconds} s`);
  for (const f of failures) log(`  - ${f.split('\n')[0]}`);
  process.exitCode = failures.length ? 1 : 0;
}

main().catch((e) => {
  console.error(`[fuzz] ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
