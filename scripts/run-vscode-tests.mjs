#!/usr/bin/env node
// `npm run test:vscode`: the extension inside a real VS Code, offline. Compiles the suite
// (test/vscode/suite -> out/test/vscode/suite) and the launchers, then runs the suite in
// code-server 4.100.3 (VS Code 1.100.3, the oldest engines.vscode admits) and 4.139.1 (VS Code
// 1.139.1, the newest), each driven by Debian's Chromium. Install those first: `npm run setup`.
//
//   NEWS_LENS_CODE_SERVER_VERSIONS="4.100.3"   run on a subset
//   NEWS_LENS_SCREENSHOTS=test-results/shots  also write the suite's README screenshots there
//   NEWS_LENS_SKIP_VSCODE_TESTS=1             (local only) skip this tier when code-server is missing
//   NEWS_LENS_VERBOSE=1                        echo code-server's and the workbench's own logs
// Each version runs twice: the whole suite in VS Code's English UI, then the tests tagged @zh with the
// display language set to zh-cn (code-server --locale zh-cn): the extension's own strings in Chinese.
//   NEWS_LENS_ZH_PASS=0                        skip the zh-cn pass
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VERSIONS = (process.env.NEWS_LENS_CODE_SERVER_VERSIONS ?? '4.100.3 4.139.1').split(/\s+/).filter(Boolean);
const CI = !!process.env.CI && process.env.CI !== 'false';
const log = (m) => console.log(`[test:vscode] ${m}`);
const t0 = Date.now();
const COMPILE_ONLY = process.argv.includes('--compile-only'); // used by test:vscode:desktop

function fail(msg, code = 1) {
  console.error(`[test:vscode] FAILED: ${msg}`);
  process.exit(code);
}

// ---- 1. the environment: Chromium and the code-server installs from scripts/setup-vscode-test.sh
const missing = [];
if (!COMPILE_ONLY && !fs.existsSync(process.env.NEWS_LENS_CHROMIUM ?? '/usr/bin/chromium')) missing.push('Chromium (/usr/bin/chromium)');
for (const v of COMPILE_ONLY ? [] : VERSIONS) {
  const marker = path.join(REPO, '.vscode-test', `code-server-${v}`, '.news-lens-verified');
  if (!fs.existsSync(marker)) missing.push(`code-server ${v} (.vscode-test/code-server-${v})`);
}
if (missing.length) {
  const why = `the real-VS-Code tier needs ${missing.join(', ')}; install with: npm run setup   (bash scripts/setup-vscode-test.sh)`;
  if (CI) fail(`${why}\n  CI must run scripts/setup-vscode-test.sh before npm test (see .ci/run); this tier is never skipped under CI.`);
  if (process.env.NEWS_LENS_SKIP_VSCODE_TESTS === '1') {
    const bar = '!'.repeat(78);
    console.error(`${bar}\n!! SKIPPED: the real-VS-Code tests did NOT run (NEWS_LENS_SKIP_VSCODE_TESTS=1).\n!! ${why}\n${bar}`);
    process.exit(0);
  }
  fail(`${why}\n  (to skip this tier locally, knowingly: NEWS_LENS_SKIP_VSCODE_TESTS=1 npm test)`);
}

// ---- 2. the extension bundle (npm test builds it first; build here when run on its own)
if (!COMPILE_ONLY && !fs.existsSync(path.join(REPO, 'dist/client/extension.js'))) {
  log('dist/client/extension.js is missing: building (node esbuild.mjs)');
  const b = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: REPO, stdio: 'inherit' });
  if (b.status !== 0) fail('node esbuild.mjs failed');
}

// ---- 3. the test workspace holds the shared fixture article (refreshed from ../shared when present)
const fixture = path.join(REPO, '..', 'shared', 'fixtures', 'articles', 'leaders-visit-firms.md');
const wsCopy = path.join(REPO, 'test', 'vscode', 'workspace', 'leaders-visit-firms.md');
if (fs.existsSync(fixture) && (!fs.existsSync(wsCopy) || !fs.readFileSync(fixture).equals(fs.readFileSync(wsCopy)))) {
  log('refreshing test/vscode/workspace/leaders-visit-firms.md from ../shared/fixtures/articles');
  fs.copyFileSync(fixture, wsCopy);
}

// ---- 4. compile the suite and the launchers
const outDir = path.join(REPO, 'out', 'test', 'vscode');
fs.rmSync(outDir, { recursive: true, force: true });
const suiteDir = path.join(REPO, 'test', 'vscode', 'suite');
const suiteEntries = fs.readdirSync(suiteDir).filter((f) => f === 'index.ts' || f.endsWith('.test.ts')).map((f) => path.join(suiteDir, f));
const common = { bundle: true, platform: 'node', format: 'cjs', target: 'node20', sourcemap: 'inline', logLevel: 'warning' };
try {
  // mocha stays external: out/ is inside the repo, so it resolves from the repo's node_modules.
  await esbuild.build({ ...common, entryPoints: suiteEntries, outdir: path.join(outDir, 'suite'), external: ['vscode', 'mocha'] });
  await esbuild.build({
    ...common,
    entryPoints: ['runInCodeServer.ts', 'runInDesktop.ts'].map((f) => path.join(REPO, 'test', 'vscode', f)),
    outdir: outDir,
    external: ['playwright-core', '@vscode/test-electron'],
  });
} catch (err) {
  fail(`compiling the suite failed: ${err.message}`);
}
log(`compiled ${suiteEntries.length} suite file(s) into ${path.relative(REPO, outDir)}/`);
if (COMPILE_ONLY) process.exit(0);

// ---- 5. run on each version, one after the other (they share two cores with everything else)
const results = [];
const passes = [];
for (const v of VERSIONS) {
  passes.push({ v, locale: undefined });
  if (process.env.NEWS_LENS_ZH_PASS !== '0') passes.push({ v, locale: 'zh-cn' });
}
for (const { v, locale } of passes) {
  log(`--- code-server ${v}${locale ? ` --locale ${locale} (tests tagged @zh)` : ''} ---`);
  const resultFile = path.join(os.tmpdir(), `news-lens-vscode-result-${process.pid}-${v}${locale ? `-${locale}` : ''}.json`);
  fs.rmSync(resultFile, { force: true });
  const r = spawnSync(process.execPath, [path.join(outDir, 'runInCodeServer.js'), '--code-server', v, ...(locale ? ['--locale', locale] : [])], {
    cwd: REPO,
    stdio: 'inherit',
    env: { ...process.env, NEWS_LENS_RESULT_FILE: resultFile, ...(locale ? { NEWS_LENS_TEST_GREP: '@zh' } : {}) },
  });
  let res = { label: locale ? `${v} ${locale}` : v, code: r.status ?? 2 };
  try {
    res = { ...JSON.parse(fs.readFileSync(resultFile, 'utf8')), code: r.status ?? 2 };
  } catch {
    /* the launcher died before writing it */
  }
  fs.rmSync(resultFile, { force: true });
  results.push(res);
}

// ---- 6. summary; the last line is the plain "N passed, N failed" CI reads
console.log('\n[test:vscode] summary');
let passed = 0;
let failed = 0;
for (const r of results) {
  const ok = r.code === 0;
  if (r.passed !== undefined) {
    passed += r.passed;
    failed += r.failed;
  } else if (!ok) failed += 1; // the run itself failed: count it
  console.log(
    `  code-server ${r.label.padEnd(14)} VS Code ${(r.vscodeVersion ?? '?').padEnd(8)} ${ok ? 'PASS' : 'FAIL'}  ` +
      `${r.passed ?? '?'} passed, ${r.failed ?? '?'} failed  ${r.seconds ?? '?'} s${ok ? '' : `  (exit ${r.code})`}`,
  );
}
console.log(`  screenshots: ${path.relative(REPO, process.env.NEWS_LENS_SCREENSHOTS ? path.resolve(process.env.NEWS_LENS_SCREENSHOTS) : path.join(REPO, 'test-results')) || '.'}/vscode-<version>.png`);
console.log(`  total ${Math.round((Date.now() - t0) / 1000)} s`);
console.log(`vscode: ${passed} passed, ${failed} failed`);
process.exit(results.every((r) => r.code === 0) ? 0 : 1);
