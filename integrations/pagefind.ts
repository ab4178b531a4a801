/**
 * Astro integration: after `astro build` writes the site, index it with
 * Pagefind's Node API into `<outDir>/pagefind/`, so `npm run build` needs no
 * second step. Only symbol pages carry `data-pagefind-body` (see
 * src/pages/[...path].astro), so there is one result per interface.
 *
 * Options, chosen by measuring the queries of issue 5 on linux-6.12 (results
 * as [count] top hit):
 * - Pagefind strips punctuation from queries and indexed words alike
 *   ("btf/vmlinux" is searched as "btfvmlinux", matched as a word prefix), and
 *   a What is one long word. With the page text alone, `rx_bytes` found 35
 *   pages with thunderbolt rx_speed first, `btf/vmlinux` put /sys/kernel/btf
 *   first, `iio:device` found 181 pages. So each symbol page carries a hidden
 *   element with `data-pagefind-weight="10"` holding every tail of its path
 *   and every segment as separate words (`pathWords`: `btf/vmlinux`,
 *   `kernel/btf/vmlinux`, `vmlinux`...): now `rx_bytes` [1] rx_bytes,
 *   `btf/vmlinux` [1] /sys/kernel/btf/vmlinux, `iio:device` [838] all
 *   iio:deviceX pages, `/sys/class/net` [97] all below it.
 * - No `includeCharacters`: keeping `_/:` in words changed none of those top
 *   hits and made the iio:device ranking worse (the query is stripped anyway).
 * - Default ranking: `termSimilarity`/`pageLength`/`metaWeights` variants
 *   did not change the top hits of these queries.
 * - `forceLanguage: 'en'`: one English index.
 * `scaling_governor` is in no linux-6.12 ABI text (cpufreq documents
 * `/sys/devices/system/cpu/cpuX/cpufreq/*`); the path resolver finds that
 * entry for `/sys/devices/system/cpu/cpu0/cpufreq/scaling_governor`.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import { LEVELS } from '../content-loader/types.ts';
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { pinRoot } from '../content-loader/site/pinned.ts';

export const PAGEFIND_CONFIG = { forceLanguage: 'en' } as const;

export default function pagefindIntegration(): AstroIntegration {
  return {
    name: 'abi-atlas:pagefind',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const started = performance.now();
        const siteDir = fileURLToPath(dir);
        const outputPath = join(siteDir, 'pagefind');
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
        const { files, bytes } = sizeOf(outputPath);
        const pages = countFragments(outputPath);
        logger.info(
          `indexed ${pages} symbol pages into pagefind/ (${files} files, ${(bytes / 2 ** 20).toFixed(1)} MiB) in ${((performance.now() - started) / 1000).toFixed(1)} s`,
        );
      },
    },
  };
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
