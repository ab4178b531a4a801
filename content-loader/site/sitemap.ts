import { compareText } from '../shared/compare.ts';
import { xml } from '../shared/xml.ts';

/**
 * sitemap.xml for site-relative URLs; `absolute` makes each a full URL (the
 * protocol allows nothing else, so a build without SITE has no sitemap).
 * Duplicates are dropped and the order is fixed, so builds are reproducible.
 */
export function sitemapXml(urls: Iterable<string>, absolute: (url: string) => string): string {
  const locs = [...new Set(urls)].sort(compareText).map((u) => `<url><loc>${xml(absolute(u))}</loc></url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`;
}
