// Lazy loaders for the three search back ends; each is fetched on first use only.
import {
  loadSearchIndex,
  prepareLocalSearch,
  symbolIdMap,
  SYMBOL_IDS_FILE,
  type LocalSearch,
  type SearchIndexData,
  type SymbolIds,
} from '../../../content-loader/search/index.ts';
import { loadResolver, type Resolver, type SerializedResolver } from '../../../content-loader/resolve/index.ts';
import { href } from '../href.ts';

/** The slice of Pagefind's browser API we use (pagefind.js is generated at build time, so it is not bundled). */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: Record<string, unknown>): Promise<PagefindResults | null>;
}
export interface PagefindResults {
  results: PagefindResult[];
}
export interface PagefindResult {
  /** The page hash (see content-loader/search/full-text.ts). */
  id: string;
  score: number;
  /** Positions of the matched words in the page's text. */
  words: number[];
  data(): Promise<PagefindFragment>;
}
export interface PagefindFragment {
  url: string;
  /** The page's indexed text; `locations` index its whitespace-separated words. */
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
}

/**
 * Weights of the metadata Pagefind searches with the text
 * (src/components/SearchFacets.astro): a word of the path counts as much as
 * one of the What in the title; file, Users and Contact less; the text of a
 * description weighs 1.
 */
export const METADATA_WEIGHTS = { title: 8, path: 8, file: 3, users: 2, contact: 2, kernel: 1 } as const;

const once = <T>(load: () => Promise<T>): (() => Promise<T>) => {
  let promise: Promise<T> | undefined;
  return () => {
    promise ??= load().catch((error: unknown) => {
      promise = undefined; // let a later attempt retry
      throw error;
    });
    return promise;
  };
};

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Pagefind, and the map from its page hashes to symbol ids. */
export interface FullTextIndex {
  pagefind: PagefindApi;
  ids: Map<string, number>;
}

export const loadFullText = once(async (): Promise<FullTextIndex> => {
  const url = href('/pagefind/pagefind.js');
  const [pagefind, ids] = await Promise.all([
    import(/* @vite-ignore */ url) as Promise<PagefindApi>,
    fetchJson<SymbolIds>(href(`/pagefind/${SYMBOL_IDS_FILE}`)).then(symbolIdMap),
  ]);
  // Result URLs are written without the base path; baseUrl puts it back.
  await pagefind.options({ baseUrl: href('/'), excerptLength: 22, ranking: { metaWeights: METADATA_WEIGHTS } });
  await pagefind.init();
  return { pagefind, ids };
});

export const loadLocal = once(async (): Promise<LocalSearch> => prepareLocalSearch(loadSearchIndex(await fetchJson<SearchIndexData>(href('/search/index.json')))));

/**
 * A frame later: building the resolver blocks the page for a few hundred
 * milliseconds, so the results the local index already has for a pasted
 * path are painted first. (A timer, not only requestAnimationFrame, which a
 * hidden tab never calls.)
 */
const afterPaint = () => new Promise<void>((resolve) => {
  const done = () => setTimeout(resolve, 0);
  requestAnimationFrame(done);
  setTimeout(resolve, 100);
});

export const loadPathResolver = once(async (): Promise<Resolver> => {
  const data = await fetchJson<SerializedResolver>(href('/search/resolver.json'));
  await afterPaint();
  return loadResolver(data);
});
