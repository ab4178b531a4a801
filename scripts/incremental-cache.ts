// Astro's incremental build writes each rendered page's copy into its cache
// folder as it goes, but its manifest (which copy goes with which cache key)
// only once every page is done. A build stopped in between leaves new copies
// under the old manifest, which would hand them out for the old keys (edit,
// stop the build, undo the edit: the undone page would be served). So a build
// that did not finish drops the manifest, and the next build renders every page.
import { readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';

const MANIFEST = 'incremental-build.json';
const RUNNING = 'abi-atlas-build.pid';

/**
 * Before `astro build`: drops the manifest when a build that used this cache
 * died without saying how it ended (killed with its parent), then marks the
 * cache as in use by `pid`.
 */
export function startCacheUse(cacheDir: string, pid: number, isAlive: (pid: number) => boolean): void {
  let previous: number | undefined;
  try {
    previous = Number(readFileSync(join(cacheDir, RUNNING), 'utf8'));
  } catch {
    previous = undefined;
  }
  if (previous !== undefined && previous !== pid && !isAlive(previous)) rmSync(join(cacheDir, MANIFEST), { force: true });
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(join(cacheDir, RUNNING), String(pid));
}

/** After `astro build`: a build that failed or was stopped drops the manifest. */
export function endCacheUse(cacheDir: string, finished: boolean): void {
  if (!finished) rmSync(join(cacheDir, MANIFEST), { force: true });
  rmSync(join(cacheDir, RUNNING), { force: true });
}
