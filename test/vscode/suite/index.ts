/**
 * Entry point of the real-VS-Code test suite. Both launchers load it the same way VS Code loads any
 * extension test module: `extensionTestsPath` points at the compiled `index.js`, whose `run()` is
 * called inside the extension host once the workbench is up. `runInCodeServer.ts` (offline,
 * code-server + Chromium) and `runInDesktop.ts` (@vscode/test-electron, downloads VS Code) share it.
 *
 * The test files are compiled next to this one as `*.test.js` (scripts/run-vscode-tests.mjs) and
 * added here; mocha itself is resolved from the repo's node_modules (out/ lives inside the repo).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    timeout: Number(process.env.NEWS_LENS_TEST_TIMEOUT_MS ?? 120_000),
    reporter: 'spec',
    grep: process.env.NEWS_LENS_TEST_GREP || undefined,
  });
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.test.js'))
    .sort();
  if (files.length === 0) return Promise.reject(new Error(`no *.test.js next to ${__filename}`));
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  console.log(`[news-lens-suite] VS Code ${vscode.version} (${vscode.env.appName}, ${vscode.env.appHost}), Node ${process.version}`);

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        const s = runner.stats ?? { passes: 0, failures, pending: 0 };
        // Read by the launchers to print a per-version summary.
        console.log(`[news-lens-suite] RESULT passed=${s.passes} failed=${s.failures} pending=${s.pending} vscode=${vscode.version}`);
        if (failures > 0) reject(new Error(`${failures} test(s) failed`));
        else if (s.passes === 0) reject(new Error('no test ran'));
        else resolve();
      });
    } catch (err) {
      console.error(err);
      reject(err);
    }
  });
}
