import type { APIRoute } from 'astro';
import { LEVELS } from '../../content-loader/types.ts';
import { NON_PATH_URL } from '../../content-loader/site/site-model.ts';
import { fileToUrl } from '../../content-loader/parse/permalink.ts';
import { loadSite } from '../lib/site.ts';
import { href } from '../lib/href.ts';

/** Every page a reader would land on, in a stable order. */
export const GET: APIRoute = async ({ site: origin }) => {
  const site = await loadSite();
  const urls = new Set<string>(['/', ...LEVELS.map((l) => `/${l}/`), NON_PATH_URL]);
  for (const f of site.files) urls.add(fileToUrl(f.path));
  for (const url of [...site.model.symbols.keys(), ...site.model.tree.keys()]) urls.add(url);
  const locs = [...urls].sort().map((u) => `<url><loc>${escapeXml(new URL(href(u), origin).href)}</loc></url>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${locs.join('\n')}\n</urlset>\n`;
  return new Response(xml, { headers: { 'Content-Type': 'application/xml' } });
};

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
}
