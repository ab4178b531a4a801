// /changes/feed.xml: an Atom feed of the newest version pair's changes.
// A route with a parameter only so that a single-tree build has no feed.
import type { APIRoute, GetStaticPaths } from 'astro';
import { atomFeed } from '../../../content-loader/history/atom.ts';
import { loadHistory } from '../../lib/history.ts';
import { absoluteUrl } from '../../lib/href.ts';

export const getStaticPaths = (async () => ((await loadHistory()).feedPair ? [{ params: { feed: 'feed' } }] : [])) satisfies GetStaticPaths;

export const GET: APIRoute = async () => {
  const history = await loadHistory();
  const pair = history.feedPair!;
  const body = atomFeed({ pair, diff: history.diff(pair), link: absoluteUrl, updated: history.feedUpdated() });
  return new Response(body, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
