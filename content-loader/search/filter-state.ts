/** The filters a search can have, as plain data (no imports, so the dialog trigger stays small). */
import type { Level } from '../types.ts';
import type { Filesystem } from './facets.ts';

export interface SearchFilters {
  level: Level[];
  fs: Filesystem[];
  /** KernelVersion labels bounding "documented since", inclusive; '' leaves that end open. */
  since: { from: string; to: string };
  /** Only What paths at or below this one (`/sys/class/net`); '' for anywhere. */
  under: string;
}

export const NO_FILTERS: SearchFilters = { level: [], fs: [], since: { from: '', to: '' }, under: '' };

/** '' ranks; 'new' and 'old' order by "documented since". */
export type SortOrder = '' | 'new' | 'old';

export function hasFilters(f: SearchFilters): boolean {
  return f.level.length > 0 || f.fs.length > 0 || f.since.from !== '' || f.since.to !== '' || f.under !== '';
}
