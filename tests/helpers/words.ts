/**
 * The words of `text`: runs of letters and digits. Punctuation may change
 * legitimately between renderings (`::` -> `:`, underlines dropped, quotes
 * made typographic), the words may not.
 * @example wordList("it's /sys/foo_bar") // ['it', 's', 'sys', 'foo', 'bar']
 */
export function wordList(text: string): string[] {
  return text.match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** `wordList` as a multiset. */
export function wordCounts(text: string): Map<string, number> {
  return countOf(wordList(text));
}

/** Words as a multiset. */
export function countOf(words: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const word of words) counts.set(word, (counts.get(word) ?? 0) + 1);
  return counts;
}

/** The words of `a` that `b` lacks, with multiplicity, in `a`'s order of first appearance. */
export function wordsLacking(a: Map<string, number>, b: Map<string, number>): string[] {
  const out: string[] = [];
  for (const [word, n] of a) for (let i = b.get(word) ?? 0; i < n; i++) out.push(word);
  return out;
}
