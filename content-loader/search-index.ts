/**
 * What the search needs from the parsed tree, shared by the build (pages,
 * endpoints, tests) and the browser: facets of a symbol (filesystem,
 * kernel version), the words Pagefind should index for a path, and the
 * prebuilt fuse.js quick-jump index. No node: imports.
 */
import Fuse, { type FuseIndex, type IFuseOptions } from 'fuse.js';
import { normalizeWhat, whatToUrl } from './permalink.ts';
import { LEVELS, type AbiEntry, type Level } from './types.ts';
import { compareText } from './site-model.ts';

export const FILESYSTEMS = ['sysfs', 'procfs', 'debugfs', 'configfs', 'dev', 'other'] as const;
export type Filesystem = (typeof FILESYSTEMS)[number];

/** The filesystem a What lives in (debugfs and configfs mounted under /sys count as themselves). */
export function filesystemOf(what: string): Filesystem {
  const w = normalizeWhat(what);
  const under = (prefix: string) => w === prefix || w.startsWith(prefix + '/');
  if (under('/sys/kernel/debug') || under('/debug') || under('/d')) return 'debugfs';
  if (under('/config') || under('/sys/kernel/config')) return 'configfs';
  if (under('/sys')) return 'sysfs';
  if (under('/proc')) return 'procfs';
  if (under('/dev')) return 'dev';
  return 'other';
}

/** A kernel version read from a free-form KernelVersion field. */
export interface KernelVersion {
  major: number;
  minor: number;
  /** Only kept for the 2.6 series, where the third number is the release. */
  patch?: number;
}

/**
 * The first version number in a KernelVersion field ("v5.14", "2.6.22",
 * "4.01", "since at least 2.6.18", "6.0 (pmem), 6.3 (ram)"); undefined when
 * it has none ("TBD", "not yet upstreamed").
 */
export function parseKernelVersion(raw: string | undefined): KernelVersion | undefined {
  const m = raw ? /(\d+)\.(\d+)(?:\.(\d+))?/.exec(raw) : null;
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 0 || major > 99) return undefined;
  if (major === 2 && minor === 6 && m[3] !== undefined) return { major, minor, patch: Number(m[3]) };
  return { major, minor };
}

/** The filter value of a version: "6.12", "2.6.22". */
export function kernelLabel(v: KernelVersion): string {
  return v.patch === undefined ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

/** A key that sorts versions as text: "006.012.000". Unknown versions sort first ("000.000.000"). */
export function kernelSortKey(v: KernelVersion | undefined): string {
  const pad = (n: number) => String(n).padStart(3, '0');
  return v ? `${pad(v.major)}.${pad(v.minor)}.${pad(v.patch ?? 0)}` : '000.000.000';
}

/** Compares filter labels as versions, newest first. */
export function compareKernelLabels(a: string, b: string): number {
  const key = (s: string) => kernelSortKey(parseKernelVersion(s));
  return compareText(key(b), key(a));
}

/**
 * Words that make a What findable by the pieces people type. Pagefind drops
 * punctuation from a query ("btf/vmlinux" is searched as "btfvmlinux") and
 * matches it as a prefix of an indexed word, and it splits an indexed word
 * at punctuation into parts. So for `/sys/kernel/btf/vmlinux` we index every
 * tail of the path as its own word (`btf/vmlinux`, `kernel/btf/vmlinux`, ...)
 * and every segment (`vmlinux`), and wildcards lose their brackets
 * (`<iface>` -> `iface`).
 */
export function pathWords(what: string): string[] {
  const w = normalizeWhat(what);
  if (!w.startsWith('/')) return [];
  const segments = w
    .slice(1)
    .split('/')
    .map((s) => s.replace(/[<>]/g, ''))
    .filter((s) => s !== '' && s !== '...' && s !== '*');
  const words = new Set<string>();
  for (let i = 0; i < segments.length; i++) {
    words.add(segments.slice(i).join('/'));
    words.add(segments[i]!);
  }
  return [...words];
}

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
  return [...byUrl.values()].sort((a, b) => (a.what < b.what ? -1 : a.what > b.what ? 1 : 0));
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

/** What Pagefind needs of a symbol page: its facets, sort key and path words. */
export interface SearchFacets {
  levels: string[];
  filesystem: Filesystem;
  /** KernelVersion labels ("5.14") of the definitions, oldest first. */
  kernels: string[];
  /** Sort key of the oldest KernelVersion (entries without one sort as oldest). */
  sort: string;
  /** The KernelVersion as written, shown in results. */
  kernelVersion?: string;
  /** Every tail of the path and every segment, as words (see integrations/pagefind.ts). */
  words: string;
}

/** The search facets of a symbol from the entries that define it. */
export function searchFacets(what: string, entries: readonly Pick<AbiEntry, 'level' | 'kernelVersion'>[]): SearchFacets {
  const versions = entries.flatMap((e) => parseKernelVersion(e.kernelVersion) ?? []).sort((a, b) => compareText(kernelSortKey(a), kernelSortKey(b)));
  const kernelVersion = entries.find((e) => e.kernelVersion)?.kernelVersion;
  return {
    levels: [...new Set(entries.map((e) => e.level))],
    filesystem: filesystemOf(what),
    kernels: [...new Set(versions.map(kernelLabel))],
    sort: kernelSortKey(versions[0]),
    ...(kernelVersion ? { kernelVersion } : {}),
    words: pathWords(what).join(' '),
  };
}
