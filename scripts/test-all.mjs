#!/usr/bin/env node
// `npm test`: every tier, in order, each one run and reported even when an earlier one failed
// (a failure in one tier must not hide the others' results); the exit code fails if any tier did.
// A summary line follows each tier; the real-VS-Code tier runs last, and its closing line
// "vscode: N passed, N failed" is printed again as the very last line, after the overall summary.
//
//   npm test
//   npm test -- --tiers unit,protocol      a subset (names below), same reporting
import { spawn } from 'node:child_process';

const TIERS = [
  ['typecheck', 'typecheck'],
  ['build', 'build'],
  ['unit', 'test:unit'],
  ['protocol', 'test:protocol'],
  ['grammar', 'test:grammar'],
  ['vscode', 'test:vscode'],
];

const argi = process.argv.indexOf('--tiers');
const only = argi >= 0 ? (process.argv[argi + 1] ?? '').split(',').filter(Boolean) : undefined;
const unknown = only?.filter((t) => !TIERS.some(([name]) => name === t)) ?? [];
if (unknown.length) {
  console.error(`[test] unknown tier(s): ${unknown.join(', ')} (tiers: ${TIERS.map(([n]) => n).join(', ')})`);
  process.exit(2);
}
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** Runs `npm run <script>`, passing its output through; resolves with its exit code and the output's last 64 KB. */
function runTier(script) {
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', script], { stdio: ['inherit', 'pipe', 'pipe'], env: process.env });
    let tail = '';
    const keep = (chunk) => {
      tail = (tail + chunk.toString()).slice(-65536);
    };
    child.stdout.on('data', (d) => (process.stdout.write(d), keep(d)));
    child.stderr.on('data', (d) => (process.stderr.write(d), keep(d)));
    child.on('error', (err) => resolve({ code: 127, tail: String(err) }));
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), tail }));
  });
}

/** What a tier's output says about its tests, for the summary line. */
function counts(name, tail) {
  const plain = tail.replace(/\x1b\[[0-9;]*m/g, '');
  if (name === 'unit' || name === 'protocol') {
    const pass = /(\d+) passing/.exec(plain)?.[1];
    const fail = /(\d+) failing/.exec(plain)?.[1];
    return pass || fail ? `${pass ?? 0} passing, ${fail ?? 0} failing` : '';
  }
  if (name === 'grammar') {
    const ok = (plain.match(/run successfuly/g) ?? []).length;
    return ok ? `${ok} grammar test files passed` : '';
  }
  if (name === 'vscode') return /^vscode: .*$/m.exec(plain.split('\n').reverse().join('\n'))?.[0] ?? '';
  return '';
}

const results = [];
for (const [name, script] of TIERS) {
  if (only && !only.includes(name)) continue;
  console.log(`\n[test] ── ${name} (npm run ${script}) ──`);
  const t0 = Date.now();
  const { code, tail } = await runTier(script);
  const r = { name, ok: code === 0, code, seconds: Math.round((Date.now() - t0) / 1000), detail: counts(name, tail), tail };
  results.push(r);
  console.log(`[test] ${name}: ${r.ok ? 'PASS' : `FAIL (exit ${code})`}${r.detail ? ` — ${r.detail}` : ''} (${r.seconds} s)`);
}

const failed = results.filter((r) => !r.ok);
console.log(`\n[test] summary: ${results.map((r) => `${r.name} ${r.ok ? 'PASS' : 'FAIL'}`).join(' · ')}`);
console.log(failed.length ? `[test] FAILED: ${failed.map((r) => r.name).join(', ')}` : '[test] all tiers passed');
// the real-VS-Code tier's closing line stays the last thing printed
const vscode = results.find((r) => r.name === 'vscode');
const closing = vscode && /^vscode: .*$/m.exec(vscode.tail.replace(/\x1b\[[0-9;]*m/g, '').split('\n').reverse().join('\n'))?.[0];
if (closing) console.log(closing);
process.exitCode = failed.length ? 1 : 0;
