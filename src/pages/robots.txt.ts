import type { APIRoute } from 'astro';
import { absoluteUrl, SITE_ORIGIN } from '../lib/href.ts';

/** Everything may be crawled; the sitemap is named when there is one (it needs SITE). */
export const GET: APIRoute = () => {
  const sitemap = SITE_ORIGIN ? `\nSitemap: ${absoluteUrl('/sitemap.xml')}\n` : '';
  return new Response(`User-agent: *\nAllow: /\n${sitemap}`);
};
