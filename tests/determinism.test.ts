import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite, projectDir } from './helpers/build-site.ts';
import { corpusTree, needsCorpus, testSiteEnv } from './helpers/corpus.ts';
import { siteFiles } from './helpers/site-files.ts';

const siteDir = inject('siteDir');

describe(`determinism ${needsCorpus}`, () => {
  it('a second clean build (linux-6.12 with history from 6.1) is byte-identical to the first', () => {
    const again = join(projectDir, '.cache', 'test-site', 'linux-6.12-again');
    buildSite(corpusTree('6.12'), again, testSiteEnv());
    const first = siteFiles(siteDir);
    expect(siteFiles(again)).toEqual(first);
    const differing = first.filter((f) => !readFileSync(join(siteDir, f)).equals(readFileSync(join(again, f))));
    expect(differing).toEqual([]);
  }, 300_000);
});
