/**
 * MSRA NER (People's Daily, 1990s; ../shared/data/msra-ner/train.bio): reading, the development
 * slice we hold out of every model, and PER/LOC/ORG scoring.
 *
 * MSRA labels only PER, LOC and ORG. Its ORG does not say company, government or organization, and
 * it leaves titles unmarked, so its sentences are *partially* labelled for our scheme: an ORG span is
 * one of our three organisation types, and an unlabelled character may still be part of a title. The
 * trainer (train.ts) turns these facts into per-position tag constraints instead of exact tags.
 */
import * as fs from 'node:fs';
import type { EntityType, Span } from '../src/core/types';
import type { Example } from './cluener';
import { shuffled } from './shuffle';

export type MsraLabel = 'PER' | 'LOC' | 'ORG';
export const MSRA_LABELS: MsraLabel[] = ['PER', 'LOC', 'ORG'];

/** Our type → the MSRA label it is scored as (title and date are not scored in this style). */
export const OURS_TO_MSRA: Partial<Record<EntityType, MsraLabel>> = {
  person: 'PER',
  place: 'LOC',
  company: 'ORG',
  government: 'ORG',
  organization: 'ORG',
};

/** Reads a BIO file (`字\tB-PER`, blank line between sentences) into examples with MSRA labels. */
export function readMsra(file: string): Example[] {
  const out: Example[] = [];
  let chars: string[] = [];
  let tags: string[] = [];
  const flush = () => {
    if (!chars.length) return;
    const text = chars.join('');
    // every character is one code unit in this corpus; keep offsets honest if one is not
    const offs: number[] = [];
    let u = 0;
    for (const c of chars) {
      offs.push(u);
      u += c.length;
    }
    offs.push(u);
    const spans: Example['spans'] = [];
    let open = -1;
    let label = '';
    const close = (i: number) => {
      if (open >= 0) spans.push({ label, start: offs[open], end: offs[i], text: text.slice(offs[open], offs[i]) });
      open = -1;
    };
    for (let i = 0; i < tags.length; i++) {
      const t = tags[i];
      if (t.startsWith('B-')) {
        close(i);
        open = i;
        label = t.slice(2);
      } else if (t.startsWith('I-')) {
        if (open < 0 || t.slice(2) !== label) {
          close(i);
          open = i;
          label = t.slice(2);
        }
      } else close(i);
    }
    close(tags.length);
    out.push({ text, spans, corpus: 'msra' });
    chars = [];
    tags = [];
  };
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const l = line.replace(/\r$/, '');
    if (!l.trim()) {
      flush();
      continue;
    }
    const tab = l.lastIndexOf('\t');
    const ch = tab > 0 ? l.slice(0, tab) : l.slice(0, 1);
    chars.push(ch || ' ');
    tags.push(tab > 0 ? l.slice(tab + 1).trim() : 'O');
  }
  flush();
  return out;
}

/**
 * The development slice: a fixed 5% of the file (fixed-seed shuffle), never trained on by any
 * model we ship, so its score stays an honest development figure. The rest is training data.
 */
export function splitMsra(all: Example[]): { train: Example[]; dev: Example[] } {
  const order = shuffled(
    all.map((_, i) => i),
    19980101,
  );
  const cut = Math.floor(all.length * 0.05);
  const devIdx = new Set(order.slice(0, cut));
  return { train: all.filter((_, i) => !devIdx.has(i)), dev: all.filter((_, i) => devIdx.has(i)) };
}

export interface MsraPRF {
  tp: number;
  fp: number;
  fn: number;
  p: number;
  r: number;
  f1: number;
}
export type MsraScores = Record<MsraLabel | 'micro', MsraPRF>;

function prf(tp: number, fp: number, fn: number): MsraPRF {
  const p = tp + fp ? tp / (tp + fp) : 0;
  const r = tp + fn ? tp / (tp + fn) : 0;
  return { tp, fp, fn, p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** Entity-level exact match of our spans (mapped to PER/LOC/ORG) against MSRA gold spans. */
export function scoreMsra(golds: Example[], preds: Span[][]): MsraScores {
  const c: Record<string, { tp: number; fp: number; fn: number }> = { PER: { tp: 0, fp: 0, fn: 0 }, LOC: { tp: 0, fp: 0, fn: 0 }, ORG: { tp: 0, fp: 0, fn: 0 } };
  for (let i = 0; i < golds.length; i++) {
    const g = new Set(golds[i].spans.filter((s) => c[s.label]).map((s) => `${s.label}:${s.start}:${s.end}`));
    const p = new Set<string>();
    for (const s of preds[i] ?? []) {
      const l = OURS_TO_MSRA[s.type];
      if (l) p.add(`${l}:${s.start}:${s.end}`);
    }
    for (const k of p) c[k.slice(0, 3)][g.has(k) ? 'tp' : 'fp']++;
    for (const k of g) if (!p.has(k)) c[k.slice(0, 3)].fn++;
  }
  let tp = 0, fp = 0, fn = 0;
  const out = {} as MsraScores;
  for (const l of MSRA_LABELS) {
    out[l] = prf(c[l].tp, c[l].fp, c[l].fn);
    tp += c[l].tp;
    fp += c[l].fp;
    fn += c[l].fn;
  }
  out.micro = prf(tp, fp, fn);
  return out;
}

export function formatMsra(s: MsraScores, title = ''): string {
  const pct = (x: number): string => (x * 100).toFixed(2).padStart(7);
  const lines = title ? [title] : [];
  lines.push(`${'label'.padEnd(8)}${'P'.padStart(7)}${'R'.padStart(7)}${'F1'.padStart(7)}${'tp'.padStart(7)}${'fp'.padStart(7)}${'fn'.padStart(7)}`);
  for (const l of [...MSRA_LABELS, 'micro' as const]) {
    const v = s[l];
    lines.push(`${l.padEnd(7)}${pct(v.p)}${pct(v.r)}${pct(v.f1)}${String(v.tp).padStart(7)}${String(v.fp).padStart(7)}${String(v.fn).padStart(7)}`);
  }
  return lines.join('\n');
}
