import { fetchTree, type FetchOptions } from './fetch-tree.ts';
import { findRelease } from './release-dirs.ts';
import { elapsed, type Log } from './progress.ts';

/**
 * Makes sure every release of `versions` has an ABI tree on disk, fetching
 * the missing ones into the cache one after the other, with a line per step.
 * Returns the Documentation/ABI folder of each, in the order given.
 */
export function ensureReleases(projectDir: string, versions: readonly string[], log: Log, options: Omit<FetchOptions, 'log'> = {}): string[] {
  return versions.map((version, i) => {
    const step = `abi-atlas: [${i + 1}/${versions.length}] linux ${version}`;
    const found = findRelease(projectDir, version);
    if (found) {
      log(`${step}: ${found.abiDir} (${found.how})`);
      return found.abiDir;
    }
    const started = Date.now();
    log(`${step}: not on disk; fetching`);
    const r = fetchTree(version, { ...options, log });
    log(`${step}: fetched into ${r.abiDir} from ${r.from ?? 'the cache'} in ${elapsed(started)}`);
    return r.abiDir;
  });
}
