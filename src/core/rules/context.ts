/**
 * The context every rule stage works on: the normalised text, which code units earlier stages have
 * claimed (`taken`), the spans found so far, and the organizations title chains can attach to.
 * Stages claim characters in order of reliability (see pipeline.ts); a span is only added where
 * all its characters are still free, so later stages only use what earlier ones left.
 *
 * Imports between the rule files: each file binds the values it imports from its neighbours to
 * local constants once, at load (`const { add, free } = contextModule`). tsx, which runs the tests,
 * eval and the benchmark, compiles every file to CommonJS, where each use of a named import is a
 * call to a getter (two, in fact) that V8 does not inline: in the stages' loops that cost several
 * per cent of the rules' time. (The esbuild bundles of the extension and the CLI put all modules
 * in one scope and have no such cost.)
 */
import { lexicons, type Lexicons } from '../lexicon';
import type { Candidates } from './scan';
import type { RichSpan } from './types';

/** Texts longer than this are recognised on their first MAX_TEXT_FOR_RULES code units only. */
export const MAX_TEXT_FOR_RULES = 4_000_000;

/** The state of one run of the rule stages over one text. */
export interface Ctx {
  /** The text, normalised for matching (normalizeForMatching: same length as the original). */
  s: string;
  n: number;
  /** 1 where a stage (or a masked range) has claimed the code unit. */
  taken: Uint8Array;
  /** Spans in the order the stages added them. */
  spans: RichSpan[];
  lx: Lexicons;
  /** Company/gov spans by start offset, for title chains. */
  orgAt: Map<number, RichSpan>;
  /** 1 at every key of orgAt (a typed-array test for the hot loops). */
  orgMark: Uint8Array;
  /** The keys of orgAt (as an array: copying a Map's key iterator into a typed array is slow). */
  orgStarts: number[];
  /** Lexicon and word-list candidates, computed on first use. */
  cands?: Candidates;
}

/** Records a company, government or organization span at `start`: a title chain written after it belongs to it. */
export function setOrg(ctx: Ctx, start: number, sp: RichSpan): void {
  if (ctx.orgMark[start] === 0) ctx.orgStarts.push(start);
  ctx.orgAt.set(start, sp);
  ctx.orgMark[start] = 1;
}

/** True when [a, b) lies in the text and no stage has claimed any of it. */
export function free(ctx: Ctx, a: number, b: number): boolean {
  if (a < 0 || b > ctx.n || a >= b) return false;
  for (let i = a; i < b; i++) if (ctx.taken[i]) return false;
  return true;
}

/** Adds a span and claims its characters when they are all free; returns it, or undefined. */
export function add(ctx: Ctx, sp: Omit<RichSpan, 'text'> & { text?: string }): RichSpan | undefined {
  if (!free(ctx, sp.start, sp.end)) return undefined;
  // every caller passes a fresh literal: completing it gives the same object (same key order) as a copy
  const full = sp as RichSpan;
  full.text = ctx.s.slice(sp.start, sp.end);
  for (let i = sp.start; i < sp.end; i++) ctx.taken[i] = 1;
  ctx.spans.push(full);
  return full;
}

/**
 * A fresh context over `s`, the text as normalizeForMatching returns it (same length as the
 * original, so every offset is an offset into the original).
 */
export function createContext(s: string): Ctx {
  return { s, n: s.length, taken: new Uint8Array(s.length), spans: [], lx: lexicons(), orgAt: new Map(), orgMark: new Uint8Array(s.length), orgStarts: [] };
}
