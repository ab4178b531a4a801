/**
 * Pagefind's hits as the ranker reads them: symbol ids with scores. Pagefind
 * names a hit by its page hash; `symbol-ids.json` (written beside the index
 * by integrations/pagefind.ts) maps each symbol of `/search/index.json` to
 * that hash, so no hit's fragment has to be loaded to place it.
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


