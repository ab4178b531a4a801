// Lazy loaders for the three search back ends; each is fetched on first use only.
import type Fuse from 'fuse.js';
import { loadQuickJump, type QuickJumpData, type QuickSymbol } from '../../../content-loader/search/index.ts';
import { loadResolver, type Resolver, type SerializedResolver } from '../../../content-loader/resolve/index.ts';
import { href } from '../href.ts';


/** The slice of Pagefind's browser API we use (pagefind.js is generated at build time, so it is not bundled). */
export interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null, options?: { filters?: Record<string, unknown>; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResults>;
  filters(): Promise<FilterCounts>;
}
export type FilterCounts = Record<string, Record<string, number>>;
export interface PagefindResults {
  results: { id: string; score: number; data(): Promise<PagefindFragment> }[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}
export interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The page's indexed text; `locations` index its whitespace-separated words. */
  content: string;
  locations: number[];
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

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

export const loadPagefind = once(async (): Promise<PagefindApi> => {
  const url = href('/pagefind/pagefind.js');
  const pagefind = (await import(/* @vite-ignore */ url)) as PagefindApi;
  // Result URLs are written without the base path; baseUrl puts it back.
  await pagefind.options({ baseUrl: href('/'), excerptLength: 22 });
  await pagefind.init();
  // Loads the filter data; without it, results come back with no facet counts.
  await pagefind.filters();
  return pagefind;
});

export const loadQuick = once(async (): Promise<Fuse<QuickSymbol>> => loadQuickJump(await fetchJson<QuickJumpData>(href('/search/paths.json'))));

export const loadPathResolver = once(async (): Promise<Resolver> => loadResolver(await fetchJson<SerializedResolver>(href('/search/resolver.json'))));
