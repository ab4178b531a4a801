import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { buildSite } from './helpers/build-site.ts';
import { corpusTree, needsCorpus, testSiteEnv } from './helpers/corpus.ts';
import { siteFiles } from './helpers/site-files.ts';
import { endCacheUse, startCacheUse } from '../scripts/incremental-cache.ts';
import { parseTree } from '../content-loader/parse/parse-tree.ts';
import type { AbiEntry } from '../content-loader/types.ts';

/**
 * Incremental builds (Astro's incrementalBuild with the pages' cache keys,
 * src/lib/page-keys.ts): a rebuild with the cache of an earlier build must
 * write exactly what a clean build of the same input writes, byte for byte,
 * while rendering only the pages that changed.
 */
const siteDir = inject('siteDir');
const work = mkdtempSync(join(tmpdir(), 'abi-incremental-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Files of `a` and `b` that differ (or are in one only). */
function differences(a: string, b: string): string[] {
  const [filesA, filesB] = [siteFiles(a), siteFiles(b)];
  const [inA, inB] = [new Set(filesA), new Set(filesB)];
  const onlyB = filesB.filter((f) => !inA.has(f)).map((f) => `only in the clean build: ${f}`);
  const changed = filesA.filter((f) => !inB.has(f) || !readFileSync(join(a, f)).equals(readFileSync(join(b, f))));
  return [...changed, ...onlyB];
}

/** Pages of a build and how many were copied from the cache, from what `npm run build` printed. */
function pagesOf(log: string): { pages: number; reused: number } {
  const m = /pages: (\d+) generated in [\d.]+ s(?: \((\d+) unchanged)?/.exec(log);
  if (!m) throw new Error(`no page count in the build log:\n${log}`);
  return { pages: Number(m[1]), reused: Number(m[2] ?? 0) };
}

/**
 * Puts `marker` in front of the first line of `entry`'s description in its
 * file (the line count stays): its first sentence changes, so the lists that
 * show it as a summary (its folder, its siblings' "Next to it") change too.
 */
function editDescription(abiDir: string, entry: AbiEntry, marker: string): void {
  const file = join(abiDir, entry.file);
  const lines = readFileSync(file, 'utf8').split('\n');
  const first = entry.description!.split('\n').find((l) => l.trim())!.trim();
  const at = lines.findIndex((l, i) => i >= entry.line && l.trim() === first);
  if (at < 0) throw new Error(`${entry.file}:${entry.line}: description line not found`);
  lines[at] = lines[at]!.replace(/^(\s*)/, `$1${marker} `);
  writeFileSync(file, lines.join('\n'));
}

describe(`a rebuild after editing one description, linux-6.12 with history ${needsCorpus}`, () => {
  it('equals a clean build of the edited tree byte for byte, and renders only the pages that show it', () => {
    const abiDir = join(work, 'linux-6.12');
    cpSync(corpusTree('6.12'), abiDir, { recursive: true });
    // An interface with one definition in a folder with siblings; any such entry of any tree will do.
    const tree = parseTree(abiDir);
    const entry = tree.entries.find((e) => e.symbols.length === 1 && e.description?.trim() && e.symbols[0]!.url.startsWith('/sys/class/net/'))
      ?? tree.entries.find((e) => e.symbols.length === 1 && e.description?.trim())!;
    const env = { ...testSiteEnv(), ABI_DIRS: testSiteEnv().ABI_DIRS!.replace(corpusTree('6.12'), abiDir) };

    // The build before the edit: the global setup's test site (same input) when its cache has an incremental manifest.
    const cache = join(work, 'cache');
    const setupCache = `${siteDir}-cache`;
    if (existsSync(join(setupCache, 'incremental-build.json'))) cpSync(setupCache, cache, { recursive: true });
    else buildSite(abiDir, join(work, 'before'), { ...env, ABI_CACHE_DIR: cache });

    editDescription(abiDir, entry, 'INCREMENTAL-EDIT-MARKER');
    const rebuilt = join(work, 'rebuilt');
    const log = buildSite(abiDir, rebuilt, { ...env, ABI_CACHE_DIR: cache });
    const clean = join(work, 'clean');
    buildSite(abiDir, clean, env);

    expect(differences(rebuilt, clean)).toEqual([]);
    const url = entry.symbols[0]!.url;
    expect(readFileSync(join(rebuilt, url, 'index.html'), 'utf8')).toContain('INCREMENTAL-EDIT-MARKER');
    // Its folder's page lists it with its first sentence.
    const folder = url.replace(/[^/]+\/$/, '');
    expect(readFileSync(join(rebuilt, folder, 'index.html'), 'utf8')).toContain('INCREMENTAL-EDIT-MARKER');
    // The pages that show it: its page, its siblings', its folder's, its file's, the
    // whole-tree pages (levels, docs.kernel.org's), the unkeyed ones (home, search data).
    const { pages, reused } = pagesOf(log);
    expect(pages).toBeGreaterThan(10_000);
    expect(pages - reused).toBeGreaterThan(0);
    expect(pages - reused).toBeLessThan(200);
  }, 1_200_000);
});

describe('rebuilds of a three-version site (tests/fixtures/pinned)', () => {
  const fixture = (version: string) => fileURLToPath(new URL(`./fixtures/pinned/${version}`, import.meta.url));
  const trees = join(work, 'pinned');
  const envOf = (extra: Record<string, string> = {}) => ({ ABI_DIRS: ['1.0', '2.0', '3.0'].map((v) => `${v}=${join(trees, v)}`).join(','), ...extra });

  it("follow an edit of the newest version into the older versions' pages, and a new BASE everywhere", () => {
    for (const v of ['1.0', '2.0', '3.0']) cpSync(fixture(v), join(trees, v), { recursive: true });
    const cache = join(work, 'pinned-cache');
    buildSite(join(trees, '3.0'), join(work, 'pinned-before'), envOf({ ABI_CACHE_DIR: cache }));
    const before = readFileSync(join(work, 'pinned-before', 'v1.0/sys/atlas/kept/index.html'), 'utf8');
    expect(before).toContain('says the same');

    // Kept the same in every version until now: 1.0's page must say it changed.
    const file = join(trees, '3.0', 'testing', 'sysfs-atlas');
    writeFileSync(file, readFileSync(file, 'utf8').replace('Kept the same in every version.', 'Kept the same in every version until 3.0.'));
    const rebuilt = join(work, 'pinned-rebuilt');
    const log = buildSite(join(trees, '3.0'), rebuilt, envOf({ ABI_CACHE_DIR: cache }));
    const clean = join(work, 'pinned-clean');
    buildSite(join(trees, '3.0'), clean, envOf());
    expect(differences(rebuilt, clean)).toEqual([]);
    expect(readFileSync(join(rebuilt, 'v1.0/sys/atlas/kept/index.html'), 'utf8')).toContain('description changed in linux 3.0');
    expect(pagesOf(log).reused).toBeGreaterThan(0);

    // Another base path changes every link: nothing may be copied from the cache.
    const based = join(work, 'pinned-based');
    const baseLog = buildSite(join(trees, '3.0'), based, envOf({ ABI_CACHE_DIR: cache, BASE: '/abi/' }));
    const cleanBased = join(work, 'pinned-clean-based');
    buildSite(join(trees, '3.0'), cleanBased, envOf({ BASE: '/abi/' }));
    expect(pagesOf(baseLog).reused).toBe(0);
    expect(differences(based, cleanBased)).toEqual([]);
  }, 600_000);
});

describe("the cache of a build that did not finish (Astro writes pages' copies before its manifest)", () => {
  const manifest = (dir: string) => join(dir, 'incremental-build.json');
  const cacheWith = (name: string, running?: number) => {
    const dir = join(work, name);
    mkdirSync(dir, { recursive: true });
    writeFileSync(manifest(dir), '{}');
    if (running !== undefined) writeFileSync(join(dir, 'abi-atlas-build.pid'), String(running));
    return dir;
  };
  const alive = (pid: number) => pid === process.pid;

  it('keeps the manifest of a build that published its site', () => {
    const dir = cacheWith('cache-ok');
    startCacheUse(dir, process.pid, alive);
    endCacheUse(dir, true);
    expect(existsSync(manifest(dir))).toBe(true);
  });

  it('drops it when the build failed or was stopped', () => {
    const dir = cacheWith('cache-failed');
    startCacheUse(dir, process.pid, alive);
    endCacheUse(dir, false);
    expect(existsSync(manifest(dir))).toBe(false);
  });

  it('drops it at the next start when the build was killed before it could say so', () => {
    const dir = cacheWith('cache-killed', 999_999_999);
    startCacheUse(dir, process.pid, alive);
    expect(existsSync(manifest(dir))).toBe(false);
  });
});
