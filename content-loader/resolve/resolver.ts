/**
 * The path resolver: which entries document a concrete path such as
 * `/sys/class/net/eth0/mtu`? Built once from the entries, then queried; no
 * node: imports, so the browser bundles it too.
 */
import { normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import type { AbiEntry, Level } from '../types.ts';
import { compileWhat, isFailure, type CompileFailure, type CompiledWhat } from './compile-what.ts';
import { byRank } from './rank.ts';
import { classViews } from './views.ts';
import { insert, newNode, walk, type TrieNode, type WalkResult } from './trie.ts';

/** One What symbol as the resolver knows it. */
export interface ResolverSymbol {
  what: string;
  url: string;
  level: Level;
  /** Defining file, relative to the ABI folder ("testing/sysfs-class-net"). */
  file: string;
  line: number;
}

/** A documenting symbol for a path; `exact` when the path is the What string itself. */
export interface ResolveMatch extends ResolverSymbol {
  exact: boolean;
  /** Set when the match is through a symlinked view (`/sys/class/net/eth0/mtu` for a `/sys/devices/...` path). */
  via?: string;
}

/** One ranked result before it is shown. */
export interface Ranked {
  target: Target;
  exact: boolean;
  via?: string;
}

export interface Target {
  symbol: ResolverSymbol;
  compiled: CompiledWhat;
  /** Input order, the last tie-break, so ranking is deterministic. */
  order: number;
}

export interface Resolver {
  root: TrieNode<Target>;
  /** Path Whats by their normalized string, compiled or not, for exact matches. */
  exact: Map<string, Target[]>;
  /** Path Whats whose form could not be compiled. */
  failures: CompileFailure[];
  /** Number of path What symbols compiled into the tree. */
  compiled: number;
  /** Class names some What documents under `/sys/class/`, for symlinked views. */
  classes: Set<string>;
}

/** Builds the resolver from parsed entries or from flat symbols (as `loadResolver` gets them). */
export function buildResolver(source: readonly AbiEntry[] | readonly ResolverSymbol[]): Resolver {
  const resolver: Resolver = { root: newNode<Target>(''), exact: new Map(), failures: [], compiled: 0, classes: new Set() };
  let order = 0;
  for (const symbol of flatten(source)) {
    const compiled = compileWhat(symbol.what);
    if (!compiled) continue;
    if (isFailure(compiled)) {
      resolver.failures.push(compiled);
      // Still findable by its exact string.
      const target: Target = { symbol, compiled: { what: compiled.what, segments: [], literalChars: 0, literalSegments: 0, wildcards: 0 }, order: order++ };
      addExact(resolver, compiled.what, target);
      continue;
    }
    const target: Target = { symbol, compiled, order: order++ };
    insert(resolver.root, compiled, target);
    addExact(resolver, compiled.what, target);
    resolver.compiled++;
    const [first, second, third] = compiled.segments;
    if (first?.kind === 'literal' && first.value === 'sys' && second?.kind === 'literal' && second.value === 'class' && third?.kind === 'literal') {
      resolver.classes.add(third.value);
    }
  }
  return resolver;
}

/** Flat symbols of entries, or the symbols as given. */
export function flatten(source: readonly AbiEntry[] | readonly ResolverSymbol[]): ResolverSymbol[] {
  const out: ResolverSymbol[] = [];
  for (const item of source) {
    if ('symbols' in item) {
      for (const s of item.symbols) out.push({ what: s.what, url: s.url, level: item.level, file: item.file, line: s.line });
    } else out.push(item);
  }
  return out;
}

/**
 * Every symbol documenting `path`, most specific first (an exact What match
 * before any pattern); a `/sys/devices/...` path also gets the matches of its
 * `/sys/class/...` view, marked with `via`.
 */
export function resolve(resolver: Resolver, path: string): ResolveMatch[] {
  return resolveTargets(resolver, path).ranked.map(({ target, exact, via }) => (via ? { ...target.symbol, exact, via } : { ...target.symbol, exact }));
}

/** The walk behind `resolve`, also giving the deepest node for prefix fallbacks. */
export function resolveTargets(resolver: Resolver, path: string): { ranked: Ranked[]; walked: WalkResult<Target> } {
  const query = normalizeQuery(path);
  if (!query.startsWith('/')) return { ranked: [], walked: { matches: new Set() } };
  const segments = querySegments(query);
  const walked = walk(resolver.root, segments);
  const found = new Map<Target, Ranked>();
  for (const target of resolver.exact.get(query) ?? []) found.set(target, { target, exact: true });
  for (const target of walked.matches) if (!found.has(target)) found.set(target, { target, exact: false });
  for (const view of classViews(segments, resolver.classes)) {
    const via = '/' + view.join('/');
    for (const target of walk(resolver.root, view).matches) if (!found.has(target)) found.set(target, { target, exact: false, via });
  }
  return { ranked: [...found.values()].sort(byRank), walked };
}

/** A documented prefix of a path: the What-side text of the deepest tree node the path reaches. */
export interface DocumentedPrefix {
  /** What text of the prefix (`/sys/class/net/<iface>`), whose path-tree page is `url`. */
  prefix: string;
  /** `whatToUrl(prefix)`: the path-tree page of that prefix. */
  url: string;
  /** Number of path segments the prefix covers. */
  depth: number;
  /** The same prefix of the concrete path (`/sys/class/net/eth0`). */
  pathPrefix: string;
}

/**
 * The longest prefix of `path` that is itself a What or a prefix of Whats,
 * matched with wildcards, so `/sys/class/net/eth0/nosuch` gives
 * `/sys/class/net/<iface>`. A bare `...` never counts as a prefix.
 */
export function deepestDocumentedPrefix(resolver: Resolver, path: string): DocumentedPrefix | undefined {
  const query = normalizeQuery(path);
  if (!query.startsWith('/')) return undefined;
  const segments = querySegments(query);
  const deepest = walk(resolver.root, segments).deepest;
  if (!deepest) return undefined;
  return {
    prefix: deepest.node.prefix,
    url: whatToUrl(deepest.node.prefix),
    depth: deepest.depth,
    pathPrefix: '/' + segments.slice(0, deepest.depth).join('/'),
  };
}

export interface MentionOptions {
  /** URLs not to return (e.g. the entry's own symbols, so a description does not link to itself). */
  exclude?: Iterable<string>;
  /** Fewest path segments a prefix fallback must cover (default 2: never just `/sys/`). */
  minPrefixDepth?: number;
}

/**
 * The single best URL for a path mentioned in a description: the exact What,
 * else the best-ranked pattern, else the path-tree page of the deepest
 * documented prefix; undefined when none (or all are excluded).
 */
export function resolveMention(resolver: Resolver, path: string, options: MentionOptions = {}): string | undefined {
  const exclude = new Set(options.exclude ?? []);
  const { ranked, walked } = resolveTargets(resolver, path);
  const best = ranked.find(({ target }) => !exclude.has(target.symbol.url));
  if (best) return best.target.symbol.url;
  if (ranked.length > 0) return undefined; // documented, but only by an excluded symbol: that is the right target
  const deepest = walked.deepest;
  if (!deepest || deepest.depth < (options.minPrefixDepth ?? 2)) return undefined;
  const url = whatToUrl(deepest.node.prefix);
  return exclude.has(url) ? undefined : url;
}

/** A path as typed: trimmed, without a trailing `/`. */
export function normalizeQuery(path: string): string {
  return normalizeWhat(path);
}

function querySegments(query: string): string[] {
  return query.split('/').filter((s) => s !== '');
}

function addExact(resolver: Resolver, what: string, target: Target): void {
  const list = resolver.exact.get(what);
  if (list) list.push(target);
  else resolver.exact.set(what, [target]);
}
