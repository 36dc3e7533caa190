import * as fs from 'node:fs';
import * as path from 'node:path';

/** The shared data directory: a `shared/` holding fixtures/, beside the repo or an ancestor. */
export function findShared(): string | undefined {
  if (process.env.NEWS_LENS_SHARED && fs.existsSync(process.env.NEWS_LENS_SHARED)) return process.env.NEWS_LENS_SHARED;
  let dir = path.resolve(__dirname);
  for (let i = 0; i < 8; i++) {
    const cand = path.join(dir, 'shared');
    if (fs.existsSync(path.join(cand, 'fixtures'))) return cand;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

export const repoRoot = path.resolve(__dirname, '../../..');
