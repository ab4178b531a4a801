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
  for (const m of resolve(resolver, path).slice(0, 5)) add(m.what, m.url, 'documents this path');
  const prefix = deepestDocumentedPrefix(resolver, path);
  if (prefix) add(prefix.prefix, prefix.url, 'closest documented folder');
  // Permalink escapes (~iface~, ~~, ~x20) read as word breaks for the fuzzy match.
  for (const { symbol } of quickMatches(local, path.replace(/~x[0-9a-f]{2}|~/g, ' '), limit)) add(symbol.what, symbol.url, 'similar name');
  return out;
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
