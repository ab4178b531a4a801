// Pinned pages (/v6.1/...) render with the same components as the newest
// pages, whose links are bare; here their links into the version's own pages
// are moved under /v<version>/ (content-loader/site/pin-links.ts), so a
// reader stays in the version. Every other response passes as it is.
import { defineMiddleware } from 'astro:middleware';
import { pinLinks } from '../content-loader/site/pin-links.ts';
import { pinnedPageOf } from './lib/pinned.ts';
import { BASE_URL, siteUrlOf } from './lib/href.ts';

export const onRequest = defineMiddleware(async (context, next) => {
  const response = await next();
  if (!siteUrlOf(context.url.pathname).startsWith('/v') || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  const page = await pinnedPageOf(context.url.pathname);
  if (!page) return response;
  const html = pinLinks(await response.text(), { base: BASE_URL, version: page.version, pages: page.pages });
  return new Response(html, { status: response.status, headers: response.headers });
});
