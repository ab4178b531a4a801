import type { APIRoute } from 'astro';
import { loadSite } from '../../lib/site.ts';
import { buildQuickJump } from '../../../content-loader/search/index.ts';

/** `/search/paths.json`: every What symbol and its prebuilt fuse.js index, fetched on the first quick-jump. */
export const GET: APIRoute = async () => {
  const { entries } = await loadSite();
  const data = buildQuickJump(entries);
  return new Response(JSON.stringify(data), { headers: { 'Content-Type': 'application/json' } });
};
