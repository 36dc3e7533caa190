/**
 * news-lens — command-line front end of the analysis core.
 *
 *   news-lens analyze FILE [--json]   entities, titles, regions and relations of an article
 *   news-lens tag                      stdin → one JSON line of entity spans per input line
 *   news-lens --help | --version
 *
 * Exit codes: 0 ok, 1 internal error, 2 usage or input error (one line on stderr, no stack).
 */
import * as fs from 'node:fs';
import * as readline from 'node:readline';
import { analyze, createLineIndex, modelFaultCount, modelFaultsSince, tag, type Analysis, type Entity } from '../core/index';
import pkg from '../../package.json';

const VERSION: string = (pkg as { version?: string }).version ?? '0.0.0';

const HELP = `news-lens ${VERSION} — entities in Chinese news articles

Usage:
  news-lens analyze FILE [--json]   Analyse an article (UTF-8, UTF-16 with BOM, or GB18030).
                                    Prints a readable outline by region, or JSON with --json.
  news-lens tag                     Read sentences from stdin, one per line; write one JSON line
                                    per input line: {"entities":[{"type","start","end","text"}]}
                                    (offsets in UTF-16 code units, end exclusive).
  news-lens --help                  Show this help.
  news-lens --version               Show the version.

Entity types: person, title, company, government, organization, place, date.
Exit status: 0 success, 2 bad usage or unreadable input.
`;

export class InputError extends Error {}

/** Decodes a file's bytes: BOM-aware UTF-8/UTF-16, else strict UTF-8, else GB18030. */
export function decodeText(buf: Uint8Array, name = 'input'): string {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) return strictUtf8(buf.subarray(3), name);
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return new TextDecoder('utf-16le').decode(buf.subarray(2));
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return new TextDecoder('utf-16be').decode(buf.subarray(2));
  const sample = buf.subarray(0, Math.min(buf.length, 1 << 20));
  if (sample.includes(0)) throw new InputError(`${name}: looks like a binary file (contains NUL bytes), not text`);
  try {
    return strictUtf8(buf, name);
  } catch {
    /* try GB18030 */
  }
  try {
    const t = new TextDecoder('gb18030', { fatal: true }).decode(buf);
    let han = 0;
    for (let i = 0; i < t.length && i < 20000; i++) {
      const c = t.charCodeAt(i);
      if (c >= 0x4e00 && c <= 0x9fff) han++;
    }
    if (han > 0) return t;
  } catch {
    /* fall through */
  }
  throw new InputError(`${name}: not valid UTF-8 (or UTF-16 with BOM, or GB18030) text`);
}

function strictUtf8(buf: Uint8Array, name: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    throw new InputError(`${name}: not valid UTF-8 text`);
  }
}

export function readArticle(file: string): string {
  let st: fs.Stats;
  try {
    st = fs.statSync(file);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(code === 'ENOENT' ? `${file}: no such file` : `${file}: cannot read (${code ?? 'error'})`);
  }
  if (st.isDirectory()) throw new InputError(`${file}: is a directory, expected a text file`);
  let buf: Buffer;
  try {
    buf = fs.readFileSync(file);
  } catch (e) {
    throw new InputError(`${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  return decodeText(buf, file);
}

/** The JSON document `analyze --json` prints. */
export function analysisToJson(text: string, a: Analysis, file?: string): unknown {
  const li = createLineIndex(text);
  const pos = (o: number) => li.positionAt(o);
  return {
    file,
    length: a.length,
    regions: a.regions.map((r) => ({ ...r, headingRange: { start: pos(r.headingStart), end: pos(r.headingEnd) } })),
    entities: a.entities.map((e) => ({
      id: e.id,
      type: e.type,
      name: e.name,
      aliases: e.aliases,
      role: e.role,
      titles: e.titles,
      region: e.region,
      organization: e.organization,
      within: e.within,
      sections: e.sections,
      mentions: e.mentions.map((m) => {
        const s = pos(m.start);
        const t = pos(m.end);
        return { start: m.start, end: m.end, text: m.text, line: s.line, character: s.character, endLine: t.line, endCharacter: t.character, regionId: m.regionId, sentence: m.sentence };
      }),
    })),
    relations: a.relations.filter((r) => r.kind !== 'co-mentioned'),
    warnings: a.warnings,
  };
}

const TYPE_LABEL: Record<string, string> = {
  person: 'People', company: 'Companies', government: 'Government', organization: 'Organizations', place: 'Places', date: 'Dates', title: 'Titles',
};

function describe(e: Entity): string {
  const bits: string[] = [];
  if (e.type === 'person') {
    if (e.role) bits.push(e.role);
    for (const t of e.titles) bits.push(t.full !== t.inText ? `${t.inText} (${t.full})` : t.inText);
    if (e.organization) bits.push(`@ ${e.organization}`);
  }
  if (e.aliases.length) bits.push(`aka ${e.aliases.join(', ')}`);
  if (e.within) bits.push(`in ${e.within}`);
  bits.push(`${e.mentions.length}×`);
  return `${e.name}  — ${bits.join('; ')}`;
}

export function analysisToText(text: string, a: Analysis, file?: string): string {
  const li = createLineIndex(text);
  const out: string[] = [];
  out.push(`${file ?? 'article'}: ${a.entities.filter((e) => e.type !== 'title' && e.type !== 'date').length} entities, ${a.regions.length} regions`);
  const byId = new Map(a.entities.map((e) => [e.id, e]));
  const groups: { label: string; ids: string[] }[] = [];
  const leadIds: string[] = [];
  for (const m of a.mentions) if (m.regionId === undefined && !leadIds.includes(m.entityId)) leadIds.push(m.entityId);
  if (leadIds.length) groups.push({ label: 'Lead', ids: leadIds });
  for (const r of a.regions) groups.push({ label: `${r.name} (line ${li.positionAt(r.headingStart).line + 1})`, ids: r.entityIds });
  for (const g of groups) {
    out.push(`├─ ${g.label}`);
    for (const type of ['person', 'company', 'government', 'organization', 'place', 'date']) {
      const es = g.ids.map((id) => byId.get(id)).filter((e): e is Entity => !!e && e.type === type);
      if (!es.length) continue;
      out.push(`│  ├─ ${TYPE_LABEL[type]}`);
      for (const e of es) out.push(`│  │  • ${describe(e)}`);
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

async function runTag(): Promise<void> {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity, terminal: false });
  let buf: string[] = [];
  let size = 0;
  const flush = async () => {
    if (!buf.length) return;
    const chunk = buf.join('');
    buf = [];
    size = 0;
    if (!process.stdout.write(chunk)) await new Promise<void>((r) => process.stdout.once('drain', () => r()));
  };
  for await (const raw of rl) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    let entities: { type: string; start: number; end: number; text: string }[] = [];
    try {
      entities = tag(line).map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text }));
    } catch {
      entities = [];
    }
    reportModelFaults();
    const out = JSON.stringify({ entities }) + '\n';
    buf.push(out);
    size += out.length;
    if (size > 1 << 16) await flush();
  }
  await flush();
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
    const extra = rest.filter((a) => a !== '-');
    if (extra.length) throw new InputError(`tag: unexpected argument "${extra[0]}" (tag reads stdin)`);
    await runTag();
    return 0;
  }
  if (cmd === 'analyze') {
    const json = rest.includes('--json');
    const unknown = rest.filter((a) => a.startsWith('--') && a !== '--json');
    if (unknown.length) throw new InputError(`analyze: unknown option ${unknown[0]}`);
    const files = rest.filter((a) => !a.startsWith('--'));
    if (files.length !== 1) throw new InputError('analyze: expected exactly one FILE (see news-lens --help)');
    const file = files[0];
    const text = readArticle(file);
    const a = analyze(text);
    reportModelFaults();
    const out = json ? JSON.stringify(analysisToJson(text, a, file), null, 2) + '\n' : analysisToText(text, a, file);
    await new Promise<void>((r) => process.stdout.write(out, () => r()));
    return 0;
  }
  if (cmd === undefined) {
    process.stderr.write('news-lens: missing command (try news-lens --help)\n');
    return 2;
  }
  throw new InputError(`unknown command "${cmd}" (try news-lens --help)`);
}

if (require.main === module) {
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
