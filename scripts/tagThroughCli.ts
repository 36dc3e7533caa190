import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Span } from '../src/core/types';

/**
 * Spans of each text from the built CLI (`news-lens tag`, one text per line; line breaks inside a
 * text become spaces), for the evaluations' `--cli` mode: the same results through the process.
 */
export function tagThroughCli(texts: string[]): Span[][] {
  const cli = path.join(__dirname, '..', 'dist', 'cli', 'newsLens.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} not found; run \`npm run build\` first`);
  const input = texts.map((t) => t.replace(/[\r\n]/g, ' ')).join('\n') + '\n';
  const r = spawnSync(process.execPath, [cli, 'tag'], { input, encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(`news-lens tag exited ${r.status}: ${r.stderr}`);
  const lines = r.stdout.split('\n').filter((l) => l.trim() !== '');
  if (lines.length !== texts.length) throw new Error(`news-lens tag printed ${lines.length} lines for ${texts.length} inputs`);
  return lines.map((l) => (JSON.parse(l) as { entities: Span[] }).entities);
}
