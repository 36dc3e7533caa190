/**
 * Worker threads for the command line's batch work (`tag` on stdin lines in tagLines.ts, archives in
 * archive.ts). The workers are this same bundle started with a mark in workerData; newsLens.ts sends
 * a worker to the right serveBatches() handler. Up to `jobs` workers start as batches come: a batch
 * goes to an idle worker, else to a new one while fewer than `jobs` run, else to the least busy. Each
 * batch's answer is a promise; a worker that fails, or exits with batches unanswered, fails those and
 * every later batch (the caller stops).
 */
import * as v8 from 'node:v8';
import { parentPort, Worker, type Transferable } from 'node:worker_threads';

/**
 * V8's --interrupt-budget for the process, set before the first worker starts (unless the user gave
 * one). Every worker is an isolate of its own that warms up on its own: with V8's default (67584)
 * the analysis' large functions are optimised on thin type feedback, deoptimised and optimised
 * again, and TurboFan's background compiles cost about as much CPU as the worker's own tagging in
 * its first few thousand articles. On a machine with as many cores as jobs that CPU is taken from
 * the other workers, which is why --jobs 2 ran slower than --jobs 1 on 2 cores. Optimising later
 * (600000) halves the compiles and deoptimisations; --jobs 1 measured the same within the noise.
 * Process-wide: it also applies to `tag`'s stdin workers, and to the main thread from here on.
 */
export const INTERRUPT_BUDGET = 600_000;
let jitTuned = false;
function tuneJit(): void {
  if (jitTuned) return;
  jitTuned = true;
  const given = [...process.execArgv, process.env.NODE_OPTIONS ?? ''].some((a) => /interrupt[-_]budget/.test(a));
  if (!given) v8.setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET}`);
}

interface Envelope<T> {
  seq: number;
  body: T;
}

/** Inside a worker: answers each batch with `handle` (synchronously, in order). */
export function serveBatches<Req, Res>(handle: (req: Req) => Res): void {
  parentPort?.on('message', (m: Envelope<Req>) => {
    parentPort?.postMessage({ seq: m.seq, body: handle(m.body) } satisfies Envelope<Res>);
  });
}

export class WorkerPool<Req, Res> {
  private readonly workers: { w: Worker; pending: number }[] = [];
  private readonly waiting = new Map<number, { resolve: (r: Res) => void; reject: (e: Error) => void }>();
  private seq = 0;
  private failure: Error | undefined;

  /**
   * `who` names a worker in messages (an analysis worker), `what` its unanswered batches' contents
   * (articles).
   */
  constructor(
    private readonly script: string,
    private readonly mark: string,
    private readonly jobs: number,
    private readonly who: string,
    private readonly what: string,
  ) {}

  run(req: Req, transfer: Transferable[] = []): Promise<Res> {
    if (this.failure) return Promise.reject(this.failure);
    let slot = this.workers[0];
    for (const s of this.workers) if (s.pending < slot.pending) slot = s;
    if (!slot || (slot.pending > 0 && this.workers.length < this.jobs)) slot = this.spawn();
    slot.pending++;
    const seq = this.seq++;
    const answer = new Promise<Res>((resolve, reject) => {
      this.waiting.set(seq, { resolve, reject });
      slot.w.postMessage({ seq, body: req } satisfies Envelope<Req>, transfer);
    });
    // (a caller that stops early never awaits the batches still out: their failure when the
    // workers are terminated is nobody's)
    answer.catch(() => undefined);
    return answer;
  }

  close(): Promise<unknown> {
    return Promise.all(this.workers.map((s) => s.w.terminate()));
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const p of this.waiting.values()) p.reject(this.failure);
    this.waiting.clear();
  }

  private spawn(): { w: Worker; pending: number } {
    tuneJit();
    const w = new Worker(this.script, { workerData: this.mark, argv: [] });
    const slot = { w, pending: 0 };
    w.on('message', (m: Envelope<Res>) => {
      slot.pending--;
      const p = this.waiting.get(m.seq);
      this.waiting.delete(m.seq);
      p?.resolve(m.body);
    });
    w.on('error', (e) => this.fail(new Error(`${this.who} failed: ${e?.message ?? e}`)));
    w.on('exit', (code) => {
      if (slot.pending > 0) this.fail(new Error(`${this.who} stopped (exit code ${code}) with ${this.what} unanswered`));
    });
    this.workers.push(slot);
    return slot;
  }
}
