import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'news-lens.news-lens';
export const FIXTURE = 'leaders-visit-firms.md';

/** Retries `attempt` until it returns a value `ok` accepts, or throws the last reason at the deadline. */
export async function eventually<T>(
  what: string,
  attempt: () => Thenable<T> | Promise<T> | T,
  ok: (v: T) => boolean | string,
  timeoutMs = Number(process.env.NEWS_LENS_ANSWER_TIMEOUT_MS ?? 30_000),
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = 'never answered';
  let delay = 100;
  for (;;) {
    try {
      const v = await attempt();
      const verdict = ok(v);
      if (verdict === true) return v;
      last = typeof verdict === 'string' ? verdict : `unexpected answer: ${preview(v)}`;
    } catch (err) {
      last = err instanceof Error ? err.message : err;
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last: ${String(last)}`);
    }
    await sleep(delay);
    delay = Math.min(delay * 2, 1000);
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

export function preview(v: unknown, max = 400): string {
  let s: string;
  try {
    s = JSON.stringify(v);
  } catch {
    s = String(v);
  }
  return s === undefined ? String(v) : s.length > max ? `${s.slice(0, max)}…` : s;
}

export function workspaceRoot(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the test workspace (test/vscode/workspace) is not open');
  return folder.uri;
}

export function fixtureUri(): vscode.Uri {
  return vscode.Uri.joinPath(workspaceRoot(), FIXTURE);
}

/** Position of the `nth` occurrence of `needle` (0-based), one character into it. */
export function positionOf(doc: vscode.TextDocument, needle: string, nth = 0): vscode.Position {
  const text = doc.getText();
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`"${needle}" occurs fewer than ${nth + 1} times in ${doc.uri.toString()}`);
  }
  return doc.positionAt(at + 1);
}

export function hoverText(hovers: vscode.Hover[] | undefined): string {
  const parts: string[] = [];
  for (const h of hovers ?? []) {
    for (const c of h.contents) {
      if (typeof c === 'string') parts.push(c);
      else if ('value' in c) parts.push(c.value);
    }
  }
  return parts.join('\n');
}

/** Canonical region names found among symbol names, shallowest level that has any. */
export function regionNames(
  symbols: (vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined,
  regions: string[],
): string[] {
  let level: (vscode.DocumentSymbol | vscode.SymbolInformation)[] = symbols ?? [];
  while (level.length) {
    const found: string[] = [];
    for (const s of level) {
      const name = s.name.replace(/[*：:\s【】\[\]#]/g, '');
      const r = regions.find((r) => name === r || name === `${r}市` || name === `${r}省`);
      if (r) found.push(r);
    }
    if (found.length) return found;
    level = level.flatMap((s) => ('children' in s ? s.children : []));
  }
  return [];
}

/** Every Range-like value anywhere inside `v` (arrays, objects, Maps). */
export function collectRanges(v: unknown, out: vscode.Range[] = [], depth = 0): vscode.Range[] {
  if (v == null || depth > 6) return out;
  if (v instanceof vscode.Range) {
    out.push(v);
  } else if (Array.isArray(v)) {
    for (const x of v) collectRanges(x, out, depth + 1);
  } else if (v instanceof Map) {
    for (const x of v.values()) collectRanges(x, out, depth + 1);
  } else if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    const s = o.start as { line?: unknown; character?: unknown } | undefined;
    const e = o.end as { line?: unknown; character?: unknown } | undefined;
    if (s && e && typeof s.line === 'number' && typeof e.line === 'number') {
      out.push(new vscode.Range(s.line, s.character as number, e.line, e.character as number));
    } else if (o.range) {
      collectRanges(o.range, out, depth + 1);
    } else {
      for (const x of Object.values(o)) collectRanges(x, out, depth + 1);
    }
  }
  return out;
}

/**
 * Asks the launcher for a screenshot of the whole workbench (README pictures, checking colours by
 * eye). Only when NEWS_LENS_SCREENSHOTS names a folder; the launcher watches the log for the marker,
 * writes `<folder>/<name>.png`, and this waits until the file is there.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env.NEWS_LENS_SCREENSHOTS;
  if (!dir) return;
  const file = path.resolve(dir, `${name}-${vscode.version}.png`);
  try {
    fs.rmSync(file, { force: true });
  } catch {
    /* ignore */
  }
  console.log(`[news-lens-screenshot] ${file}`);
  const deadline = Date.now() + 15_000;
  while (!fs.existsSync(file) && Date.now() < deadline) await sleep(200);
  if (!fs.existsSync(file)) console.log(`[news-lens-suite] screenshot ${file} was not taken (launcher without screenshot support?)`);
}

export interface NewsLensApi {
  getEntityRanges?(uri: vscode.Uri): unknown;
}

export async function activateExtension(): Promise<NewsLensApi | undefined> {
  const ext = vscode.extensions.getExtension<NewsLensApi>(EXTENSION_ID);
  if (!ext) {
    const ids = vscode.extensions.all.filter((e) => !e.id.startsWith('vscode.')).map((e) => e.id);
    throw new Error(`extension ${EXTENSION_ID} is not loaded (non-builtin extensions: ${ids.join(', ') || 'none'})`);
  }
  return ext.activate();
}

export async function uriExists(u: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(u);
    return true;
  } catch {
    return false;
  }
}

/**
 * The test workspace's .vscode/news-lens.json, for suites that write it: `setUp()` turns off
 * code-server's auto-save (files.autoSave=afterDelay would race the tests of unsaved editors) and
 * checks no earlier run left the file; `cleanUp()` reverts open editors of it and deletes what the
 * tests wrote; `tearDown()` also restores auto-save.
 */
export function correctionsFileSandbox() {
  // resolved on first use: the workspace folder is known once the suite runs, not when it loads
  const dir = () => vscode.Uri.joinPath(workspaceRoot(), '.vscode');
  const file = () => vscode.Uri.joinPath(dir(), 'news-lens.json');
  let dirExisted = false;
  let autoSave: string | undefined;
  const files = () => vscode.workspace.getConfiguration('files');
  const cleanUp = async () => {
    for (const d of vscode.workspace.textDocuments.filter((x) => x.uri.toString() === file().toString())) {
      await vscode.window.showTextDocument(d);
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
    if (await uriExists(file())) await vscode.workspace.fs.delete(file());
    if (!dirExisted && (await uriExists(dir()))) await vscode.workspace.fs.delete(dir(), { recursive: true });
  };
  return {
    get dir() {
      return dir();
    },
    get file() {
      return file();
    },
    read: async () => new TextDecoder().decode(await vscode.workspace.fs.readFile(file())),
    setUp: async () => {
      dirExisted = await uriExists(dir());
      autoSave = files().inspect<string>('autoSave')?.globalValue;
      await files().update('autoSave', 'off', vscode.ConfigurationTarget.Global);
      if (await uriExists(file())) throw new Error(`${file().fsPath} exists before the test: a previous run did not clean up`);
    },
    cleanUp,
    tearDown: async () => {
      await cleanUp();
      await files().update('autoSave', autoSave, vscode.ConfigurationTarget.Global);
    },
  };
}
