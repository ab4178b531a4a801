import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site.ts';
import { buildSearchIndex } from '../../../content-loader/search/index.ts';

/** `/search/index.json`: every symbol and file for the local stage of search, fetched when a search box is first used. */
export const GET: APIRoute = async () => {
  const { entries, files, version } = await loadSite();
  return new Response(JSON.stringify(buildSearchIndex(entries, files, version)), { headers: { 'Content-Type': 'application/json' } });
};
