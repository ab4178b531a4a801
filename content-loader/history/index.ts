/** History across kernel versions: pure data from parsed trees (feed-time.ts alone reads the disk). */
export { symbolIndex, levelKey, normalizeDescription, descriptionKey, descriptionShown, type SymbolState } from './symbol-index.ts';
export { diffTrees, diffIndexes, type TreeDiff, type SymbolRef, type LevelMove, type ChangedSymbol } from './diff-trees.ts';
export { symbolHistory, historyFromIndexes, type SymbolHistory, type VersionedTree, type HistoryMove, type HistoryChange } from './symbol-history.ts';
export { lineDiff, formatDiff, diffHunks, type DiffLine } from './line-diff.ts';
export { feedTime } from './feed-time.ts';
export { goneFromHistory, type GoneSymbol } from './gone.ts';
export { versionPairs, pairToNewest, type VersionPair } from './pairs.ts';
export { sinceVersion, type SinceVersion } from './since.ts';
export { groupByPrefix, pathPrefix, NOT_PATHS, type PrefixGroup } from './group.ts';
export { atomFeed, feedId, type FeedOptions } from './atom.ts';
