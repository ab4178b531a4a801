// /changes/feed.xml: an Atom feed of the newest version pair's changes.
// A route with a parameter only so that a single-tree build has no feed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../../content-loader/history/atom.ts';
import { loadHistory } from '../../lib/history.ts';
import { href } from '../../lib/href.ts';

export const getStaticPaths = (async () => ((await loadHistory()).feedPair ? [{ params: { feed: 'feed' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ site }) => {
  const history = await loadHistory();
  const pair = history.feedPair!;
  // astro.config.mjs always sets `site`; Atom ids and links must be absolute.
  const origin = site ?? new URL('https://abi-atlas.invalid');
  const body = atomFeed({ pair, diff: history.diff(pair), absolute: (path) => new URL(href(path), origin).href, updated: history.feedUpdated() });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
