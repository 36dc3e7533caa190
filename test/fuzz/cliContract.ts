/**
 * The command line's contract (issue 13): `news-lens tag` answers every input line with exactly one
 * output line, and that line is what tag() gives in process. Lines are sent as UTF-8, so a lone
 * surrogate arrives as U+FFFD; a line with a NUL byte is binary input the CLI refuses, so none is sent.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as path from 'node:path';
import { tag } from '../../src/core/index';

const root = path.resolve(__dirname, '..', '..');
const CLI = path.join(root, 'dist', 'cli', 'newsLens.js');

/** Lines of some documents as the CLI will read them: split at LF, no NUL, well-formed UTF-16. */
export function cliLines(docs: string[], maxLines: number): string[] {
  const out: string[] = [];
  for (const d of docs) {
    for (const line of d.split('\n')) {
      if (line.includes('\u0000')) continue;
      out.push(line.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd'));
      if (out.length >= maxLines) return out;
    }
  }
  return out;
}

/** Pipes `lines` through `news-lens tag` (dist/cli, built) and checks line count and content; returns the number checked. */
export async function checkCliContract(lines: string[]): Promise<number> {
  const input = lines.join('\n') + '\n';
  const stdout = await new Promise<string>((resolve, reject) => {
    const p = spawn(process.execPath, [CLI, 'tag'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const chunks: Buffer[] = [];
    let err = '';
    p.stdout.on('data', (d: Buffer) => chunks.push(d));
    p.stderr.on('data', (d) => (err += String(d)));
    p.on('error', reject);
    p.on('exit', (code) => (code === 0 ? resolve(Buffer.concat(chunks).toString('utf8')) : reject(new Error(`news-lens tag exited ${code}: ${err}`))));
    p.stdin.end(input);
  });
  const out = stdout.split('\n');
  assert.equal(out.pop(), '', 'the output ends with a line break');
  assert.equal(out.length, lines.length, `${lines.length} lines in, ${out.length} out`);
  for (let i = 0; i < lines.length; i++) {
    // the CLI drops one CR before the LF, as it reads lines
    const line = lines[i].endsWith('\r') ? lines[i].slice(0, -1) : lines[i];
    const want = JSON.stringify({ entities: tag(line).map((s) => ({ type: s.type, start: s.start, end: s.end, text: s.text })) });
    assert.equal(out[i], want, `line ${i + 1}: ${JSON.stringify(line.slice(0, 120))}`);
  }
  return lines.length;
}
