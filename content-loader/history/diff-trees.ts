import { compareText } from '../shared/compare.ts';
import type { AbiEntry } from '../types.ts';
import { symbolIndex, type SymbolState } from './symbol-index.ts';

/** A symbol present on one side of a diff. */
export interface SymbolRef {
  what: string;
  url: string;
  /** Level label, see `SymbolState.level` ("testing", "stable+testing"). */
  level: string;
}

/** A symbol whose level (set) differs between the two trees. */
export interface LevelMove {
  what: string;
  url: string;
  from: string;
  to: string;
}

/** A symbol whose description text (whitespace aside) differs. */
export interface ChangedSymbol {
  what: string;
  url: string;
}

/** What changed from one tree to another, each list sorted by URL. */
export interface TreeDiff {
  added: SymbolRef[];
  removed: SymbolRef[];
  moved: LevelMove[];
  changed: ChangedSymbol[];
}

/**
 * Compares two trees symbol by symbol. Symbols are matched by URL, which is
 * the normalized What, so `/sys/a/` and `/sys/a` are one symbol. A symbol can
 * be both moved and changed; added and removed symbols are in no other list.
 */
export function diffTrees(before: { entries: readonly AbiEntry[] }, after: { entries: readonly AbiEntry[] }): TreeDiff {
  return diffIndexes(symbolIndex(before.entries), symbolIndex(after.entries));
}

/** `diffTrees` on indexes already built (the site builds each tree's index once). */
export function diffIndexes(before: Map<string, SymbolState>, after: Map<string, SymbolState>): TreeDiff {
  const diff: TreeDiff = { added: [], removed: [], moved: [], changed: [] };
  const ref = (s: SymbolState): SymbolRef => ({ what: s.what, url: s.url, level: s.level });
  for (const [url, now] of after) {
    const was = before.get(url);
    if (!was) {
      diff.added.push(ref(now));
      continue;
    }
    if (was.level !== now.level) diff.moved.push({ what: now.what, url, from: was.level, to: now.level });
    if (was.text !== now.text) diff.changed.push({ what: now.what, url });
  }
  for (const [url, was] of before) if (!after.has(url)) diff.removed.push(ref(was));
  const byUrl = (x: { url: string }, y: { url: string }) => compareText(x.url, y.url);
  diff.added.sort(byUrl);
  diff.removed.sort(byUrl);
  diff.moved.sort(byUrl);
  diff.changed.sort(byUrl);
  return diff;
}
