import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { cachedSourceRoot } from './kernel-source.ts';
import { fileURLToPath } from 'node:url';
import { it } from 'vitest';
import { walkTree } from '../../content-loader/parse/walk.ts';
import { DEFAULT_CACHE } from '../../content-loader/tree-source/fetch-tree.ts';
import { LEVELS, type AbiTree } from '../../content-loader/types.ts';

/** The releases the tests read: linux-6.12 documented, with history from 6.1. */
export const TEST_VERSIONS = ['6.1', '6.12'] as const;
export type TestVersion = (typeof TEST_VERSIONS)[number];

const projectDir = fileURLToPath(new URL('../../', import.meta.url));
const sharedTree = (version: string) => fileURLToPath(new URL(`../../../shared/corpus/linux-${version}/ABI`, import.meta.url));
/** Where `npm run build` and the global setup fetch a release when ../shared is absent (a fresh clone). */
const fetchedTree = (version: string) => join(projectDir, DEFAULT_CACHE, `linux-${version}`, 'Documentation', 'ABI');

/**
 * A real Documentation/ABI tree of a release: the corpus in ../shared/corpus
 * beside the repository when it is there, else the one the build (or the
 * global setup) fetched from Debian into .cache/abi.
 */
export function corpusTree(version: string): string {
  const shared = sharedTree(version);
  return existsSync(shared) ? shared : fetchedTree(version);
}

/** Suffix for test names that read a real tree. */
export const needsCorpus = '(on a real tree: ../shared/corpus, or fetched from Debian)';

/**
 * sha256 of the corpus trees in ../shared/corpus (Debian's 6.1.192-2 and
 * 6.12.117-1~deb12u1), over their record files' paths and bytes: numbers
 * pinned to those trees (the kernel parser's counts) are checked only on a
 * tree with the same hash; on any other tree the tests check invariants.
 */
const CORPUS_HASHES: Record<TestVersion, string> = {
  '6.1': 'e3b1c8fb20d30aa146c3ac76f8d0d8048d76dc90322592f7f978546c6d35f275',
  '6.12': 'af979ac6b3ee5de08563677c068f0df1348908fd82402874a49140a85dfc52af',
};

/** Content hash of an ABI tree: its record files (the walker's list) by path and bytes. */
export function treeHash(abiDir: string): string {
  const hash = createHash('sha256');
  const listing = walkTree(abiDir);
  for (const f of listing.files) hash.update(`${f.path}\0`).update(readFileSync(f.absolute)).update('\0');
  if (listing.readme) hash.update('README\0').update(readFileSync(listing.readme.absolute));
  return hash.digest('hex');
}

const hashes = new Map<string, string>();
/** True when the tree the tests read for `version` is byte for byte the corpus tree (pinned numbers apply). */
export function isCorpus(version: TestVersion): boolean {
  const tree = corpusTree(version);
  if (!hashes.has(tree)) hashes.set(tree, treeHash(tree));
  return hashes.get(tree) === CORPUS_HASHES[version];
}

/** One line per release: which tree the tests read, and whether pinned numbers apply. */
export function describeTestTrees(): string[] {
  return TEST_VERSIONS.map((v) => {
    const tree = corpusTree(v);
    const where = relative(projectDir, tree) || tree;
    return `tests read linux-${v} from ${where}: ${isCorpus(v) ? 'the corpus (pinned counts checked)' : `not the corpus (sha256 ${treeHash(tree).slice(0, 12)}): invariants only`}`;
  });
}

/** How the shared test site is built: linux-6.12 documented, with history from 6.1, and its source when the cache has it. */
export function testSiteEnv(): Record<string, string> {
  return { ABI_DIRS: `6.1=${corpusTree('6.1')},6.12=${corpusTree('6.12')}`, ABI_SOURCE_DIR: cachedSourceRoot('6.12') ?? 'none' };
}

/**
 * For the first line of a `describe.skipIf(...)` body: Vitest runs a skipped
 * body anyway to collect its tests, so a body that loads an optional input
 * (the kernel source) must stop first. The trees need no such guard: the
 * global setup fetches them or fails the run. Registers a skipped
 * placeholder and returns true when `missing`.
 * @example if (stopWhen(!sourceRoot)) return;
 */
export function stopWhen(missing: boolean): boolean {
  if (missing) it.skip('skipped: its input is absent', () => undefined);
  return missing;
}

/** Symbol URL -> its levels joined in the kernel's order ("stable+testing"), computed here without the history modules. */
export function levelsByUrl(tree: AbiTree): Map<string, string> {
  const sets = new Map<string, Set<string>>();
  for (const e of tree.entries) for (const s of e.symbols) sets.set(s.url, (sets.get(s.url) ?? new Set()).add(e.level));
  return new Map([...sets].map(([url, set]) => [url, LEVELS.filter((l) => set.has(l)).join('+')]));
}
