/**
 * Editor latency with a big article open: does one big document freeze the server for the others?
 * Spawns the bundled server (dist/server/server.js, run `npm run build` first) over LSP as the
 * protocol tests do, opens a small article and a big one (about 1 MB of UTF-8 news text by default),
 * and plays the client: after every analysis of the big article it asks what VS Code asks (entity
 * ranges, the outline, the Regions view's summary), and it edits the big article every few seconds
 * (a re-analysis, then the same requests again). Meanwhile it hovers the small article every 50 ms
 * (open loop: on schedule, answered or not) and prints that hover's latency (p50, p95, max) in three phases: the small article alone, the big
 * one just opened, the big one being edited. Figures are printed, never asserted (the machine is
 * shared and noisy).
 *
 *   npx tsx bench/editorLatency.ts          defaults: 1 MB article; 5 s alone, 10 s opened, 20 s edited
 *   npx tsx bench/editorLatency.ts --bytes 2000000 --open-seconds 10 --seconds 30 --edit-every 3000 --json out.json
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  ExitNotification,
  HoverRequest,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver/node';
import { AnalysisChangedNotificationMethod, ArticleSummaryRequestMethod, EntityRangesRequestMethod, fetchSummary, type AnalysisChangedParams, type ArticleSummary } from '../src/protocol';
import { bigArticle } from '../scripts/bigArticle';
import { sharedPath } from '../scripts/sharedData';
import { opt } from '../scripts/cliArgs';
import { percentiles } from './percentiles';

const root = path.join(__dirname, '..');
const SERVER = path.join(root, 'dist', 'server', 'server.js');
const BYTES = Number(opt('bytes', '1000000'));
const SECONDS = Number(opt('seconds', '20'));
const OPEN_SECONDS = Number(opt('open-seconds', '10'));
const BASELINE_SECONDS = Number(opt('baseline-seconds', '5'));
const EDIT_EVERY_MS = Number(opt('edit-every', '3000'));
const HOVER_EVERY_MS = 50;
const JSON_OUT = opt('json', '');

const stats = percentiles;

const fmt = (x: number) => (Number.isFinite(x) ? `${x.toFixed(1)} ms` : '—');

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run npm run build first`);
  const small = fs.readFileSync(sharedPath('fixtures', 'articles', 'leaders-visit-firms.md'), 'utf8');
  const big = bigArticle(BYTES);
  const smallUri = 'file:///bench/small.md';
  const bigUri = 'file:///bench/big.md';
  const hoverAt = (() => {
    const i = small.indexOf('尹力') + 1;
    const before = small.slice(0, i);
    return { line: before.split('\n').length - 1, character: i - before.lastIndexOf('\n') - 1 };
  })();

  const proc = spawn(process.execPath, [...(process.env.SERVER_NODE_ARGS ? process.env.SERVER_NODE_ARGS.split(' ') : []), SERVER, '--stdio'], { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const waiters = new Map<string, { v: number; resolve: () => void }>();
  let bigVersion = 1;
  let clientBusy = Promise.resolve();
  const clientRequests: number[] = [];
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', () => undefined);
  conn.onNotification(AnalysisChangedNotificationMethod, (p: AnalysisChangedParams) => {
    const w = waiters.get(p.uri);
    if (w && p.version >= w.v) {
      waiters.delete(p.uri);
      w.resolve();
    }
    if (p.uri !== bigUri) return;
    // what VS Code asks after an analysis: decorations, outline, the Regions view's summary
    clientBusy = clientBusy.then(async () => {
      const t0 = performance.now();
      await Promise.all([
        conn.sendRequest(EntityRangesRequestMethod, { uri: bigUri }),
        conn.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri: bigUri } }),
        // in pages, as the client asks for it (src/protocol/summaryPages.ts)
        fetchSummary((p) => conn.sendRequest<ArticleSummary>(ArticleSummaryRequestMethod, p), bigUri),
      ]).catch(() => undefined);
      clientRequests.push(performance.now() - t0);
    });
  });
  const analysed = (uri: string, v: number) => new Promise<void>((resolve) => waiters.set(uri, { v, resolve }));
  conn.listen();
  await conn.sendRequest(InitializeRequest.type, { processId: process.pid, rootUri: null, capabilities: {}, initializationOptions: {}, workspaceFolders: null });
  await conn.sendNotification(InitializedNotification.type, {});

  const hover = async (): Promise<number> => {
    const t0 = performance.now();
    const h = await conn.sendRequest(HoverRequest.type, { textDocument: { uri: smallUri }, position: hoverAt });
    if (!h) throw new Error('no hover on the small article');
    return performance.now() - t0;
  };
  // open loop: a hover every HOVER_EVERY_MS whether or not the last one was answered, as a user's
  // hovers come; a server frozen for a second then shows as twenty slow hovers, not one
  const hoverFor = async (ms: number, onTick?: (elapsed: number) => void): Promise<number[]> => {
    const pending: Promise<number>[] = [];
    const t0 = performance.now();
    for (let k = 0; performance.now() - t0 < ms; k++) {
      pending.push(hover());
      onTick?.(performance.now() - t0);
      const wait = t0 + (k + 1) * HOVER_EVERY_MS - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    return Promise.all(pending);
  };

  let done = analysed(smallUri, 1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: smallUri, languageId: 'markdown', version: 1, text: small } });
  await done;
  await hoverFor(1000); // warm-up
  const baseline = await hoverFor(BASELINE_SECONDS * 1000);

  // 2. the big article opened (and analysed, and its ranges, outline and summary asked for), not edited
  const openedAt = performance.now();
  done = analysed(bigUri, 1);
  await conn.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: bigUri, languageId: 'markdown', version: 1, text: big } });
  let firstAnalysisMs = NaN;
  void done.then(() => (firstAnalysisMs = performance.now() - openedAt));
  const opened = await hoverFor(OPEN_SECONDS * 1000);
  await done;
  await clientBusy;

  // 3. the big article edited every few seconds: a re-analysis each time, then the same requests
  let nextEdit = 0;
  const line = Math.floor(big.split('\n').length / 2);
  const edited = await hoverFor(SECONDS * 1000, (elapsed) => {
    if (elapsed < nextEdit) return;
    nextEdit += EDIT_EVERY_MS;
    bigVersion++;
    // type a character in the middle of the big article
    void conn.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: bigUri, version: bigVersion },
      contentChanges: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: '的' }],
    });
  });
  await clientBusy;

  const b = stats(baseline);
  const o = stats(opened);
  const w = stats(edited);
  const c = stats(clientRequests);
  const row = (label: string, x: ReturnType<typeof stats>) => console.log(`  ${label.padEnd(44)} n=${String(x.n).padEnd(4)} p50 ${fmt(x.p50).padEnd(9)} p95 ${fmt(x.p95).padEnd(9)} max ${fmt(x.max)}`);
  console.log(`editor latency: hover on a small article (${small.length} chars) every ${HOVER_EVERY_MS} ms;`);
  console.log(`  big article: ${(Buffer.byteLength(big) / 1e6).toFixed(2)} MB of UTF-8, ${big.length} chars, ${big.split('\n').length} lines`);
  row('small article alone', b);
  row(`big article opened (first ${OPEN_SECONDS} s)`, o);
  row(`big article edited every ${EDIT_EVERY_MS / 1000} s (${bigVersion - 1} edits)`, w);
  console.log(`  big article: first analysis after ${fmt(firstAnalysisMs)}; its ranges + outline + summary answered in p50 ${fmt(c.p50)}, max ${fmt(c.max)} (${c.n} rounds)`);
  if (JSON_OUT) {
    fs.writeFileSync(JSON_OUT, JSON.stringify({ date: new Date().toISOString(), bigBytes: Buffer.byteLength(big), bigChars: big.length, alone: b, opened: o, edited: w, bigRequests: c, firstAnalysisMs }, null, 2) + '\n');
  }

  await Promise.race([conn.sendRequest(ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
  await conn.sendNotification(ExitNotification.type);
  conn.dispose();
  setTimeout(() => proc.kill(), 1000).unref();
}

main().catch((e) => {
  console.error(`editorLatency: ${(e as Error)?.stack ?? e}`);
  process.exit(1);
});
