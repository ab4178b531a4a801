import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite } from './helpers/build-site.ts';
import { anchorHrefs, brokenLinks, clicksFromHome } from './helpers/link-check.ts';
import { siteFiles } from './helpers/site-files.ts';

/**
 * Three small versions (tests/fixtures/pinned/1.0, 2.0, 3.0) built under a
 * sub-path with SITE: an interface kept, moved, edited, dropped, added, and
 * one missing in the middle version; a file and a What that is not a path
 * that only older versions have.
 */
const fixture = (version: string) => fileURLToPath(new URL(`./fixtures/pinned/${version}`, import.meta.url));
let dist: string;
const read = (path: string) => readFileSync(join(dist, path), 'utf8');
const canonicalOf = (html: string) => /<link rel="canonical" href="([^"]*)"/.exec(html)?.[1];

describe('a three-version site under BASE=/abi/ with SITE', () => {
  beforeAll(() => {
    dist = join(mkdtempSync(join(tmpdir(), 'abi-versions-')), 'dist');
    const dirs = ['1.0', '2.0', '3.0'].map((v) => `${v}=${fixture(v)}`).join(',');
    buildSite(fixture('3.0'), dist, { ABI_DIRS: dirs, BASE: '/abi/', SITE: 'https://example.org' });
  }, 600_000);

  it('has every page of every version, and no broken link under the base', () => {
    for (const v of ['1.0', '2.0', '3.0']) expect(existsSync(join(dist, `v${v}/sys/atlas/kept/index.html`)), v).toBe(true);
    expect(existsSync(join(dist, 'v1.0/~/Atlas~x20Concept/index.html'))).toBe(true);
    expect(existsSync(join(dist, 'v2.0/sys/atlas/back/index.html'))).toBe(false);
    const { checked, broken } = brokenLinks(dist, '/abi/');
    expect(checked).toBeGreaterThan(1000);
    expect(broken).toEqual([]);
  });

  it("resolves a description's links in its own version, under the base", () => {
    const hrefs = anchorHrefs(read('v2.0/sys/atlas/dropped/index.html'));
    expect(hrefs).toContain('/abi/v2.0/sys/atlas/old/only/');
    expect(anchorHrefs(read('v3.0/sys/atlas/~n~/new/index.html'))).toContain('/abi/v3.0/sys/atlas/kept/');
    expect(anchorHrefs(read('sys/atlas/~n~/new/index.html'))).toContain('/abi/sys/atlas/kept/');
  });

  it('gives every page an absolute canonical link to the newest page, or to the last version of a gone one', () => {
    const canon = (path: string) => canonicalOf(read(path));
    expect(canon('v1.0/sys/atlas/kept/index.html')).toBe('https://example.org/abi/sys/atlas/kept/');
    expect(canon('v3.0/sys/atlas/kept/index.html')).toBe('https://example.org/abi/sys/atlas/kept/');
    expect(canon('sys/atlas/dropped/index.html')).toBe('https://example.org/abi/v2.0/sys/atlas/dropped/');
    expect(canon('v1.0/sys/atlas/dropped/index.html')).toBe('https://example.org/abi/v2.0/sys/atlas/dropped/');
    expect(canon('v2.0/testing/sysfs-atlas-old/index.html')).toBe('https://example.org/abi/v2.0/testing/sysfs-atlas-old/');
    expect(read('v1.0/sys/atlas/kept/index.html')).toContain('<meta property="og:url" content="https://example.org/abi/sys/atlas/kept/">');
  });

  it('lists the newest pages, gone pages, the changes and search in the sitemap, and no pinned page', () => {
    const locs = [...read('sitemap.xml').matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]!);
    for (const url of ['', 'sys/atlas/kept/', 'sys/atlas/dropped/', '~/Atlas~x20Concept/', 'changes/', 'changes/1.0...3.0/', 'changes/2.0...3.0/', 'search/', 'testing/sysfs-atlas/']) {
      expect(locs, url).toContain(`https://example.org/abi/${url}`);
    }
    expect(locs.filter((l) => l.includes('/abi/v'))).toEqual([]);
    expect(new Set(locs).size).toBe(locs.length);
  });

  it('marks in the version switcher the versions without the page, and says what changed since', () => {
    expect(read('sys/atlas/back/index.html')).toMatch(/<span class="absent"[^>]*>linux 2\.0 /);
    const promoted = read('v1.0/sys/atlas/promoted/index.html');
    expect(promoted).toContain('Changed since: level testing → stable.');
    expect(promoted).toContain('href="/abi/changes/1.0...3.0/"');
    expect(read('v2.0/sys/atlas/edited/index.html')).toContain('description changed in linux 3.0');
    expect(read('v1.0/sys/atlas/kept/index.html')).toContain('The newest, linux 3.0, says the same');
    expect(read('v2.0/sys/atlas/dropped/index.html')).toContain('This interface is gone: linux 2.0 was the last to document it');
  });

  it("sends docs anchors of a file that is gone to its last version's page", () => {
    const target = (file: string, anchor: string) => new RegExp(`<li id="${anchor}"><a href="([^"]*)"`).exec(read(file))?.[1];
    const anchor = 'abi-file-testing-sysfs-atlas-old';
    expect(target('admin-guide/abi-testing-files.html', anchor)).toBe('/abi/v2.0/testing/sysfs-atlas-old/');
    expect(target('doc/html/v1.0/admin-guide/abi-testing-files.html', anchor)).toBe('/abi/v1.0/testing/sysfs-atlas-old/');
    expect(target('doc/html/latest/admin-guide/abi-testing.html', 'abi-sys-atlas-dropped')).toBe('/abi/sys/atlas/dropped/');
  });

  it('reaches every page from the home page within 4 clicks', () => {
    const pages = siteFiles(dist).filter((f) => f.endsWith('.html') && f !== '404.html');
    const depth = clicksFromHome(dist, 4, '/abi/');
    expect(pages.filter((p) => !depth.has(p))).toEqual([]);
  });
});
