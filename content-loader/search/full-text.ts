/**
 * Pagefind's hits as the ranker reads them: symbol ids with scores. Pagefind
 * names a hit by its page hash; `symbol-ids.json` (written beside the index
 * by integrations/pagefind.ts) maps each symbol of `/search/index.json` to
 * that hash, so no hit's fragment has to be loaded to place it.
 *
 * Pagefind finds only pages with every word. A page that has all but one of
 * them in its text and the last one in its path (`power/control` for
 * "runtime pm control": "runtime" in the text, `pm` as `power`) is found by
 * a search that leaves that word out: when the whole query finds few pages,
 * each word is left out once, and the ranker counts the words each page has.
 * No node: imports.
 */
import type { FullText } from './rank.ts';
import { textTokens, type SearchQuery } from './tokens.ts';

export const SYMBOL_IDS_FILE = 'symbol-ids.json';

/** `pagefind/symbol-ids.json`: the page hash of each symbol, in search-index order, less a shared prefix. */
export interface SymbolIds {
  version: 1;
  prefix: string;
  /** '' for a symbol Pagefind did not index. */
  ids: string[];
}

/** Page hash -> symbol id. */
export function symbolIdMap(data: SymbolIds): Map<string, number> {
  if (data.version !== 1) throw new Error(`unsupported symbol-ids version ${String(data.version)}`);
  const map = new Map<string, number>();
  data.ids.forEach((id, i) => {
    if (id) map.set(data.prefix + id, i);
  });
  return map;
}

/** One Pagefind result, as far as ranking needs it. */
export interface PagefindHit {
  id: string;
  score: number;
  /** Positions of the matched words in the page's text (metadata has none). */
  words: readonly number[];
}

/**
 * The full-text part of ranking: the pages Pagefind found with every word,
 * and those whose text has `phraseLength` matched words side by side (the
 * query as a phrase; Pagefind's quoted search also counts metadata, which
 * the path signals already judge).
 */
export function fullTextOf(hits: readonly PagefindHit[], ids: ReadonlyMap<string, number>, phraseLength: number): FullText {
  const scores = new Map<number, number>();
  const phrase = new Set<number>();
  for (const hit of hits) {
    const id = ids.get(hit.id);
    if (id === undefined) continue;
    scores.set(id, hit.score);
    if (phraseLength > 1 && hasRun(hit.words, phraseLength)) phrase.add(id);
  }
  return { scores, phrase };
}

/** Fewer hits than this for the whole query, and each word is also left out once. */
export const FEW_HITS = 20;
/** Longer queries are not relaxed: one more search per word. */
const MAX_RELAXED_WORDS = 4;

/**
 * The searches that leave one word out of a full-text query, for a query of
 * 2 to MAX_RELAXED_WORDS words.
 * @example relaxedQueries('rfkill soft block') // ['soft block', 'rfkill block', 'rfkill soft']
 */
export function relaxedQueries(words: string): string[] {
  const list = words.split(' ').filter(Boolean);
  if (list.length < 2 || list.length > MAX_RELAXED_WORDS) return [];
  return list.map((_, i) => list.filter((_, j) => j !== i).join(' '));
}

/**
 * The full text with the hits of searches for fewer words (relaxedQueries):
 * each page the whole query missed gets the query tokens of the words it
 * was searched with, as bits in `partial` (the ranker's coverage); its score
 * is not comparable and is not kept.
 */
export function withPartialHits(fullText: FullText, query: SearchQuery, searches: readonly { words: string; hits: readonly PagefindHit[] }[], ids: ReadonlyMap<string, number>): FullText {
  const partial = new Map<number, number>();
  for (const { words, hits } of searches) {
    const bits = tokenBits(query, words);
    for (const hit of hits) {
      const id = ids.get(hit.id);
      if (id !== undefined && !fullText.scores.has(id)) partial.set(id, (partial.get(id) ?? 0) | bits);
    }
  }
  return partial.size > 0 ? { ...fullText, partial } : fullText;
}

/** The query tokens of some of its words, as bits of `query.tokens`. */
function tokenBits(query: SearchQuery, words: string): number {
  let bits = 0;
  for (const token of textTokens(words)) {
    const i = query.tokens.indexOf(token);
    if (i >= 0 && i < 31) bits |= 1 << i;
  }
  return bits;
}

/**
 * Runs the full-text part of a query: the whole query through `search`,
 * then, when it finds fewer than FEW_HITS pages, each relaxed query. Returns
 * what the ranker reads and every hit, each page once, the whole query's
 * first (for excerpts).
 */
export async function searchFullText<H extends PagefindHit>(
  search: (words: string) => Promise<readonly H[]>,
  ids: ReadonlyMap<string, number>,
  query: SearchQuery,
): Promise<{ fullText: FullText; hits: H[] }> {
  const words = fullTextQuery(query);
  const whole = words ? await search(words) : [];
  const fullText = fullTextOf(whole, ids, words.split(' ').length);
  if (whole.length >= FEW_HITS) return { fullText, hits: [...whole] };
  const searches = await Promise.all(relaxedQueries(words).map(async (w) => ({ words: w, hits: await search(w) })));
  const seen = new Set(whole.map((h) => h.id));
  const hits = [...whole];
  for (const s of searches) for (const h of s.hits) if (!seen.has(h.id)) (seen.add(h.id), hits.push(h));
  return { fullText: withPartialHits(fullText, query, searches, ids), hits };
}

/** True when `length` consecutive positions are among `positions`. */
function hasRun(positions: readonly number[], length: number): boolean {
  const set = new Set(positions);
  return positions.some((p) => Array.from({ length }, (_, k) => p + k).every((q) => set.has(q)));
}

/**
 * The query as Pagefind should get it: its words (a path's segments are
 * words), without the ones that are only stop words.
 * @example fullTextQuery(parseQuery('offline a cpu')) === 'offline cpu'
 */
export function fullTextQuery(query: SearchQuery): string {
  const kept = query.words.filter((w) => textTokens(w).some((t) => query.tokens.includes(t)));
  return kept.join(' ');
}


