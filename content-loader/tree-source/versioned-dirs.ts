import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { resolveAbiDir } from './abi-dir.ts';

/** One kernel tree of a multi-version build. */
export interface VersionedDir {
  /** Version label as given ("6.12"); it appears in URLs (`/changes/6.1...6.12/`). */
  version: string;
  /** The Documentation/ABI folder. */
  abiDir: string;
}

// Labels go into URLs and file names, so only characters that need no escaping;
// `...` separates the two versions of a pair and cannot occur inside one.
const VERSION_LABEL = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

/**
 * The trees named by `ABI_DIRS="6.1=../a,6.12=../b"`, in the order given
 * (oldest first; the last is the newest, the tree the site documents).
 * Paths are relative to `projectDir`; each may be a kernel root, its
 * Documentation folder or Documentation/ABI. Empty when ABI_DIRS is unset,
 * so callers fall back to the single-tree lookup and history stays hidden.
 * Throws on a malformed list: a silently dropped tree would hide history.
 */
export function versionedDirs(projectDir: string, env: Record<string, string | undefined> = process.env): VersionedDir[] {
  const value = env.ABI_DIRS?.trim();
  if (!value) return [];
  return parseVersionedDirs(value).map(({ version, path }) => {
    const abiDir = resolveAbiDir(resolve(projectDir, path));
    if (!existsSync(join(abiDir, 'testing')) || !statSync(join(abiDir, 'testing')).isDirectory()) {
      throw new Error(`ABI_DIRS: ${version}=${path}: no Documentation/ABI tree there`);
    }
    return { version, abiDir };
  });
}

/** Splits the ABI_DIRS syntax into labels and paths, checking each label. */
export function parseVersionedDirs(value: string): { version: string; path: string }[] {
  const seen = new Set<string>();
  return value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf('=');
      const version = eq > 0 ? item.slice(0, eq).trim() : '';
      const path = eq > 0 ? item.slice(eq + 1).trim() : '';
      if (!version || !path) throw new Error(`ABI_DIRS: '${item}' is not <version>=<path>`);
      if (!VERSION_LABEL.test(version) || version.includes('...')) throw new Error(`ABI_DIRS: version label '${version}' must be letters, digits and . _ + - only`);
      if (seen.has(version)) throw new Error(`ABI_DIRS: version ${version} is given twice`);
      seen.add(version);
      return { version, path };
    });
}
