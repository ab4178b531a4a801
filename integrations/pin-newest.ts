/**
 * Astro integration: the newest version's pinned pages (`/v6.12/…`) are its
 * bare pages, re-addressed. Rendering them a second time would cost as much
 * as the newest pages themselves (about 1 ms a page in Astro); instead, at
 * the end of `astro build`, each bare page of the version is copied under
 * `/v<newest>/` with its links into the version's pages moved there too
 * (pinLinks, as the older versions' pages get in src/middleware.ts). In
 * `astro dev` the pinned route renders them instead.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseTree } from '../content-loader/parse/parse-tree.ts';
import { buildSiteModel } from '../content-loader/site/site-model.ts';
import { versionPageUrls } from '../content-loader/site/version-pages.ts';
import { pinLinks } from '../content-loader/site/pin-links.ts';
import { pinnedUrl } from '../content-loader/site/pinned.ts';
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { settings } from '../content-loader/settings.ts';

export default function pinNewest(): AstroIntegration {
  return {
    name: 'abi-atlas:pin-newest',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const dirs = versionedDirs(process.cwd());
        const newest = dirs.at(-1);
        if (dirs.length < 2 || !newest) return;
        const started = performance.now();
        // The same parse and page list the collections give the pages (the loader parsed this tree).
        const tree = parseTree(newest.abiDir);
        const pages = new Set(versionPageUrls(tree.files, buildSiteModel(tree.entries)));
        const out = fileURLToPath(dir);
        const options = { base: settings().base, version: newest.version, pages };
        for (const url of pages) {
          const target = join(out, pinnedUrl(newest.version, url), 'index.html');
          mkdirSync(dirname(target), { recursive: true });
          writeFileSync(target, pinLinks(readFileSync(join(out, url, 'index.html'), 'utf8'), options));
        }
        logger.info(`pinned the ${pages.size} pages of linux ${newest.version} under /v${newest.version}/ in ${Math.round(performance.now() - started)} ms`);
      },
    },
  };
}
