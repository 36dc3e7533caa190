/**
 * Faults of the statistical model in this process (a WebAssembly kernel trap, an exception while
 * labelling): recorded here instead of being swallowed, so analyze() can put them in the analysis
 * warnings and the CLI on stderr. The model itself recovers (falls back to the JavaScript decoder,
 * or leaves the text to the rules), so a fault is news, not an error to throw.
 */
const faults: string[] = [];
const MAX_KEPT = 100;
let total = 0;

/** Records a fault (a short, user-readable sentence). */
export function reportModelFault(message: string): void {
  total++;
  faults.push(message);
  if (faults.length > MAX_KEPT) faults.shift();
}

/** How many faults were reported so far (compare before and after a call). */
export function modelFaultCount(): number {
  return total;
}

/** The faults reported after the first `since` (as far as they are still kept). */
export function modelFaultsSince(since: number): string[] {
  const n = total - since;
  return n <= 0 ? [] : faults.slice(Math.max(0, faults.length - n));
}
