import type { APIRoute } from 'astro';
import { href } from '../lib/href.ts';

export const GET: APIRoute = ({ site }) => {
  const sitemap = new URL(href('/sitemap.xml'), site).href;
  return new Response(`User-agent: *\nAllow: /\n\nSitemap: ${sitemap}\n`);
};
