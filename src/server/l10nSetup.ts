/**
 * Server-side localisation with @vscode/l10n. The client passes `vscode.l10n.uri.fsPath` (the
 * bundle VS Code picked for the UI language); failing that we look for
 * `l10n/bundle.l10n.<locale>.json` next to the extension using the LSP `locale`.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as l10n from '@vscode/l10n';

export function setupL10n(bundlePath: string | undefined, locale: string | undefined, log: (m: string) => void): string | undefined {
  const candidates: string[] = [];
  if (bundlePath) candidates.push(bundlePath);
  if (locale && !/^en(-|$)/i.test(locale)) {
    const dir = path.resolve(__dirname, '..', '..', 'l10n');
    const lc = locale.toLowerCase();
    candidates.push(path.join(dir, `bundle.l10n.${lc}.json`));
    const base = lc.split('-')[0];
    if (base === 'zh') candidates.push(path.join(dir, /tw|hk|mo|hant/.test(lc) ? 'bundle.l10n.zh-tw.json' : 'bundle.l10n.zh-cn.json'));
    else candidates.push(path.join(dir, `bundle.l10n.${base}.json`));
  }
  for (const file of candidates) {
    try {
      if (!fs.existsSync(file)) continue;
      l10n.config({ contents: JSON.parse(fs.readFileSync(file, 'utf8')) });
      return file;
    } catch (err) {
      log(`News Lens: could not load l10n bundle ${file}: ${String(err)}`);
    }
  }
  return undefined;
}
