import { deepestDocumentedPrefix, resolve, type Resolver } from '../resolve/index.ts';
import { quickMatches, type LocalSearch } from '../search/index.ts';

/** A page offered on the 404 page, and why. */
export interface Suggestion {
  what: string;
  url: string;
  why: 'documents this path' | 'closest documented folder' | 'similar name';
}

/**
 * The closest interfaces for a URL that has no page: the entries documenting
 * it when it is a real path (`/sys/class/net/eth0/mtu/`), the deepest
 * documented folder above it, then Whats with similar words (typos,
 * half-remembered permalinks). At most `limit`, each URL once.
 * @example suggestionsFor('/sys/class/net/eth0/mtu/', r, f)[0].what === '/sys/class/net/<iface>/mtu'
 */
export function suggestionsFor(pathname: string, resolver: Resolver, local: LocalSearch, limit = 10): Suggestion[] {
  const path = pathToWhat(pathname);
  const out: Suggestion[] = [];
  const add = (what: string, url: string, why: Suggestion['why']) => {
    if (out.length < limit && !out.some((s) => s.url === url)) out.push({ what, url, why });
  };
  const documenting = resolve(resolver, path).slice(0, 5);
  for (const m of documenting) add(m.what, m.url, 'documents this path');
  const prefix = deepestDocumentedPrefix(resolver, path);
  if (prefix) add(prefix.prefix, prefix.url, 'closest documented folder');
  // Similar names next to what documents the path come first: for eth0/mtu, the other <iface> attributes.
  const folder = documenting[0] && documenting[0].what.slice(0, documenting[0].what.lastIndexOf('/') + 1);
  const similar = quickMatches(local, fuzzyQueryOf(path), limit * 2).map((r) => r.symbol);
  const near = (what: string) => folder !== undefined && what.startsWith(folder) && !what.slice(folder.length).includes('/');
  for (const symbol of [...similar.filter((s) => near(s.what)), ...similar.filter((s) => !near(s.what))]) add(symbol.what, symbol.url, 'similar name');
  return out;
}

/** Path segments and characters per segment the similar-name match looks at: its cost grows with the query, and a typo is in the last names. */
const FUZZY_SEGMENTS = 4;
const FUZZY_SEGMENT_LENGTH = 32;

/**
 * What the fuzzy match gets from a URL path: its last few segments, each
 * cut short, with permalink escapes (`~iface~`, `~~`, `~x20`) read as word
 * breaks. A crafted URL of thousands of characters costs no more than a real one.
 * @example fuzzyQueryOf('/sys/class/net/~iface~/mtux') === 'class/net/ iface /mtux'
 */
export function fuzzyQueryOf(path: string): string {
  return path
    .split('/')
    .slice(-FUZZY_SEGMENTS)
    .map((segment) => segment.slice(0, FUZZY_SEGMENT_LENGTH).replace(/~x[0-9a-f]{2}|~/g, ' '))
    .join('/');
}

/** A URL path as a What-like path: decoded, without the trailing slash or a `/~/` prefix. */
export function pathToWhat(pathname: string): string {
  let path: string;
  try {
    path = decodeURIComponent(pathname);
  } catch {
    path = pathname;
  }
  path = path.replace(/\/+$/, '').replace(/\/index\.html$/, '');
  return path.startsWith('/~/') ? path.slice(3) : path || '/';
}
