/**
 * Runs the same real-VS-Code suite in desktop VS Code via @vscode/test-electron, for machines that
 * can download VS Code (our offline machines cannot: use runInCodeServer.ts there).
 *
 *   npm run test:vscode:desktop                              # VS Code 1.100.0 and stable
 *   NEWS_LENS_DESKTOP_VERSIONS="stable" npm run test:vscode:desktop
 * Needs a display on Linux (e.g. `xvfb-run -a npm run test:vscode:desktop`).
 */
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';

const REPO = path.resolve(__dirname, '..', '..', '..'); // out/test/vscode -> repo

async function main(): Promise<void> {
  const versions = (process.env.NEWS_LENS_DESKTOP_VERSIONS ?? '1.100.0 stable').split(/\s+/).filter(Boolean);
  let failed = 0;
  for (const version of versions) {
    console.log(`[desktop-runner] VS Code ${version}`);
    try {
      const code = await runTests({
        version,
        extensionDevelopmentPath: REPO,
        extensionTestsPath: path.join(REPO, 'out/test/vscode/suite/index.js'),
        launchArgs: [path.join(REPO, 'test/vscode/workspace'), '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
        extensionTestsEnv: { NEWS_LENS_SCREENSHOTS: '' },
      });
      console.log(`[desktop-runner] VS Code ${version}: exit ${code}`);
      if (code !== 0) failed++;
    } catch (err) {
      console.error(`[desktop-runner] VS Code ${version} failed: ${err instanceof Error ? err.message : err}`);
      failed++;
    }
  }
  process.exit(failed ? 1 : 0);
}

void main();
