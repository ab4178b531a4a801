// The search's state as it lives in the URL (`/search/?q=...&level=stable`), so a search can be shared.
export interface SearchState {
  q: string;
  level: string[];
  fs: string[];
  kernel: string;
  /** '' (relevance), 'new' or 'old' (by KernelVersion). */
  sort: string;
}

export function stateFromUrl(search: string): SearchState {
  const p = new URLSearchParams(search);
  return { q: p.get('q') ?? '', level: p.getAll('level'), fs: p.getAll('fs'), kernel: p.get('kernel') ?? '', sort: p.get('sort') ?? '' };
}

export function stateToQuery(s: SearchState): string {
  const p = new URLSearchParams();
  if (s.q) p.set('q', s.q);
  for (const l of s.level) p.append('level', l);
  for (const f of s.fs) p.append('fs', f);
  if (s.kernel) p.set('kernel', s.kernel);
  if (s.sort) p.set('sort', s.sort);
  const query = p.toString();
  return query ? '?' + query : '';
}
