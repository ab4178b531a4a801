import { it } from 'vitest';
import { LEVELS, type AbiTree } from '../../content-loader/types.ts';
import { existsSync } from 'node:fs';
import { cachedSourceRoot } from './kernel-source.ts';
import { fileURLToPath } from 'node:url';

/** The real kernel trees in ../shared/corpus, beside the repository (absent on a plain clone). */
export function corpusTree(version: string): string {
  return fileURLToPath(new URL(`../../../shared/corpus/linux-${version}/ABI`, import.meta.url));
}

export const hasCorpus = (version: string) => existsSync(corpusTree(version));

/** Suffix for test names, so a skipped run says why. */
export const needsCorpus = '(needs ../shared/corpus; skipped when it is absent)';

/** How the shared test site is built: linux-6.12 documented, with history from 6.1, and its source when the cache has it. */
export function testSiteEnv(): Record<string, string> {
  return { ABI_DIRS: `6.1=${corpusTree('6.1')},6.12=${corpusTree('6.12')}`, ABI_SOURCE_DIR: cachedSourceRoot('6.12') ?? 'none' };
}

/**
 * For the first line of a `describe.skipIf(...)` body: Vitest runs a skipped
 * body anyway to collect its tests, so a body that loads the corpus must stop
 * first. Registers a skipped placeholder and returns true when `missing`.
 * @example if (stopWhen(!hasCorpus('6.12'))) return;
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
