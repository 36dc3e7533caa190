/**
 * What the .vsix carries (issue 11: nothing in it the extension does not load): the files `vsce`
 * would package under .vscodeignore, each one a bundle the extension runs, the model, or a file
 * the manifest or the Marketplace reads. The package's size is measured where it is built
 * (README, Packaging), not here.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from './core/helpers';

describe('packaging (.vsix contents)', () => {
  it('holds the editor bundles, the model and what the manifest names: no CLI bundle, source map, source or screenshot', function () {
    this.timeout(60000);
    const vsce = path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
    const listed = execFileSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' })
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    assert.ok(listed.includes('models/ner.bin'), listed.join(', '));
    const manifest = fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
    const main = (JSON.parse(manifest) as { main: string }).main.replace(/^\.\//, '');
    const loaded = new Set([main, 'dist/server/server.js', 'dist/webview/relations.js', 'models/ner.bin']);
    const always = /^(package\.json|package\.nls(\.[\w-]+)?\.json|README\.md|LICENSE(\.txt)?|THIRD-PARTY-NOTICES\.md|l10n\/bundle\.l10n\.[\w-]+\.json)$/;
    for (const f of listed) {
      assert.ok(!/^dist\/cli\/|\.map$|^src\/|^test\/|screenshots/.test(f), `${f} is not loaded by the extension`);
      if (f.startsWith('dist/')) assert.ok(loaded.has(f), `${f}: a bundle the extension does not run`);
      else if (!loaded.has(f) && !always.test(f)) assert.ok(manifest.includes(f), `${f} is named nowhere in package.json`);
    }
    for (const f of loaded) assert.ok(listed.includes(f), `${f} is missing from the package`);
  });
});
