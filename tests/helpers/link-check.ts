import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { siteFiles } from './site-files.ts';

const decode = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

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
    const pageUrl = new URL(base + page.replace(/index\.html$/, ''), 'http://site.invalid');
    for (const m of html.matchAll(/\s(?:href|src)="([^"]*)"/g)) {
      const url = new URL(decode(m[1]!), pageUrl);
      if (url.origin !== pageUrl.origin) continue;
      checked++;
      const path = decodeURI(url.pathname);
      if (!path.startsWith(base)) {
        broken.push(`${page}: ${m[1]} (outside ${base})`);
        continue;
      }
      const rel = path.slice(base.length);
      const file = rel === '' || rel.endsWith('/') ? `${rel}index.html` : rel;
      if (!existsSync(join(siteDir, file))) {
        broken.push(`${page}: ${m[1]}`);
        continue;
      }
      const anchor = decodeURIComponent(url.hash.slice(1));
      if (anchor && file.endsWith('.html') && !idsOf(file).has(anchor)) broken.push(`${page}: ${m[1]} (no #${anchor})`);
    }
  }
  return { checked, broken };
}
