import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import type { Selection } from './debian-package.ts';
import { pathPresent } from './path-present.ts';

export const KERNEL_GIT_URL = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git';

/**
 * A shallow, blob-less, sparse clone of tag `v<version>` holding only
 * `selection`, copied into the kernel root `root`. Returns the number of files.
 */
export function fetchWithGit(version: string, selection: Selection, root: string, url: string, large: boolean): number {
  const work = mkdtempSync(join(tmpdir(), 'abi-git-'));
  try {
    // The source part is most of the tree's blobs; the rest is a few MB.
    const timeout = large ? 900_000 : 120_000;
    const git = (args: string[], cwd?: string) => execFileSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout });
    git(['clone', '--quiet', '--depth=1', '--filter=blob:none', '--no-checkout', `--branch=v${version}`, url, work]);
    // Non-cone patterns: `/path` is one file or folder at the top, a bare name matches at any depth.
    const patterns = [...selection.paths, ...selection.optionalPaths].map((p) => `/${p}`).concat(selection.names);
    git(['sparse-checkout', 'set', '--no-cone', ...patterns], work);
    git(['checkout', '--quiet'], work);
    const missing = selection.paths.filter((p) => !pathPresent(work, p));
    if (missing.length) throw new Error(`tag v${version} has no ${missing.join(', ')}`);
    mkdirSync(root, { recursive: true });
    for (const name of readdirSync(work)) if (name !== '.git') cpSync(join(work, name), join(root, name), { recursive: true });
    const inGitDir = (dir: string) => relative(work, dir).split(sep)[0] === '.git';
    return readdirSync(work, { recursive: true, withFileTypes: true }).filter((d) => d.isFile() && !inGitDir(d.parentPath)).length;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
