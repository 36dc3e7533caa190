/**
 * When the language server process dies (issue 13): the client starts a new one, re-opens the
 * documents, and the highlights and cards come back; a crash loop (five crashes in three minutes)
 * ends with a message saying so, not with silence, and `News Lens: Restart Language Server` brings
 * it back. The server is killed from outside, as the OS or a bug would: found by its command line
 * (our bundle, started for this extension host) in /proc, so this runs where /proc exists (Linux).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, eventually, fixtureUri, hoverText, positionOf, preview } from './helpers';

const READY_MS = Number(process.env.NEWS_LENS_READY_TIMEOUT_MS ?? 90_000);

interface Api {
  getEntityRanges(u: vscode.Uri): Promise<{ kind: string; ranges: vscode.Range[] }[]>;
  getPaintedRanges(u: vscode.Uri): { kind: string; ranges: vscode.Range[] }[];
  serverHealth(): { crashes: number; gaveUp?: string };
}

/** The pids of News Lens language servers this extension host started (not worker threads: processes). */
function serverPids(): number[] {
  const out: number[] = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    let cmd: string;
    try {
      cmd = fs.readFileSync(`/proc/${d}/cmdline`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    const args = cmd.split('\0');
    if (args.some((a) => a.endsWith('/dist/server/server.js')) && args.includes(`--clientProcessId=${process.pid}`)) out.push(Number(d));
  }
  return out;
}

describe('Language server crashes', function () {
  let doc: vscode.TextDocument;
  let api: Api;
  const painted = () => api.getPaintedRanges(doc.uri).reduce((n, g) => n + g.ranges.length, 0);
  /** Ranges the running server gives for the article now (a request, not what is painted). */
  const served = async () => (await api.getEntityRanges(doc.uri)).reduce((n, g) => n + g.ranges.length, 0);
  const card = async (needle: string) => hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, positionOf(doc, needle)));
  /** Kills the running server and waits until the client has noticed. */
  const kill = async (): Promise<number> => {
    const [pid] = await eventually('one running server process', serverPids, (p) => p.length === 1 || `servers ${preview(p)}`, READY_MS);
    const before = api.serverHealth().crashes;
    process.kill(pid, 'SIGKILL');
    await eventually('the client to notice the crash', () => api.serverHealth().crashes, (n) => n === before + 1 || `crashes ${n}`);
    return pid;
  };

  before(async function () {
    if (!fs.existsSync('/proc/self/cmdline')) this.skip();
    api = (await activateExtension()) as unknown as Api;
    doc = await vscode.workspace.openTextDocument(fixtureUri());
    await vscode.window.showTextDocument(doc, { preview: false });
    await eventually('highlights', painted, (n) => n > 20 || `painted ${n}`, READY_MS);
  });

  after(async function () {
    // leave a running server and no notification behind for the tests that follow
    if (api?.serverHealth().gaveUp) await vscode.commands.executeCommand('newsLens.restartServer');
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
  });

  it('a killed server is started again: highlights and cards come back', async function () {
    const old = await kill();
    const [now] = await eventually('a new server process', serverPids, (p) => (p.length === 1 && p[0] !== old) || `servers ${preview(p)}`, READY_MS);
    assert.notEqual(now, old);
    await eventually('a card on 尹力 from the new server', () => card('尹力'), (t) => t.includes('北京市委书记') || `hover ${preview(t)}`, READY_MS);
    await eventually('ranges from the new server', served, (n) => n > 20 || `served ${n}`, READY_MS);
    await eventually('highlights', painted, (n) => n > 20 || `painted ${n}`, READY_MS);
    assert.equal(api.serverHealth().gaveUp, undefined);
  });

  it('a crash loop ends with a message saying so, and Restart Language Server brings it back', async function () {
    // one crash happened above (the same client): four more within three minutes, each once the
    // new server answers (a crash while it starts is another story: the client reports the failed start)
    for (let i = api.serverHealth().crashes; i < 5; i++) {
      await eventually('the server answering', served, (n) => n > 20 || `served ${n}`, READY_MS);
      const old = await kill();
      if (i < 4) await eventually('a new server process', serverPids, (p) => (p.length === 1 && p[0] !== old) || `servers ${preview(p)}`, READY_MS);
    }
    const gaveUp = await eventually('the client to give up', () => api.serverHealth().gaveUp, (m) => !!m || 'still restarting');
    assert.match(gaveUp!, /crashed 5 times in 3 minutes/);
    assert.match(gaveUp!, /Output panel/);
    assert.deepEqual(serverPids(), [], 'no server runs');
    await vscode.commands.executeCommand('notifications.clearAll').then(undefined, () => undefined);
    await vscode.commands.executeCommand('newsLens.restartServer');
    await eventually('a card on 尹力 after the restart', () => card('尹力'), (t) => t.includes('北京市委书记') || `hover ${preview(t)}`, READY_MS);
    await eventually('ranges after the restart', served, (n) => n > 20 || `served ${n}`, READY_MS);
    await eventually('highlights after the restart', painted, (n) => n > 20 || `painted ${n}`, READY_MS);
    assert.equal(api.serverHealth().crashes, 0, 'a fresh client counts afresh');
  });
});
