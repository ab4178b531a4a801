import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { NEAREST_WHATS } from '../content-loader/parse/limits.ts';
import { buildSite } from './helpers/build-site.ts';
import { hostileTree, manyWhat } from './helpers/hostile-tree.ts';
import { siteFiles } from './helpers/site-files.ts';

// 2,000 keeps the build to a minute or two; the page bound below is what
// tells linear from quadratic, and it does not depend on WHATS.
const WHATS = 2_000;
const KiB = 1024;
/**
 * The linear bound. One symbol page holds the layout (about 8 KiB), the
 * entry's metadata and description and at most NEAREST_WHATS + 1 of its
 * paths, so 32 KiB is ample and does not depend on WHATS (the full list
 * alone would be WHATS x ~60 bytes, 120 KB, on each page). Besides its page,
 * each What adds a line to the file page and to its folder page, a record to
 * abi.json, the sitemap and the search indexes: under 8 KiB more. The rest of
 * the hostile site (its 20,000-line description on a few pages) is under
 * 24 MiB. Output that grew with the square of WHATS would be ~240 MB.
 */
const PAGE_BOUND = 32 * KiB;
const PER_WHAT = PAGE_BOUND + 8 * KiB;
const FIXED = 24 * 1024 * KiB;

describe(`the hostile tree with one entry of ${WHATS} Whats`, () => {
  const abiDir = hostileTree({ whatsInOneEntry: WHATS });
  const outDir = join(mkdtempSync(join(tmpdir(), 'abi-many-whats-')), 'dist');
  const urls = parseTree(abiDir).entries.find((e) => e.file === 'testing/sysfs-many')!.symbols.map((s) => s.url);
  let log = '';
  beforeAll(() => {
    log = buildSite(abiDir, outDir);
  }, 1_200_000);
  afterAll(() => {
    rmSync(dirname(outDir), { recursive: true, force: true });
    rmSync(dirname(abiDir), { recursive: true, force: true });
  });
  const page = (url: string) => join(outDir, url, 'index.html');

  it('builds, warning file:line that the entry is too big to list on every page', () => {
    expect(urls).toHaveLength(WHATS);
    expect(log).toContain(`testing/sysfs-many:1: ${manyWhat(0)} is one of ${WHATS} Whats of one entry`);
  });

  it('has a page for every one of its Whats', () => {
    expect(urls.filter((u) => !existsSync(page(u)))).toEqual([]);
  });

  it('shows a count, the nearest Whats and a link to the entry on the file page, not the whole list', () => {
    const middle = WHATS / 2;
    const html = readFileSync(page(urls[middle]!), 'utf8');
    expect(html).toContain(`This entry documents ${WHATS} paths`);
    expect(html).toMatch(new RegExp(`href="/testing/sysfs-many/#abi-sys-many-attr-00000"[^>]*>All ${WHATS} are listed on the file page`));
    const listed = [...html.matchAll(/\/sys\/<wbr>many\/<wbr>attr_<wbr>(\d{5})/g)].map((m) => Number(m[1]));
    expect(new Set(listed)).toEqual(new Set(Array.from({ length: NEAREST_WHATS + 1 }, (_, i) => middle - NEAREST_WHATS / 2 + i)));
    // The file page lists every What once, below the entry's heading (its first What).
    const links = readFileSync(page('/testing/sysfs-many/'), 'utf8').match(/href="\/sys\/many\/attr_\d{5}\/"/g)!;
    expect(new Set(links).size).toBe(WHATS);
    expect(links).toHaveLength(WHATS + 1);
  });

  it(`keeps every page of the entry under ${PAGE_BOUND / KiB} KiB and the whole output within ${FIXED / KiB / 1024} MiB + ${PER_WHAT / KiB} KiB per What`, () => {
    const sizes = urls.map((u) => statSync(page(u)).size);
    const largest = Math.max(...sizes);
    const total = siteFiles(outDir).reduce((n, f) => n + statSync(join(outDir, f)).size, 0);
    console.log(`${WHATS} Whats in one entry: largest symbol page ${(largest / KiB).toFixed(1)} KiB, whole site ${(total / KiB / 1024).toFixed(0)} MiB`);
    expect(largest).toBeLessThan(PAGE_BOUND);
    expect(total).toBeLessThan(FIXED + WHATS * PER_WHAT);
  });
});
