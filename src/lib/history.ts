// History across kernel versions for the pages, from the collections: the
// older trees of ABI_DIRS as the loader stored them (parsed once, cached
// across builds), the newest as the site's own, so history follows edits in
// `npm run dev`.
import type { AbiEntry, AbiTree } from '../../content-loader/types.ts';
import { descriptionRenderer } from '../../content-loader/describe/render-entry.ts';
import { versionedDirs, type VersionedDir } from '../../content-loader/tree-source/versioned-dirs.ts';
import { symbolIndex, type SymbolState } from '../../content-loader/history/symbol-index.ts';
import { diffIndexes, type TreeDiff } from '../../content-loader/history/diff-trees.ts';
import { historyFromIndexes, type SymbolHistory } from '../../content-loader/history/symbol-history.ts';
import { goneFromHistory, type GoneSymbol } from '../../content-loader/history/gone.ts';
import { versionPairs, type VersionPair } from '../../content-loader/history/pairs.ts';
import { feedTime } from '../../content-loader/history/feed-time.ts';
import { sourceUrl } from '../../content-loader/site/source-url.ts';
import { settings } from '../../content-loader/settings.ts';
import { loadSite, loadVersionSite, type Site } from './site.ts';
import { BASE_URL } from './href.ts';

export interface SiteHistory {
  /** False with fewer than two trees: no history is shown anywhere. */
  enabled: boolean;
  /** Version labels, oldest first. */
  versions: string[];
  /** The newest tree (the tree the site documents), as the collections hold it. */
  newest?: { version: string; tree: AbiTree };
  pairs: VersionPair[];
  histories: Map<string, SymbolHistory>;
  /** The diff of a pair, computed on first use. */
  diff: (pair: VersionPair) => TreeDiff;
  /** The pair the Atom feed follows: the two newest versions. */
  feedPair?: VersionPair;
  /** The feed's `updated` stamp, computed on first use. */
  feedUpdated: () => string;
  /** Symbols older trees documented and the newest does not (pages at their permalinks). */
  gone: GoneSymbol[];
}

let loaded: { sites: Site[]; value: SiteHistory } | undefined;
let dirs: VersionedDir[] | undefined;

/** The trees of ABI_DIRS (or ABI_VERSIONS), oldest first, read once per process. */
export function historyDirs(): VersionedDir[] {
  // Paths are relative to the project folder, where Astro runs.
  dirs ??= versionedDirs(process.cwd());
  return dirs;
}

/** The history of the trees in ABI_DIRS, built again only when a version's site changed (live edits in dev). */
export async function loadHistory(): Promise<SiteHistory> {
  const all = historyDirs();
  const sites = await Promise.all([...all.slice(0, -1).map((d) => loadVersionSite(d.version)), loadSite()]);
  if (!loaded || !sameSites(loaded.sites, sites)) loaded = { sites, value: buildHistory(all, sites.slice(0, -1), sites.at(-1)!) };
  return loaded.value;
}

/**
 * True when two lists hold the same sites: the same objects during a build
 * (each version is loaded once), equal digests after a reload in dev.
 */
export function sameSites(a: readonly Site[], b: readonly Site[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i] || s.digest === b[i]!.digest);
}

/**
 * The site of one version of the build: the newest is the site itself, an
 * older one its pinned pages' data.
 */
export async function loadVersion(version: string): Promise<Site> {
  return version === historyDirs().at(-1)?.version ? loadSite() : loadVersionSite(version);
}

function buildHistory(dirs: VersionedDir[], older: Site[], site: Site): SiteHistory {
  const last = dirs.at(-1);
  const asTree = (s: Site): AbiTree => ({ files: s.files, entries: s.entries, warnings: [] });
  const newest = last && { version: last.version, tree: asTree(site) };
  const trees = newest ? [...older.map((s) => ({ version: s.version!, tree: asTree(s) })), newest] : [];
  const indexes = new Map<string, Map<string, SymbolState>>(trees.map((t) => [t.version, symbolIndex(t.tree.entries)]));
  const versions = trees.map((t) => t.version);
  const pairs = versionPairs(versions);
  const diffs = new Map<string, TreeDiff>();
  const enabled = trees.length >= 2;
  const histories = enabled ? historyFromIndexes(versions.map((version) => ({ version, index: indexes.get(version)! }))) : new Map<string, SymbolHistory>();
  let updated: string | undefined;
  return {
    enabled,
    versions,
    ...(newest ? { newest } : {}),
    pairs,
    histories,
    diff: (pair) => {
      let d = diffs.get(pair.slug);
      if (!d) diffs.set(pair.slug, (d = diffIndexes(indexes.get(pair.old)!, indexes.get(pair.new)!)));
      return d;
    },
    ...(pairs[versions.length - 2] ? { feedPair: pairs[versions.length - 2]! } : {}),
    feedUpdated: () => (updated ??= last ? feedTime(last.abiDir, { SOURCE_DATE_EPOCH: settings().sourceDateEpoch?.toString() }) : '1970-01-01T00:00:00Z'),
    gone: enabled ? goneFromHistory(histories.values()) : [],
  };
}

/** The history of one symbol URL, or undefined when history is off or the URL is unknown. */
export async function historyOf(url: string): Promise<SymbolHistory | undefined> {
  const h = await loadHistory();
  return h.enabled ? h.histories.get(url) : undefined;
}

/** Link to a line of a file in the kernel's git at a version's tag (v6.1). */
export function versionSourceUrl(version: string, file: string, line: number): string {
  return sourceUrl(file, line, `v${version}`, settings().sourceUrl);
}

let renderer: ((entry: AbiEntry, tree: AbiTree) => { html: string }) | undefined;

/**
 * A gone symbol's last description as safe HTML. Links resolve against the
 * newest tree, so they only point at pages this site has, under the base path.
 */
export async function renderLastDescription(entry: AbiEntry): Promise<string> {
  const newest = (await loadHistory()).newest;
  if (!newest || entry.description === undefined) return '';
  renderer ??= descriptionRenderer({ base: BASE_URL });
  return renderer(entry, newest.tree).html;
}
