/**
 * One ranked list from the three back ends: the path resolver, the local
 * match of path words, file names, Users and Contact, and Pagefind's full
 * text. Each result gets a key of signals (SIGNALS), compared in order,
 * strongest first (README, "How search ranks"):
 *
 * 1. the query is a path and this entry documents it (exact What first);
 * 2. how many query words it has anywhere (its name standing for one counts:
 *    `len` in `tx_queue_len` for "length"; so does the text of a page found
 *    without one of the words, full-text.ts), then how rare those words are
 *    (a word few symbols have says more: "numa meminfo" -> `meminfo`);
 * 3. the segment that names it (the last one; the collection's for one
 *    member of it, `events/<event>`) is a query word or a run of them
 *    (`mtu`; `sampling frequency` -> `sampling_frequency`);
 * 4. its path has every query word (words most paths have, `sys`,
 *    `devices`, never count alone); the query as a phrase in its text or
 *    Users; how many query words are whole path words; a query word starts
 *    its last segment;
 * 5. a current level (stable, testing) before obsolete and removed; its
 *    name has the words as typed, not in another form (`current_governor`
 *    before `available_governors` for "cpuidle governor"); query words in
 *    its file name, then in Users or Contact;
 * 6. Pagefind's score, in coarse steps;
 * 7. the stabler level, fewer segments, the What its entry names first, a
 *    wildcard where another has one device, the shorter What, earlier in
 *    its file.
 *
 * A typo (fuse.js) or a kernel word (`battery` for `power_supply`) counts as
 * having the word, never as typing it, so it cannot pass an exact match.
 * No node: imports.
 */
import { compareText } from '../shared/compare.ts';
import { LEVELS, type Level } from '../types.ts';
import { EXACT, FUZZY, isCompound, nameWord, wordStrength, type LocalMatches, type LocalSearch, type QueryToken } from './local-search.ts';
import { packedOrder } from './packed-order.ts';
import type { IndexedFile, IndexedSymbol } from './search-index.ts';
import { textTokens, tokenKey, type SearchQuery } from './tokens.ts';

/** What Pagefind found for the query. */
export interface FullText {
  /** Symbols whose page has every word, with Pagefind's score. */
  scores: Map<number, number>;
  /** Symbols whose page has the words side by side (a quoted search). */
  phrase: Set<number>;
  /** Symbols found by a search with fewer words, with the query tokens their page has as bits. */
  partial?: Map<number, number>;
}

/** What the path resolver found for a query that is a path. */
export interface Resolved {
  /** Documenting symbols in the resolver's order (exact What first). */
  matches: { id: number; exact: boolean; via?: string }[];
  /** The deepest documented folder of the path. */
  folder?: { path: string; url: string; exact: boolean };
}

/** Why a result is listed, shown beside it. */
export type Reason = 'documents this path' | 'folder' | 'name' | 'path' | 'similar name' | 'file name' | 'Users' | 'Contact' | 'text';

/** The ranking signals of a result, in the order they are compared; larger is better. */
export const SIGNALS = [
  'resolved',
  'resolvedOrder',
  'covered',
  'rarity',
  'name',
  'inPath',
  'phrase',
  'pathWords',
  'lastPrefix',
  'current',
  'typedForm',
  'fileWords',
  'peopleWords',
  'textScore',
  'stability',
  'mainFile',
  'shortPath',
  'firstOfEntry',
  'general',
  'shortWhat',
  'earlyInFile',
] as const;
/** Where the query's own signals end in a key and the tie-breaks begin. */
const FIRST_TIE = SIGNALS.indexOf('stability');
/** Each query signal's place in a row (plain constants: read for every ranked symbol). */
const AT = {
  resolved: SIGNALS.indexOf('resolved'),
  resolvedOrder: SIGNALS.indexOf('resolvedOrder'),
  covered: SIGNALS.indexOf('covered'),
  rarity: SIGNALS.indexOf('rarity'),
  name: SIGNALS.indexOf('name'),
  inPath: SIGNALS.indexOf('inPath'),
  phrase: SIGNALS.indexOf('phrase'),
  pathWords: SIGNALS.indexOf('pathWords'),
  lastPrefix: SIGNALS.indexOf('lastPrefix'),
  current: SIGNALS.indexOf('current'),
  typedForm: SIGNALS.indexOf('typedForm'),
  fileWords: SIGNALS.indexOf('fileWords'),
  peopleWords: SIGNALS.indexOf('peopleWords'),
  textScore: SIGNALS.indexOf('textScore'),
} as const;

export type Signals = Partial<Record<(typeof SIGNALS)[number], number>>;

/** The signals as a key compared in SIGNALS order (absent ones are 0). */
export function signalKey(signals: Signals): number[] {
  return SIGNALS.map((name) => signals[name] ?? 0);
}

interface ResultBase {
  /** The What, the file path or the folder path. */
  title: string;
  reason: Reason;
  /** The ranking signals in SIGNALS order, compared in order, larger first. */
  key: number[];
}
export interface SymbolResult extends ResultBase {
  kind: 'symbol';
  symbol: IndexedSymbol;
  /** The resolver matched the path to this What exactly. */
  exact?: boolean;
  /** The symlinked view the resolver matched through. */
  via?: string;
}
export interface FileResult extends ResultBase {
  kind: 'file';
  file: IndexedFile;
}
export interface FolderResult extends ResultBase {
  kind: 'folder';
  url: string;
}
export type SearchResult = SymbolResult | FileResult | FolderResult;

/** The site-relative URL of a result (computed only for results that are shown). */
export function resultUrl(r: SearchResult): string {
  return r.kind === 'symbol' ? r.symbol.url : r.kind === 'file' ? r.file.url : r.url;
}

/** A path word on more than this share of symbols (`sys`, `class`, `devices`) is not a signal of its own. */
const COMMON_SHARE = 0.08;

/** The ranked results of a query; an empty query gives []. */
export function rankResults(local: LocalSearch, query: SearchQuery, matches: LocalMatches, fullText?: FullText, resolved?: Resolved): SearchResult[] {
  const { tokens, path, file, people, kernelWord } = matches;
  const n = tokens.length;
  const results: SearchResult[] = [];
  const common = commonWords(local);
  const resolvedAt = new Map((resolved?.matches ?? []).map((m, i) => [m.id, { ...m, order: i }]));
  const ids = candidates(local, matches, fullText, resolvedAt.keys());
  const minCoverage = Math.max(1, Math.ceil(n / 2));
  const isCommon = tokens.map((t) => common.has(t.key));
  const wholeWords = query.words.map((w) => textTokens(w)).filter((w) => w.length > 1).map((w) => ` ${w.join(' ')} `);
  const phraseRun = ` ${tokens.map((t) => t.token).join(' ')} `;
  // Per distinct name, judged once (-1: not yet): where its run of query tokens starts (times 64), its length
  // (times 2), plus 1 when a query word starts it; and which query tokens are one of its words, compared as
  // keys (`governors` ~ "governor"), as bits. A query has at most 31 tokens (the bits of an int).
  const judged = new Int16Array(local.nameList.length).fill(-1);
  const keysIn = new Int32Array(local.nameList.length);
  const nameOf = (at: number): number => {
    let v = judged[at]!;
    if (v < 0) {
      const words = local.nameList[at]!;
      const [start, length] = nameRun(words, tokens);
      v = judged[at] = (start << 6) | (length << 1) | (words.length > 0 && tokens.some((t) => wordStrength(t, words[0]!) > 0) ? 1 : 0);
      let keys = 0;
      for (let i = 0; i < n; i++) if (words.includes(tokens[i]!.key)) keys |= 1 << i;
      keysIn[at] = keys;
    }
    return v;
  };
  /** The query tokens a symbol's name stands for, as bits (`len` in `tx_queue_len` has "length"). */
  const nameBits = (id: number): number => {
    const v = nameOf(local.nameId[id]!);
    const length = (v >> 1) & 31;
    return length === 0 ? 0 : ((1 << length) - 1) << (v >> 6);
  };

  // Which tokens each candidate has, as bits; then how rare each token is among them.
  const covers = new Int32Array(ids.length);
  const df = new Array<number>(n).fill(0);
  ids.forEach((id, j) => {
    const textBits = fullText?.scores.has(id) ? -1 : (fullText?.partial?.get(id) ?? 0);
    let bits = nameBits(id);
    for (let i = 0; i < n; i++) {
      if (textBits & (1 << i) || path[i]![id]! > 0 || file[i]![id]! > 0 || people[i]![id]! > 0) {
        bits |= 1 << i;
        // Kernel words stand in for a word; they do not make it more common.
        if (!kernelWord[i]![id]) df[i]!++;
      }
    }
    covers[j] = bits;
  });
  const idf = df.map((d) => Math.log((local.index.symbols.length + 1) / (1 + d)));

  const signals = new Float64Array(ids.length * FIRST_TIE);
  // Symbols' results, the n-th with its signals in row n; files' and folders' go to `results`.
  const ranked: RankedSymbol[] = [];
  let rows = 0;
  ids.forEach((id, j) => {
    const symbol = local.index.symbols[id]!;
    const resolvedHit = resolvedAt.get(id);
    const bits = covers[j]!;
    let covered = 0;
    let rarity = 0;
    for (let i = 0; i < n; i++) if (bits & (1 << i)) (covered++, (rarity += idf[i]!));
    if (!resolvedHit && (n === 0 || covered < minCoverage)) return;
    let inPath = true;
    let informativeInPath = false;
    let pathWords = 0;
    let fileWords = 0;
    let peopleWords = 0;
    let anyPath = false;
    let fuzzyOnly = true;
    let allPeople = n > 0;
    for (let i = 0; i < n; i++) {
      const p = path[i]![id]!;
      const informative = !isCommon[i] || p === 0;
      if (!(p > FUZZY || (!informative && p > 0))) inPath = false;
      if (informative && p > FUZZY) informativeInPath = true;
      if (informative && p === EXACT) pathWords++;
      if (p > 0) anyPath = true;
      if (p > FUZZY) fuzzyOnly = false;
      if (file[i]![id] === EXACT) fileWords++;
      if (people[i]![id] === EXACT) peopleWords++;
      if (people[i]![id] === 0) allPeople = false;
    }
    const texts = peopleWords > 0 || allPeople ? peopleTexts(local, symbol) : [];
    // A word typed whole (`util-linux`) that Users or Contact has whole counts as all its tokens again.
    for (const w of wholeWords) if (texts.some((t) => t.includes(w))) peopleWords += w.split(' ').length - 2;
    const phrase = n > 1 && (fullText?.phrase.has(id) || (allPeople && texts.some((t) => t.includes(phraseRun)))) ? 1 : 0;
    const score = fullText?.scores.get(id) ?? 0;
    const nameJudged = nameOf(local.nameId[id]!);
    const name = (nameJudged >> 1) & 31;
    // The query's signals in SIGNALS order, written into one shared array: a query can rank thousands of symbols per keystroke.
    const row = rows++ * FIRST_TIE;
    signals[row + AT.resolved] = resolvedHit ? (resolvedHit.exact ? 3 : 2) : 0;
    signals[row + AT.resolvedOrder] = resolvedHit ? -resolvedHit.order : 0;
    signals[row + AT.covered] = covered;
    signals[row + AT.rarity] = round(rarity);
    signals[row + AT.name] = name;
    signals[row + AT.inPath] = inPath && informativeInPath ? 1 : 0;
    signals[row + AT.phrase] = phrase;
    signals[row + AT.pathWords] = pathWords;
    // The "prefix of the last segment": the segment starts with a query word.
    signals[row + AT.lastPrefix] = nameJudged & 1;
    // An obsolete or removed interface never passes a current one on its file name, Users or text alone.
    signals[row + AT.current] = isCurrent(symbol.levels[0]);
    signals[row + AT.fileWords] = fileWords;
    signals[row + AT.peopleWords] = peopleWords;
    signals[row + AT.textScore] = coarse(score);
    signals[row + AT.typedForm] = -otherForms(symbol.what, tokens, keysIn[local.nameId[id]!]!);
    const reason: Reason = resolvedHit
      ? 'documents this path'
      : name > 0
        ? 'name'
        : anyPath && !fuzzyOnly
          ? 'path'
          : anyPath
            ? 'similar name'
            : tokens.some((_, i) => file[i]![id]! > 0)
              ? 'file name'
              : tokens.some((_, i) => people[i]![id]! > 0)
                ? tokens.some((t, i) => people[i]![id]! > 0 && usersHave(local, symbol, t))
                  ? 'Users'
                  : 'Contact'
                : 'text';
    const result = new RankedSymbol(symbol, reason, signals, row, local.ties[id]!);
    if (resolvedHit?.exact) result.exact = true;
    if (resolvedHit?.via) result.via = resolvedHit.via;
    ranked.push(result);
  });

  for (const [id, hits] of matches.files) {
    const f = local.index.files[id]!;
    const covered = hits.filter((x) => x > 0).length;
    const name = runIn(local.fileTokens[id]!, tokens) || typedPrefix(f.path, query);
    if (covered < n && name === 0) continue;
    const key = signalKey({
      covered,
      rarity: round(hits.reduce<number>((sum, c, i) => sum + (c > 0 ? idf[i]! : 0), 0)),
      name,
      current: isCurrent(f.level),
      fileWords: hits.filter((x) => x === EXACT).length,
      stability: -LEVELS.indexOf(f.level),
      shortPath: -1,
      shortWhat: -f.path.length,
    });
    results.push({ kind: 'file', file: f, title: f.path, reason: 'file name', key });
  }

  const folder = resolved?.folder;
  const folderIsSymbol = folder && [...resolvedAt.keys()].some((id) => local.index.symbols[id]?.what === folder.path);
  if (folder && !folderIsSymbol && (folder.exact || resolvedAt.size === 0)) {
    results.push({ kind: 'folder', url: folder.url, title: folder.path, reason: 'folder', key: signalKey({ resolved: folder.exact ? 4 : 1, covered: n }) });
  }
  const byRank = rankedOrder(local);
  const order = packedOrder(signals, FIRST_TIE, rows, (r) => local.tieOrder[ranked[r]!.symbol.id]!, local.tieOrder.length, SIGNAL_SCALES);
  return mergeSorted(order ? Array.from(order, (r) => ranked[r]!) : ranked.sort(byRank), results.sort(byRank), byRank);
}

/** Fixed-point scales of the query's signals, for packedOrder: rarity is rounded to thousandths (round). */
const SIGNAL_SCALES = SIGNALS.slice(0, FIRST_TIE).map((name) => (name === 'rarity' ? 1000 : 1));

/**
 * Two sorted lists as one, `b` the short one (files and folders). Each of
 * b's items finds its place in `a` by galloping from the last place, so a
 * query that ranks thousands of symbols and hundreds of files (`sys`)
 * compares each file a few times, not each symbol once.
 */
function mergeSorted<T>(a: readonly T[], b: readonly T[], compare: (x: T, y: T) => number): T[] {
  const out: T[] = [];
  let i = 0;
  for (const item of b) {
    // The first place in a[i..] whose element sorts after `item` (ties keep a's element first).
    let step = 1;
    let lo = i;
    let hi = i;
    while (hi < a.length && compare(a[hi]!, item) <= 0) (lo = hi + 1), (hi = i + step), (step *= 2);
    hi = Math.min(hi, a.length);
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compare(a[mid]!, item) <= 0) lo = mid + 1;
      else hi = mid;
    }
    for (; i < lo; i++) out.push(a[i]!);
    out.push(item);
  }
  for (; i < a.length; i++) out.push(a[i]!);
  return out;
}

/** The symbols to rank, each once: those the local stage touched, then full-text and resolver hits. */
function candidates(local: LocalSearch, matches: LocalMatches, fullText: FullText | undefined, resolved: Iterable<number>): number[] {
  const ids = [...matches.touched];
  const seen = new Uint8Array(local.index.symbols.length);
  for (const id of ids) seen[id] = 1;
  const add = (id: number) => {
    if (!seen[id]) (seen[id] = 1), ids.push(id);
  };
  for (const id of fullText?.scores.keys() ?? []) add(id);
  for (const id of fullText?.partial?.keys() ?? []) add(id);
  for (const id of resolved) add(id);
  return ids;
}

/**
 * A symbol's result. Its query signals are a row of one array shared by the
 * query's results, its tie-breaks `local.ties` of its symbol: a keystroke
 * that ranks thousands of symbols allocates one small object for each, and
 * a key array only when something reads `key`.
 */
class RankedSymbol implements SymbolResult {
  readonly kind = 'symbol';
  readonly symbol: IndexedSymbol;
  readonly title: string;
  readonly reason: Reason;
  exact?: boolean;
  via?: string;
  readonly signals: Float64Array;
  /** Where this result's signals start in `signals`. */
  readonly row: number;
  readonly ties: readonly number[];
  constructor(symbol: IndexedSymbol, reason: Reason, signals: Float64Array, row: number, ties: readonly number[]) {
    this.symbol = symbol;
    this.title = symbol.what;
    this.reason = reason;
    this.signals = signals;
    this.row = row;
    this.ties = ties;
  }
  get key(): number[] {
    return [...this.signals.subarray(this.row, this.row + FIRST_TIE), ...this.ties];
  }
}

/**
 * compareResults without building keys: two symbols compare their signal
 * rows, then their precomputed tie order (the tie-breaks, then the What:
 * the same order in one comparison).
 */
function rankedOrder(local: LocalSearch): (a: SearchResult, b: SearchResult) => number {
  const { tieOrder } = local;
  const at = (r: SearchResult, i: number): number => (r instanceof RankedSymbol ? (i < FIRST_TIE ? r.signals[r.row + i]! : r.ties[i - FIRST_TIE]!) : r.key[i]!);
  return (a, b) => {
    if (a instanceof RankedSymbol && b instanceof RankedSymbol) {
      const s = a.signals;
      for (let i = 0; i < FIRST_TIE; i++) {
        const d = s[b.row + i]! - s[a.row + i]!;
        if (d !== 0) return d;
      }
      return tieOrder[a.symbol.id]! - tieOrder[b.symbol.id]!;
    }
    for (let i = 0; i < SIGNALS.length; i++) {
      const d = at(b, i) - at(a, i);
      if (d !== 0) return d;
    }
    return compareText(a.kind, b.kind) || compareText(a.title, b.title);
  };
}

/** Larger keys first; kind and title settle the rest, so the order never depends on input order. */
export function compareResults(a: SearchResult, b: SearchResult): number {
  for (let i = 0; i < a.key.length; i++) {
    const d = b.key[i]! - a.key[i]!;
    if (d !== 0) return d;
  }
  return compareText(a.kind, b.kind) || compareText(a.title, b.title);
}

/**
 * How many query tokens a name consumes when all its words appear in the
 * query side by side (`sampling_frequency` in "iio sampling frequency": 2);
 * 0 when they do not.
 */
function runIn(words: readonly string[], tokens: readonly QueryToken[]): number {
  return nameRun(words, tokens)[1];
}

/** Where in the query the run of runIn starts, and how many tokens it has ([0, 0] for none). */
function nameRun(words: readonly string[], tokens: readonly QueryToken[]): [start: number, length: number] {
  if (words.length === 0) return [0, 0];
  for (let start = 0; start < tokens.length; start++) {
    let at = start;
    const all = words.every((w) => {
      const t = tokens[at];
      if (t && nameWord(t, w)) return (at += 1);
      const next = tokens[at + 1];
      if (t && next && isCompound(w, t, next)) return (at += 2);
      return false;
    });
    if (all) return [start, at - start];
  }
  return [0, 0];
}

/**
 * Pagefind's score in half-octave steps: pages whose texts are alike (the
 * Whats of one entry share its description) differ only by noise, which
 * must leave the decision to the tie-breaks.
 */
function coarse(score: number): number {
  return score > 0 ? Math.round(Math.log2(score) * 2) : -100;
}

/** 1 for a stable or testing level, 0 for obsolete and removed. */
function isCurrent(level: Level | undefined): number {
  return level === 'stable' || level === 'testing' ? 1 : 0;
}

/** Rounded, so float noise never decides between two equal sums. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * How many of the tokens in `bits` the What has only in another form: its
 * name has the token's key but not the word as typed (`available_governors`
 * for "governor", where `current_governor` has it as typed).
 */
function otherForms(what: string, tokens: readonly QueryToken[], bits: number): number {
  if (bits === 0) return 0;
  let count = 0;
  tokens.forEach((t, i) => {
    if (bits & (1 << i) && !hasWord(what, t.token)) count++;
  });
  return count;
}

/**
 * True when `word` (lower case) is a whole word of `what`, as textTokens cuts
 * it: between characters that are no letter or digit, or before a
 * placeholder (`fan` in `fanY_input`).
 */
export function hasWord(what: string, word: string): boolean {
  const text = what.toLowerCase();
  for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
    const end = at + word.length;
    if (isWordChar(text, at - 1)) continue;
    if (!isWordChar(text, end) || (/^[XYZN]$/.test(what[end]!) && !isWordChar(text, end + 1))) return true;
  }
  return false;
}

function isWordChar(text: string, at: number): boolean {
  return at >= 0 && at < text.length && /[\p{L}\p{N}]/u.test(text[at]!);
}

/** A file name being typed: a query word with a `-` that starts the file's name counts its tokens. */
function typedPrefix(path: string, query: SearchQuery): number {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const word = query.words.find((w) => w.includes('-') && name.startsWith(w));
  return word ? textTokens(word).length : 0;
}

/** Users and Contact of a symbol as space-separated lower-case words, padded with spaces. */
function peopleTexts(local: LocalSearch, symbol: IndexedSymbol): string[] {
  return [...symbol.users, ...symbol.contacts].map((p) => local.peopleWords[p] ?? '');
}

function usersHave(local: LocalSearch, symbol: IndexedSymbol, t: QueryToken): boolean {
  return symbol.users.some((u) => (local.peopleWords[u] ?? '').split(' ').some((w) => w !== '' && wordStrength(t, tokenKey(w)) > 0));
}

const commonCache = new WeakMap<LocalSearch, Set<string>>();
/** Path words on more than COMMON_SHARE of the symbols. */
export function commonWords(local: LocalSearch): Set<string> {
  let set = commonCache.get(local);
  if (!set) {
    const limit = local.index.symbols.length * COMMON_SHARE;
    set = new Set([...local.pathPostings].filter(([, ids]) => ids.length > limit).map(([key]) => key));
    commonCache.set(local, set);
  }
  return set;
}
