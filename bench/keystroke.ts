/**
 * Keystroke → new colours, as a user meets it (issue 11): spawns the bundled server
 * (dist/server/server.js; npm run bench builds it as it ships, with `npm run build:production`) over
 * LSP, opens an article of about 10,000 characters of real news text, and types isolated characters
 * into it, the way the extension's highlighter follows them: wait for `newsLens/analysisChanged` of
 * the new version, ask `newsLens/entityRanges` (the client's repaint delay is 0:
 * src/client/highlighting.ts). The
 * latency is from sending the change to holding the new version's ranges. Beside it, the same
 * server's bare analysis time for each version (the cache's own figure, read back through the
 * debug request) is the peer: what no delay could beat. Also: server spawn → the first ranges of
 * the seed article, in fresh servers, beside a bare Node process's start and exit (the peer: what
 * no server could beat). Figures are printed, never asserted.
 *
 *   npx tsx bench/keystroke.ts [--chars 10000] [--keys 40] [--json bench/keystroke.json]
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { AnalysisChangedNotificationMethod, EntityRangesRequestMethod, type AnalysisChangedParams } from '../src/protocol';
import { bigArticle } from '../scripts/bigArticle';
import { opt } from '../scripts/cliArgs';
import { percentiles, type Percentiles } from './percentiles';
import { analyze } from '../src/core';
import { spawnSync } from 'node:child_process';
import { sharedPath } from '../scripts/sharedData';

const root = path.join(__dirname, '..');
const SERVER = path.join(root, 'dist', 'server', 'server.js');
const CHARS = Number(opt('chars', '10000'));
const KEYS = Number(opt('keys', '40'));
const JSON_OUT = opt('json', '');

/** Percentiles rounded to 0.1 ms, as recorded. */
function stats(xs: number[]): Percentiles {
  const p = percentiles(xs);
  return { n: p.n, p50: +p.p50.toFixed(1), p95: +p.p95.toFixed(1), max: +p.max.toFixed(1) };
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds from spawning a fresh server to holding the first ranges of `text`. */
async function firstRanges(text: string): Promise<number> {
  const uri = 'file:///bench/seed.md';
  const t0 = performance.now();
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  const analysed = new Promise<void>((resolve) => conn.onNotification(AnalysisChangedNotificationMethod, (p: AnalysisChangedParams) => p.uri === uri && resolve()));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {}, workspaceFolders: null });
  await conn.sendNotification(InitializedNotification.type, {});
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
  await analysed;
  const r = (await conn.sendRequest(EntityRangesRequestMethod, { uri })) as { version: number | null };
  const ms = performance.now() - t0;
  if (r.version !== 1) throw new Error(`first ranges of v${r.version}`);
  await Promise.race([conn.sendRequest(ShutdownRequest.type), sleep(3000)]).catch(() => undefined);
  await conn.sendNotification(ExitNotification.type).catch(() => undefined);
  conn.dispose();
  proc.kill();
  return ms;
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const full = bigArticle(CHARS * 3);
  let text = full.slice(0, full.lastIndexOf('\n', CHARS) + 1);
  const uri = 'file:///bench/keystroke.md';
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  let waiter: { v: number; resolve: () => void } | undefined;
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onNotification(AnalysisChangedNotificationMethod, (p: AnalysisChangedParams) => {
    if (waiter && p.uri === uri && p.version >= waiter.v) {
      const w = waiter;
      waiter = undefined;
      w.resolve();
    }
  });
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {}, workspaceFolders: null });
  await conn.sendNotification(InitializedNotification.type, {});
  const analysed = (v: number) => new Promise<void>((resolve) => (waiter = { v, resolve }));
  /** The ranges of version v, as the highlighter asks for them after the server's word. */
  const rangesOf = async (v: number) => {
    await analysed(v);
    const r = (await conn.sendRequest(EntityRangesRequestMethod, { uri })) as { version: number | null };
    if (r.version !== v) throw new Error(`ranges of v${r.version}, wanted v${v}`);
  };

  let version = 1;
  const first = rangesOf(1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version, text } });
  await first;
  // the positions typed at: inside lines, spread over the article (the same every run)
  const lines = text.split('\n');
  const latencies: number[] = [];
  const bare: number[] = [];
  for (let k = 0; k < KEYS + 5; k++) {
    const line = Math.floor(((k * 7919) % lines.length) / 1);
    const character = Math.min(lines[line].length, 3);
    version++;
    lines[line] = lines[line].slice(0, character) + '的' + lines[line].slice(character);
    const t0 = performance.now();
    const painted = rangesOf(version);
    await conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text: '的' }],
    });
    await painted;
    if (k >= 5) latencies.push(performance.now() - t0); // the first few warm the server up
    await sleep(250 + ((k * 37) % 200)); // a pause between isolated keys
  }
  text = lines.join('\n');
  // the peer: analyze() of the same text in this process, warm
  for (let k = 0; k < 3; k++) analyze(text);
  for (let k = 0; k < 15; k++) {
    const t0 = performance.now();
    analyze(text);
    bare.push(performance.now() - t0);
  }
  await Promise.race([conn.sendRequest(ShutdownRequest.type), sleep(3000)]).catch(() => undefined);
  await conn.sendNotification(ExitNotification.type).catch(() => undefined);
  conn.dispose();
  proc.kill();

  // server spawn → first ranges of the seed article, fresh servers; the peer: node starting and exiting
  const seed = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
  const starts: number[] = [];
  const nodeOnly: number[] = [];
  for (let k = 0; k < 7; k++) {
    starts.push(await firstRanges(seed));
    const t0 = performance.now();
    spawnSync(process.execPath, ['-e', '0']);
    nodeOnly.push(performance.now() - t0);
  }
  const lat = stats(latencies);
  const an = stats(bare);
  const st = stats(starts);
  const nd = stats(nodeOnly);
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`;
  console.log(`keystroke → new ranges through the bundled server (${text.length} chars, ${lat.n} isolated keys; ${machine})`);
  console.log(`  keystroke → ranges   p50 ${lat.p50} ms  p95 ${lat.p95} ms  max ${lat.max} ms`);
  console.log(`  analyze() alone      p50 ${an.p50} ms  p95 ${an.p95} ms  (the peer: in this process, warm)`);
  console.log(`  ratio (p50)          ${(lat.p50 / an.p50).toFixed(2)}× the bare analysis`);
  console.log(`server spawn → first ranges of the seed article   p50 ${st.p50} ms  max ${st.max} ms  (target ≤ 300 ms; node starting and exiting: p50 ${nd.p50} ms)`);
  if (JSON_OUT) fs.writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), machine, node: process.version, chars: text.length, keystroke: lat, analyze: an, firstRanges: st, nodeStart: nd }, null, 2) + '\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
