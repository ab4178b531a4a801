import { readdirSync, statSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { LEVELS, type Level, type Warning } from '../types.ts';
import { resolveAbiDir } from '../tree-source/abi-dir.ts';

/** A file of the ABI tree to read. */
export interface TreeFile {
  /** Path relative to the ABI folder, with `/` separators. */
  path: string;
  absolute: string;
  level: Level;
  /** The folder under ABI/ holding the file ("testing", "testing/nested"). */
  dir: string;
  basename: string;
}

export interface TreeListing {
  /** The Documentation/ABI folder that was walked. */
  abiDir: string;
  files: TreeFile[];
  readme?: string;
  warnings: Warning[];
}

const IGNORED_SUFFIXES = ['.rej', '.org', '.orig', '.bak', '~'];

/**
 * Lists the record files of an ABI tree in a fixed order (sorted paths), with
 * the kernel's skips: dot names, backup suffixes, and README files, which
 * are introductions. Folders other than the four levels are reported.
 */
export function walkTree(root: string): TreeListing {
  const abiDir = resolveAbiDir(root);
  if (!existsSync(abiDir) || !statSync(abiDir).isDirectory()) {
    throw new Error(`${root}: not a folder (expected a kernel tree or its Documentation/ABI)`);
  }
  const files: TreeFile[] = [];
  const warnings: Warning[] = [];
  let readme: string | undefined;

  const visit = (relDir: string, depth: number) => {
    const names = readdirSync(join(abiDir, relDir)).sort();
    for (const name of names) {
      // The kernel skips dot files; we skip dot folders too (a stray .git is not ABI).
      if (name.startsWith('.')) continue;
      const rel = relDir ? `${relDir}/${name}` : name;
      const absolute = join(abiDir, rel);
      let stat;
      try {
        stat = statSync(absolute);
      } catch {
        warnings.push({ kind: 'tree-layout', file: rel, line: 0, message: 'cannot be read (broken link?)' });
        continue;
      }
      if (stat.isDirectory()) {
        if (depth < 16) visit(rel, depth + 1);
        continue;
      }
      if (!stat.isFile() || IGNORED_SUFFIXES.some((s) => name.endsWith(s))) continue;
      if (name === 'README') {
        if (!relDir) readme = absolute;
        continue;
      }
      const level = rel.split('/')[0] as Level;
      if (!relDir || !LEVELS.includes(level)) {
        warnings.push({ kind: 'tree-layout', file: rel, line: 0, message: `not under ${LEVELS.join('/')}; skipped` });
        continue;
      }
      files.push({ path: rel, absolute, level, dir: relDir, basename: name });
    }
  };
  visit('', 0);
  return { abiDir, files, readme, warnings };
}
