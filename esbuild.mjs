// Bundles the extension client, the language server, the CLI and the relations view's webview script into dist/.
//   node esbuild.mjs               development build with source maps
//   node esbuild.mjs --production  minified, no source maps (used by `npm run package`)
//   node esbuild.mjs --watch       rebuild on change
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'info',
  // Chinese text as UTF-8 (3 bytes a character) rather than \u escapes (6): the data tables are most of the bundles
  charset: 'utf8',
  // The editor provides `vscode`; nothing else is left external so the .vsix needs no node_modules.
  external: ['vscode'],
};

const builds = [
  { entryPoints: { 'client/extension': 'src/client/extension.ts' } },
  { entryPoints: { 'server/server': 'src/server/server.ts' } },
  { entryPoints: { 'cli/newsLens': 'src/cli/newsLens.ts' }, banner: { js: '#!/usr/bin/env node' } },
];

// The relations view's script runs in a webview (a browser): bundled with d3-force, no network.
const webview = { ...common, platform: 'browser', format: 'iife', target: 'es2022', external: [], entryPoints: { 'webview/relations': 'src/webview/relations.ts' } };

const contexts = await Promise.all([
  ...builds.map((b) => esbuild.context({ ...common, ...b, outdir: 'dist' })),
  esbuild.context({ ...webview, outdir: 'dist' }),
]);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
