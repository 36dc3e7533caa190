/**
 * Starts dist/server/server.js as a child process over stdio and speaks LSP to it: the same
 * protocol VS Code's client uses (there it runs over node IPC).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import {
  AnalysisChangedNotificationMethod,
  type AnalysisChangedParams,
  type InitializationOptions,
} from '../../src/protocol';
import { sharedPath } from '../../scripts/sharedData';

export const ROOT = path.resolve(__dirname, '..', '..');
export const SERVER = path.join(ROOT, 'dist', 'server', 'server.js');
export const FIXTURE_DIR = sharedPath('fixtures', 'articles');

let built = false;
/** `node esbuild.mjs` once per run (skip with NEWS_LENS_NO_BUILD=1 when dist is fresh). */
export function ensureBuilt(): void {
  if (built || process.env.NEWS_LENS_NO_BUILD === '1') {
    built = true;
    return;
  }
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) {
    // Other entry points (e.g. the CLI) may be mid-work; the server bundle is what we need.
    const fresh = fs.existsSync(SERVER) && fs.statSync(SERVER).mtimeMs >= t0 - 1000;
    if (!fresh) throw new Error(`build failed:\n${r.stdout}\n${r.stderr}`);
    console.warn(`      (build reported errors outside the server; server bundle is fresh)\n${r.stderr.split('\n').slice(0, 5).join('\n')}`);
  }
  built = true;
}

export function fixture(name: string): string {
  return fs.readFileSync(path.join(FIXTURE_DIR, name), 'utf8');
}

export interface TestServer {
  conn: ProtocolConnection;
  proc: ChildProcess;
  stderr: () => string;
  /** window/showMessage messages received. */
  messages: { type: number; message: string }[];
  /** window/logMessage messages received (the server's log). */
  logs: string[];
  /** Resolves on the next newLens/analysisChanged for `uri` (optionally at >= version). */
  analysed(uri: string, minVersion?: number, timeoutMs?: number): Promise<AnalysisChangedParams>;
  open(uri: string, text: string, languageId?: string, version?: number): void;
  close(uri: string): void;
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startServer(init: InitializationOptions = {}, locale = 'en'): Promise<TestServer> {
  ensureBuilt();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr!.on('data', (d) => (err += String(d)));
  let exited = false;
  proc.on('exit', () => (exited = true));
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const messages: { type: number; message: string }[] = [];
  const seen: AnalysisChangedParams[] = [];
  const waiters: { uri: string; v: number; resolve: (p: AnalysisChangedParams) => void }[] = [];
  conn.onNotification('window/showMessage', (p: { type: number; message: string }) => messages.push(p));
  const logs: string[] = [];
  conn.onNotification('window/logMessage', (p: { message: string }) => void logs.push(String(p?.message)));
  conn.onNotification(AnalysisChangedNotificationMethod, (p: AnalysisChangedParams) => {
    seen.push(p);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && p.version >= w.v) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p);
      }
    }
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(ROOT).toString(),
    capabilities: {},
    initializationOptions: init,
    locale,
    workspaceFolders: null,
  });
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn,
    proc,
    messages,
    logs,
    stderr: () => err,
    alive: () => !exited && proc.exitCode === null,
    analysed(uri, minVersion = 0, timeoutMs = 15_000) {
      const hit = seen.find((p) => p.uri === uri && p.version >= minVersion);
      if (hit) return Promise.resolve(hit);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no analysisChanged for ${uri} v${minVersion}`)), timeoutMs);
        waiters.push({ uri, v: minVersion, resolve: (p) => (clearTimeout(timer), resolve(p)) });
      });
    },
    open(uri, text, languageId = 'markdown', version = 1) {
      void conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version, text } });
    },
    close(uri) {
      void conn.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    },
    async stop() {
      if (!exited) {
        try {
          await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
          await conn.sendNotification(ExitNotification.type);
        } catch {
          /* already gone */
        }
      }
      conn.dispose();
      await new Promise<void>((r) => {
        if (exited) return r();
        const t = setTimeout(() => (proc.kill(), r()), 2000);
        proc.on('exit', () => (clearTimeout(t), r()));
      });
    },
  };
}

/** Position of the n-th occurrence (0-based) of `needle` in `text`, in LSP line/character. */
export function positionOf(text: string, needle: string, nth = 0, delta = 0): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i <= nth; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx < 0) throw new Error(`"${needle}" #${nth} not found`);
  }
  return offsetToPosition(text, idx + delta);
}

export function offsetToPosition(text: string, offset: number): { line: number; character: number } {
  let line = 0;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, character: offset - lineStart };
}

export function textOfRange(text: string, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  const lines = text.split('\n');
  const off = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  return text.slice(off(r.start), off(r.end));
}

/** Polls `fn` every 100 ms until `ok` holds, or fails after `ms` naming what it waited for. */
export async function until<T>(what: string, fn: () => Promise<T>, ok: (v: T) => boolean, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: T;
  for (;;) {
    last = await fn();
    if (ok(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last: ${JSON.stringify(last)?.slice(0, 600)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
