/**
 * Stage: later bare mentions of a name found earlier in the same text (市委书记尹力主持会议。尹力指出…):
 * every person name of two or more characters is looked up again wherever it occurs. Last, so it
 * only fills what no other stage claimed.
 */
import type { Ctx } from './context';
import * as contextModule from './context';
import * as scanModule from './scan';

// imports bound once at load: under tsx each use of an import is a getter call (see context.ts)
const { add, free } = contextModule;
const { occurrences } = scanModule;

/** Stage: every person name found so far, wherever else it occurs free. */
export function stageKnownNames(ctx: Ctx): void {
  const names = new Set<string>();
  for (const sp of ctx.spans) if (sp.type === 'person' && sp.text.length >= 2) names.add(sp.text);
  addKnownNames(ctx, names);
}

function addKnownNames(ctx: Ctx, names: Set<string>): void {
  if (!names.size) return;
  const { s } = ctx;
  const byFirst = new Map<number, string[]>();
  for (const nm of names) {
    const k = nm.charCodeAt(0);
    const arr = byFirst.get(k) ?? [];
    arr.push(nm);
    byFirst.set(k, arr);
  }
  for (const arr of byFirst.values()) arr.sort((a, b) => b.length - a.length);
  // only where a name occurs (indexOf per name), in order, resuming after each added name as a
  // loop over every position would
  const at = occurrences(s, names);
  let nextI = 0;
  for (let k = 0; k < at.length; k++) {
    const i = at[k];
    if (i < nextI || ctx.taken[i]) continue;
    const arr = byFirst.get(s.charCodeAt(i));
    if (!arr) continue;
    for (const nm of arr) {
      if (s.startsWith(nm, i) && free(ctx, i, i + nm.length)) {
        add(ctx, { type: 'person', start: i, end: i + nm.length, priority: 45, source: 'rule', knownName: true });
        nextI = i + nm.length;
        break;
      }
    }
  }
}
