import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFiles } from './site-files.ts';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** Where an internal link of a page leads: the file of the site (relative path) and the anchor, or why it leads nowhere. */
export type LinkTarget = { file: string; anchor: string } | { outside: true } | { external: true };

/**
 * Resolves `href` (as written in `page`, a file of the site served at
 * `base`) to the site file it names: `/dir/` is `dir/index.html`.
 */
export function linkTarget(page: string, href: string, base = '/'): LinkTarget {
  const pageUrl = new URL(base + page.replace(/index\.html$/, ''), 'http://site.invalid');
  const url = new URL(decode(href), pageUrl);
  if (url.origin !== pageUrl.origin) return { external: true };
  const path = decodeURI(url.pathname);
  if (!path.startsWith(base)) return { outside: true };
  const rel = path.slice(base.length);
  return { file: rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel, anchor: decodeURIComponent(url.hash.slice(1)) };
}

/** The `href` of every `<a>` of a page, as written. */
export function anchorHrefs(html: string): string[] {
  return [...html.matchAll(/<a\s[^>]*?href="([^"]*)"/g)].map((m) => m[1]!);
}

/**
 * Every internal `href`/`src` of every page of a built site that does not
 * resolve to a file (or to an `id` in it, for anchors), as `page: link`.
 * The site is served at `base`; a link outside it is broken too.
 */
export function brokenLinks(siteDir: string, base = '/'): { checked: number; broken: string[] } {
  const ids = new Map<string, Set<string>>();
  const idsOf = (file: string) => {
    let set = ids.get(file);
    if (!set) {
      set = new Set([...readFileSync(join(siteDir, file), 'utf8').matchAll(/\sid="([^"]*)"/g)].map((m) => decode(m[1]!)));
      ids.set(file, set);
    }
    return set;
  };
  const broken: string[] = [];
  let checked = 0;
  for (const page of siteFiles(siteDir).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(join(siteDir, page), 'utf8');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const target = linkTarget(page, m[1]!, base);
      if ('external' in target) continue;
      checked++;
      if ('outside' in target) {
        broken.push(`${page}: ${m[1]} (outside ${base})`);
        continue;
      }
      if (!existsSync(join(siteDir, target.file))) {
        broken.push(`${page}: ${m[1]}`);
        continue;
      }
      if (target.anchor && target.file.endsWith('.html') && !idsOf(target.file).has(target.anchor)) broken.push(`${page}: ${m[1]} (no #${target.anchor})`);
    }
  }
  return { checked, broken };
}

/**
 * How many clicks each page of a built site is from its home page: a
 * breadth-first walk over the `<a href>`s of its pages, up to `maxDepth`.
 * Pages not reached are absent from the map.
 */
export function clicksFromHome(siteDir: string, maxDepth: number, base = '/'): Map<string, number> {
  const depth = new Map<string, number>([['index.html', 0]]);
  let frontier = ['index.html'];
  for (let d = 1; d <= maxDepth && frontier.length > 0; d++) {
    const next: string[] = [];
    for (const page of frontier) {
      for (const href of anchorHrefs(readFileSync(join(siteDir, page), 'utf8'))) {
        const target = linkTarget(page, href, base);
        if (!('file' in target) || !target.file.endsWith('.html') || depth.has(target.file) || !existsSync(join(siteDir, target.file))) continue;
        depth.set(target.file, d);
        next.push(target.file);
      }
    }
    frontier = next;
  }
  return depth;
}
