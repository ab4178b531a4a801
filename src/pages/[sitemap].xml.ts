// /sitemap.xml: the pages a reader should land on from a search engine (the
// newest pages, gone interfaces, changes, search, health). Pinned pages are
// left out: their canonical link names the newest page. A route with a
// parameter only so that a build without SITE has none (it needs absolute URLs).
import type { APIRoute, GetStaticPaths } from 'astro';
import { versionPageUrls } from '../../content-loader/site/version-pages.ts';
import { sitemapXml } from '../../content-loader/site/sitemap.ts';
import { loadSite } from '../lib/site.ts';
import { loadHistory } from '../lib/history.ts';
import { absoluteUrl, SITE_ORIGIN } from '../lib/href.ts';

export const getStaticPaths = (() => (SITE_ORIGIN ? [{ params: { sitemap: 'sitemap' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const [site, history] = await Promise.all([loadSite(), loadHistory()]);
  const changes = history.enabled ? ['/changes/', ...history.pairs.map((p) => `/changes/${p.slug}/`)] : [];
  const urls = [...versionPageUrls(site.files, site.model), ...history.gone.map((g) => g.url), ...changes, '/search/', '/health/'];
  return new Response(sitemapXml(urls, absoluteUrl), { headers: { 'Content-Type': 'application/xml' } });
};
