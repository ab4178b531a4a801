// History across kernel versions for the pages: the trees of ABI_DIRS, each
// parsed once per build, and everything derived from them memoized here.
import { parseTree } from '../../content-loader/parse-tree.ts';
import type { AbiEntry, AbiTree } from '../../content-loader/types.ts';
import { descriptionRenderer } from '../../content-loader/render-entry.ts';
import { versionedDirs, type VersionedDir } from '../../content-loader/history/trees.ts';
import { symbolIndex, type SymbolState } from '../../content-loader/history/symbol-index.ts';
import { diffIndexes, type TreeDiff } from '../../content-loader/history/diff-trees.ts';
import { historyFromIndexes, type SymbolHistory } from '../../content-loader/history/symbol-history.ts';
import { goneFromHistory, type GoneSymbol } from '../../content-loader/history/gone.ts';
import { versionPairs, type VersionPair } from '../../content-loader/history/pairs.ts';
import { feedTime } from '../../content-loader/history/feed-time.ts';
import { sourceUrl } from '../../content-loader/source-url.ts';

export interface SiteHistory {
  /** False with fewer than two trees: no history is shown anywhere. */
  enabled: boolean;
  /** Version labels, oldest first. */
  versions: string[];
  /** The newest tree, parsed (the tree the site documents). */
  newest?: { version: string; tree: AbiTree };
  pairs: VersionPair[];
  histories: Map<string, SymbolHistory>;
  /** The diff of a pair, computed on first use. */
  diff: (pair: VersionPair) => TreeDiff;
  /** The pair the Atom feed follows: the two newest versions. */
  feedPair?: VersionPair;
  /** The feed's `updated` stamp, computed on first use. */
  feedUpdated: () => string;
}

let loaded: SiteHistory | undefined;

/** The history of the trees in ABI_DIRS (paths relative to the project folder, where Astro runs). */
export function loadHistory(): SiteHistory {
  loaded ??= buildHistory(versionedDirs(process.cwd()));
  return loaded;
}

function buildHistory(dirs: VersionedDir[]): SiteHistory {
  const trees = dirs.map((d) => ({ version: d.version, abiDir: d.abiDir, tree: parseTree(d.abiDir) }));
  const indexes = new Map<string, Map<string, SymbolState>>(trees.map((t) => [t.version, symbolIndex(t.tree.entries)]));
  const versions = trees.map((t) => t.version);
  const pairs = versionPairs(versions);
  const diffs = new Map<string, TreeDiff>();
  const last = trees.at(-1);
  let updated: string | undefined;
  return {
    enabled: trees.length >= 2,
    versions,
    ...(last ? { newest: { version: last.version, tree: last.tree } } : {}),
    pairs,
    histories: trees.length >= 2 ? historyFromIndexes(versions.map((version) => ({ version, index: indexes.get(version)! }))) : new Map(),
    diff: (pair) => {
      let d = diffs.get(pair.slug);
      if (!d) diffs.set(pair.slug, (d = diffIndexes(indexes.get(pair.old)!, indexes.get(pair.new)!)));
      return d;
    },
    ...(pairs[versions.length - 2] ? { feedPair: pairs[versions.length - 2]! } : {}),
    feedUpdated: () => (updated ??= last ? feedTime(last.abiDir) : '1970-01-01T00:00:00Z'),
  };
}

/** The history of one symbol URL, or undefined when history is off or the URL is unknown. */
export function historyOf(url: string): SymbolHistory | undefined {
  const h = loadHistory();
  return h.enabled ? h.histories.get(url) : undefined;
}

/**
 * Symbols older trees documented and the newest does not, for pages at their
 * permalinks ("a link never dies"). Empty when history is off.
 */
export function goneSymbols(): GoneSymbol[] {
  const h = loadHistory();
  return h.enabled ? goneFromHistory(h.histories.values()) : [];
}

/** Link to a line of a file in the kernel's git at a version's tag (v6.1). */
export function versionSourceUrl(version: string, file: string, line: number): string {
  return sourceUrl(file, line, `v${version}`, process.env.ABI_SOURCE_URL);
}

let renderer: ((entry: AbiEntry, tree: AbiTree) => { html: string }) | undefined;

/**
 * A gone symbol's last description as safe HTML. Links resolve against the
 * newest tree, so they only point at pages this site has.
 */
export function renderLastDescription(entry: AbiEntry): string {
  const newest = loadHistory().newest;
  if (!newest || entry.description === undefined) return '';
  renderer ??= descriptionRenderer();
  return renderer(entry, newest.tree).html;
}
