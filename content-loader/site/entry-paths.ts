import { MAX_WHATS_LISTED, NEAREST_WHATS } from '../parse/limits.ts';
import type { AbiSymbol } from '../types.ts';

/** One What in an entry's list of paths. */
export interface ListedPath {
  what: string;
  url: string;
  /** The What of the page showing the list (marked, not linked). */
  current: boolean;
}

/** The Whats an entry card lists under "This entry documents N paths". */
export interface EntryPaths {
  total: number;
  shown: ListedPath[];
  /** False when only the Whats nearest the page's own are shown; the file page has them all. */
  complete: boolean;
}

/**
 * An entry's Whats in file order, for its card: all of them on the file page
 * (`current` undefined) and on symbol pages of entries up to
 * MAX_WHATS_LISTED Whats; otherwise the page's own What and the
 * NEAREST_WHATS around it, so no symbol page repeats a list as long as the
 * entry.
 * @example entryPaths(twentyThousand, '/sys/many/attr_00500/').shown.length === 11
 */
export function entryPaths(symbols: AbiSymbol[], current?: string): EntryPaths {
  const listed = (s: AbiSymbol): ListedPath => ({ what: s.what, url: s.url, current: s.url === current });
  const total = symbols.length;
  if (current === undefined || total <= MAX_WHATS_LISTED) return { total, shown: symbols.map(listed), complete: true };
  const at = Math.max(0, symbols.findIndex((s) => s.url === current));
  const start = Math.max(0, Math.min(at - NEAREST_WHATS / 2, total - NEAREST_WHATS - 1));
  return { total, shown: symbols.slice(start, start + NEAREST_WHATS + 1).map(listed), complete: false };
}
