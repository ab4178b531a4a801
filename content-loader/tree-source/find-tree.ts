import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DEFAULT_CACHE } from './fetch-tree.ts';
import { compareVersions } from './versions.ts';
import { versionedDirs } from './versioned-dirs.ts';
import { resolveAbiDir } from './abi-dir.ts';

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
  const labelled = (abiDir: string, how: string, name: string): TreeChoice => {
    const version = env.ABI_VERSION ?? /linux-([0-9][0-9.]*)/.exec(name)?.[1];
    return version ? { abiDir, version, how } : { abiDir, how };
  };
  if (env.ABI_DIR) {
    const dir = resolve(projectDir, env.ABI_DIR);
    if (!isAbiDir(resolveAbiDir(dir))) throw new Error(`ABI_DIR=${env.ABI_DIR}: no Documentation/ABI tree there`);
    return labelled(resolveAbiDir(dir), 'ABI_DIR', resolve(dir));
  }
  const parent = resolve(projectDir, '..');
  const candidates = [
    ...kernelFolders(parent).map((d) => ({ dir: d, how: 'kernel tree next to the project' })),
    ...kernelFolders(join(parent, 'shared', 'corpus')).map((d) => ({ dir: d, how: '../shared/corpus' })),
    ...kernelFolders(resolve(projectDir, DEFAULT_CACHE)).map((d) => ({ dir: d, how: `cache (${DEFAULT_CACHE})` })),
  ];
  for (const { dir, how } of candidates) {
    const abiDir = resolveAbiDir(dir);
    if (isAbiDir(abiDir)) return labelled(abiDir, how, basename(dir));
  }
  return undefined;
}

/** `linux` and `linux-<version>` folders in `dir`, newest version first. */
function kernelFolders(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((n) => n === 'linux' || /^linux-[0-9]/.test(n));
  const version = (n: string) => n.slice('linux-'.length) || '999';
  return names.sort((a, b) => compareVersions(version(b), version(a))).map((n) => join(dir, n));
}

function isAbiDir(dir: string): boolean {
  return existsSync(join(dir, 'testing')) && statSync(join(dir, 'testing')).isDirectory();
}

/**
 * The tree the site documents: the newest of ABI_DIRS when several versions
 * are built (history), else what `locateTree` finds.
 */
export function primaryTree(projectDir: string, env: Record<string, string | undefined> = process.env): TreeChoice | undefined {
  const newest = versionedDirs(projectDir, env).at(-1);
  return newest ? { ...newest, how: 'ABI_DIRS (the newest of them)' } : locateTree(projectDir, env);
}
