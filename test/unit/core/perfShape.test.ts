/**
 * Performance shape (not absolute speed): the per-character cost of the rules and of analyze()
 * must not grow with the length of a text or of a line. Each case compares a text with one ten
 * times longer built the same way; a quadratic step would make the long one ~10x slower per
 * character, linear code stays near 1x. CPU time, best of a few runs, and up to three attempts,
 * so that load from other processes on a shared machine does not fail it.
 */
import * as assert from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze, recognizeRich } from '../../../src/core';
import { buildSummary } from '../../../src/server/export/summary';
import { repoRoot } from './helpers';

const MAX_RATIO = 3.5;

function sampleText(): string {
  const dir = path.join(repoRoot, 'samples');
  return fs
    .readdirSync(dir)
    .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
    .join('\n');
}

function bestMsPerChar(fn: (t: string) => unknown, text: string, runs: number): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const t0 = process.cpuUsage();
    fn(text);
    const d = process.cpuUsage(t0);
    const ms = (d.user + d.system) / 1000;
    best = Math.min(best, ms);
  }
  return best / text.length;
}

function repeatTo(unit: string, n: number): string {
  let s = unit;
  while (s.length < n) s += s;
  return s.slice(0, n);
}

function assertLinear(name: string, fn: (t: string) => unknown, make: (n: number) => string, small = 40_000, factor = 10): void {
  const a = make(small);
  const b = make(small * factor);
  fn(a); // warm up
  let ratio = Infinity;
  for (let attempt = 0; attempt < 3 && ratio >= MAX_RATIO; attempt++) {
    const perSmall = bestMsPerChar(fn, a, 5);
    const perBig = bestMsPerChar(fn, b, 2);
    ratio = Math.min(ratio, perBig / Math.max(perSmall, 1e-7));
  }
  assert.ok(ratio < MAX_RATIO, `${name}: ${b.length} chars cost ${ratio.toFixed(1)}x per char of ${a.length} chars`);
}

describe('performance shape', function () {
  this.timeout(120_000);
  const base = sampleText();
  const oneLine = base.replace(/\s*\n\s*/g, '');

  it('rules: one long line costs no more per char than a short one', () => {
    assertLinear('one line', recognizeRich, (n) => repeatTo(oneLine, n));
  });

  it('rules: many lines cost no more per char than few', () => {
    assertLinear('lines', recognizeRich, (n) => repeatTo(base, n));
  });

  it('rules: repeated source labels on one line', () => {
    assertLinear('source labels', recognizeRich, (n) => repeatTo('据报道（来源：新华社、人民日报），记者王小明报道。', n));
  });

  it('rules: unbalanced brackets before company suffixes', () => {
    assertLinear('brackets', recognizeRich, (n) => repeatTo('（华为技术有限公司与（小米科技有限责任公司', n));
  });

  it('summary (Regions view, export): one long line of mentions costs no more per char than many lines', () => {
    // the analysis is made once per text; only the summary is timed
    const analyses = new Map<string, ReturnType<typeof analyze>>();
    const summarise = (t: string) => {
      let a = analyses.get(t);
      if (!a) analyses.set(t, (a = analyze(t, { useModel: false })));
      return buildSummary(TextDocument.create('file:///a.md', 'markdown', 1, t), a);
    };
    const make = (n: number) => repeatTo(oneLine, n);
    summarise(make(20_000));
    summarise(make(200_000));
    assertLinear('summary one line', summarise, make, 20_000, 10);
  });

  it('analyze: one long line, and many region headings', () => {
    const an = (t: string) => analyze(t, { useModel: false });
    assertLinear('analyze one line', an, (n) => repeatTo(oneLine, n));
    const heads = ['## 北京', '**广州：**', '【上海】', '深圳：', '### 朝阳区', '杭州市：'];
    const paras = base.split('\n').filter((l) => l.trim());
    let doc = '';
    for (let i = 0; doc.length < 400_000; i++) doc += (i % 3 === 0 ? heads[(i / 3) % heads.length | 0] + '\n' : '') + paras[i % paras.length] + '\n';
    assertLinear('analyze regions', an, (n) => doc.slice(0, n), 20_000, 10);
    // a region heading every line, the same entities in every region
    const dense = repeatTo('## 北京\n北京、上海和广州的企业。\n【上海】\n华为在上海。\n', 400_000);
    assertLinear('analyze dense regions', an, (n) => dense.slice(0, n), 20_000, 10);
  });
});
