import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site.ts';
import { serializeResolver } from '../../../content-loader/resolve/index.ts';

/** `/search/resolver.json`: the path resolver's data (`loadResolver` in the browser), fetched on the first path lookup. */
export const GET: APIRoute = async () => {
  const { entries } = await loadSite();
  const data = serializeResolver(entries);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
