/**
 * The quick part of search, run on every keystroke in the browser: which
 * symbols and files a query's tokens match by path, file name, Users or
 * Contact, and how well. Token lists and postings are built once when the
 * index loads; a query then touches only the postings of its own tokens
 * (well under 5 ms on linux-6.12, see `npm run bench`). fuse.js is asked
 * only for a token that matches no path word at all (a typo), and only
 * over the few path words of a similar length and start.
 * No node: imports.
 */
import Fuse from 'fuse.js';
import { compareText } from '../shared/compare.ts';
import { LEVELS } from '../types.ts';
import { KERNEL_WORDS } from './kernel-words.ts';
import type { SearchIndex } from './search-index.ts';
import { pathSegments, textTokens, tokenKey, wildcardWords, withoutNumber, type SearchQuery, type SearchSegment } from './tokens.ts';

/**
 * How well a query token matched a word: the same word; a word it starts, an
 * abbreviation of it (`refcnt` for "refcount") or a compound with the next
 * (`cpufreq` for "cpu frequency"); a near miss.
 */
export const EXACT = 3;
export const PREFIX = 2;
export const FUZZY = 1;
export type Strength = typeof EXACT | typeof PREFIX | typeof FUZZY | 0;

export interface LocalSearch {
  index: SearchIndex;
  /** Token keys of each symbol's path segments; [] for a wildcard segment. */
  segments: string[][][];
  /**
   * Token keys of the segment that names each symbol: the last one, or the
   * last before trailing `*` and `...` (`cpufreq/*` is named by `cpufreq`);
   * [] when that is a named wildcard (`btf/<module-name>`).
   */
  names: string[][];
  /** Each symbol's name as an index into `nameList` (many symbols share one: `status`, `enable`), so a query judges each name once. */
  nameId: Uint32Array;
  /** The distinct names. */
  nameList: string[][];
  /** How many symbols the largest file defining each symbol documents, in steps of 2^k. */
  fileSize: Uint8Array;
  /** How many segments of each symbol, before its last, are wildcards alone (`power_supply/<supply_name>/status`). */
  wildcardSegments: Uint8Array;
  /**
   * Per symbol, the ranking signals that do not depend on the query, in
   * rank.ts's SIGNALS order from `stability` on: its tie-breaks.
   */
  ties: number[][];
  /**
   * Each symbol's place when every query signal ties: `ties` compared in
   * order, larger first, then the What (as rank.ts's compareResults). Sorting
   * thousands of results by one number instead of seven keeps a short
   * query's keystroke cheap.
   */
  tieOrder: Uint32Array;
  /** Token keys of each file's name (`sysfs-kernel-btf` -> sysfs, kernel, btf). */
  fileTokens: string[][];
  /** Every path token key, sorted, for prefix ranges. */
  vocabulary: string[];
  pathPostings: Map<string, number[]>;
  /** Whole literal segments (`power_supply`), for kernel words of more than one token. */
  segmentPostings: Map<string, number[]>;
  /** Words of named wildcards (`<pmu>`): matched no better than a prefix. */
  wildcardPostings: SortedPostings;
  filePostings: SortedPostings;
  peoplePostings: SortedPostings;
  /** Each Users/Contact text as its lower-case words, space-separated and padded (` userspace kernel log consumers `). */
  peopleWords: string[];
  /** Symbols defined in each file, and naming each Users/Contact text. */
  symbolsOfFile: number[][];
  symbolsOfPerson: number[][];
}

/**
 * Postings with their words in code-unit order, so a token finds the words
 * it matches (itself, its bare form, the words it starts) by binary search
 * instead of asking every word of the list on every keystroke.
 */
export interface SortedPostings {
  lists: Map<string, number[]>;
  words: string[];
}

function sortedPostings(lists: Map<string, number[]>): SortedPostings {
  return { lists, words: [...lists.keys()].sort(byCodeUnit) };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

const MOUNT_POINT = /^\/sys\/kernel\/(debug|config)\//;

/** Builds the query-side structures (tokens, postings) of a loaded index. */
export function prepareLocalSearch(index: SearchIndex): LocalSearch {
  // Whats repeat a few thousand segment texts tens of thousands of times: each is cut once.
  const cuts = new Map<string, SearchSegment>();
  const keysOf = new Map<SearchSegment, string[]>();
  const segments = index.symbols.map((s) => {
    const segs = pathSegments(s.what, cuts).map((seg) => keysOf.get(seg) ?? keysOf.set(seg, seg.tokens.map(tokenKey)).get(seg)!);
    // Where debugfs and configfs are mounted says nothing of the interface: "kernel log" is not `/sys/kernel/debug/.../console_log`.
    return MOUNT_POINT.test(s.what) ? segs.map((words, i) => (i < 3 ? [] : words)) : segs;
  });
  const names = index.symbols.map((s, id) => {
    const trailing = /(?:\/(?:\*|\.\.\.))+$/.exec(s.what.replace(/\/+$/, ''));
    const segs = segments[id]!;
    const name = (trailing ? segs[segs.length - 1 - trailing[0].split('/').length + 1] : segs.at(-1)) ?? [];
    return name.length === 0 && !trailing ? memberOf(s.what, segs) ?? name : name;
  });
  const nameIds = new Map<string, number>();
  const nameList: string[][] = [];
  const nameId = Uint32Array.from(names, (words) => {
    const key = words.join(' ');
    let at = nameIds.get(key);
    if (at === undefined) nameIds.set(key, (at = nameList.push(words) - 1));
    return at;
  });
  const pathPostings = new Map<string, number[]>();
  const segmentPostings = new Map<string, number[]>();
  const wildcardPostings = new Map<string, number[]>();
  segments.forEach((segs, id) => {
    for (const words of segs) {
      for (const key of words) push(pathPostings, key, id);
      if (words.length > 1) push(segmentPostings, words.join('_'), id);
    }
    for (const word of wildcardWords(index.symbols[id]!.what)) push(wildcardPostings, tokenKey(word), id);
  });
  const fileTokens = index.files.map((f) => textTokens(f.path.slice(f.path.lastIndexOf('/') + 1)).map(tokenKey));
  const filePostings = new Map<string, number[]>();
  fileTokens.forEach((keys, id) => {
    for (const key of new Set(keys)) push(filePostings, key, id);
  });
  const peoplePostings = new Map<string, number[]>();
  const peopleWords = index.people.map((text, id) => {
    const words = textTokens(text);
    for (const key of new Set(words.map(tokenKey))) push(peoplePostings, key, id);
    return ` ${words.join(' ')} `;
  });
  const symbolsOfFile: number[][] = index.files.map(() => []);
  const symbolsOfPerson: number[][] = index.people.map(() => []);
  for (const s of index.symbols) {
    for (const f of s.files) symbolsOfFile[f]?.push(s.id);
    for (const p of new Set([...s.users, ...s.contacts])) symbolsOfPerson[p]?.push(s.id);
  }
  const vocabulary = [...pathPostings.keys()].sort(byCodeUnit);
  const fileSize = Uint8Array.from(index.symbols, (s) => Math.max(0, ...s.files.map((f) => Math.floor(Math.log2(1 + (symbolsOfFile[f]?.length ?? 0))))));
  const wildcardSegments = Uint8Array.from(segments, (segs) => segs.slice(0, -1).filter((words) => words.length === 0).length);
  const ties = index.symbols.map((s, id) => [
    -LEVELS.indexOf(s.levels[0] ?? 'removed'),
    // A subsystem's main file documents its interfaces for every device (`sysfs-bus-pci` before `sysfs-bus-css`).
    fileSize[id]!,
    -segments[id]!.length,
    -s.position,
    // `power_supply/<supply_name>/x` documents what `power_supply/wilco-charger/x` does for one device.
    wildcardSegments[id]!,
    -s.what.length,
    -s.line,
  ]);
  const byTies = index.symbols.map((s) => s.id).sort((a, b) => compareKeys(ties[a]!, ties[b]!) || compareText(index.symbols[a]!.what, index.symbols[b]!.what));
  const tieOrder = new Uint32Array(byTies.length);
  byTies.forEach((id, place) => (tieOrder[id] = place));
  return { index, segments, names, nameId, nameList, fileSize, wildcardSegments, ties, tieOrder, fileTokens, vocabulary, pathPostings, segmentPostings, wildcardPostings: sortedPostings(wildcardPostings), filePostings: sortedPostings(filePostings), peoplePostings: sortedPostings(peoplePostings), peopleWords, symbolsOfFile, symbolsOfPerson };
}

/**
 * The name of a What that ends in one member of the collection above it
 * (`events/<event>`, `queues/<queue>`): the collection's, as a reader names
 * it ("pmu events"). Undefined for other named wildcards
 * (`btf/<module-name>` is one module, not "btf").
 */
function memberOf(what: string, segments: readonly (readonly string[])[]): string[] | undefined {
  const member = wildcardWords(what.replace(/\/+$/, '').slice(what.replace(/\/+$/, '').lastIndexOf('/'))).map(tokenKey);
  const parent = segments.at(-2);
  return parent && parent.length > 0 && member.length === parent.length && member.every((w, i) => w === parent[i]) ? [...parent] : undefined;
}

/** Larger first, element by element. */
export function compareKeys(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < a.length; i++) {
    const d = b[i]! - a[i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/** Adds `id` to the list of `key` once: ids arrive in increasing order, so a repeat is the list's last. */
function push(map: Map<string, number[]>, key: string, id: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [id]);
  else if (list[list.length - 1] !== id) list.push(id);
}

/** A query token in the forms it is compared in. */
export interface QueryToken {
  token: string;
  key: string;
  /** The key without a trailing number (`fan1` -> `fan`), matched as the same word. */
  bare?: string;
}

export function queryTokens(query: SearchQuery): QueryToken[] {
  return query.tokens.map((token) => {
    const bare = withoutNumber(token);
    return { token, key: tokenKey(token), ...(bare ? { bare: tokenKey(bare) } : {}) };
  });
}

/** Shortest abbreviation or compound part that counts (`len`, `cur`, `cpu`). */
const MIN_PART = 3;

/** True when word `key` is the query token. */
export function sameWord(t: QueryToken, key: string): boolean {
  return key === t.key || key === t.bare;
}

/**
 * True when path word `word` abbreviates the query token the way kernel names
 * do: its start (`temp` for "temperature", `len`, `comp`, `freq`), or its
 * letters in order from the same first three (`refcnt` for "refcount").
 * A start longer than 60 % of the token is another word (`power` in
 * "powertop"), not an abbreviation.
 */
export function abbreviates(word: string, token: string): boolean {
  if (word.length < MIN_PART || word.length >= token.length) return false;
  if (token.startsWith(word)) return word.length <= 0.6 * token.length;
  if (word.length > 0.8 * token.length || word.slice(0, MIN_PART) !== token.slice(0, MIN_PART)) return false;
  let at = 0;
  for (const ch of token) if (ch === word[at]) at++;
  return at === word.length;
}

/** True when word `key` is the query token or an abbreviation of it: it may stand for it in a name. */
export function nameWord(t: QueryToken, key: string): boolean {
  return sameWord(t, key) || abbreviates(key, t.key);
}

/** How well query token `t` matches word `key`: the same word, or one it starts. */
export function wordStrength(t: QueryToken, key: string): Strength {
  if (sameWord(t, key)) return EXACT;
  return t.key.length >= 2 && key.startsWith(t.key) ? PREFIX : 0;
}

/**
 * What the local part found: per query token, one byte per symbol (typed
 * arrays: a query touching every symbol must not allocate per symbol).
 */
export interface LocalMatches {
  tokens: QueryToken[];
  /** Symbols any token touched, each once. */
  touched: number[];
  /** Per token: the best Strength in each symbol's path. */
  path: Uint8Array[];
  /** Per token: 1 when the path has it only as one of its kernel words (`battery` as `power_supply`). */
  kernelWord: Uint8Array[];
  /** Per token: the best Strength in the name of a file defining the symbol. */
  file: Uint8Array[];
  /** Per token: the best Strength in the symbol's Users or Contact. */
  people: Uint8Array[];
  /** Per file: per token, the best Strength in its name. */
  files: Map<number, Strength[]>;
}

/** Prefix expansions per token, so two letters cannot pull in the whole vocabulary. */
const MAX_PREFIX_WORDS = 400;
/** Typo matches per token, and how far fuse.js may stray (0 exact, 1 anything). */
const MAX_FUZZY_WORDS = 6;
const FUZZY_THRESHOLD = 0.25;

/** Every symbol and file a query's tokens touch locally, with how each token matched. */
export function matchLocal(local: LocalSearch, query: SearchQuery): LocalMatches {
  const tokens = queryTokens(query);
  const n = tokens.length;
  const size = local.index.symbols.length;
  const perToken = () => tokens.map(() => new Uint8Array(size));
  const path = perToken();
  const kernelWord = perToken();
  const file = perToken();
  const people = perToken();
  const seen = new Uint8Array(size);
  const touched: number[] = [];
  const files = new Map<number, Strength[]>();
  const mark = (into: Uint8Array, ids: readonly number[] | undefined, strength: Strength) => {
    if (!ids) return;
    for (const id of ids) {
      if (into[id]! < strength) into[id] = strength;
      if (!seen[id]) (seen[id] = 1), touched.push(id);
    }
  };
  tokens.forEach((t, i) => {
    for (const [key, strength] of pathWords(local, t)) mark(path[i]!, local.pathPostings.get(key), strength);
    for (const word of KERNEL_WORDS[t.key] ?? KERNEL_WORDS[t.token] ?? []) {
      const ids = local.pathPostings.get(word) ?? local.segmentPostings.get(word) ?? [];
      for (const id of ids) if (path[i]![id] === 0) kernelWord[i]![id] = 1;
      mark(path[i]!, ids, PREFIX);
    }
    for (const [key] of wordsMatching(local.wildcardPostings, t)) mark(path[i]!, local.wildcardPostings.lists.get(key), PREFIX);
    for (const [id, strength] of postingsOf(local.filePostings, t)) {
      const hits = files.get(id) ?? files.set(id, new Array<Strength>(n).fill(0)).get(id)!;
      hits[i] = strength;
      mark(file[i]!, local.symbolsOfFile[id], strength);
    }
    for (const [id, strength] of postingsOf(local.peoplePostings, t)) mark(people[i]!, local.symbolsOfPerson[id], strength);
  });
  // A compound path word covers two query words side by side: `cpufreq` for "cpu frequency".
  for (let i = 0; i + 1 < n; i++) {
    for (const key of compounds(local, tokens[i]!, tokens[i + 1]!)) {
      mark(path[i]!, local.pathPostings.get(key), PREFIX);
      mark(path[i + 1]!, local.pathPostings.get(key), PREFIX);
    }
  }
  return { tokens, touched, path, kernelWord, file, people, files };
}

/**
 * The path words token `t` matches: itself and words it starts; when it is
 * no path word at all, its abbreviations (`refcnt` for "refcount"), else its
 * near misses. A token that is a path word never reaches for an
 * abbreviation: "meminfo" must not find `memX`.
 */
function pathWords(local: LocalSearch, t: QueryToken): [string, Strength][] {
  const out: [string, Strength][] = [];
  for (const key of t.bare ? [t.key, t.bare] : [t.key]) if (local.pathPostings.has(key)) out.push([key, EXACT]);
  if (t.key.length >= 2) {
    for (const word of startingWith(local.vocabulary, t.key)) if (word !== t.key) out.push([word, PREFIX]);
  }
  if (out.length === 0) {
    for (const word of startingWith(local.vocabulary, t.key.slice(0, MIN_PART))) if (abbreviates(word, t.key)) out.push([word, PREFIX]);
  }
  if (out.length === 0 && t.key.length >= 4) for (const word of nearMisses(local, t.key)) out.push([word, FUZZY]);
  return out;
}

/** Vocabulary words starting with `prefix`, at most MAX_PREFIX_WORDS. */
function startingWith(vocabulary: readonly string[], prefix: string): string[] {
  const out: string[] = [];
  for (let i = lowerBound(vocabulary, prefix); i < vocabulary.length && out.length < MAX_PREFIX_WORDS; i++) {
    const word = vocabulary[i]!;
    if (!word.startsWith(prefix)) break;
    out.push(word);
  }
  return out;
}

/** Path words made of a beginning of `a` and a beginning of `b`, each at least MIN_PART letters. */
function compounds(local: LocalSearch, a: QueryToken, b: QueryToken): string[] {
  return startingWith(local.vocabulary, a.key.slice(0, MIN_PART)).filter((word) => isCompound(word, a, b));
}

/** True when `word` is a beginning of `a` then a beginning of `b` (`cpufreq`: "cpu", "frequency"). */
export function isCompound(word: string, a: QueryToken, b: QueryToken): boolean {
  for (let end = MIN_PART; end <= a.key.length && end <= word.length - MIN_PART; end++) {
    if (word.slice(0, end) === a.key.slice(0, end) && b.key.startsWith(word.slice(end))) return true;
  }
  return false;
}

/**
 * Typo candidates: fuse.js over the path words of about the same length that
 * share the first or second letter, a few dozen instead of thousands.
 */
function nearMisses(local: LocalSearch, key: string): string[] {
  const candidates = local.vocabulary.filter((w) => Math.abs(w.length - key.length) <= 2 && (w[0] === key[0] || w[1] === key[1]));
  const fuse = new Fuse(candidates, { includeScore: true, threshold: FUZZY_THRESHOLD });
  return fuse.search(key, { limit: MAX_FUZZY_WORDS }).map((r) => r.item);
}

/** The words of `postings` token `t` matches (wordStrength > 0), with their strength. */
function wordsMatching(postings: SortedPostings, t: QueryToken): [string, Strength][] {
  const out: [string, Strength][] = [];
  if (t.bare !== undefined && postings.lists.has(t.bare)) out.push([t.bare, EXACT]);
  if (t.key.length < 2) {
    if (postings.lists.has(t.key) && t.key !== t.bare) out.push([t.key, EXACT]);
    return out;
  }
  const { words } = postings;
  for (let i = lowerBound(words, t.key); i < words.length && words[i]!.startsWith(t.key); i++) {
    if (words[i] !== t.bare) out.push([words[i]!, wordStrength(t, words[i]!)]);
  }
  return out;
}

/** Ids listed under the words token `t` matches exactly or as a prefix, with the best strength. */
function postingsOf(postings: SortedPostings, t: QueryToken): Map<number, Strength> {
  const ids = new Map<number, Strength>();
  for (const [key, strength] of wordsMatching(postings, t)) {
    for (const id of postings.lists.get(key)!) if ((ids.get(id) ?? 0) < strength) ids.set(id, strength);
  }
  return ids;
}


function lowerBound(sorted: readonly string[], key: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
