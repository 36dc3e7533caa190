/**
 * Changing the corrections file on disk when several writers may be at it at once (two VS Code
 * windows on one folder, a sync tool): a lock file next to it takes our writers one at a time, the
 * new text is written to a temporary file and renamed over the old one (a reader sees the old text or
 * the new, never a half-written or empty file), an empty read of an existing file is read again
 * rather than taken for a new file, and a UTF-8 BOM the user's file has is kept. Node's fs only (no
 * vscode), so tests run it in several processes at once.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** A lock older than this is left over from a writer that died: taken over. */
const STALE_LOCK_MS = 10_000;
/** How long a writer waits for the lock before it gives up with a message. */
const LOCK_WAIT_MS = 15_000;
/** An existing file that reads empty is read again this many times (a writer that truncates first). */
const EMPTY_READ_RETRIES = 10;
const RETRY_MS = 25;

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class FileBusyError extends Error {}

async function lock(file: string): Promise<() => Promise<void>> {
  const lockFile = `${file}.lock`;
  const token = `${process.pid} ${randomBytes(6).toString('hex')}`;
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const h = await fs.promises.open(lockFile, 'wx');
      try {
        await h.writeFile(token);
      } finally {
        await h.close();
      }
      return async () => {
        // only our own lock (a stale-lock takeover may have replaced it)
        const now = await fs.promises.readFile(lockFile, 'utf8').catch(() => '');
        if (now === token) await fs.promises.unlink(lockFile).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const st = await fs.promises.stat(lockFile).catch(() => undefined);
    if (st && Date.now() - st.mtimeMs > STALE_LOCK_MS) {
      await fs.promises.unlink(lockFile).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) throw new FileBusyError(`${path.basename(file)} is being changed by another writer (${lockFile}); try again`);
    await sleep(RETRY_MS / 2 + Math.random() * RETRY_MS);
  }
}

/** The file's text without its BOM (undefined when there is no file), and whether it had one. */
async function read(file: string): Promise<{ text: string | undefined; bom: boolean; mode?: number }> {
  for (let attempt = 0; ; attempt++) {
    let buf: Buffer;
    let mode: number | undefined;
    try {
      [buf, mode] = await Promise.all([fs.promises.readFile(file), fs.promises.stat(file).then((s) => s.mode)]);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { text: undefined, bom: false };
      throw err;
    }
    // empty: perhaps another program is rewriting it in place (truncate, then write); read again
    if (buf.length === 0 && attempt < EMPTY_READ_RETRIES) {
      await sleep(RETRY_MS);
      continue;
    }
    const text = buf.toString('utf8');
    const bom = text.charCodeAt(0) === 0xfeff;
    return { text: bom ? text.slice(1) : text, bom, mode };
  }
}

/**
 * Reads the file, asks `change` for its new text (undefined: leave it), and writes that atomically,
 * all under the lock. `change` gets undefined when there is no file. Returns whether it wrote.
 */
export async function updateFile(file: string, change: (before: string | undefined) => string | undefined): Promise<boolean> {
  await fs.promises.mkdir(path.dirname(file), { recursive: true });
  const unlock = await lock(file);
  try {
    const before = await read(file);
    const next = change(before.text);
    if (next === undefined || next === before.text) return false;
    const tmp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      await fs.promises.writeFile(tmp, (before.bom ? '\uFEFF' : '') + next, { mode: before.mode ?? 0o666 });
      await renameOver(tmp, file);
    } catch (err) {
      await fs.promises.unlink(tmp).catch(() => undefined);
      throw err;
    }
    return true;
  } finally {
    await unlock();
  }
}

/** rename(), retried briefly where the target can be held open by another program (Windows). */
async function renameOver(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fs.promises.rename(from, to);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if ((code !== 'EPERM' && code !== 'EBUSY' && code !== 'EACCES') || attempt >= 20) throw err;
      await sleep(RETRY_MS);
    }
  }
}
