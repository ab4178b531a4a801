// The search's state as it lives in the URL (`/search/?q=link+speed&level=stable&since=..5.10`), so a search can be shared.
// Imports stay small: the dialog's trigger (modal.ts), on every page, uses this module.
import { FILESYSTEMS, type Filesystem } from '../../../content-loader/search/facets.ts';
import { NO_FILTERS, type SearchFilters, type SortOrder } from '../../../content-loader/search/filter-state.ts';
import { LEVELS, type Level } from '../../../content-loader/types.ts';

export interface SearchState extends SearchFilters {
  q: string;
  sort: SortOrder;
}

export const EMPTY_STATE: SearchState = { q: '', ...NO_FILTERS, sort: '' };

/**
 * Reads the URL's query string; unknown values are dropped. `since` is a
 * range `from..to` with either end open (`..5.10`); the older `kernel=5.14`
 * reads as `since=5.14..5.14`.
 */
export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  const [from = '', to = from] = (p.get('since') ?? (p.get('kernel') ? `${p.get('kernel')}..${p.get('kernel')}` : '')).split('..');
  const sort = p.get('sort');
  return {
    q: p.get('q') ?? '',
    level: p.getAll('level').filter((l): l is Level => (LEVELS as readonly string[]).includes(l)),
    fs: p.getAll('fs').filter((f): f is Filesystem => (FILESYSTEMS as readonly string[]).includes(f)),
    since: { from, to },
    under: p.get('under') ?? '',
    sort: sort === 'new' || sort === 'old' ? sort : '',
  };
}

export function stateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const l of s.level) p.append('level', l);
  for (const f of s.fs) p.append('fs', f);
  if (s.since.from || s.since.to) p.set('since', `${s.since.from}..${s.since.to}`);
  if (s.under) p.set('under', s.under);
  if (s.sort) p.set('sort', s.sort);
  const query = p.toString();
  return query ? '?' + query : '';
}
