/**
 * The path resolver: which entries document a concrete path such as
 * `/sys/class/net/eth0/mtu`? Built once from the entries, then queried; no
 * node: imports, so the browser bundles it too.
 */
import { normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import type { AbiEntry, Level } from '../types.ts';
import { compileWhat, isFailure, type CompileFailure, type CompiledWhat } from './compile-what.ts';
import { byRank } from './rank.ts';
import { classViewSplits } from './views.ts';
import { concreteInput, insert, newNode, walk, type TrieNode, type WalkInput, type WalkResult } from './trie.ts';
import type { WorkMeter } from './segment-nfa.ts';

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
      const target: Target = { symbol, compiled: { what: compiled.what, segments: [], literalChars: 0, literalSegments: 0, wildcards: 0, breadth: 0 }, order: order++ };
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

/** Longest path the walk takes (Linux's PATH_MAX): anything longer is no real path, and only an exact What can match it. */
export const MAX_PATH_LENGTH = 4096;

/** Options for the queries below. */
export interface QueryOptions {
  /** Adds the work done (automaton and tree states), for tests and benches that bound it. */
  meter?: WorkMeter;
}

/**
 * Every symbol documenting `path`, most specific first (an exact What match
 * before any pattern); a `/sys/devices/...` path also gets the matches of its
 * `/sys/class/...` view, marked with `via`.
 */
export function resolve(resolver: Resolver, path: string, options: QueryOptions = {}): ResolveMatch[] {
  return resolveTargets(resolver, path, options).ranked.map(({ target, exact, via }) => (via ? { ...target.symbol, exact, via } : { ...target.symbol, exact }));
}

/** The walk behind `resolve`, also giving the deepest documented folder. */
export function resolveTargets(resolver: Resolver, path: string, options: QueryOptions = {}): { ranked: Ranked[]; walked: WalkResult<Target> } {
  const query = normalizeQuery(path);
  if (!query.startsWith('/')) return { ranked: [], walked: { matches: new Set() } };
  const exact = resolver.exact.get(query) ?? [];
  if (query.length > MAX_PATH_LENGTH) return { ranked: rankFound(exact, { matches: new Set() }, []), walked: { matches: new Set() } };
  return rankWalk(resolver, exact, concreteInput(querySegments(query)), options.meter);
}

/**
 * Walks `input` and its symlinked views; ranks what matches, after the
 * `exact` targets (the What written as the query). Shared by concrete paths
 * and mentions written as patterns.
 */
export function rankWalk(resolver: Resolver, exact: readonly Target[], input: WalkInput, meter?: WorkMeter): { ranked: Ranked[]; walked: WalkResult<Target> } {
  const walked = walk(resolver.root, input, meter);
  const views: { via: string; matches: Set<Target> }[] = [];
  const names = input.segments.map((s) => (s.kind === 'concrete' ? s.text : ''));
  for (const { head, from } of classViewSplits(names, resolver.classes)) {
    const view: WalkInput = { ...input, segments: [...concreteInput(head).segments, ...input.segments.slice(from)] };
    views.push({ via: '/' + view.segments.map((s) => s.text).join('/'), matches: walk(resolver.root, view, meter).matches });
  }
  return { ranked: rankFound(exact, walked, views), walked };
}

function rankFound(exact: readonly Target[], walked: WalkResult<Target>, views: readonly { via: string; matches: Set<Target> }[]): Ranked[] {
  const found = new Map<Target, Ranked>();
  for (const target of exact) found.set(target, { target, exact: true });
  for (const target of walked.matches) if (!found.has(target)) found.set(target, { target, exact: false });
  for (const { via, matches } of views) for (const target of matches) if (!found.has(target)) found.set(target, { target, exact: false, via });
  return [...found.values()].sort(byRank);
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
 * `/sys/class/net/<iface>`. Only folders the path surely lies in count (see
 * `walk`): `/proc/meminfo` is not in the process folder `/proc/*`, and a
 * bare `...` is no folder at all.
 */
export function deepestDocumentedPrefix(resolver: Resolver, path: string, options: QueryOptions = {}): DocumentedPrefix | undefined {
  const query = normalizeQuery(path);
  if (!query.startsWith('/') || query.length > MAX_PATH_LENGTH) return undefined;
  const segments = querySegments(query);
  const deepest = walk(resolver.root, concreteInput(segments), options.meter).deepest;
  if (!deepest) return undefined;
  return {
    prefix: deepest.node.prefix,
    url: whatToUrl(deepest.node.prefix),
    depth: deepest.depth,
    pathPrefix: '/' + segments.slice(0, deepest.depth).join('/'),
  };
}

/** A path as typed: trimmed, without a trailing `/`. */
export function normalizeQuery(path: string): string {
  return normalizeWhat(path);
}

export function querySegments(query: string): string[] {
  return query.split('/').filter((s) => s !== '');
}

function addExact(resolver: Resolver, what: string, target: Target): void {
  const list = resolver.exact.get(what);
  if (list) list.push(target);
  else resolver.exact.set(what, [target]);
}
