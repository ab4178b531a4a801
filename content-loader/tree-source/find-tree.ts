import { resolve } from 'node:path';
import { resolveAbiDir } from './abi-dir.ts';
import { isAbiDir, treesOnDisk } from './release-dirs.ts';
import { versionedDirs } from './versioned-dirs.ts';

export interface TreeChoice {
  /** The Documentation/ABI folder. */
  abiDir: string;
  /** Version label ("6.12") where one is known from the folder name or ABI_VERSION. */
  version?: string;
  /** How it was found, for the build log. */
  how: string;
}

/**
 * Finds the ABI tree to build, without fetching: `ABI_DIR`, else a kernel
 * checkout next to the project (`../linux`, `../linux-*`), else the real
 * trees in `../shared/corpus`, else a tree fetched earlier into the cache.
 * Newest version first where there are several.
 */
export function locateTree(projectDir: string, env: Record<string, string | undefined> = process.env): TreeChoice | undefined {
  const labelled = (abiDir: string, how: string, version: string | undefined): TreeChoice => {
    const label = env.ABI_VERSION ?? version;
    return label ? { abiDir, version: label, how } : { abiDir, how };
  };
  if (env.ABI_DIR) {
    const dir = resolve(projectDir, env.ABI_DIR);
    if (!isAbiDir(resolveAbiDir(dir))) throw new Error(`ABI_DIR=${env.ABI_DIR}: no Documentation/ABI tree there`);
    return labelled(resolveAbiDir(dir), 'ABI_DIR', /linux-([0-9][0-9.]*)/.exec(dir)?.[1]);
  }
  const found = treesOnDisk(projectDir)[0];
  return found && labelled(found.abiDir, found.how, found.version);
}

/**
 * The tree the site documents: the newest of ABI_DIRS / ABI_VERSIONS when
 * several versions are built (history), else what `locateTree` finds.
 */
export function primaryTree(projectDir: string, env: Record<string, string | undefined> = process.env): TreeChoice | undefined {
  const newest = versionedDirs(projectDir, env).at(-1);
  return newest ? { ...newest, how: `${env.ABI_DIRS ? 'ABI_DIRS' : 'ABI_VERSIONS'} (the newest of them)` } : locateTree(projectDir, env);
}
