/**
 * The local stage alone, for places that cannot wait for the full text:
 * the 404 page's "similar name" suggestions and the benches.
 */
import { matchLocal, type LocalSearch } from './local-search.ts';
import { rankResults, type SymbolResult } from './rank.ts';
import { parseQuery } from './tokens.ts';

/**
 * The best symbols for a query from path words, file names, Users and
 * Contact (typos included), best first.
 * @example quickMatches(local, 'btf vmlnux')[0].symbol.what === '/sys/kernel/btf/vmlinux'
 */
export function quickMatches(local: LocalSearch, text: string, limit = 8): SymbolResult[] {
  const query = parseQuery(text);
  return rankResults(local, query, matchLocal(local, query))
    .filter((r): r is SymbolResult => r.kind === 'symbol')
    .slice(0, limit);
}
