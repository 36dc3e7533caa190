/**
 * The manifest and the localisations: every string in English and Simplified Chinese, and what the
 * command palette shows.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.join(__dirname, '..', '..', '..');
const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const pkg = JSON.parse(read('package.json'));

function sources(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sources(p));
    else if (e.name.endsWith('.ts') && !e.name.endsWith('.data.ts')) out.push(p);
  }
  return out;
}

describe('manifest and localisations', () => {
  it('every %key% of package.json is in package.nls.json and package.nls.zh-cn.json', () => {
    const keys = [...JSON.stringify(pkg).matchAll(/"%([^%"]+)%"/g)].map((m) => m[1]);
    assert.ok(keys.length > 50);
    for (const f of ['package.nls.json', 'package.nls.zh-cn.json']) {
      const nls = JSON.parse(read(f));
      for (const k of keys) assert.ok(typeof nls[k] === 'string' && nls[k], `${k} missing in ${f}`);
    }
  });

  it('every l10n.t string of the extension and the server has a Simplified Chinese translation', () => {
    const bundle = JSON.parse(read('l10n/bundle.l10n.zh-cn.json')) as Record<string, string>;
    const missing: string[] = [];
    let seen = 0;
    for (const f of sources('src')) {
      const s = read(f);
      for (const m of s.matchAll(/\b(?:l10n\.t|\bt)\(\s*'((?:[^'\\]|\\.)*)'/g)) {
        seen++;
        const key = m[1].replace(/\\'/g, "'");
        if (!(key in bundle)) missing.push(`${f}: ${key}`);
      }
    }
    assert.ok(seen > 100, `${seen} strings found`);
    assert.deepEqual(missing, []);
  });

  it('"Focus on Regions View" appears once in the palette (VS Code contributes it for the view)', () => {
    const hidden = (pkg.contributes.menus.commandPalette as { command: string; when?: string }[]).filter((m) => m.when === 'false').map((m) => m.command);
    assert.ok(hidden.includes('newsLens.focusRegions'));
    for (const c of ['newsLens.relations.getState', 'newsLens.relations.click', 'newsLens.corrections.setPerson']) assert.ok(hidden.includes(c), c);
  });

  it('corrections are offered from the editor context menu (an explicit request), and the English setting has three values', () => {
    const ctx = (pkg.contributes.menus['editor/context'] as { command: string }[]).map((m) => m.command);
    assert.ok(ctx.includes('newsLens.corrections.correct'));
    assert.deepEqual(pkg.contributes.configuration.properties['newsLens.hover.english'].enum, ['auto', 'always', 'never']);
  });
});
