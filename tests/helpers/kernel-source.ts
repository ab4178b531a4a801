import { join } from 'node:path';
import { hasSource } from '../../content-loader/source/source-tree.ts';
import { DEFAULT_CACHE, fetchTree } from '../../content-loader/tree-source/fetch-tree.ts';
import { hasPart } from '../../content-loader/tree-source/parts.ts';
import { projectDir } from './build-site.ts';

/** The cached kernel root of `version` (`.cache/abi/linux-<version>`), as a fresh clone's fetch lays it out. */
export function sourceRootPath(version: string): string {
  return join(projectDir, DEFAULT_CACHE, `linux-${version}`);
}

/**
 * For the global setup: the kernel root of `version` with its C sources,
 * MAINTAINERS and Documentation/ABI, and the kernel's own ABI pipeline
 * (its Sphinx extension and get_abi.pl, which the oracle tests run), fetched
 * on first use by the same code as `npm run abi:fetch <version> --
 * --with-source --sphinx`. Fetched here, before any test file starts: a
 * file that looks for the pipeline when it loads would skip if it started
 * before the one that fetched it. A fetch that fails fails the run: the
 * tests that need these do not skip.
 */
export function ensureKernelRoot(version: string, log: (m: string) => void = console.log): string {
  const fetched = fetchTree(version, { cacheDir: join(projectDir, DEFAULT_CACHE), parts: ['abi', 'source', 'sphinx'], log });
  if (fetched.fetched.length) log(`kernel source ${version}: fetched ${fetched.fetched.join(', ')} in ${fetched.seconds} s`);
  return fetched.root;
}

/** The cached source root of `version` once fetched (tests read it; the global setup makes it). */
export function cachedSourceRoot(version: string): string | undefined {
  const root = sourceRootPath(version);
  return hasPart(root, 'source') && hasSource(root) ? root : undefined;
}

/** Suffix for test names that read the source. */
export const needsSource = '(on the linux-6.12 source, fetched into .cache/abi)';
