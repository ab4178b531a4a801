import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { buildSite } from './helpers/build-site.ts';
import { needsCorpus } from './helpers/corpus.ts';
import { hostileTree } from './helpers/hostile-tree.ts';
import { brokenLinks } from './helpers/link-check.ts';

const siteDir = inject('siteDir');

describe(`links in the built linux-6.12 site ${needsCorpus}`, () => {
  it('every internal href and src resolves, anchors included', () => {
    const { checked, broken } = brokenLinks(siteDir);
    expect(checked).toBeGreaterThan(50_000);
    expect(broken.slice(0, 20)).toEqual([]);
  });
});

describe('a site built under a sub-path (BASE=/abi/)', () => {
  it('keeps every internal link under the base, description cross-links included', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'abi-base-')), 'dist');
    buildSite(hostileTree(), outDir, { BASE: '/abi/', SITE: 'https://example.org' });
    const { checked, broken } = brokenLinks(outDir, '/abi/');
    const page = readFileSync(join(outDir, 'sys/cont/a/index.html'), 'utf8');
    expect(page).toContain('href="/abi/sys/crlf/one/"');
    expect(page).toContain('href="/abi/testing/sysfs-crlf/"');
    expect(checked).toBeGreaterThan(500);
    expect(broken.slice(0, 20)).toEqual([]);
    // With SITE, absolute URLs under the base: canonical, og:url, sitemap, robots.txt.
    expect(page).toContain('<link rel="canonical" href="https://example.org/abi/sys/cont/a/">');
    expect(page).toContain('<meta property="og:url" content="https://example.org/abi/sys/cont/a/">');
    const sitemap = readFileSync(join(outDir, 'sitemap.xml'), 'utf8');
    expect(sitemap).toContain('<url><loc>https://example.org/abi/sys/cont/a/</loc></url>');
    expect(sitemap).toContain('<url><loc>https://example.org/abi/search/</loc></url>');
    expect([...sitemap.matchAll(/<loc>([^<]*)<\/loc>/g)].filter((m) => !m[1]!.startsWith('https://example.org/abi/'))).toEqual([]);
    expect(readFileSync(join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap: https://example.org/abi/sitemap.xml');
  }, 300_000);
});
