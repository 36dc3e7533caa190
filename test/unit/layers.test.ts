/**
 * The layering ARCHITECTURE.md states, checked on every import under src/: the core imports no
 * editor or LSP code and nothing from the other layers; the protocol imports no server or client
 * code; the client imports nothing from the server (they meet only in src/protocol/).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './core/helpers';

const SRC = path.join(repoRoot, 'src');
type Layer = 'core' | 'protocol' | 'server' | 'client' | 'cli';

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = path.join(dir, d.name);
    return d.isDirectory() ? filesUnder(p) : /\.ts$/.test(d.name) && !/\.as\.ts$/.test(d.name) ? [p] : [];
  });
}

/** Every module specifier a file imports: static imports and re-exports, require(), import(). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;'"]*?from\s*'([^']+)'|(?:require|import)\(\s*'([^']+)'\s*\)/g)) out.push(m[1] ?? m[2]);
  return out;
}

/** The layer a specifier imported from `file` lands in, or the package name. */
function target(file: string, spec: string): Layer | string {
  if (!spec.startsWith('.')) return spec.startsWith('node:') ? 'node' : spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/');
  const rel = path.relative(SRC, path.resolve(path.dirname(file), spec));
  return rel.startsWith('..') ? `outside src: ${rel}` : (rel.split(path.sep)[0] as Layer);
}

function violations(layer: Layer, allowed: (t: string) => boolean): string[] {
  const bad: string[] = [];
  for (const f of filesUnder(path.join(SRC, layer))) {
    for (const spec of importsOf(f)) {
      const t = target(f, spec);
      if (!allowed(t)) bad.push(`${path.relative(repoRoot, f)} imports '${spec}' (${t})`);
    }
  }
  return bad;
}

describe('layers (ARCHITECTURE.md)', () => {
  it('finds the imports it checks', () => {
    const specs = importsOf(path.join(SRC, 'core', 'recognize.ts'));
    assert.ok(specs.includes('./rules/pipeline') && specs.includes('./model/combine'), specs.join(', '));
    assert.ok(importsOf(path.join(SRC, 'core', 'lexicon', 'buildLexicons.ts')).includes('opencc-js/t2cn'), 'require() too');
  });
  it('the core imports only itself, Node and its few packages: no editor, LSP or other layer', () => {
    const packages = new Set(['core', 'node', 'pinyin-pro', 'opencc-js']);
    assert.deepEqual(violations('core', (t) => packages.has(t)), []);
  });
  it('the protocol imports no server, client or CLI code', () => {
    assert.deepEqual(violations('protocol', (t) => t !== 'server' && t !== 'client' && t !== 'cli' && t !== 'vscode'), []);
  });
  it('the client imports nothing from the server or the CLI', () => {
    assert.deepEqual(violations('client', (t) => t !== 'server' && t !== 'cli'), []);
  });
  it('the server and the CLI import no client or editor code', () => {
    const ok = (t: string) => t !== 'client' && t !== 'vscode' && t !== 'vscode-languageclient';
    assert.deepEqual([...violations('server', ok), ...violations('cli', (t) => ok(t) && t !== 'server')], []);
  });
});
