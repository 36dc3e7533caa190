import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * The project's shared data folder (fixtures, CLUENER, A-share listings) lives outside the repo:
 * `shared/` beside the clone (or beside an ancestor folder), or wherever NEWS_LENS_SHARED points.
 * One place resolves it so that tests, eval, bench and training run the same from any checkout.
 */
export function findSharedDir(): string | undefined {
  const env = process.env.NEWS_LENS_SHARED;
  if (env && fs.existsSync(env)) return path.resolve(env);
  let dir = path.resolve(__dirname);
  for (let i = 0; i < 8; i++) {
    const cand = path.join(dir, 'shared');
    if (fs.existsSync(path.join(cand, 'fixtures')) || fs.existsSync(path.join(cand, 'data'))) return cand;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return undefined;
}

/** A path inside the shared folder; throws a clear message when there is no shared folder. */
export function sharedPath(...parts: string[]): string {
  const dir = findSharedDir();
  if (!dir) {
    throw new Error(
      'News Lens: the shared data folder was not found. Put `shared/` (fixtures/, data/) beside the ' +
        'repository, or set NEWS_LENS_SHARED to its path.',
    );
  }
  return path.join(dir, ...parts);
}
