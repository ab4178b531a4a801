import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { fetchTree, DEFAULT_CACHE } from '../content-loader/tree-source/fetch-tree.ts';
import { buildLogOf, buildSite, projectDir } from './helpers/build-site.ts';
import { corpusTree, describeTestTrees, TEST_VERSIONS, testSiteEnv } from './helpers/corpus.ts';
import { ensureKernelRoot } from './helpers/kernel-source.ts';
import { useRunTmp } from './helpers/run-tmp.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site of linux-6.12 with history from 6.1. */
    siteDir: string;
  }
}

/**
 * Makes sure the real trees the tests read are there (../shared/corpus, or
 * fetched from Debian into .cache/abi as `npm run build` does on a fresh
 * clone; a tree that cannot be had fails the run rather than skipping
 * tests), then builds the linux-6.12 site once for every test that reads a
 * built site. ABI_TEST_SITE_REUSE=1 keeps an earlier build (quick local reruns).
 * Every temporary folder the run makes is removed when it ends.
 */
export default function setup(project: TestProject): () => void {
  const removeRunTmp = useRunTmp();
  for (const version of TEST_VERSIONS) {
    if (existsSync(corpusTree(version))) continue;
    const fetched = fetchTree(version, { cacheDir: join(projectDir, DEFAULT_CACHE), log: (m) => console.log(`global setup: ${m}`) });
    console.log(`global setup: fetched linux-${version} in ${fetched.seconds} s (from ${fetched.from ?? 'the cache'})`);
  }
  for (const line of describeTestTrees()) console.log(`global setup: ${line}`);
  // The source cross-reference is part of the test site (its source fetched once into the cache),
  // and the oracle tests run the kernel's own pipeline from the same release.
  ensureKernelRoot('6.12', (m) => console.log(`global setup: ${m}`));

  const outDir = join(projectDir, '.cache', 'test-site', 'linux-6.12');
  if (!(process.env.ABI_TEST_SITE_REUSE === '1' && existsSync(join(outDir, 'index.html')) && existsSync(buildLogOf(outDir)))) {
    rmSync(outDir, { recursive: true, force: true });
    const started = Date.now();
    // Two versions, so history, changes and gone pages are built and tested too.
    // Its log is kept for tests/build-log.test.ts (what `npm run build` prints).
    writeFileSync(buildLogOf(outDir), buildSite(corpusTree('6.12'), outDir, testSiteEnv()));
    console.log(`global setup: built the linux-6.12 site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide('siteDir', outDir);
  return removeRunTmp;
}
