/**
 * `news-lens tag` on stdin: one JSON line of entity spans per input line.
 *
 * Lines end at \n only (a \r before it is dropped, a lone \r is part of the line): one line in, one
 * line out, always. Input must be UTF-8 text: a line with a NUL byte or invalid UTF-8 stops the run
 * with a message (exit code 2) after the lines before it are answered.
 *
 * Input is cut into batches of whole lines, tagged on this thread at first: a sentence should not
 * wait for worker threads to start and load the model. Once the input read passes a threshold,
 * later batches go to --jobs worker threads, each loading the model once. With --jobs given that
 * is 256 KB; by default (all cores) 8 MB, because each worker warms up on its own (a cold
 * worker runs the rules at about half speed for its first 100k characters): on 2 cores the
 * threads paid off only on inputs past about 10 MB (`npm run bench`). Batches are written in
 * input order, so the output is the same for any --jobs (every line is tagged on its own either
 * way).
 */
import { modelFaultCount, modelFaultsSince, tag } from '../core/index';
import { InputError } from './encoding';
import { serveBatches, WorkerPool } from './workerPool';

export const TAG_WORKER_MARK = 'news-lens-tag-worker';

/** The longest line `tag` takes (a line is a sentence; a megabyte line is fine). */
export const MAX_LINE_BYTES = 64 * 1024 * 1024;
/** Input read before later batches go to worker threads: with --jobs given, and by default. */
const POOL_FROM_BYTES = 256 * 1024;
const DEFAULT_POOL_FROM_BYTES = 8 * 1024 * 1024;
/** A batch: whole lines, cut at the first line break after this many bytes. */
const BATCH_BYTES = 64 * 1024;

/** Why a line stopped the run; the message names its line number (1-based, over all of stdin). */
type LineError = { line: number; kind: 'binary' | 'utf8' };

/** A batch's answer: the output lines of its input lines before any bad one. */
interface BatchResult {
  out: string;
  /** Lines answered. */
  lines: number;
  error?: LineError;
  faults: string[];
}

const binaryMessage = (line: number) => `stdin line ${line}: looks like binary data (a NUL byte), not text; tag reads UTF-8 text, one sentence per line`;
const utf8Message = (line: number) => `stdin line ${line}: not valid UTF-8; tag reads UTF-8 text, one sentence per line (convert first, e.g. iconv -f GB18030 -t UTF-8)`;
const errorOf = (e: LineError) => new InputError(e.kind === 'binary' ? binaryMessage(e.line) : utf8Message(e.line));

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
let faultsSeen = 0;

/**
 * Tags the lines of `bytes` (each ending at \n; a last piece without one is a line too, an empty
 * last piece is not). `firstLine` is the number of the batch's first line, for messages.
 */
export function tagBatch(bytes: Uint8Array, firstLine: number): BatchResult {
  const out: string[] = [];
  let from = 0;
  let lines = 0;
  let error: LineError | undefined;
  while (from < bytes.length) {
    let nl = bytes.indexOf(10, from);
    if (nl < 0) nl = bytes.length;
    const piece = bytes.subarray(from, nl);
    from = nl + 1;
    if (piece.includes(0)) {
      error = { line: firstLine + lines, kind: 'binary' };
      break;
    }
    let line: string;
    try {
      line = utf8.decode(piece);
    } catch {
      error = { line: firstLine + lines, kind: 'utf8' };
      break;
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    let entities: { type: string; start: number; end: number; text: string }[] = [];
    try {
      entities = tag(line).map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text }));
    } catch {
      entities = [];
    }
    out.push(JSON.stringify({ entities }) + '\n');
    lines++;
  }
  const n = modelFaultCount();
  const faults = n === faultsSeen ? [] : modelFaultsSince(faultsSeen);
  faultsSeen = n;
  return { out: out.join(''), lines, ...(error ? { error } : {}), faults };
}

interface TagRequest {
  bytes: Uint8Array;
  firstLine: number;
}

/** Entry point inside a worker thread: batches in, their answers back. */
export function runTagWorker(): void {
  serveBatches<TagRequest, BatchResult>((m) => tagBatch(m.bytes, m.firstLine));
}

/** Where batches are tagged: this thread, or a pool of worker threads. */
interface Tagger {
  run(bytes: Uint8Array, firstLine: number): Promise<BatchResult>;
  /** Batches that may be in flight at once. */
  readonly window: number;
  close(): Promise<void>;
}

const inline: Tagger = {
  run: (bytes, firstLine) => Promise.resolve(tagBatch(bytes, firstLine)),
  window: 1,
  close: () => Promise.resolve(),
};

function pool(jobs: number, workerScript: string): Tagger {
  const workers = new WorkerPool<TagRequest, BatchResult>(workerScript, TAG_WORKER_MARK, jobs, 'a tagging worker', 'lines');
  return {
    window: 2 * jobs + 1,
    // (a copy of its own, transferred: the reader's buffers may be pooled)
    run: (bytes, firstLine) => {
      const own = new Uint8Array(bytes);
      return workers.run({ bytes: own, firstLine }, [own.buffer as ArrayBuffer]);
    },
    close: async () => {
      await workers.close();
    },
  };
}

/**
 * Reads stdin, tags every line, writes one JSON line per line to stdout in order. `jobs`: worker
 * threads as --jobs gave them, or undefined for the default (all cores, for large input only).
 */
export async function runTagLines(jobsGiven: number | undefined, workerScript: string, cores: number): Promise<void> {
  const jobs = jobsGiven ?? cores;
  const poolFrom = jobsGiven === undefined ? DEFAULT_POOL_FROM_BYTES : POOL_FROM_BYTES;
  const input = process.stdin as AsyncIterable<Buffer>;
  const iterator = input[Symbol.asyncIterator]();
  // the input not yet in a batch: whole chunks, then the piece after the last line break
  let held: Buffer[] = [];
  let bytesRead = 0;
  let heldBytes = 0;
  let ended = false;
  let lastNl = -1; // offset of the last line break within held (as if concatenated), -1 none

  /** A line that stops the run before it can be batched: too long, or binary with no line break. */
  let readError: InputError | undefined;
  const readMore = async (): Promise<void> => {
    const r = await iterator.next();
    if (r.done) {
      ended = true;
      return;
    }
    const chunk = r.value;
    const nl = chunk.lastIndexOf(10);
    if (nl >= 0) lastNl = heldBytes + nl;
    held.push(chunk);
    heldBytes += chunk.length;
    bytesRead += chunk.length;
    if (lastNl < heldBytes - 1) {
      // binary input may have no line breaks at all: stop before holding on to megabytes of it
      const tail = chunk.subarray(nl + 1);
      const line = linesInBatches + countLines(held, lastNl) + 1;
      if (tail.includes(0)) readError = new InputError(binaryMessage(line));
      else if (heldBytes - 1 - lastNl > MAX_LINE_BYTES) readError = new InputError(`stdin line ${line}: longer than ${MAX_LINE_BYTES / (1024 * 1024)} MB; tag reads one sentence per line`);
      // the whole lines before it are still answered, then the run stops
      if (readError) ended = true;
    }
  };
  /** Takes the held input up to and including its last line break (all of it at the end). */
  const takeBatch = (): Buffer | undefined => {
    if (!heldBytes) return undefined;
    const all = held.length === 1 ? held[0] : Buffer.concat(held, heldBytes);
    const cut = ended && !readError ? all.length : lastNl + 1;
    if (cut <= 0) return undefined;
    const batch = all.subarray(0, cut);
    const rest = all.subarray(cut);
    held = rest.length ? [Buffer.from(rest)] : [];
    heldBytes = rest.length;
    lastNl = -1;
    return batch;
  };

  let linesInBatches = 0; // lines handed out, written or not

  let tagger = inline;

  const inFlight: Promise<BatchResult>[] = [];
  let out: string[] = [];
  let outBytes = 0;
  const flush = async () => {
    if (!out.length) return;
    const chunk = out.join('');
    out = [];
    outBytes = 0;
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  const writeOne = async (): Promise<void> => {
    const r = await inFlight.shift()!;
    for (const f of r.faults) process.stderr.write(`news-lens: warning: statistical model: ${f}\n`);
    out.push(r.out);
    outBytes += r.out.length;
    if (r.error) throw errorOf(r.error);
    if (outBytes > 1 << 16) await flush();
  };
  try {
    for (;;) {
      // batches of about BATCH_BYTES (all of the held input at the end)
      while (!ended && (heldBytes < BATCH_BYTES || lastNl < 0)) await readMore();
      if (tagger === inline && jobs > 1 && bytesRead >= poolFrom && !(ended && !heldBytes)) tagger = pool(jobs, workerScript);
      const batch = takeBatch();
      if (!batch) {
        if (ended) break;
        continue;
      }
      const lines = countLinesIn(batch);
      inFlight.push(tagger.run(batch, linesInBatches + 1));
      linesInBatches += lines;
      while (inFlight.length >= tagger.window) await writeOne();
    }
    while (inFlight.length) await writeOne();
    if (readError) throw readError;
  } finally {
    // the lines before a bad one are answered
    await flush();
    inFlight.length = 0;
    await tagger.close();
  }
}

/** Lines in a batch (as tagBatch counts them: a last piece without \n is one, an empty one is not). */
function countLinesIn(b: Uint8Array): number {
  let n = 0;
  for (let i = b.indexOf(10); i >= 0; i = b.indexOf(10, i + 1)) n++;
  if (b.length && b[b.length - 1] !== 10) n++;
  return n;
}

/** Line breaks in the held chunks up to offset `upTo` (inclusive). */
function countLines(chunks: Buffer[], upTo: number): number {
  let n = 0;
  let base = 0;
  for (const c of chunks) {
    for (let i = c.indexOf(10); i >= 0 && base + i <= upTo; i = c.indexOf(10, i + 1)) n++;
    base += c.length;
    if (base > upTo) break;
  }
  return n;
}
