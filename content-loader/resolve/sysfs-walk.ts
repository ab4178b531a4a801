/**
 * Walks a live sysfs for `abi-atlas undefined`. Node-only (node:fs), so it is
 * kept apart from the browser-safe resolver modules and not exported by
 * `resolve/index.ts`.
 *
 * Like the kernel's `get_abi.py undefined` it does not follow symlinks and
 * skips what is not ABI or not readable without root; unlike it, it checks
 * attribute files only (not directories), and it remembers which symlinks
 * name a device folder (`/sys/class/net/eth0` -> `/sys/devices/.../eth0`),
 * so a file can be checked under every name it has.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../shared/compare.ts';

/** Path prefixes get_abi.py does not walk: need root, are not ABI, or are documented elsewhere. */
const SKIP_PREFIXES = [
  '/sys/kernel/debug',
  '/sys/kernel/tracing',
  '/sys/fs/pstore',
  '/sys/fs/bpf',
  '/sys/fs/fuse',
  '/sys/module',
  '/sys/fs/cgroup',
  '/sys/firmware',
];
/** Folder names get_abi.py skips anywhere (it searches substrings; we match whole names). */
const SKIP_NAMES = new Set(['sections', 'notes', 'parameters']);
/** A device folder has few names; more are links back from drivers and the like, not views. */
const MAX_ALIASES = 4;

export interface SysfsWalkOptions {
  maxFiles?: number;
  maxDepth?: number;
  /** Called every `progressEvery` files with the count so far. */
  onProgress?: (files: number) => void;
  progressEvery?: number;
}

export interface SysfsListing {
  /** Attribute files, spelled under `/sys` whatever the walked root. */
  files: string[];
  /** Folder (real path) -> symlinks that name it, all under `/sys`. */
  aliases: Map<string, string[]>;
  /** True when maxFiles or maxDepth cut the walk short. */
  truncated: boolean;
  /** Folders that could not be read. */
  unreadable: number;
}

/** True for paths get_abi.py's undefined does not look at. */
export function isSkipped(sysPath: string): boolean {
  if (SKIP_PREFIXES.some((p) => sysPath === p || sysPath.startsWith(p + '/'))) return true;
  return sysPath.split('/').some((name) => SKIP_NAMES.has(name));
}

export function walkSysfs(root: string, options: SysfsWalkOptions = {}): SysfsListing {
  const maxFiles = options.maxFiles ?? 200_000;
  const maxDepth = options.maxDepth ?? 24;
  const every = options.progressEvery ?? 10_000;
  const base = root.replace(/\/+$/, '') || '/';
  const toSys = (p: string): string => '/sys' + p.slice(base.length);
  const listing: SysfsListing = { files: [], aliases: new Map(), truncated: false, unreadable: 0 };
  const stack: { dir: string; depth: number }[] = [{ dir: base, depth: 0 }];
  while (stack.length > 0) {
    const { dir, depth } = stack.pop()!;
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      listing.unreadable++;
      continue;
    }
    entries.sort((a, b) => compareText(b.name, a.name)); // reversed: the stack pops in name order
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const sysPath = toSys(path);
      if (isSkipped(sysPath)) continue;
      if (entry.isSymbolicLink()) addAlias(listing, base, path, sysPath, toSys);
      else if (entry.isFile()) {
        if (listing.files.length >= maxFiles) {
          listing.truncated = true;
          return listing;
        }
        listing.files.push(sysPath);
        if (options.onProgress && listing.files.length % every === 0) options.onProgress(listing.files.length);
      } else if (entry.isDirectory()) {
        if (depth + 1 < maxDepth) stack.push({ dir: path, depth: depth + 1 });
        else listing.truncated = true;
      }
    }
  }
  listing.files.sort();
  return listing;
}

/** Records a symlink that names a folder inside the walked tree; links inside /sys/devices are back-links, not views. */
function addAlias(listing: SysfsListing, base: string, path: string, sysPath: string, toSys: (p: string) => string): void {
  if (sysPath.startsWith('/sys/devices/')) return;
  let real: string;
  try {
    real = realpathSync(path);
    if (!statSync(real).isDirectory()) return;
  } catch {
    return;
  }
  if (real !== base && !real.startsWith(base + '/')) return;
  const key = toSys(real);
  const names = listing.aliases.get(key) ?? [];
  if (names.length < MAX_ALIASES && !names.includes(sysPath)) names.push(sysPath);
  listing.aliases.set(key, names);
}

/** Every name of a file: itself, then through each aliased ancestor folder (deepest first). */
export function namesOf(file: string, aliases: ReadonlyMap<string, readonly string[]>): string[] {
  const names = [file];
  for (let cut = file.lastIndexOf('/'); cut > 0; cut = file.lastIndexOf('/', cut - 1)) {
    for (const alias of aliases.get(file.slice(0, cut)) ?? []) names.push(alias + file.slice(cut));
  }
  return names;
}
