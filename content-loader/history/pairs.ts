/** Two versions compared on a changes page. */
export interface VersionPair {
  old: string;
  new: string;
  /** URL segment: "6.1...6.12", as in git's range syntax. */
  slug: string;
}

/** Consecutive pairs, oldest first, then first...newest when that is not already one of them. */
export function versionPairs(versions: readonly string[]): VersionPair[] {
  const pair = (a: string, b: string): VersionPair => ({ old: a, new: b, slug: `${a}...${b}` });
  const pairs: VersionPair[] = [];
  for (let i = 1; i < versions.length; i++) pairs.push(pair(versions[i - 1]!, versions[i]!));
  if (versions.length > 2) pairs.push(pair(versions[0]!, versions.at(-1)!));
  return pairs;
}
