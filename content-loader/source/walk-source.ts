import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compareText } from '../shared/compare.ts';

/** A C source or header of a kernel tree. */
export interface SourceFileStat {
  /** Relative to the kernel root, `/` separators. */
  path: string;
  size: number;
  mtimeMs: number;
}

// User-space programs, build scripts, examples and docs: none of them is the kernel creating a file.
const SKIPPED_TOP = new Set(['tools', 'scripts', 'samples', 'Documentation', 'usr', 'LICENSES']);

/**
 * The `*.c` and `*.h` files of a kernel root, sorted, with what a cache
 * needs to tell whether they changed. Dot folders and symlinks are skipped.
 */
export function listSourceFiles(root: string): SourceFileStat[] {
  const out: SourceFileStat[] = [];
  const visit = (rel: string) => {
    for (const d of readdirSync(join(root, rel), { withFileTypes: true })) {
      if (d.name.startsWith('.')) continue;
      const path = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (!(rel === '' && SKIPPED_TOP.has(d.name))) visit(path);
      } else if (d.isFile() && (d.name.endsWith('.c') || d.name.endsWith('.h'))) {
        const st = statSync(join(root, path));
        out.push({ path, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  visit('');
  return out.sort((a, b) => compareText(a.path, b.path));
}
