import { existsSync, writeFileSync } from 'node:fs';
import { hasSource } from '../../content-loader/source/source-tree.ts';
import { join } from 'node:path';
import { extractFromDebianPackage } from '../../content-loader/tree-source/debian-package.ts';
import { DEFAULT_CACHE } from '../../content-loader/tree-source/fetch-tree.ts';
import { projectDir } from './build-site.ts';

/** What a source root needs for the source cross-reference: the C files, MAINTAINERS and the ABI tree. */
export const SOURCE_MEMBERS = ['*.c', '*.h', 'MAINTAINERS', 'Documentation/ABI/*'] as const;

/** The cached kernel root of `version` (`.cache/abi/linux-<version>`), as a fresh clone's fetch lays it out. */
export function sourceRootPath(version: string): string {
  return join(projectDir, DEFAULT_CACHE, `linux-${version}`);
}

// Written last, so an extraction cut short is redone rather than half-used.
const MARK = '.source-complete';

/**
 * Ensures `.cache/abi/linux-<version>` holds the kernel's C sources,
 * MAINTAINERS and Documentation/ABI, extracted from Debian's
 * linux-source-<version> by the same code a fresh clone's fetch runs.
 * Returns the root and how long the extraction took (0 when cached).
 */
export function ensureSourceRoot(version: string, log: (m: string) => void = console.error): { root: string; seconds: number } {
  const root = sourceRootPath(version);
  if (existsSync(join(root, MARK))) return { root, seconds: 0 };
  const started = Date.now();
  const { deb } = extractFromDebianPackage(version, SOURCE_MEMBERS, root, log);
  const seconds = (Date.now() - started) / 1000;
  // The same note the fetch leaves: which package (so which point release) the tree is.
  writeFileSync(join(root, 'SOURCE'), `${deb}\n`);
  writeFileSync(join(root, MARK), `extracted in ${seconds.toFixed(1)} s\n`);
  log(`kernel source ${version}: extracted into ${root} in ${seconds.toFixed(1)} s`);
  return { root, seconds };
}

/**
 * For the global setup: the source root of `version`, extracted on first
 * use; undefined (with the reason logged) when it cannot be fetched, so the
 * tests that need it skip instead of every test failing.
 */
export function trySourceRoot(version: string, log: (m: string) => void = console.error): string | undefined {
  try {
    return ensureSourceRoot(version, log).root;
  } catch (e) {
    log(`kernel source ${version}: not available (${(e as Error).message.split('\n')[0]}); tests that need it skip`);
    return undefined;
  }
}

/** The cached source root of `version` when a complete extraction is there (tests read it; the global setup makes it). */
export function cachedSourceRoot(version: string): string | undefined {
  const root = sourceRootPath(version);
  return existsSync(join(root, MARK)) && hasSource(root) ? root : undefined;
}

/** Suffix for test names, so a skipped run says why. */
export const needsSource = '(needs the linux-6.12 source in .cache/abi; skipped when it could not be fetched)';
