import { normalizeWhat } from './permalink.ts';
import type { AbiEntry, Warning } from '../types.ts';

/**
 * An entry with more Whats than this does not list them all on each of its
 * symbol pages (only the nearest, a count and a link to the file page), so
 * the site grows linearly with the Whats of an entry, not with their
 * square. Real trees stay below it (the largest linux-6.12 entry has 76).
 */
export const MAX_WHATS_LISTED = 100;

/** How many of an entry's other Whats a symbol page shows when the entry has more than MAX_WHATS_LISTED. */
export const NEAREST_WHATS = 10;

/** A `many-whats` warning for each entry whose symbol pages show only part of its Whats. */
export function manyWhatsWarnings(entries: AbiEntry[]): Warning[] {
  return entries
    .filter((e) => e.symbols.length > MAX_WHATS_LISTED)
    .map((e) => ({
      kind: 'many-whats',
      file: e.file,
      line: e.line,
      message: `${normalizeWhat(e.symbols[0]!.what)} is one of ${e.symbols.length} Whats of one entry; its symbol pages list the ${NEAREST_WHATS} nearest and link to the file page for the rest`,
    }));
}
