/**
 * Filters over the one ranked list, and their counts. They run on the
 * merged results (path, name, text alike), so a count is the number of
 * results the reader would see with that value chosen, whether or not the
 * full text found anything. No node: imports.
 */
import { normalizeWhat } from '../parse/permalink.ts';
import { LEVELS, type Level } from '../types.ts';
import { FILESYSTEMS, filesystemOf, type Filesystem } from './facets.ts';
import { compareResults, signalKey, type SearchResult } from './rank.ts';
import type { SearchIndex } from './search-index.ts';
import type { SearchFilters, SortOrder } from './filter-state.ts';

export type Facet = 'level' | 'fs' | 'since' | 'under';

export interface FacetCounts {
  level: Record<Level, number>;
  fs: Record<Filesystem, number>;
  /** Per kernel of `SearchIndex.kernels` (oldest first): results documented since exactly that release. */
  since: number[];
  /** Results with no released KernelVersion (they leave the list when a range is set). */
  sinceUnknown: number;
}

/** True when a result passes every filter but `skip`. */
export function passes(result: SearchResult, f: SearchFilters, index: SearchIndex, skip?: Facet): boolean {
  const levels: readonly Level[] = result.kind === 'symbol' ? result.symbol.levels : result.kind === 'file' ? [result.file.level] : [];
  const what = result.kind === 'file' ? undefined : result.title;
  if (skip !== 'level' && f.level.length > 0 && !levels.some((l) => f.level.includes(l))) return false;
  if (skip !== 'fs' && f.fs.length > 0 && !(what !== undefined && f.fs.includes(filesystemOf(what)))) return false;
  if (skip !== 'under' && f.under !== '' && !(what !== undefined && isUnder(what, f.under))) return false;
  if (skip !== 'since' && (f.since.from !== '' || f.since.to !== '')) {
    const rank = result.kind === 'symbol' ? result.symbol.kernelRank : -1;
    if (rank < 0) return false;
    const from = f.since.from === '' ? 0 : index.kernels.indexOf(f.since.from);
    const to = f.since.to === '' ? index.kernels.length - 1 : index.kernels.indexOf(f.since.to);
    if (from < 0 || to < 0 || rank < from || rank > to) return false;
  }
  return true;
}

/**
 * True when What `what` is `path` or below it, segment-wise.
 * @example isUnder('/sys/class/net/<iface>/mtu', '/sys/class/net/') === true
 */
export function isUnder(what: string, path: string): boolean {
  const p = normalizeWhat(path);
  const w = normalizeWhat(what);
  return p === '/' || w === p || w.startsWith(p + '/');
}

/** The results that pass, and for each facet the counts under the other facets. */
export function applyFilters(results: readonly SearchResult[], f: SearchFilters, index: SearchIndex): { shown: SearchResult[]; counts: FacetCounts } {
  const counts: FacetCounts = {
    level: Object.fromEntries(LEVELS.map((l) => [l, 0])) as Record<Level, number>,
    fs: Object.fromEntries(FILESYSTEMS.map((x) => [x, 0])) as Record<Filesystem, number>,
    since: index.kernels.map(() => 0),
    sinceUnknown: 0,
  };
  const shown: SearchResult[] = [];
  for (const r of results) {
    if (passes(r, f, index)) shown.push(r);
    if (passes(r, f, index, 'level')) {
      const levels = r.kind === 'symbol' ? r.symbol.levels : r.kind === 'file' ? [r.file.level] : [];
      for (const l of levels) counts.level[l]++;
    }
    if (r.kind !== 'file' && passes(r, f, index, 'fs')) counts.fs[filesystemOf(r.title)]++;
    if (passes(r, f, index, 'since')) {
      const rank = r.kind === 'symbol' ? r.symbol.kernelRank : -1;
      if (rank >= 0) counts.since[rank]!++;
      else counts.sinceUnknown++;
    }
  }
  return { shown, counts };
}

/** Results in the chosen order: as ranked, or by "documented since" (unknown last), ranking breaking ties. */
export function sortResults(results: readonly SearchResult[], order: SortOrder): SearchResult[] {
  if (order === '') return [...results];
  const rank = (r: SearchResult) => (r.kind === 'symbol' ? r.symbol.kernelRank : -1);
  return [...results].sort((a, b) => {
    const ra = rank(a);
    const rb = rank(b);
    if (ra !== rb) return ra < 0 ? 1 : rb < 0 ? -1 : order === 'new' ? rb - ra : ra - rb;
    return compareResults(a, b);
  });
}

/** Every symbol, for filters without a query: stablest level first, then by What. */
export function browseResults(index: SearchIndex): SearchResult[] {
  return index.symbols
    .map((symbol): SearchResult => ({ kind: 'symbol', symbol, title: symbol.what, reason: 'path', key: signalKey({ stability: -LEVELS.indexOf(symbol.levels[0] ?? 'removed') }) }))
    .sort(compareResults);
}
