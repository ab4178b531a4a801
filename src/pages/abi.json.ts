import type { APIRoute } from 'astro';
import { getCollection, getEntry } from 'astro:content';
import { toAbiJson } from '../../content-loader/site/abi-json.ts';

/** `dist/abi.json`: the whole parsed tree, in the shape of `abi-atlas parse --json`. */
export const GET: APIRoute = async () => {
  const [entries, files, meta] = await Promise.all([getCollection('entries'), getCollection('files'), getEntry('meta', 'tree')]);
  const json = toAbiJson(
    entries.map((e) => e.data),
    files.map((f) => f.data),
    meta?.data.warnings ?? [],
  );
  return new Response(JSON.stringify(json), { headers: { 'Content-Type': 'application/json' } });
};
