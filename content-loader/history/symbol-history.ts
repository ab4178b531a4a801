import type { AbiEntry, AbiTree } from '../types.ts';
import { lineDiff, type DiffLine } from './line-diff.ts';
import { descriptionShown, symbolIndex, type SymbolState } from './symbol-index.ts';

/** A parsed tree with its version label. */
export interface VersionedTree {
  version: string;
  tree: Pick<AbiTree, 'entries'>;
}

/** A level change between two consecutive versions that both have the symbol. */
export interface HistoryMove {
  fromVersion: string;
  toVersion: string;
  from: string;
  to: string;
}

/** A description change between two consecutive versions that both have the symbol. */
export interface HistoryChange {
  fromVersion: string;
  toVersion: string;
  diff: DiffLine[];
}

/** One symbol across the versions of a build. */
export interface SymbolHistory {
  url: string;
  /** The What as last written. */
  what: string;
  firstVersion: string;
  lastVersion: string;
  /** Every version that has the symbol, oldest first, with its level there. */
  present: { version: string; level: string }[];
  moves: HistoryMove[];
  changes: HistoryChange[];
  /** True when the newest tree no longer documents the symbol. */
  gone: boolean;
  /** The defining entries in `lastVersion` (its last text and metadata). */
  lastEntries: AbiEntry[];
}

/**
 * Follows every symbol (by URL) through trees given oldest first. Moves and
 * changes compare each version with the previous one that had the symbol,
 * so a symbol dropped and later restored is compared across the gap.
 */
export function symbolHistory(trees: readonly VersionedTree[]): Map<string, SymbolHistory> {
  return historyFromIndexes(trees.map((t) => ({ version: t.version, index: symbolIndex(t.tree.entries) })));
}

/** `symbolHistory` on indexes already built. */
export function historyFromIndexes(versions: readonly { version: string; index: Map<string, SymbolState> }[]): Map<string, SymbolHistory> {
  const histories = new Map<string, SymbolHistory>();
  const previous = new Map<string, { version: string; state: SymbolState }>();
  for (const { version, index } of versions) {
    for (const [url, state] of index) {
      const prior = previous.get(url);
      let h = histories.get(url);
      if (!h) {
        h = { url, what: state.what, firstVersion: version, lastVersion: version, present: [], moves: [], changes: [], gone: false, lastEntries: [] };
        histories.set(url, h);
      }
      h.what = state.what;
      h.lastVersion = version;
      h.lastEntries = state.entries;
      h.present.push({ version, level: state.level });
      if (prior) {
        if (prior.state.level !== state.level) h.moves.push({ fromVersion: prior.version, toVersion: version, from: prior.state.level, to: state.level });
        if (prior.state.text !== state.text) {
          h.changes.push({ fromVersion: prior.version, toVersion: version, diff: lineDiff(descriptionShown(prior.state.entries), descriptionShown(state.entries)) });
        }
      }
      previous.set(url, { version, state });
    }
  }
  const newest = versions.at(-1)?.version;
  for (const h of histories.values()) h.gone = h.lastVersion !== newest;
  return histories;
}
