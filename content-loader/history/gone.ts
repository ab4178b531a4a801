import { compareText } from '../shared/compare.ts';
import type { AbiEntry } from '../types.ts';
import type { SymbolHistory } from './symbol-history.ts';

/** A symbol an older tree documented and the newest no longer does: its page stays, marked as gone. */
export interface GoneSymbol {
  url: string;
  what: string;
  /** The last version that documented it. */
  lastVersion: string;
  /** Its first defining entry there (its last text and metadata). */
  lastEntry: AbiEntry;
  /** Every defining entry there, for a symbol that was defined more than once. */
  lastEntries: AbiEntry[];
}

/** The gone symbols of a history, by URL: "a link never dies". */
export function goneFromHistory(histories: Iterable<SymbolHistory>): GoneSymbol[] {
  const gone: GoneSymbol[] = [];
  for (const h of histories) {
    if (!h.gone || !h.lastEntries[0]) continue;
    gone.push({ url: h.url, what: h.what, lastVersion: h.lastVersion, lastEntry: h.lastEntries[0], lastEntries: h.lastEntries });
  }
  return gone.sort((a, b) => compareText(a.url, b.url));
}
