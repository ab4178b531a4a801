/**
 * The fuse.js quick-jump over every What, prebuilt at build time
 * (`/search/paths.json`) and loaded in the browser or in Node.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import { LEVELS, type AbiEntry, type Level } from '../types.ts';
import { compareText } from '../shared/compare.ts';

/** One symbol in the quick-jump list. */
export interface QuickSymbol {
  what: string;
  url: string;
  level: Level;
}

/** `/search/paths.json`: symbols as `[what, levelIndex]` (the URL is `whatToUrl(what)`), and the fuse index over `what`. */
export interface QuickJumpData {
  version: 1;
  levels: readonly Level[];
  symbols: [string, number][];
  index: ReturnType<FuseIndex<QuickSymbol>['toJSON']>;
}

export const QUICK_KEYS = ['what'] as const;

/**
 * fuse.js options for the quick-jump. Extended search ANDs the space-separated
 * words of a query, each matched fuzzily ("sys clas net mtu"), and
 * `ignoreLocation` lets a word match anywhere in a long sysfs path.
 */
export const QUICK_OPTIONS: IFuseOptions<QuickSymbol> = {
  keys: [...QUICK_KEYS],
  useExtendedSearch: true,
  ignoreLocation: true,
  threshold: 0.34,
  includeScore: true,
  includeMatches: true,
  minMatchCharLength: 1,
};

/** Every distinct What symbol, sorted, with the level of its first definition. */
export function quickSymbols(entries: readonly AbiEntry[]): QuickSymbol[] {
  const byUrl = new Map<string, QuickSymbol>();
  for (const entry of entries) {
    for (const s of entry.symbols) {
      const url = whatToUrl(s.what);
      if (!byUrl.has(url)) byUrl.set(url, { what: normalizeWhat(s.what), url, level: entry.level });
    }
  }
  return [...byUrl.values()].sort((a, b) => compareText(a.what, b.what));
}

export function buildQuickJump(entries: readonly AbiEntry[]): QuickJumpData {
  const symbols = quickSymbols(entries);
  const index = Fuse.createIndex<QuickSymbol>([...QUICK_KEYS], symbols).toJSON();
  return { version: 1, levels: LEVELS, symbols: symbols.map((s) => [s.what, LEVELS.indexOf(s.level)]), index };
}

/** The searcher over `/search/paths.json`, in the browser or in Node. */
export function loadQuickJump(data: QuickJumpData): Fuse<QuickSymbol> {
  if (data.version !== 1) throw new Error(`unsupported quick-jump data version ${String(data.version)}`);
  const symbols = data.symbols.map(([what, level]) => ({ what, url: whatToUrl(what), level: data.levels[level] ?? 'testing' }));
  return new Fuse(symbols, QUICK_OPTIONS, Fuse.parseIndex<QuickSymbol>(data.index));
}

/**
 * A query as fuse's extended search should see it: path separators become
 * spaces, so "btf/vmlinux" and "sys clas net mtu" are both words to AND,
 * and the operator characters of extended search are dropped.
 */
export function quickQuery(query: string): string {
  return query
    .replace(/[/\s]+/g, ' ')
    .replace(/(^| )[=!'^|]+/g, '$1')
    .replace(/\$( |$)/g, '$1')
    .trim();
}

/** Matches worse than this (0 is perfect, 1 nothing) are noise: "link speed" fuzzily finds "readlink ... seed" at 0.27. */
export const QUICK_MAX_SCORE = 0.2;

/** The quick-jump matches of a query as typed, best first. */
export function quickSearch(fuse: Fuse<QuickSymbol>, query: string, limit = 8): QuickSymbol[] {
  const q = quickQuery(query);
  if (q.length < 2) return [];
  return fuse
    .search(q, { limit })
    .filter((r) => (r.score ?? 1) <= QUICK_MAX_SCORE)
    .map((r) => r.item);
}
