/**
 * Long work on the server's main thread in slices. A step function written as a generator yields
 * now and then (say every few hundred mentions); runSliced() queues it, and one scheduler runs the
 * queued jobs in turn for at most SLICE_MS per turn of the event loop, so that however many long
 * jobs there are (the summary, outline and ranges of a one-megabyte article, asked for at once),
 * a hover in a small document waits at most one short slice. runToEnd() runs the same steps at once
 * (tests, small documents).
 */
export type Steps<T> = Generator<void, T, void>;

/** Milliseconds of sliced work per turn of the event loop (all jobs together). */
export const SLICE_MS = 4;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

interface Job {
  /** One step; true when the job is finished (settled). */
  step(): boolean;
}

const jobs: Job[] = [];
let scheduled = false;

function turn(): void {
  scheduled = false;
  const t0 = performance.now();
  // round robin: one step of each job in turn until the slice is used up
  while (jobs.length && performance.now() - t0 < SLICE_MS) {
    const job = jobs.shift()!;
    if (!job.step()) jobs.push(job);
  }
  schedule();
}

function schedule(): void {
  if (scheduled || !jobs.length) return;
  scheduled = true;
  setImmediate(turn);
}

export function runSliced<T>(steps: Steps<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    jobs.push({
      step(): boolean {
        try {
          const r = steps.next();
          if (!r.done) return false;
          resolve(r.value);
        } catch (err) {
          reject(err);
        }
        return true;
      },
    });
    schedule();
  });
}

/** Every `every` calls, true: where a step function yields (`if (tick()) yield;`). */
export function ticker(every = 128): () => boolean {
  let n = 0;
  return () => ++n % every === 0;
}

/** `make()` after the requests already waiting (one setImmediate), its result or error as a promise. */
export function afterPending<T>(make: () => T): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    setImmediate(() => {
      try {
        resolve(make());
      } catch (e) {
        reject(e);
      }
    });
  });
}
