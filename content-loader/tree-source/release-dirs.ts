import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveAbiDir } from './abi-dir.ts';
import { DEFAULT_CACHE } from './fetch-tree.ts';
import { compareVersions } from './versions.ts';

/** A kernel tree found on disk without fetching. */
export interface FoundTree {
  /** The Documentation/ABI folder. */
  abiDir: string;
  /** The release, from the folder name (`linux-6.12`); absent for a plain `linux` checkout. */
  version?: string;
  /** Where it was found, for the build log. */
  how: string;
}

/**
 * Kernel trees on disk, in the order they are preferred: checkouts next to
 * the project (`../linux`, `../linux-<v>`), the real trees in
 * `../shared/corpus`, then trees fetched into the cache; newest first within each place.
 */
export function treesOnDisk(projectDir: string): FoundTree[] {
  const parent = resolve(projectDir, '..');
  const places = [
    { dir: parent, how: 'kernel tree next to the project' },
    { dir: join(parent, 'shared', 'corpus'), how: '../shared/corpus' },
    { dir: resolve(projectDir, DEFAULT_CACHE), how: `cache (${DEFAULT_CACHE})` },
  ];
  return places.flatMap(({ dir, how }) =>
    kernelFolders(dir).flatMap(({ path, version }) => {
      const abiDir = resolveAbiDir(path);
      if (!isAbiDir(abiDir)) return [];
      return [version ? { abiDir, version, how } : { abiDir, how }];
    }),
  );
}

/** The tree of exactly release `version` on disk (`linux-6.1` is 6.1, not 6.12). */
export function findRelease(projectDir: string, version: string): FoundTree | undefined {
  return treesOnDisk(projectDir).find((t) => t.version === version);
}

/** True when `dir` looks like a Documentation/ABI folder. */
export function isAbiDir(dir: string): boolean {
  return existsSync(join(dir, 'testing')) && statSync(join(dir, 'testing')).isDirectory();
}

/** `linux` and `linux-<version>` folders in `dir`, newest version first. */
function kernelFolders(dir: string): { path: string; version?: string }[] {
  if (!existsSync(dir)) return [];
  const names = readdirSync(dir).filter((n) => n === 'linux' || /^linux-[0-9]/.test(n));
  const version = (n: string) => n.slice('linux-'.length) || '999';
  return names
    .sort((a, b) => compareVersions(version(b), version(a)))
    .map((n) => (n === 'linux' ? { path: join(dir, n) } : { path: join(dir, n), version: n.slice('linux-'.length) }));
}
