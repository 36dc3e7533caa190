import * as path from 'node:path';
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
