/**
 * Runs the core's analyze() off the server's main thread, so a long document never blocks hovers,
 * outlines or other documents. The worker is this same bundle (dist/server/server.js) started as a
 * worker_thread: server.ts calls runWorker() instead of starting LSP when !isMainThread. A job that
 * is superseded (newer version, closed document) while running is stopped, not killed: the pool
 * raises a flag in memory shared with the worker, which analyze() reads between its steps and rule
 * stages (AnalyzeOptions.shouldStop); the worker answers at once and keeps its loaded model. Only a
 * worker that has not answered STOP_GRACE_MS after being asked is terminated (a fresh one starts on
 * demand).
 */
import * as os from 'node:os';
import { parentPort, Worker } from 'node:worker_threads';
import type { Analysis, AnalyzeOptions } from '../core/types';
import { analyzeText } from './core';

interface JobRequest {
  id: number;
  text: string;
  options?: AnalyzeOptions;
  /** Shared with the pool: holds the id of a job to stop. */
  stop: Int32Array;
}
type JobReply = { id: number; analysis: Analysis } | { id: number; error: string };

export const WORKER_MARK = 'news-lens-analysis-worker';

/**
 * Nice value of the analysis thread: below the main thread, so on a busy machine the requests about
 * other documents (hovers) get the CPU before a long article's analysis. On Linux a thread's nice
 * value is its own (setpriority on the calling thread); elsewhere it would lower the whole process,
 * so it is left alone there.
 */
const WORKER_NICE = 10;

/** Entry point inside the worker thread. */
export function runWorker(): void {
  if (process.platform === 'linux') {
    try {
      os.setPriority(0, WORKER_NICE);
    } catch {
      /* not allowed: runs at the same priority */
    }
  }
  parentPort?.on('message', (msg: JobRequest) => {
    let reply: JobReply;
    const stop = msg.stop;
    const shouldStop = () => Atomics.load(stop, 0) === msg.id;
    try {
      reply = { id: msg.id, analysis: analyzeText(msg.text, { ...msg.options, shouldStop }) };
    } catch (err) {
      reply = { id: msg.id, error: String((err as Error)?.stack ?? err) };
    }
    parentPort?.postMessage(reply);
  });
}

export class CancelledError extends Error {
  constructor() {
    super('analysis cancelled');
  }
}

interface Job {
  id: number;
  text: string;
  options?: AnalyzeOptions;
  resolve(a: Analysis): void;
  reject(e: unknown): void;
  /** Superseded while running: its answer is dropped when it comes. */
  dropped?: boolean;
}

/** How long a worker asked to stop a job may take to answer before it is terminated. */
export const STOP_GRACE_MS = 3000;

export interface AnalysisJob {
  promise: Promise<Analysis>;
  cancel(): void;
}

/** One background worker, jobs run one at a time in submission order. */
export class AnalysisWorkerPool {
  private worker: Worker | undefined;
  /** The job the worker is on (answered or not), a dropped one included: the next waits for it. */
  private running: Job | undefined;
  /** Shared with the current worker: the id of a job to stop (0: none). */
  private stop = new Int32Array(new SharedArrayBuffer(4));
  private graceTimer: NodeJS.Timeout | undefined;
  private readonly queue: Job[] = [];
  private nextId = 1;
  private disposed = false;

  constructor(private readonly script: string, private readonly log: (m: string) => void) {}

  submit(text: string, options?: AnalyzeOptions): AnalysisJob {
    let job!: Job;
    const promise = new Promise<Analysis>((resolve, reject) => {
      job = { id: this.nextId++, text, options, resolve, reject };
    });
    promise.catch(() => undefined); // callers may drop cancelled jobs
    this.queue.push(job);
    this.pump();
    return { promise, cancel: () => this.cancel(job) };
  }

  private cancel(job: Job): void {
    const i = this.queue.indexOf(job);
    if (i >= 0) {
      this.queue.splice(i, 1);
      job.reject(new CancelledError());
      return;
    }
    if (this.running === job && !job.dropped) {
      // ask the worker to stop; the next job waits for its answer (soon: analyze() looks between
      // steps), and the worker keeps its model
      job.dropped = true;
      job.reject(new CancelledError());
      Atomics.store(this.stop, 0, job.id);
      const w = this.worker;
      this.graceTimer = setTimeout(() => {
        // no answer: terminate it after all (a fresh worker starts for the next job)
        if (this.running !== job || this.worker !== w) return;
        this.log(`News Lens: analysis worker did not stop within ${STOP_GRACE_MS} ms; restarting it`);
        this.running = undefined;
        this.worker = undefined;
        void w?.terminate();
        this.pump();
      }, STOP_GRACE_MS);
      this.graceTimer.unref?.();
    }
  }

  /** The running job is over (answered, failed or abandoned): clear its stop request. */
  private finished(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
    this.running = undefined;
  }

  private ensureWorker(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(this.script, { workerData: WORKER_MARK, argv: [] });
    // (a new worker's own flag: a terminated one may still hold the old)
    this.stop = new Int32Array(new SharedArrayBuffer(4));
    w.on('message', (reply: JobReply) => {
      if (w !== this.worker) return;
      const job = this.running;
      if (!job || job.id !== reply.id) return;
      this.finished();
      if (!job.dropped) {
        if ('analysis' in reply) job.resolve(reply.analysis);
        else job.reject(new Error(reply.error));
      }
      this.pump();
    });
    w.on('error', (err) => {
      this.log(`News Lens: analysis worker failed: ${String(err)}`);
      if (w !== this.worker) return;
      this.worker = undefined;
      const job = this.running;
      this.finished();
      job?.reject(err);
      this.pump();
    });
    w.on('exit', () => {
      if (w !== this.worker) return;
      this.worker = undefined;
      const job = this.running;
      this.finished();
      job?.reject(new Error('analysis worker exited'));
      this.pump();
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private pump(): void {
    if (this.disposed || this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    try {
      const w = this.ensureWorker();
      w.postMessage({ id: job.id, text: job.text, options: job.options, stop: this.stop } satisfies JobRequest);
    } catch (err) {
      this.finished();
      job.reject(err);
      this.pump();
    }
  }

  dispose(): void {
    this.disposed = true;
    for (const j of this.queue.splice(0)) j.reject(new CancelledError());
    if (this.running && !this.running.dropped) this.running.reject(new CancelledError());
    this.finished();
    void this.worker?.terminate();
    this.worker = undefined;
  }
}
