/**
 * `pagefind/symbol-ids.json`: which Pagefind result is which symbol, so the
 * browser ranks full-text hits without loading a fragment per hit (a hit's
 * `data()` is a fetch; a query can have hundreds of hits).
 *
 * The ids are read through Pagefind's documented browser API, run here in
 * Node over the bundle just written: `search(null)` lists every indexed
 * page, each result's `id` is what a search in the browser returns, and its
 * `data().url` names the page. Nothing depends on how Pagefind lays out or
 * compresses its files. Pagefind's script fetches its files; during this
 * one call `fetch` reads `file:` URLs from disk (others pass through).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { whatToUrl } from '../content-loader/parse/permalink.ts';
import type { SearchIndexData, SymbolIds } from '../content-loader/search/index.ts';

/** The part of Pagefind's browser API used in Node (the generated pagefind.js). */
export interface PagefindScript {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(term: string | null): Promise<{ results: PagefindScriptResult[] } | null>;
  destroy?(): Promise<void>;
}
export interface PagefindScriptResult {
  id: string;
  data(): Promise<{ url: string; content: string; meta: Record<string, string | undefined> }>;
}

let loads = 0;

/**
 * Runs `use` with the Pagefind bundle in `outputPath` loaded through its
 * browser script, result URLs site-relative (`/sys/...`); `options` are
 * Pagefind's (ranking weights, as the site sets them).
 */
export async function withPagefind<T>(outputPath: string, use: (pagefind: PagefindScript) => Promise<T>, options: Record<string, unknown> = {}): Promise<T> {
  const base = pathToFileURL(join(outputPath, '/')).href;
  const realFetch = globalThis.fetch;
  globalThis.fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input), base);
    if (url.protocol !== 'file:') return realFetch(input, init);
    // Read at once: thousands of small fragment files cost far less read synchronously.
    return new Response(new Uint8Array(readFileSync(fileURLToPath(url))));
  };
  try {
    // A fresh module per call: pagefind.js keeps its loaded index in module state.
    const pagefind = (await import(`${base}pagefind.js?load=${++loads}`)) as PagefindScript;
    await pagefind.options({ ...options, basePath: base, baseUrl: '/' });
    await pagefind.init();
    try {
      return await use(pagefind);
    } finally {
      await pagefind.destroy?.();
    }
  } finally {
    globalThis.fetch = realFetch;
  }
}

/**
 * Page URL (site-relative, as in `whatToUrl`) -> Pagefind result id, for
 * every page of the bundle in `outputPath`. A result id names its page's
 * fragment by a digest of its content (the URL included), so an id met in
 * an earlier build (`known`, id -> URL) is the same page: only new ids need
 * their fragment's URL. The ids always come from Pagefind's API; a URL is
 * read from the fragment file the script would fetch when it is laid out as
 * the script reads it, else through the API (`data()`, which inflates in
 * JavaScript: 1.4 s for the 5920 pages of linux-6.12, 0.1 s read here).
 */
export function pagefindIds(outputPath: string, known: ReadonlyMap<string, string> = new Map()): Promise<Map<string, string>> {
  return withPagefind(outputPath, async (pagefind) => {
    const results = (await pagefind.search(null))?.results ?? [];
    const urlOf = async (r: PagefindScriptResult) => known.get(r.id) ?? fragmentUrl(outputPath, r.id) ?? (await r.data()).url;
    return new Map(await Promise.all(results.map(async (r) => [await urlOf(r), r.id] as const)));
  });
}

// What a decompressed fragment starts with (pagefind.js checks the same before parsing it).
const FRAGMENT_SIGNATURE = 'pagefind_dcd';

/** The URL in result `id`'s own fragment file (`fragment/<id>.pf_fragment`), or undefined when it is not there as expected. */
function fragmentUrl(outputPath: string, id: string): string | undefined {
  try {
    const text = gunzipSync(readFileSync(join(outputPath, 'fragment', `${id}.pf_fragment`))).toString('utf8');
    if (!text.startsWith(FRAGMENT_SIGNATURE)) return undefined;
    const { url } = JSON.parse(text.slice(FRAGMENT_SIGNATURE.length)) as { url?: unknown };
    return typeof url === 'string' ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The id of each symbol of the search index, in its order, without the prefix they all share ("en_"). */
export function symbolIds(data: SearchIndexData, ids: ReadonlyMap<string, string>): SymbolIds {
  const list = data.symbols.map(([what]) => ids.get(whatToUrl(what)) ?? '');
  const found = list.filter(Boolean);
  let prefix = found[0] ?? '';
  for (const id of found) while (!id.startsWith(prefix)) prefix = prefix.slice(0, -1);
  return { version: 1, prefix, ids: list.map((id) => id.slice(prefix.length)) };
}
