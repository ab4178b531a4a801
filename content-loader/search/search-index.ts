/**
 * `/search/index.json`: what the browser ranks locally, without waiting for
 * the full-text index: every What symbol with its levels, the oldest
 * released KernelVersion, its files and the Users and Contact of its
 * definitions, and every ABI file. Built once per site; loaded in the
 * browser or in Node. No node: imports.
 */
import { fileToUrl, normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import { LEVELS, type AbiEntry, type AbiFile, type Level } from '../types.ts';
import { compareText } from '../shared/compare.ts';
import { filesystemOf, type Filesystem } from './facets.ts';
import { kernelLabel, kernelSortKey, parseKernelVersion, releasedKernel, type KernelVersion } from './kernel-version.ts';

/** The JSON as written: arrays of indexes keep it small (~70 KB gzipped for linux-6.12). */
export interface SearchIndexData {
  version: 2;
  levels: readonly Level[];
  /** Labels of released kernels some symbol is documented since, oldest first. */
  kernels: string[];
  /** ABI files: [path, level index]. */
  files: [string, number][];
  /** Distinct Users and Contact texts. */
  people: string[];
  /**
   * [What, level bits, kernel index or -1, file indexes, Users text indexes,
   * Contact text indexes, place among its entry's Whats (0 when it comes first),
   * line of its first definition].
   */
  symbols: [string, number, number, number[], number[], number[], number, number][];
}

/**
 * Builds the data from the parsed entries: one row per distinct symbol URL,
 * in code-point order of the What. `treeVersion` ("6.12") bounds which
 * KernelVersion values count as released (see isKernelRelease).
 */
export function buildSearchIndex(entries: readonly AbiEntry[], files: readonly AbiFile[], treeVersion?: string | null): SearchIndexData {
  const newest = parseKernelVersion(treeVersion ?? undefined);
  const fileList = [...files].sort((a, b) => compareText(a.path, b.path));
  const fileIndex = new Map(fileList.map((f, i) => [f.path, i]));
  const people: string[] = [];
  const personIndex = new Map<string, number>();
  const person = (text: string) => {
    let i = personIndex.get(text);
    if (i === undefined) personIndex.set(text, (i = people.push(text) - 1));
    return i;
  };
  const bySymbol = new Map<string, { what: string; entries: AbiEntry[] }>();
  for (const entry of entries) {
    for (const s of entry.symbols) {
      const url = whatToUrl(s.what);
      const row = bySymbol.get(url) ?? bySymbol.set(url, { what: normalizeWhat(s.what), entries: [] }).get(url)!;
      if (!row.entries.includes(entry)) row.entries.push(entry);
    }
  }
  const rows = [...bySymbol.values()].sort((a, b) => compareText(a.what, b.what));
  const since = rows.map((r) => oldest(r.entries.flatMap((e) => releasedKernel(e.kernelVersion, newest) ?? [])));
  const kernels = [...new Set(since.flatMap((v) => (v ? [v] : [])).sort((a, b) => compareText(kernelSortKey(a), kernelSortKey(b))).map(kernelLabel))];
  const kernelIndex = new Map(kernels.map((k, i) => [k, i]));
  const unique = (xs: number[]) => [...new Set(xs)];
  return {
    version: 2,
    levels: LEVELS,
    kernels,
    files: fileList.map((f) => [f.path, LEVELS.indexOf(f.level)]),
    people,
    symbols: rows.map((r, i) => [
      r.what,
      r.entries.reduce((bits, e) => bits | (1 << LEVELS.indexOf(e.level)), 0),
      since[i] ? kernelIndex.get(kernelLabel(since[i]!))! : -1,
      unique(r.entries.flatMap((e) => fileIndex.get(e.file) ?? [])),
      unique(r.entries.flatMap((e) => (e.users ? [person(e.users)] : []))),
      unique(r.entries.flatMap((e) => (e.contact ? [person(e.contact)] : []))),
      Math.min(...r.entries.map((e) => e.symbols.findIndex((s) => whatToUrl(s.what) === whatToUrl(r.what)))),
      r.entries[0]!.line,
    ]),
  };
}

function oldest(versions: KernelVersion[]): KernelVersion | undefined {
  return versions.sort((a, b) => compareText(kernelSortKey(a), kernelSortKey(b)))[0];
}

/** One What symbol as the browser knows it. */
export interface IndexedSymbol {
  id: number;
  what: string;
  /** Its permalink (computed when first read: most symbols are never shown). */
  readonly url: string;
  /** Levels of its definitions, stablest first. */
  levels: Level[];
  filesystem: Filesystem;
  /** KernelVersion label of the oldest definition, when it names a released kernel. */
  kernel?: string;
  /** Index of `kernel` in `SearchIndex.kernels` (oldest first), or -1. */
  kernelRank: number;
  files: number[];
  users: number[];
  contacts: number[];
  /** Place among its entry's Whats: the first one names the entry (docs.kernel.org's anchor). */
  position: number;
  /** Line of its first definition: a file documents its main attributes first. */
  line: number;
}

/** One ABI file and its page. */
export interface IndexedFile {
  id: number;
  path: string;
  url: string;
  level: Level;
}

/** The loaded data, before any query-side structure is built (see local-search.ts). */
export interface SearchIndex {
  symbols: IndexedSymbol[];
  files: IndexedFile[];
  kernels: string[];
  people: string[];
}

/** Reads `/search/index.json`. */
export function loadSearchIndex(data: SearchIndexData): SearchIndex {
  if (data.version !== 2) throw new Error(`unsupported search index version ${String(data.version)}`);
  const level = (i: number): Level => data.levels[i] ?? 'testing';
  return {
    kernels: data.kernels,
    people: data.people,
    files: data.files.map(([path, l], id) => ({ id, path, url: fileToUrl(path), level: level(l) })),
    symbols: data.symbols.map(([what, bits, k, files, users, contacts, position, line], id) => {
      const levels = data.levels.filter((_, i) => bits & (1 << i));
      return new LoadedSymbol(id, what, levels, filesystemOf(what), k >= 0 ? data.kernels[k] : undefined, k, files, users, contacts, position, line);
    }),
  };
}

/**
 * A symbol as loaded: a class, so every symbol has one shape and its URL is
 * computed on first read (an object literal with a getter and optional
 * fields leaves V8 slow dictionary objects, read thousands of times per
 * keystroke by the ranker).
 */
class LoadedSymbol implements IndexedSymbol {
  readonly id: number;
  readonly what: string;
  readonly levels: Level[];
  readonly filesystem: Filesystem;
  readonly kernel?: string;
  readonly kernelRank: number;
  readonly files: number[];
  readonly users: number[];
  readonly contacts: number[];
  readonly position: number;
  readonly line: number;
  #url: string | undefined;
  constructor(id: number, what: string, levels: Level[], filesystem: Filesystem, kernel: string | undefined, kernelRank: number, files: number[], users: number[], contacts: number[], position: number, line: number) {
    this.id = id;
    this.what = what;
    this.levels = levels;
    this.filesystem = filesystem;
    if (kernel !== undefined) this.kernel = kernel;
    this.kernelRank = kernelRank;
    this.files = files;
    this.users = users;
    this.contacts = contacts;
    this.position = position;
    this.line = line;
  }
  get url(): string {
    return (this.#url ??= whatToUrl(this.what));
  }
}
