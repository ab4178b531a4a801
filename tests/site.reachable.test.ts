import { describe, expect, inject, it } from 'vitest';
import { needsCorpus } from './helpers/corpus.ts';
import { clicksFromHome } from './helpers/link-check.ts';
import { siteFiles } from './helpers/site-files.ts';

const siteDir = inject('siteDir');

describe(`the linux-6.12 site with history from 6.1 ${needsCorpus}`, () => {
  it('reaches every page from the home page within 4 clicks, the pinned pages of every version included', () => {
    const pages = siteFiles(siteDir).filter((f) => f.endsWith('.html') && f !== '404.html');
    expect(pages.filter((p) => p.startsWith('v6.1/')).length).toBeGreaterThan(5000);
    const depth = clicksFromHome(siteDir, 4);
    expect(pages.filter((p) => !depth.has(p)).slice(0, 10)).toEqual([]);
    expect(depth.size).toBe(pages.length);
  }, 300_000);
});
