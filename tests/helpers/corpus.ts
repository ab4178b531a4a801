import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The real kernel trees in ../shared/corpus, beside the repository (absent on a plain clone). */
export function corpusTree(version: string): string {
  return fileURLToPath(new URL(`../../../shared/corpus/linux-${version}/ABI`, import.meta.url));
}

export const hasCorpus = (version: string) => existsSync(corpusTree(version));

/** Suffix for test names, so a skipped run says why. */
export const needsCorpus = '(needs ../shared/corpus; skipped when it is absent)';
