/**
 * CLUENER2020 reading and entity-level scoring, shared by training (held-out scores) and
 * scripts/eval.ts. CLUENER offsets count code points with an inclusive end; everything here is
 * converted to UTF-16 offsets with an exclusive end, the contract of src/core/types.ts.
 */
import * as fs from 'node:fs';
import type { EntityType, Span } from '../src/core/types';

export const CLUENER_TO_OURS: Record<string, EntityType | null> = {
  name: 'person',
  position: 'title',
  company: 'company',
  government: 'government',
  organization: 'organization',
  address: 'place',
  scene: null,
  book: null,
  game: null,
  movie: null,
};

export const SCORED_TYPES: EntityType[] = ['person', 'title', 'company', 'government', 'organization', 'place'];

export interface GoldSpan {
  /** CLUENER label (name, position, …, game, movie). */
  label: string;
  start: number;
  end: number;
  text: string;
}

export interface Example {
  text: string;
  spans: GoldSpan[];
  /**
   * Where the labels come from: CLUENER (every type of ours labelled, the default) or MSRA (PER/LOC/ORG
   * only: partial labels for our scheme, see training/msra.ts).
   */
  corpus?: 'cluener' | 'msra';
}

/** UTF-16 index of every code point index (length = code points + 1). */
export function codePointToUtf16(text: string): number[] {
  const map: number[] = [];
  let u = 0;
  for (const ch of text) {
    map.push(u);
    u += ch.length;
  }
  map.push(u);
  return map;
}

export function readCluener(path: string): Example[] {
  const out: Example[] = [];
  for (const line of fs.readFileSync(path, 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const o = JSON.parse(line) as { text: string; label?: Record<string, Record<string, [number, number][]>> };
    const map = codePointToUtf16(o.text);
    const spans: GoldSpan[] = [];
    for (const [label, ents] of Object.entries(o.label ?? {})) {
      for (const [surface, ranges] of Object.entries(ents)) {
        for (const [s, e] of ranges) {
          const start = map[s];
          const end = map[e + 1];
          if (start === undefined || end === undefined) continue;
          const text = o.text.slice(start, end);
          if (text !== surface) continue; // malformed annotation; never seen in practice
          spans.push({ label, start, end, text });
        }
      }
    }
    spans.sort((a, b) => a.start - b.start || b.end - a.end);
    out.push({ text: o.text, spans });
  }
  return out;
}

/** Gold spans mapped to our types (unscored labels dropped). */
export function goldSpans(ex: Example): Span[] {
  const out: Span[] = [];
  for (const g of ex.spans) {
    const t = CLUENER_TO_OURS[g.label];
    if (t) out.push({ type: t, start: g.start, end: g.end, text: g.text });
  }
  return out;
}

export interface PRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}

export interface Scores {
  perType: Record<string, PRF>;
  micro: PRF;
}

function prf(tp: number, fp: number, fn: number): PRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Exact (type, start, end) match over the scored types; predictions of other types are ignored. */
export function score(golds: Span[][], preds: Span[][]): Scores {
  const c: Record<string, { tp: number; fp: number; fn: number }> = {};
  for (const t of SCORED_TYPES) c[t] = { tp: 0, fp: 0, fn: 0 };
  for (let i = 0; i < golds.length; i++) {
    const g = new Set(golds[i].filter((s) => c[s.type]).map((s) => `${s.type}:${s.start}:${s.end}`));
    const p = new Set((preds[i] ?? []).filter((s) => c[s.type]).map((s) => `${s.type}:${s.start}:${s.end}`));
    for (const k of p) {
      const t = k.slice(0, k.indexOf(':'));
      if (g.has(k)) c[t].tp++;
      else c[t].fp++;
    }
    for (const k of g) if (!p.has(k)) c[k.slice(0, k.indexOf(':'))].fn++;
  }
  const perType: Record<string, PRF> = {};
  let tp = 0, fp = 0, fn = 0;
  for (const t of SCORED_TYPES) {
    perType[t] = prf(c[t].tp, c[t].fp, c[t].fn);
    tp += c[t].tp;
    fp += c[t].fp;
    fn += c[t].fn;
  }
  return { perType, micro: prf(tp, fp, fn) };
}

export function formatScores(s: Scores, title = ''): string {
  const pct = (x: number): string => (x * 100).toFixed(2).padStart(6);
  const lines = [
    title,
    `${'type'.padEnd(13)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}${'tp'.padStart(6)}${'fp'.padStart(6)}${'fn'.padStart(6)}`,
  ];
  for (const [t, v] of [...Object.entries(s.perType), ['micro', s.micro] as const]) {
    lines.push(`${t.padEnd(13)} ${pct(v.p)} ${pct(v.r)} ${pct(v.f1)}${String(v.tp).padStart(6)}${String(v.fp).padStart(6)}${String(v.fn).padStart(6)}`);
  }
  return lines.filter((l) => l !== '').join('\n');
}
