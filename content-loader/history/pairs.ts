/** Two versions compared on a changes page. */
export interface VersionPair {
  old: string;
  new: string;
  /** URL segment: "6.1...6.12", as in git's range syntax. */
  slug: string;
}

/**
 * Consecutive pairs, oldest first, then every older version with the newest
 * (oldest first) where that is not already one of them: what changed between
 * two releases, and what changed since any release up to now (a pinned
 * page's banner links there).
 * @example versionPairs(['5.15', '6.1', '6.6', '6.12']).map((p) => p.slug) // ['5.15...6.1', '6.1...6.6', '6.6...6.12', '5.15...6.12', '6.1...6.12']
 */
export function versionPairs(versions: readonly string[]): VersionPair[] {
  const pair = (a: string, b: string): VersionPair => ({ old: a, new: b, slug: `${a}...${b}` });
  const pairs: VersionPair[] = [];
  for (let i = 1; i < versions.length; i++) pairs.push(pair(versions[i - 1]!, versions[i]!));
  const newest = versions.at(-1)!;
  for (const v of versions.slice(0, -2)) pairs.push(pair(v, newest));
  return pairs;
}

/** The pair comparing `version` with the newest, when there is one. */
export function pairToNewest(pairs: readonly VersionPair[], version: string, newest: string): VersionPair | undefined {
  return pairs.find((p) => p.old === version && p.new === newest);
}
