/**
 * news-lens — command-line front end of the analysis core.
 *
 *   news-lens analyze FILE [--json]   entities, titles, regions and relations of an article
 *   news-lens tag                      stdin → one JSON line of entity spans per input line
 *   news-lens tag|analyze DIR|FILE.jsonl|--jsonl [--jobs N] [--progress]
 *                                      an archive → one JSON line per article (archive.ts)
 *   news-lens --help | --version
 *
 * Exit codes: 0 ok, 1 internal error, 2 usage or input error (one line on stderr, no stack),
 * 3 an archive run in which some articles failed (each has an "error" line).
 */
import * as fs from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { analyze, createLineIndex, modelFaultCount, modelFaultsSince, type Analysis, type Entity } from '../core/index';
import { analysisToJson, englishOf } from './analysisJson';
import pkg from '../../package.json';
import { decodeText, InputError } from './encoding';
import { ARCHIVE_WORKER_MARK, archiveOptionsFrom, defaultJobs, jobsValue, runArchive, runArchiveWorker } from './archive';
import { runTagLines, runTagWorker, TAG_WORKER_MARK } from './tagLines';

/**
 * `tag`'s stdin form: no argument but `-` and `--jobs N`. Undefined for anything else (an archive,
 * or a usage error said by the caller).
 */
function stdinTagOptions(rest: string[]): { jobs: number | undefined } | undefined {
  let jobs: number | undefined;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i];
    if (a === '-') continue;
    if (a === '--jobs' || a.startsWith('--jobs=')) jobs = jobsValue('tag', a === '--jobs' ? rest[++i] : a.slice('--jobs='.length));
    else return undefined;
  }
  return { jobs };
}

const VERSION: string = (pkg as { version?: string }).version ?? '0.0.0';

const HELP = `news-lens ${VERSION} — entities in Chinese news articles

Usage:
  news-lens analyze FILE [--json] [--english]
                                    Analyse an article (UTF-8, UTF-16 with BOM, GB18030 or Big5).
                                    Prints a readable outline by region, or JSON with --json;
                                    --english adds English renderings of names and titles.
  news-lens tag [--jobs N]          Read sentences from stdin (UTF-8), one per line (a line ends
                                    at LF; a CR before it is dropped, a lone CR is text); write one
                                    JSON line per input line: {"entities":[{"type","start","end","text"}]}
                                    (offsets in UTF-16 code units, end exclusive). Large input
                                    is tagged on worker threads: --jobs N past its first 256 KB,
                                    all cores past its first 8 MB by default; the output is the
                                    same for any N.

Archives (a folder, or JSON Lines: one {"id": ..., "text": "..."} per line):
  news-lens tag DIR | FILE.jsonl | --jsonl [--jobs N] [--progress]
  news-lens analyze DIR | FILE.jsonl | --jsonl [--english] [--jobs N] [--progress]
                                    DIR: every .md, .markdown and .txt file under it, in path order
                                    (id: the path relative to DIR). FILE.jsonl, or --jsonl with a
                                    file or stdin. Writes JSON Lines, one per article in input
                                    order: {"id", ...} and what tag gives for the article's whole
                                    text, or what analyze --json gives; a record that cannot be
                                    read or parsed gives {"id", "error"} and the rest go on.
                                    --jobs N: worker threads (default: all cores); the output is
                                    the same for any N. --progress: a progress line on stderr
                                    (shown anyway when stderr is a terminal).
  news-lens --help                  Show this help.
  news-lens --version               Show the version.

Entity types: person, title, company, government, organization, place, date.
Exit status: 0 success, 2 bad usage or unreadable input (binary, unknown encoding, too large),
3 an archive run in which some articles failed (their lines have "error").
`;

export { decodeText, InputError, analysisToJson };

/** The largest input read: far more than an article (analysis stops at 2,000,000 characters). */
export const MAX_INPUT_BYTES = 256 * 1024 * 1024;
const MB = (n: number) => `${Math.round(n / (1024 * 1024))} MB`;

export function readArticle(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? 'error'})`);
  }
  if (st.isDirectory()) throw new InputError(`${file}: is a directory, expected a text file`);
  if (st.isFile() && st.size > MAX_INPUT_BYTES) throw new InputError(`${file}: ${MB(st.size)} is more than News Lens reads (${MB(MAX_INPUT_BYTES)}); split it into articles`);
  let buf: Buffer;
  try {
    buf = st.isFile() ? fs.readFileSync(file) : readCapped(file);
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(buf, file);
}

/**
 * A device, pipe or socket (/dev/zero, a FIFO, /proc files): read in chunks, stopping at the first
 * NUL byte (binary) or past MAX_INPUT_BYTES, instead of reading without end.
 */
function readCapped(file: string): Buffer {
  const fd = fs.openSync(file, 'r');
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(1 << 20);
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      if (chunk.subarray(0, n).includes(0)) throw new InputError(`${file}: looks like binary data (contains NUL bytes), not text`);
      total += n;
      if (total > MAX_INPUT_BYTES) throw new InputError(`${file}: not a regular file, and more than ${MB(MAX_INPUT_BYTES)} came out of it; stopped reading`);
      chunks.push(chunk.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } finally {
    fs.closeSync(fd);
  }
}

const TYPE_LABEL: Record<string, string> = {
  person: 'People', company: 'Companies', government: 'Government', organization: 'Organizations', place: 'Places', date: 'Dates', title: 'Titles',
};

function describe(e: Entity, english: boolean): string {
  const bits: string[] = [];
  const en = english ? englishOf(e) : undefined;
  if (e.type === 'person') {
    if (e.role) bits.push(e.role);
    e.titles.forEach((t, i) => {
      const zh = t.full !== t.inText ? `${t.inText} (${t.full})` : t.inText;
      bits.push(en ? `${zh} = ${en.titles[i] ?? 'no English rendering'}` : zh);
    });
    if (e.organization) bits.push(`@ ${e.organization}`);
  }
  if (e.aliases.length) bits.push(`aka ${e.aliases.join(', ')}`);
  if (e.within) bits.push(`in ${e.within}`);
  bits.push(`${e.mentions.length}×`);
  const name = en ? `${e.name} [${en.name ?? 'no English rendering'}]` : e.name;
  return `${name}  — ${bits.join('; ')}`;
}

export function analysisToText(text: string, a: Analysis, file?: string, english = false): string {
  const li = createLineIndex(text);
  const out: string[] = [];
  out.push(`${file ?? 'article'}: ${a.entities.filter((e) => e.type !== 'title' && e.type !== 'date').length} entities, ${a.regions.length} regions`);
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const groups: { label: string; ids: string[] }[] = [];
  const leadIds: string[] = [];
  for (const m of a.mentions) if (m.regionId === undefined && !leadIds.includes(m.entityId)) leadIds.push(m.entityId);
  if (leadIds.length) groups.push({ label: 'Lead', ids: leadIds });
  for (const r of a.regions) groups.push({ label: `${r.name} (line ${li.positionAt(r.headingStart).line + 1})`, ids: r.entityIds });
  // regions News Lens inferred for officials, business people and companies (not the article's sections)
  for (const g of a.grouping) if (g.kind === 'inferred') groups.push({ label: `${g.region} (inferred${g.parentId?.startsWith('section:') ? ` in ${a.grouping.find((p) => p.id === g.parentId)?.region}` : ''})`, ids: g.entityIds });
  for (const g of groups) {
    out.push(`├─ ${g.label}`);
    for (const type of ['person', 'company', 'government', 'organization', 'place', 'date']) {
      const es = g.ids.map((id) => byId.get(id)).filter((e): e is Entity => !!e && e.type === type);
      if (!es.length) continue;
      out.push(`│  ├─ ${TYPE_LABEL[type]}`);
      for (const e of es) out.push(`│  │  • ${describe(e, english)}`);
    }
  }
  const rels = a.relations.filter((r) => r.kind !== 'co-mentioned');
  if (rels.length) {
    out.push('└─ Relations');
    for (const r of rels) out.push(`   • ${byId.get(r.from)?.name ?? r.from} —${r.kind}→ ${byId.get(r.to)?.name ?? r.to}`);
  }
  for (const w of a.warnings) out.push(`warning: ${w}`);
  return out.join('\n') + '\n';
}

let faultsSeen = 0;
/** A line on stderr for every fault of the statistical model since the last call (never silent). */
function reportModelFaults(): void {
  const n = modelFaultCount();
  if (n === faultsSeen) return;
  for (const f of modelFaultsSince(faultsSeen)) process.stderr.write(`news-lens: warning: statistical model: ${f}\n`);
  faultsSeen = n;
}

export async function main(argv: string[]): Promise<number> {
  const args = argv.filter((a) => a !== '');
  if (args.includes('--help') || args.includes('-h') || args[0] === 'help') {
    process.stdout.write(HELP);
    return 0;
  }
  if (args.includes('--version') || args.includes('-v') || args.includes('-V')) {
    process.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const [cmd, ...rest] = args;
  if (cmd === 'tag') {
    // stdin lines, on --jobs threads when there are many (tagLines.ts)
    const lines = stdinTagOptions(rest);
    if (lines) {
      await runTagLines(lines.jobs, __filename, defaultJobs());
      return 0;
    }
  }
  if (cmd === 'tag' || cmd === 'analyze') {
    const archive = archiveOptionsFrom(cmd, rest, __filename);
    if (archive) return runArchive(archive);
  }
  if (cmd === 'tag') {
    const extra = rest.filter((a) => a !== '-');
    if (extra.length) throw new InputError(`tag: unexpected argument "${extra[0]}" (tag reads stdin)`);
  }
  if (cmd === 'analyze') {
    const json = rest.includes('--json');
    const english = rest.includes('--english');
    const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json' && a !== '--english');
    if (unknown.length) throw new InputError(`analyze: unknown option ${unknown[0]}`);
    const files = rest.filter((a) => !a.startsWith('--'));
    if (files.length !== 1) throw new InputError('analyze: expected exactly one FILE (see news-lens --help)');
    const file = files[0];
    const text = readArticle(file);
    const a = analyze(text);
    reportModelFaults();
    const out = json ? JSON.stringify(analysisToJson(text, a, file, english), null, 2) + '\n' : analysisToText(text, a, file, english);
    await new Promise<void>((r) => process.stdout.write(out, () => r()));
    return 0;
  }
  if (cmd === undefined) {
    process.stderr.write('news-lens: missing command (try news-lens --help)\n');
    return 2;
  }
  throw new InputError(`unknown command "${cmd}" (try news-lens --help)`);
}

if (!isMainThread && workerData === ARCHIVE_WORKER_MARK) runArchiveWorker();
else if (!isMainThread && workerData === TAG_WORKER_MARK) runTagWorker();
else if (require.main === module) {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
  });
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      if (e instanceof InputError) {
        process.stderr.write(`news-lens: ${e.message}\n`);
        process.exitCode = 2;
      } else {
        process.stderr.write(`news-lens: internal error: ${(e as Error)?.message ?? String(e)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
