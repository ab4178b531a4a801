/**
 * Astro integration for what static hosts need from the build:
 * - one warning when SITE is unset (the build then writes no absolute URLs);
 * - pages whose route ends in `.html` (docs.kernel.org's `abi-testing.html`)
 *   become files of that exact name: Astro writes every page as a folder with
 *   an index.html, which hosts answer with a redirect hop, or not at all when
 *   they strip `.html`.
 */
import { existsSync, renameSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { missingSiteNotice, settings } from '../content-loader/settings.ts';

export default function hosting(): AstroIntegration {
  return {
    name: 'abi-atlas:hosting',
    hooks: {
      'astro:build:start': ({ logger }) => {
        if (!settings().site) logger.warn(missingSiteNotice());
      },
      'astro:build:done': ({ dir, pages }) => {
        const out = fileURLToPath(dir);
        for (const { pathname } of pages) {
          if (pathname.endsWith('.html/')) exactHtmlName(out, pathname.slice(0, -1));
        }
      },
    },
  };
}

/** Moves `<name>.html/index.html` to `<name>.html` (site-relative `path`, without the base). */
function exactHtmlName(out: string, path: string): void {
  const folder = join(out, path);
  const index = join(folder, 'index.html');
  if (!existsSync(index)) return;
  const moved = `${folder}.tmp`;
  renameSync(index, moved);
  rmdirSync(folder);
  renameSync(moved, folder);
}
