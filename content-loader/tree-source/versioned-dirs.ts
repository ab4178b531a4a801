import { resolve } from 'node:path';
import { resolveAbiDir } from './abi-dir.ts';
import { findRelease, isAbiDir } from './release-dirs.ts';
import { compareVersions, isKernelVersion } from './versions.ts';

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

type Env = Record<string, string | undefined>;

/**
 * The trees of a multi-version build, oldest first (the last is the tree the
 * site documents): `ABI_DIRS="6.1=../a,6.12=../b"` names folders, relative to
 * `projectDir` (a kernel root, its Documentation folder or Documentation/ABI);
 * `ABI_VERSIONS=6.1,6.12` names releases, found on disk (`scripts/ensure-tree.ts`
 * fetches the missing ones first). Empty when neither is set, so callers fall
 * back to the single-tree lookup and history stays hidden. Throws on a
 * malformed list: a silently dropped or misordered tree would falsify history.
 */
export function versionedDirs(projectDir: string, env: Env = process.env): VersionedDir[] {
  const dirs = env.ABI_DIRS?.trim();
  const versions = env.ABI_VERSIONS?.trim();
  if (dirs && versions) throw new Error('ABI_DIRS and ABI_VERSIONS are both set; set one of them');
  if (versions) {
    return parseVersionList(versions).map((version) => {
      const found = findRelease(projectDir, version);
      if (!found) throw new Error(`ABI_VERSIONS: linux ${version} is not on disk; \`npm run build\` fetches it (or \`npm run abi:fetch ${version}\`)`);
      return { version, abiDir: found.abiDir };
    });
  }
  if (!dirs) return [];
  return parseVersionedDirs(dirs).map(({ version, path }) => {
    const abiDir = resolveAbiDir(resolve(projectDir, path));
    if (!isAbiDir(abiDir)) throw new Error(`ABI_DIRS: ${version}=${path}: no Documentation/ABI tree there`);
    return { version, abiDir };
  });
}

/**
 * Splits the ABI_DIRS syntax into labels and paths, checking each label, in
 * history order: sorted by version when every label is a kernel version (so
 * "6.12=…,6.1=…" documents 6.12); otherwise as written, oldest first, and
 * refused when the labels that are versions are out of order.
 */
export function parseVersionedDirs(value: string): { version: string; path: string }[] {
  const seen = new Set<string>();
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const eq = item.indexOf('=');
      const version = eq > 0 ? item.slice(0, eq).trim() : '';
      const path = eq > 0 ? item.slice(eq + 1).trim() : '';
      if (!version || !path) throw new Error(`ABI_DIRS: '${item}' is not <version>=<path>`);
      checkLabel('ABI_DIRS', version, seen);
      return { version, path };
    });
  if (items.every((i) => isKernelVersion(i.version))) return items.sort((a, b) => compareVersions(a.version, b.version));
  const versions = items.map((i) => i.version).filter(isKernelVersion);
  const backwards = versions.findIndex((v, i) => i > 0 && compareVersions(versions[i - 1]!, v) > 0);
  if (backwards > 0) {
    throw new Error(
      `ABI_DIRS: ${versions[backwards - 1]} is listed before ${versions[backwards]}; list the trees oldest first ` +
        `(when every label is a kernel version they are sorted for you)`,
    );
  }
  return items;
}

/** `ABI_VERSIONS=6.12,6.1` as releases, oldest first. */
export function parseVersionList(value: string): string[] {
  const seen = new Set<string>();
  const versions = value.split(',').map((v) => v.trim()).filter(Boolean);
  for (const v of versions) {
    checkLabel('ABI_VERSIONS', v, seen);
    if (!isKernelVersion(v)) throw new Error(`ABI_VERSIONS: '${v}' is not a kernel release like 6.12 (use ABI_DIRS=<label>=<path> for other trees)`);
  }
  return versions.sort(compareVersions);
}

function checkLabel(variable: string, version: string, seen: Set<string>): void {
  if (!VERSION_LABEL.test(version) || version.includes('...')) throw new Error(`${variable}: version label '${version}' must be letters, digits and . _ + - only`);
  if (seen.has(version)) throw new Error(`${variable}: version ${version} is given twice`);
  seen.add(version);
}
