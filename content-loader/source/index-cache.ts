/**
 * The source index kept on disk, keyed by the tree's files (paths, sizes,
 * modification times) and by the scanner's own code: reading 1.3 GB of C
 * costs seconds, checking that nothing changed costs a directory walk.
 * Each build of the site and each CLI run reuses it.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSourceIndex, INDEX_FORMAT } from './build-index.ts';
import { listSourceFiles } from './walk-source.ts';
import { codeDigest } from '../shared/code-digest.ts';
import type { SourceIndex } from './types.ts';

/** `.cache/source-index/` of the project (git-ignored), whatever the working folder. */
export const DEFAULT_INDEX_CACHE = fileURLToPath(new URL('../../.cache/source-index/', import.meta.url));

export interface CachedIndex {
  index: SourceIndex;
  /** True when it came from the cache. */
  cached: boolean;
  /** Seconds spent listing (and, when not cached, reading) the tree. */
  seconds: number;
}

/** The index of a kernel root, from the cache when the tree is unchanged, else built (and cached). */
export async function loadSourceIndex(root: string, cacheDir = DEFAULT_INDEX_CACHE): Promise<CachedIndex> {
  const started = performance.now();
  const seconds = () => Math.round((performance.now() - started) / 100) / 10;
  const files = listSourceFiles(root);
  const hash = createHash('sha256').update(`${INDEX_FORMAT}\n${scannerDigest()}\n${resolve(root)}\n`);
  for (const f of files) hash.update(`${f.path}\t${f.size}\t${f.mtimeMs}\n`);
  const key = hash.digest('hex').slice(0, 24);
  const prefix = createHash('sha256').update(resolve(root)).digest('hex').slice(0, 8);
  const path = join(cacheDir, `${prefix}-${key}.json`);
  if (existsSync(path)) {
    try {
      const index = JSON.parse(readFileSync(path, 'utf8')) as SourceIndex;
      if (index.format === INDEX_FORMAT) return { index, cached: true, seconds: seconds() };
    } catch {
      // A cache cut short (a build killed while writing): build it again.
    }
  }
  const index = await buildSourceIndex(root, { files });
  mkdirSync(cacheDir, { recursive: true });
  // Indexes of the same root under other keys are stale.
  for (const old of readdirSync(cacheDir)) if (old.startsWith(`${prefix}-`)) rmSync(join(cacheDir, old), { force: true });
  writeFileSync(`${path}.tmp`, JSON.stringify(index));
  renameSync(`${path}.tmp`, path);
  return { index, cached: false, seconds: seconds() };
}

// The code that decides what the index holds (this folder): a change to it is a new index.
const scannerDigest = () => codeDigest([new URL('./', import.meta.url)]);
