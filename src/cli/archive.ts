/**
 * `news-lens tag|analyze` over an archive: a folder of articles or JSON Lines in, JSON Lines out
 * (one line per article, in input order), on --jobs worker threads.
 *
 * The workers are this same bundle (dist/cli/newsLens.js) started as worker_threads (workerPool.ts;
 * newsLens.ts calls runArchiveWorker() when it is one); each loads the model once, on its first article. The
 * main thread only reads input, hands out records and writes results: a result is held until every
 * earlier one is written, so the output is the same for any --jobs. Records go to workers in small
 * batches. Memory stays bounded: at most WINDOW records are in flight or waiting for an earlier one,
 * input is read only when there is room, and nothing new is handed out while stdout is not draining.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { modelFaultCount, modelFaultsSince } from '../core/index';
import { InputError } from './encoding';
import { errorLine, processRecord, type ArchiveCommand, type ArchiveRecord, type RecordOptions, type RecordOutput } from './archiveRecord';
import { serveBatches, WorkerPool } from './workerPool';

export const ARCHIVE_WORKER_MARK = 'news-lens-archive-worker';

/** File names read from a folder (case-insensitive). */
export const ARTICLE_EXTENSIONS = ['.md', '.markdown', '.txt'];

/** The longest JSON Lines record read (as the largest article); a longer one is an error line. */
export const MAX_RECORD_BYTES = 256 * 1024 * 1024;

export interface ArchiveOptions {
  command: ArchiveCommand;
  /** A folder, or JSON Lines from a file (undefined: stdin). */
  source: { kind: 'folder'; dir: string } | { kind: 'jsonl'; file?: string };
  jobs: number;
  progress: boolean;
  english: boolean;
  /** The script the workers run (the CLI bundle itself). */
  workerScript: string;
}

export const defaultJobs = (): number => Math.max(1, typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length);

// ------------------------------------------------------------------------------------------ worker

/** A batch of records (small articles cost more in messages than in analysis when sent one by one). */
interface JobMessage {
  first: number; // the first record's index; the others follow
  records: ArchiveRecord[];
  options: RecordOptions;
}
/**
 * A batch's output as one string (its lines, each ending in a line break) rather than an object per
 * record: one string is cheap to clone across threads, and the main thread writes it as it is.
 */
interface ResultMessage {
  first: number;
  out: Lines;
  faults: string[];
}
/** Output lines of `count` consecutive records, from record `first` on (the main thread's unit of order). */
interface Lines {
  count: number;
  text: string;
  failed: number;
  chars: number;
}

const linesOf = (outputs: RecordOutput[]): Lines => {
  let text = '';
  let failed = 0;
  let chars = 0;
  for (const o of outputs) {
    text += o.line + '\n';
    if (o.failed) failed++;
    chars += o.chars;
  }
  return { count: outputs.length, text, failed, chars };
};

/** Entry point inside a worker thread: a batch of records in, their output lines back. */
export function runArchiveWorker(): void {
  let faultsSeen = 0;
  serveBatches<JobMessage, ResultMessage>((msg) => {
    const out = linesOf(msg.records.map((r) => processRecord(r, msg.options)));
    const n = modelFaultCount();
    const faults = n === faultsSeen ? [] : modelFaultsSince(faultsSeen);
    faultsSeen = n;
    return { first: msg.first, out, faults };
  });
}

// ------------------------------------------------------------------------------------------ input

type Item = { record: ArchiveRecord } | { done: RecordOutput };

const byCodeUnits = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The article files under a folder, depth first, each folder's entries sorted by name (by UTF-16
 * code units, not locale), so the order is the same on every machine. Ids are paths relative to
 * the folder with '/'. Symbolic links to files are read; links to folders are not followed (no
 * loops). A subfolder that cannot be listed becomes an error line.
 */
export function* folderItems(dir: string): Generator<Item> {
  const isArticle = (name: string) => ARTICLE_EXTENSIONS.includes(path.extname(name).toLowerCase());
  function* walk(rel: string): Generator<Item> {
    const abs = rel ? path.join(dir, rel) : dir;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(abs, { withFileTypes: true });
    } catch (e) {
      if (!rel) throw new InputError(`${dir}: cannot list this folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
      yield { done: errorLine(rel, `${rel}: cannot list this folder (${(e as NodeJS.ErrnoException).code ?? 'error'})`) };
      return;
    }
    entries.sort((a, b) => byCodeUnits(a.name, b.name));
    for (const d of entries) {
      const r = rel ? `${rel}/${d.name}` : d.name;
      const p = path.join(dir, r);
      let isDir = d.isDirectory();
      let isFile = d.isFile();
      if (d.isSymbolicLink()) {
        try {
          isFile = fs.statSync(p).isFile();
        } catch {
          isFile = false; // a dangling link is not an article
        }
        isDir = false;
      }
      if (isDir) yield* walk(r);
      else if (isFile && isArticle(d.name)) yield { record: { kind: 'file', id: r, path: p, file: p } };
    }
  }
  yield* walk('');
}

/**
 * JSON Lines: one record per line (LF; a CR before it is dropped by JSON's own whitespace rule),
 * blank lines skipped, a UTF-8 BOM at the very start dropped. A record with a NUL byte or longer
 * than MAX_RECORD_BYTES becomes an error line at once and is not held in memory.
 */
export async function* jsonlItems(input: AsyncIterable<Buffer>): AsyncGenerator<Item> {
  let carry: Buffer[] = [];
  let carried = 0;
  let skipping: string | undefined; // why the rest of the current line is being dropped
  let first = true;
  const isBlank = (b: Uint8Array) => {
    for (const c of b) if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
    return true;
  };
  function* emit(bytes: Uint8Array): Generator<Item> {
    if (skipping !== undefined) {
      yield { done: errorLine(null, skipping) };
      skipping = undefined;
      return;
    }
    if (isBlank(bytes)) return;
    // a copy of its own, not a view of a pooled or shared buffer, to hand to a worker
    yield { record: { kind: 'line', bytes: new Uint8Array(bytes) } };
  }
  for await (let chunk of input) {
    if (first && chunk.length) {
      if (chunk.length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) chunk = chunk.subarray(3);
      first = false;
    }
    let from = 0;
    for (let nl = chunk.indexOf(10); nl >= 0; nl = chunk.indexOf(10, from)) {
      const piece = chunk.subarray(from, nl);
      if (skipping === undefined && piece.includes(0)) skipping = 'looks like binary data (a NUL byte), not a JSON Lines record';
      yield* emit(carry.length ? Buffer.concat([...carry, piece]) : piece);
      carry = [];
      carried = 0;
      from = nl + 1;
    }
    if (from < chunk.length && skipping === undefined) {
      const rest = chunk.subarray(from);
      if (rest.includes(0)) skipping = 'looks like binary data (a NUL byte), not a JSON Lines record';
      else if (carried + rest.length > MAX_RECORD_BYTES) skipping = `a record longer than ${MAX_RECORD_BYTES / (1024 * 1024)} MB; split the article`;
      if (skipping !== undefined) {
        carry = [];
        carried = 0;
      } else {
        carry.push(Buffer.from(rest)); // the chunk may be reused by the stream
        carried += rest.length;
      }
    }
  }
  if (carry.length || skipping !== undefined) yield* emit(Buffer.concat(carry));
}

// ------------------------------------------------------------------------------------------ progress

const num = (n: number) => Math.round(n).toLocaleString('en-US');

/** The progress line on stderr: rewritten in place on a terminal, a line every few seconds otherwise. */
class Progress {
  private readonly tty = !!process.stderr.isTTY;
  private readonly start = performance.now();
  private last = 0;
  articles = 0;
  failed = 0;
  chars = 0;
  constructor(private readonly enabled: boolean, private readonly jobs: number, private readonly share?: () => number | undefined) {}

  private line(final: boolean): string {
    const s = (performance.now() - this.start) / 1000;
    const rate = s > 0 ? this.chars / s : 0;
    const failed = this.failed ? ` (${num(this.failed)} failed)` : '';
    if (final) return `[news-lens] ${num(this.articles)} articles${failed}, ${num(this.chars)} chars in ${s.toFixed(1)} s, ${num(rate)} chars/s, ${this.jobs} ${this.jobs === 1 ? 'job' : 'jobs'}`;
    const share = this.share?.();
    const of = share === undefined ? '' : `, ${Math.min(100, Math.floor(share * 100))}% of the input read`;
    return `[news-lens] ${num(this.articles)} articles${failed}, ${num(rate)} chars/s${of}…`;
  }

  tick(): void {
    if (!this.enabled) return;
    const now = performance.now();
    if (now - this.last < (this.tty ? 200 : 5000)) return;
    this.last = now;
    process.stderr.write(this.tty ? `\r${this.line(false)}\x1b[K` : `${this.line(false)}\n`);
  }

  finish(): void {
    if (this.enabled) process.stderr.write(this.tty ? `\r${this.line(true)}\x1b[K\n` : `${this.line(true)}\n`);
  }
}

// ------------------------------------------------------------------------------------------ run

class WorkerFailed extends Error {}

/** Most records in one message to a worker; a batch also ends at BATCH_BYTES of input. */
const BATCH_RECORDS = 32;
const BATCH_BYTES = 64 * 1024;
/** What a file of a folder counts for in a batch (its size is known only to the worker). */
const FILE_RECORD_BYTES = 16 * 1024;
/** A batch not yet full is sent when no more input has come for this long (stdin that trickles). */
const BATCH_WAIT_MS = 20;

/** Runs the archive; resolves to the exit status: 0 all articles answered, 3 some failed. */
export async function runArchive(opts: ArchiveOptions): Promise<number> {
  const jobs = Math.max(1, Math.floor(opts.jobs));
  // records in flight or waiting for an earlier one: two batches per worker plus the one being
  // filled keep every worker busy while one long article holds up the writing, and are few enough
  // that memory does not grow with the archive
  const WINDOW = (2 * jobs + 1) * BATCH_RECORDS;
  const recordOptions: RecordOptions = { command: opts.command, english: opts.english };

  let items: AsyncIterable<Item> | Iterable<Item>;
  let share: (() => number | undefined) | undefined;
  if (opts.source.kind === 'folder') items = folderItems(opts.source.dir);
  else if (opts.source.file === undefined) items = jsonlItems(process.stdin as AsyncIterable<Buffer>);
  else {
    const stream = fs.createReadStream(opts.source.file, { highWaterMark: 1 << 20 });
    const size = fs.statSync(opts.source.file).size;
    share = () => (size ? stream.bytesRead / size : undefined);
    items = jsonlItems(stream as AsyncIterable<Buffer>);
  }
  const progress = new Progress(opts.progress || !!process.stderr.isTTY, jobs, share);

  const workers = new WorkerPool<JobMessage, ResultMessage>(opts.workerScript, ARCHIVE_WORKER_MARK, jobs, 'an analysis worker', 'articles');
  // answered batches (and error lines found while reading) by their first record's index, held
  // until every earlier record is written
  const ready = new Map<number, Lines>();
  let nextSeq = 0; // the next record's index
  let nextOut = 0; // the next index to write
  let blocked = false; // stdout asked us to wait
  let failure: Error | undefined;
  let wake: (() => void) | undefined;
  const poke = () => {
    const w = wake;
    wake = undefined;
    w?.();
  };
  const until = async (cond: () => boolean) => {
    while (!cond() && !failure) await new Promise<void>((r) => (wake = r));
    if (failure) throw failure;
  };

  const writeReady = () => {
    const lines: string[] = [];
    for (let r = ready.get(nextOut); r; r = ready.get(nextOut)) {
      ready.delete(nextOut);
      nextOut += r.count;
      lines.push(r.text);
      progress.articles += r.count;
      progress.failed += r.failed;
      progress.chars += r.chars;
    }
    if (!lines.length) return;
    if (!process.stdout.write(lines.join('')) && !blocked) {
      blocked = true;
      process.stdout.once('drain', () => {
        blocked = false;
        poke();
      });
    }
    progress.tick();
  };

  // the batch being filled: sent when full, when the input pauses, and at the end
  let batch: ArchiveRecord[] = [];
  let batchFirst = 0;
  let batchBytes = 0;
  let timer: NodeJS.Timeout | undefined;
  const send = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!batch.length) return;
    workers.run({ first: batchFirst, records: batch, options: recordOptions }).then(
      (m) => {
        for (const f of m.faults) process.stderr.write(`news-lens: warning: statistical model: ${f}\n`);
        ready.set(m.first, m.out);
        writeReady();
        poke();
      },
      (e: Error) => {
        failure ??= new WorkerFailed(e.message);
        poke();
      },
    );
    batch = [];
    batchBytes = 0;
  };

  try {
    for await (const item of items) {
      await until(() => nextSeq - nextOut < WINDOW && !blocked);
      const seq = nextSeq++;
      if ('done' in item) {
        // an error found while reading: its line, in its place (the batch before it goes first)
        send();
        ready.set(seq, linesOf([item.done]));
        writeReady();
        continue;
      }
      if (!batch.length) batchFirst = seq;
      batch.push(item.record);
      batchBytes += item.record.kind === 'line' ? item.record.bytes.length : FILE_RECORD_BYTES;
      if (batch.length >= BATCH_RECORDS || batchBytes >= BATCH_BYTES) send();
      else timer ??= setTimeout(send, BATCH_WAIT_MS);
    }
    send();
    await until(() => nextOut === nextSeq && !blocked);
    if (nextSeq === 0 && opts.source.kind === 'folder') throw new InputError(`${opts.source.dir}: no article files (${ARTICLE_EXTENSIONS.join(', ')}) in this folder or below it`);
  } finally {
    if (timer) clearTimeout(timer);
    await workers.close();
  }
  progress.finish();
  return progress.failed ? 3 : 0;
}

// ------------------------------------------------------------------------------------------ arguments

/** --jobs' value: a whole number of worker threads from 1 to 9999. */
export function jobsValue(command: string, v: string | undefined): number {
  if (v === undefined || !/^[1-9][0-9]{0,3}$/.test(v)) throw new InputError(`${command}: --jobs expects a whole number of worker threads from 1 to 9999${v === undefined ? '' : `, not "${v}"`}`);
  return Number(v);
}

/**
 * The archive form of `tag`/`analyze` args, or undefined for the single-article forms (`tag` on
 * stdin lines, `analyze FILE`), which stay as they were. Archive form: a folder, a .jsonl file,
 * or --jsonl (a file, or stdin without one or with `-`); options --jobs N, --progress, and for
 * analyze --english (and --json, which it always is).
 */
export function archiveOptionsFrom(command: ArchiveCommand, rest: string[], workerScript: string): ArchiveOptions | undefined {
  let jobs: number | undefined;
  let jsonl = false;
  let progress = false;
  const others: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '--jobs' || a.startsWith('--jobs=')) jobs = jobsValue(command, a === '--jobs' ? rest[++i] : a.slice('--jobs='.length));
    else if (a === '--jsonl') jsonl = true;
    else if (a === '--progress') progress = true;
    else others.push(a);
  }
  const paths = others.filter((a) => !a.startsWith('--'));
  const flags = others.filter((a) => a.startsWith('--'));
  const archiveFlags = jsonl || jobs !== undefined || progress;
  let source: ArchiveOptions['source'] | undefined;
  if (paths.length === 1 && paths[0] !== '-') {
    const p = paths[0];
    let st: fs.Stats | undefined;
    try {
      st = fs.statSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (archiveFlags || p.toLowerCase().endsWith('.jsonl')) throw new InputError(`${p}: ${code === 'ENOENT' ? 'no such file or folder' : `cannot read (${code ?? 'error'})`}`);
    }
    if (st?.isDirectory()) {
      if (jsonl) throw new InputError(`${command}: ${p} is a folder; --jsonl reads a file or stdin`);
      source = { kind: 'folder', dir: p };
    } else if (st && (jsonl || p.toLowerCase().endsWith('.jsonl'))) source = { kind: 'jsonl', file: p };
  } else if (jsonl && (paths.length === 0 || (paths.length === 1 && paths[0] === '-'))) source = { kind: 'jsonl' };
  if (!source) {
    if (!archiveFlags) return undefined;
    throw new InputError(`${command}: --jsonl, --jobs and --progress need one folder, one .jsonl file, or --jsonl with JSON Lines on stdin (see news-lens --help)`);
  }
  const allowed = command === 'analyze' ? ['--json', '--english'] : [];
  const unknown = flags.find((f) => !allowed.includes(f));
  if (unknown) throw new InputError(`${command}: unknown option ${unknown}`);
  return { command, source, jobs: jobs ?? defaultJobs(), progress, english: flags.includes('--english'), workerScript };
}
