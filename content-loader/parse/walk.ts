import { lstatSync, readdirSync, realpathSync, statSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative } from 'node:path';
import { LEVELS, type Level, type Warning, type WarningKind } from '../types.ts';
import { resolveAbiDir } from '../tree-source/abi-dir.ts';

/** Where to read a file and what its stat said when the tree was walked (the fingerprint is made of these). */
export interface FileStamp {
  /** Path relative to the ABI folder, with `/` separators. */
  path: string;
  /** The real path to read: inside the tree, symbolic links resolved. */
  absolute: string;
  size: number;
  mtimeMs: number;
  ino: number;
}

/** A record file of the ABI tree to read. */
export interface TreeFile extends FileStamp {
  level: Level;
  /** The folder under ABI/ holding the file ("testing", "testing/nested"). */
  dir: string;
  basename: string;
}

export interface TreeListing {
  /** The Documentation/ABI folder that was walked, as given. */
  abiDir: string;
  files: TreeFile[];
  readme?: FileStamp;
  /** Real paths of the folders walked, the ABI folder first (what a watcher has to watch). */
  folders: string[];
  /** What was skipped, and why. */
  warnings: Warning[];
}

/** The parts of node:fs the walk uses. Tests pass their own to fake faults a root user never meets (EACCES). */
export interface WalkFs {
  readdir(path: string): string[];
  lstat(path: string): Stats;
  stat(path: string): Stats;
  realpath(path: string): string;
}

export interface WalkOptions {
  fs?: WalkFs;
  /** Folders nested deeper than this below the ABI folder are reported, not read. */
  maxDepth?: number;
}

const NODE_FS: WalkFs = {
  readdir: (path) => readdirSync(path),
  lstat: (path) => lstatSync(path),
  stat: (path) => statSync(path),
  realpath: (path) => realpathSync.native(path),
};

/** Real trees nest two levels deep; this is far beyond any, and short of a runaway. */
export const MAX_DEPTH = 16;

// The kernel's own skips (`.rej .org .orig .bak`), plus what editors leave beside
// a file they edit: backups (`x~`), vim swap files, emacs autosaves (`#x#`).
const SKIPPED_SUFFIXES = ['.rej', '.org', '.orig', '.bak', '~', '.swp', '.swo', '.swx', '.tmp'];

/**
 * True for names that are never ABI files: dot names (the kernel skips them;
 * they include emacs locks `.#x`, vim swaps `.x.swp`, `.git`), backups, patch
 * leftovers, emacs autosaves, and the file vim creates to probe a folder
 * (`4913`). The CLI, the build, the fingerprint and the dev watcher all go
 * through this walk, so they skip the same names.
 * @example isSkippedName('.#sysfs-foo') === true
 */
export function isSkippedName(name: string): boolean {
  if (name.startsWith('.') || name === '4913') return true;
  if (name.length > 1 && name.startsWith('#') && name.endsWith('#')) return true;
  return SKIPPED_SUFFIXES.some((s) => name.endsWith(s));
}

/**
 * Lists the record files of an ABI tree in a fixed order (sorted paths).
 * Never leaves the tree and never throws past its root: a symbolic link is
 * followed only to a file inside the tree (never to a folder, as the
 * kernel's walk; so no loop can make it read a folder twice), and whatever
 * is not read (links out of the tree or back into it, broken links,
 * unreadable folders, FIFOs and devices, folders too deep) is a warning.
 * README files are introductions; files outside the four levels are reported.
 */
export function walkTree(root: string, options: WalkOptions = {}): TreeListing {
  const fs = options.fs ?? NODE_FS;
  const maxDepth = options.maxDepth ?? MAX_DEPTH;
  const abiDir = resolveAbiDir(root);
  let realRoot: string;
  try {
    realRoot = fs.realpath(abiDir);
    if (!fs.stat(realRoot).isDirectory()) throw new Error('not a folder');
  } catch {
    throw new Error(`${root}: not a folder (expected a kernel tree or its Documentation/ABI)`);
  }
  const files: TreeFile[] = [];
  const folders = [realRoot];
  const warnings: Warning[] = [];
  let readme: FileStamp | undefined;
  const warn = (kind: WarningKind, file: string, message: string) => warnings.push({ kind, file, line: 0, message });
  const inTree = (real: string) => {
    const rel = relative(realRoot, real);
    return rel !== '..' && !rel.startsWith('../') && !isAbsolute(rel);
  };
  const treePath = (real: string) => relative(realRoot, real) || 'the ABI folder';

  /** The real path and stat a link leads to, when it is a file inside the tree; else a warning and undefined. */
  const follow = (link: string, rel: string, realDir: string): { real: string; stat: Stats } | undefined => {
    let real: string;
    try {
      real = fs.realpath(link);
    } catch (e) {
      const code = errorCode(e);
      if (code === 'ENOENT') warn('broken-link', rel, 'symbolic link to nothing; skipped');
      else if (code === 'ELOOP') warn('link-loop', rel, 'symbolic link that loops; skipped');
      else warn('unreadable', rel, `symbolic link cannot be followed (${code}); skipped`);
      return undefined;
    }
    // Never named: where it points is none of the site's business.
    if (!inTree(real)) return void warn('link-outside-tree', rel, 'symbolic link leading outside the ABI tree; not followed');
    let stat: Stats;
    try {
      stat = fs.stat(real);
    } catch (e) {
      return void warn('unreadable', rel, `symbolic link to ${treePath(real)}, which cannot be read (${errorCode(e)}); skipped`);
    }
    if (stat.isDirectory()) {
      const loops = realDir === real || inside(realDir, real);
      if (loops) warn('link-loop', rel, `symbolic link back to ${treePath(real)}, a folder that holds it; not followed`);
      else warn('folder-link', rel, `symbolic link to the folder ${treePath(real)}; not followed (its files are read where they are, as the kernel does)`);
      return undefined;
    }
    return { real, stat };
  };

  // Folders by device and inode: a bind mount can loop without any symbolic link.
  const seen = new Set<string>();
  const visit = (relDir: string, realDir: string, depth: number) => {
    let names: string[];
    try {
      names = fs.readdir(realDir).sort();
    } catch (e) {
      warn('unreadable', relDir || '.', `folder cannot be read (${errorCode(e)}); skipped`);
      return;
    }
    for (const name of names) {
      if (isSkippedName(name)) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      let absolute = join(realDir, name);
      let stat: Stats;
      try {
        stat = fs.lstat(absolute);
      } catch (e) {
        warn('unreadable', rel, `cannot be read (${errorCode(e)}); skipped`);
        continue;
      }
      if (stat.isSymbolicLink()) {
        const target = follow(absolute, rel, realDir);
        if (!target) continue;
        ({ real: absolute, stat } = target);
      }
      if (stat.isDirectory()) {
        const id = `${stat.dev}:${stat.ino}`;
        if (depth >= maxDepth) warn('too-deep', rel, `folder nested more than ${maxDepth} levels deep; not read`);
        else if (seen.has(id)) warn('link-loop', rel, 'folder seen before at another path (a bind mount?); not read again');
        else {
          seen.add(id);
          folders.push(absolute);
          visit(rel, absolute, depth + 1);
        }
        continue;
      }
      if (!stat.isFile()) {
        warn('special-file', rel, `${fileType(stat)}, not a regular file; skipped`);
        continue;
      }
      const stamp = { path: rel, absolute, size: stat.size, mtimeMs: stat.mtimeMs, ino: stat.ino };
      if (name === 'README') {
        if (!relDir) readme = stamp;
        continue;
      }
      const level = rel.split('/')[0] as Level;
      if (!relDir || !LEVELS.includes(level)) {
        warn('tree-layout', rel, `not under ${LEVELS.join('/')}; skipped`);
        continue;
      }
      files.push({ ...stamp, level, dir: relDir, basename: name });
    }
  };
  const rootStat = fs.stat(realRoot);
  seen.add(`${rootStat.dev}:${rootStat.ino}`);
  visit('', realRoot, 0);
  return readme ? { abiDir, files, readme, folders, warnings } : { abiDir, files, folders, warnings };
}

/** True when `path` is strictly below `folder`. */
function inside(path: string, folder: string): boolean {
  return path.startsWith(folder.endsWith('/') ? folder : folder + '/');
}

function errorCode(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? (e as Error).message;
}

function fileType(stat: Stats): string {
  if (stat.isFIFO()) return 'a FIFO';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice()) return 'a character device';
  if (stat.isBlockDevice()) return 'a block device';
  return 'not a file or folder';
}
