/**
 * Astro integration: after `astro build` writes the site, index it with
 * Pagefind's Node API into `<outDir>/pagefind/`, so `npm run build` needs no
 * second step. Only symbol pages carry `data-pagefind-body` (see
 * src/pages/[...path].astro), so there is one result per interface.
 *
 * What a page gives Pagefind (src/components/SearchFacets.astro): its text
 * (the What in the h1, weight 10, and the description), and metadata that
 * is searched but never shown in an excerpt: `path` (every tail and segment
 * of the What as words: Pagefind strips punctuation from a query, so
 * "btf/vmlinux" is searched as "btfvmlinux", a prefix of the path word
 * `btf/vmlinux`), `file`, `users`, `contact` and `kernel`. Their weights
 * are set where the index is queried (src/lib/search/data.ts).
 *
 * Search ranks Pagefind's hits together with its own matches of the path
 * (content-loader/search/rank.ts), so it needs to know which symbol a hit
 * is without loading each hit's fragment: `symbol-ids.json`, written here
 * beside the index, lists the Pagefind result id of every symbol of
 * `/search/index.json`, in its order, read through Pagefind's public API
 * (pagefind-symbol-ids.ts).
 *
 * `forceLanguage: 'en'`: one English index. No `includeCharacters`: the
 * query is stripped of punctuation anyway.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { LEVELS } from '../content-loader/types.ts';
import { SYMBOL_IDS_FILE, type SearchIndexData } from '../content-loader/search/index.ts';
import { pagefindIds, symbolIds } from './pagefind-symbol-ids.ts';
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { pinRoot } from '../content-loader/site/pinned.ts';

export const PAGEFIND_CONFIG = { forceLanguage: 'en' } as const;
// Its package.json is not among its exports; it is the one above the entry point.
const PAGEFIND_VERSION = (JSON.parse(readFileSync(new URL('../package.json', import.meta.resolve('pagefind')), 'utf8')) as { version: string }).version;

/**
 * Two integrations around the other `astro:build:done` hooks: `start` sets
 * Pagefind indexing off (it runs in Pagefind's own process) and `finish`
 * waits for it, so the hooks between them (pinning the newest version's
 * pages, 2-3 s with history) run on the main thread meanwhile. Only the
 * symbol folders are indexed, which those hooks do not write.
 */
export default function pagefindIntegration(): { start: AstroIntegration; finish: AstroIntegration } {
  let cacheDir = '';
  let indexing: Promise<string> | undefined;
  return {
    start: {
      name: 'abi-atlas:pagefind',
      hooks: {
        'astro:config:done': ({ config }) => {
          cacheDir = fileURLToPath(config.cacheDir);
        },
        'astro:build:done': ({ dir }) => {
          indexing = indexAndDescribe(fileURLToPath(dir), join(cacheDir, IDS_CACHE_FILE));
          // Awaited by `finish`; until then a failure must not count as unhandled.
          indexing.catch(() => undefined);
        },
      },
    },
    finish: {
      name: 'abi-atlas:pagefind-done',
      hooks: {
        'astro:build:done': async ({ logger }) => {
          if (indexing) logger.info(await indexing);
        },
      },
    },
  };
}

/** Indexes the built site and says what was written. */
async function indexAndDescribe(siteDir: string, idsCache: string): Promise<string> {
  const started = performance.now();
  const outputPath = join(siteDir, 'pagefind');
  await indexSite(siteDir, outputPath, idsCache);
  const { files, bytes } = sizeOf(outputPath);
  const pages = countFragments(outputPath);
  return `search: ${pages} records (the symbol pages) in pagefind/ (${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`;
}

// Pagefind result ids seen in earlier builds (id -> page URL), kept in Astro's cache folder.
const IDS_CACHE_FILE = 'abi-atlas-pagefind-ids.json';

/**
 * Indexes the symbol pages of `siteDir` into `outputPath`, with the symbol-id
 * map beside them. Pagefind has no incremental mode: every page is indexed
 * again (it is the same index a clean build writes); `idsCache` (a file)
 * keeps the result ids of earlier builds so that only new ones are looked up.
 */
export async function indexSite(siteDir: string, outputPath: string, idsCache?: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex(PAGEFIND_CONFIG);
  if (!index) throw new Error(`pagefind: could not create the index: ${errors.join('; ')}`);
  try {
    const added = await index.addDirectory({ path: siteDir, glob: symbolPagesGlob(siteDir) });
    if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath });
    if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
  const data = JSON.parse(readFileSync(join(siteDir, 'search', 'index.json'), 'utf8')) as SearchIndexData;
  const ids = await pagefindIds(outputPath, idsCache ? readKnownIds(idsCache) : undefined);
  writeFileSync(join(outputPath, SYMBOL_IDS_FILE), JSON.stringify(symbolIds(data, ids)));
  if (idsCache) {
    mkdirSync(dirname(idsCache), { recursive: true });
    writeFileSync(idsCache, JSON.stringify({ pagefind: PAGEFIND_VERSION, ids: Object.fromEntries([...ids].map(([url, id]) => [id, url])) }));
  }
}

/** The ids an earlier build saw, if written by this Pagefind (its ids are its own digests); none when unreadable. */
function readKnownIds(file: string): Map<string, string> {
  try {
    const cached = JSON.parse(readFileSync(file, 'utf8')) as { pagefind?: unknown; ids?: Record<string, string> };
    return cached.pagefind === PAGEFIND_VERSION && cached.ids ? new Map(Object.entries(cached.ids)) : new Map();
  } catch {
    return new Map();
  }
}

// Top-level folders that hold no symbol pages; skipping them spares Pagefind
// parsing the large file pages (4.5 s -> 1.7 s on linux-6.12). Pinned pages
// (`v<version>/`) are older versions' words: search finds the newest.
const NOT_SYMBOL_FOLDERS = new Set([...LEVELS, 'admin-guide', 'doc', 'changes', 'health', 'search', 'pagefind', '_astro']);

/** A glob of the folders symbol pages live in: the path roots (`sys`, `proc`, ..., `~`). */
function symbolPagesGlob(siteDir: string): string {
  const pinned = new Set(versionedDirs(process.cwd()).map((d) => pinRoot(d.version).slice(1, -1)));
  const roots = readdirSync(siteDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !NOT_SYMBOL_FOLDERS.has(d.name) && !pinned.has(d.name))
    .map((d) => d.name);
  return roots.length === 1 ? `${roots[0]}/**/*.html` : `{${roots.join(',')}}/**/*.html`;
}

/** Pagefind writes one fragment file per indexed page. */
function countFragments(outputPath: string): number {
  try {
    return readdirSync(join(outputPath, 'fragment')).length;
  } catch {
    return 0;
  }
}

function sizeOf(path: string): { files: number; bytes: number } {
  let files = 0;
  let bytes = 0;
  for (const name of readdirSync(path)) {
    const full = join(path, name);
    const st = statSync(full);
    if (st.isDirectory()) {
      const sub = sizeOf(full);
      files += sub.files;
      bytes += sub.bytes;
    } else {
      files++;
      bytes += st.size;
    }
  }
  return { files, bytes };
}
