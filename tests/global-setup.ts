import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite, projectDir } from './helpers/build-site.ts';
import { corpusTree, hasCorpus, testSiteEnv } from './helpers/corpus.ts';
import { trySourceRoot } from './helpers/kernel-source.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The site of linux-6.12 with history from 6.1, or '' when ../shared/corpus is absent. */
    siteDir: string;
  }
}

/**
 * Builds the linux-6.12 site once for every test that reads a built site.
 * ABI_TEST_SITE_REUSE=1 keeps an earlier build (for quick local reruns).
 */
export default function setup(project: TestProject): void {
  const outDir = join(projectDir, '.cache', 'test-site', 'linux-6.12');
  if (!hasCorpus('6.12') || !hasCorpus('6.1')) {
    project.provide('siteDir', '');
    return;
  }
  // The source cross-reference is part of the site when the source can be had (fetched once into the cache).
  trySourceRoot('6.12');
  if (!(process.env.ABI_TEST_SITE_REUSE === '1' && existsSync(join(outDir, 'index.html')))) {
    rmSync(outDir, { recursive: true, force: true });
    const started = Date.now();
    // Two versions, so history, changes and gone pages are built and tested too.
    buildSite(corpusTree('6.12'), outDir, testSiteEnv());
    console.log(`global setup: built the linux-6.12 site in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  project.provide('siteDir', outDir);
}
