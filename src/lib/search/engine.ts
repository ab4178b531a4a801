// Runs a query through the back ends and ranks what has answered so far:
// the local stage (path words, file names, Users, Contact) as soon as its
// index is loaded, the path resolver for a query that is a path, then
// Pagefind's full text. Each answer re-ranks the one list.
import { resolve, deepestDocumentedPrefix, type Resolver } from '../../../content-loader/resolve/index.ts';
import { filesystemOf } from '../../../content-loader/search/facets.ts';
import {
  fullTextQuery,
  matchLocal,
  parseQuery,
  rankResults,
  searchFullText,
  signalKey,
  type FullText,
  type LocalSearch,
  type Resolved,
  type SearchIndex,
  type SearchQuery,
  type SearchResult,
} from '../../../content-loader/search/index.ts';
import { normalizeWhat } from '../../../content-loader/parse/permalink.ts';
import { loadFullText, loadLocal, loadPathResolver, type PagefindResult } from './data.ts';

export type SearchMode = 'full' | 'path';

/** What a search shows at one moment. */
export interface SearchRun {
  query: SearchQuery;
  results: SearchResult[];
  /** Pagefind's result per symbol id, for excerpts. */
  hits: Map<number, PagefindResult>;
  /** Every back end the query needs has answered (or failed). */
  complete: boolean;
  /** Back ends that failed to load; the list comes from the others. */
  failed: string[];
  /** The local index the results come from (absent in the path box, which loads none). */
  index?: SearchIndex;
}

export interface RunOptions {
  mode: SearchMode;
  /** Called with the ranked list each time a back end answers. */
  show: (run: SearchRun) => void;
  /** False once a newer query has started: its answers are dropped. */
  current: () => boolean;
  /** Wait before asking Pagefind, so a burst of keystrokes asks once (the local stage answers meanwhile). */
  fullTextDelay?: number;
}

/** Runs `text` through the back ends its mode needs; resolves when all have answered. */
export async function runSearch(text: string, options: RunOptions): Promise<void> {
  const { mode, show, current } = options;
  const query = parseQuery(text);
  const failed: string[] = [];
  let local: LocalSearch | undefined;
  let resolver: Resolver | undefined;
  let fullText: FullText | undefined;
  let hits = new Map<number, PagefindResult>();
  let done = false;

  const emit = () => {
    if (!current()) return;
    if (mode === 'path') {
      show({ query, results: resolver ? pathResults(resolver, query) : [], hits, complete: done, failed });
      return;
    }
    if (!local) {
      if (done) show({ query, results: [], hits, complete: true, failed });
      return;
    }
    const resolved = resolver && query.isPath ? resolvedIn(local, resolver, query) : undefined;
    const matches = matchLocal(local, query);
    show({ query, results: rankResults(local, query, matches, fullText, resolved), hits, complete: done, failed, index: local.index });
  };
  let waiting = 0;
  // Each back end shows what it adds at once, except the last: the complete list follows it straight away.
  const attempt = (name: string, work: Promise<void>) => {
    waiting++;
    return work.then(
      () => {
        if (--waiting > 0) emit();
      },
      (error: unknown) => {
        waiting--;
        failed.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
      },
    );
  };

  const pending: Promise<void>[] = [];
  if (mode === 'full') pending.push(attempt('path index', loadLocal().then((l) => void (local = l))));
  if (query.isPath) pending.push(attempt('path resolver', loadPathResolver().then((r) => void (resolver = r))));
  const words = fullTextQuery(query);
  if (mode === 'full' && words) {
    pending.push(
      attempt(
        'full text',
        (async () => {
          if (options.fullTextDelay) await new Promise((resolve) => setTimeout(resolve, options.fullTextDelay));
          if (!current()) return;
          const { pagefind, ids } = await loadFullText();
          // A query whose words few pages have all is searched again with each word left out (content-loader/search/full-text.ts).
          const found = await searchFullText(async (w) => (await pagefind.search(w))?.results ?? [], ids, query);
          if (!current()) return;
          fullText = found.fullText;
          hits = new Map(found.hits.flatMap((r) => (ids.has(r.id) ? [[ids.get(r.id)!, r] as const] : [])));
        })(),
      ),
    );
  }
  await Promise.all(pending);
  done = true;
  emit();
}

/** The resolver's answer for a path query, as symbol ids of the local index. */
function resolvedIn(local: LocalSearch, resolver: Resolver, query: SearchQuery): Resolved {
  const ids = idsByWhat(local);
  const matches = resolve(resolver, query.text).flatMap((m) => {
    const id = ids.get(normalizeWhat(m.what));
    return id === undefined ? [] : [{ id, exact: m.exact, ...(m.via ? { via: m.via } : {}) }];
  });
  const folder = folderOf(resolver, query);
  return { matches, ...(folder ? { folder } : {}) };
}

const idCache = new WeakMap<LocalSearch, Map<string, number>>();
function idsByWhat(local: LocalSearch): Map<string, number> {
  let map = idCache.get(local);
  if (!map) idCache.set(local, (map = new Map(local.index.symbols.map((s) => [s.what, s.id]))));
  return map;
}

/** The deepest documented folder of a path query; `exact` when the query is that folder. */
function folderOf(resolver: Resolver, query: SearchQuery): Resolved['folder'] {
  const prefix = deepestDocumentedPrefix(resolver, query.text);
  if (!prefix || prefix.depth < 2) return undefined;
  return { path: prefix.prefix, url: prefix.url, exact: normalizeWhat(query.text) === prefix.pathPrefix };
}

/** The home page's path box: the resolver's matches alone, then the folder the path reaches. */
function pathResults(resolver: Resolver, query: SearchQuery): SearchResult[] {
  if (!query.isPath) return [];
  const matches = resolve(resolver, query.text);
  const results: SearchResult[] = matches.map((m, i) => ({
    kind: 'symbol',
    title: m.what,
    reason: 'documents this path',
    key: signalKey({ resolved: m.exact ? 3 : 2, resolvedOrder: -i }),
    ...(m.exact ? { exact: true } : {}),
    ...(m.via ? { via: m.via } : {}),
    symbol: { id: -1, what: m.what, url: m.url, levels: [m.level], filesystem: filesystemOf(m.what), kernelRank: -1, files: [], users: [], contacts: [], position: 0, line: m.line },
  }));
  const folder = folderOf(resolver, query);
  if (folder && !matches.some((m) => normalizeWhat(m.what) === folder.path)) {
    results.push({ kind: 'folder', url: folder.url, title: folder.path, reason: 'folder', key: signalKey({ resolved: 1 }) });
  }
  return results;
}
