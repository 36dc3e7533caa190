import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { recognizeRich } from '../../../src/core/recognize';
import { findSharedDir } from '../../../scripts/sharedData';

/**
 * The shared data directory. Under CI it must exist (a missing one would silently skip the
 * fixture tests), so there it throws instead of returning undefined.
 */
export function findShared(): string | undefined {
  const dir = findSharedDir();
  if (!dir && process.env.CI) throw new Error('CI: the shared data folder (../shared) is missing; set NEWS_LENS_SHARED');
  return dir;
}

export const repoRoot = path.resolve(__dirname, '../../..');

/** Rule spans of a text as `type:text` strings, and assertions over them with readable failures. */
export const spans = (text: string) => recognizeRich(text).map((s) => `${s.type}:${s.text}`);
export const has = (text: string, ...want: string[]) => {
  const got = spans(text);
  for (const w of want) assert.ok(got.includes(w), `${text}\n  expected ${w}\n  got ${got.join(' | ')}`);
};
export const hasNot = (text: string, ...bad: string[]) => {
  const got = spans(text);
  for (const b of bad) assert.ok(!got.includes(b), `${text}\n  did not expect ${b}\n  got ${got.join(' | ')}`);
};
