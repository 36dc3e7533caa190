/**
 * One article of an archive → its output line, for `news-lens tag|analyze` over a folder or JSON
 * Lines. Runs inside the archive workers (and nowhere else), so every article goes through exactly
 * this code whatever --jobs is. Never throws: a record that cannot be read, decoded or parsed, or
 * whose analysis fails, becomes `{"id":…,"error":"…"}`. Messages name no line number or absolute
 * path, so the same record gives the same line in a whole run and in a shard of it.
 */
import * as fs from 'node:fs';
import { analyze, tag } from '../core/index';
import { analysisToJson } from './analysisJson';
import { decodeText, InputError } from './encoding';

export type ArchiveCommand = 'tag' | 'analyze';

/** The largest article read from a folder (as `analyze FILE` reads). */
export const MAX_ARTICLE_BYTES = 256 * 1024 * 1024;

/** What the main thread hands a worker: a file of a folder, or one line of JSON Lines (raw bytes). */
export type ArchiveRecord =
  | { kind: 'file'; id: string; path: string; file: string }
  | { kind: 'line'; bytes: Uint8Array };

export interface RecordOutput {
  /** The output line, without its line break. */
  line: string;
  failed: boolean;
  /** Characters of the article's text (0 when it could not be read). */
  chars: number;
}

export interface RecordOptions {
  command: ArchiveCommand;
  english: boolean;
}

type Id = string | number | null;

export const errorLine = (id: Id, error: string): RecordOutput => ({ line: JSON.stringify({ id, error }), failed: true, chars: 0 });

const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

function readFileRecord(rec: Extract<ArchiveRecord, { kind: 'file' }>): string {
  let buf: Buffer;
  try {
    const st = fs.statSync(rec.path);
    if (st.size > MAX_ARTICLE_BYTES) throw new InputError(`${rec.id}: ${MB(st.size)} is more than News Lens reads (${MB(MAX_ARTICLE_BYTES)})`);
    buf = fs.readFileSync(rec.path);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${rec.id}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(buf, rec.id);
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A JSON Lines record → its id and text, or an error message. */
function parseLine(bytes: Uint8Array): { id: Id; text: string } | { id: Id; error: string } {
  let line: string;
  try {
    line = utf8.decode(bytes);
  } catch {
    return { id: null, error: 'not valid UTF-8; JSON Lines input must be UTF-8' };
  }
  let rec: unknown;
  try {
    rec = JSON.parse(line);
  } catch (e) {
    return { id: null, error: `not valid JSON (${(e as Error).message}); expected {"id": …, "text": "…"} on one line` };
  }
  if (typeof rec !== 'object' || rec === null || Array.isArray(rec)) return { id: null, error: 'not a JSON object; expected {"id": …, "text": "…"}' };
  const o = rec as { id?: unknown; text?: unknown };
  let id: Id = null;
  if (typeof o.id === 'string' || (typeof o.id === 'number' && Number.isFinite(o.id))) id = o.id;
  else if (o.id !== undefined && o.id !== null) return { id: null, error: `"id" must be a string or a number, not ${Array.isArray(o.id) ? 'an array' : typeof o.id}` };
  if (o.text === undefined) return { id, error: 'no "text" field; expected {"id": …, "text": "…"}' };
  if (typeof o.text !== 'string') return { id, error: `"text" must be a string, not ${o.text === null ? 'null' : Array.isArray(o.text) ? 'an array' : typeof o.text}` };
  return { id, text: o.text };
}

export function processRecord(rec: ArchiveRecord, opts: RecordOptions): RecordOutput {
  let id: Id;
  let text: string;
  let file: string | undefined;
  if (rec.kind === 'file') {
    id = rec.id;
    file = rec.file;
    try {
      text = readFileRecord(rec);
    } catch (e) {
      return errorLine(id, e instanceof InputError ? e.message : `${rec.id}: cannot read (${(e as Error)?.message ?? e})`);
    }
  } else {
    const p = parseLine(rec.bytes);
    if ('error' in p) return errorLine(p.id, p.error);
    ({ id, text } = p);
  }
  try {
    if (opts.command === 'tag') {
      const entities = tag(text).map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text }));
      return { line: JSON.stringify({ id, entities }), failed: false, chars: text.length };
    }
    const json = analysisToJson(text, analyze(text), file, opts.english) as object;
    return { line: JSON.stringify({ id, ...json }), failed: false, chars: text.length };
  } catch (e) {
    // the core never throws by contract; if it does, this article fails and the others go on
    return errorLine(id, `internal error while analysing: ${(e as Error)?.message ?? String(e)}`);
  }
}
