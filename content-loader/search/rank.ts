/**
 * One ranked list from the three back ends: the path resolver, the local
 * match of path words, file names, Users and Contact, and Pagefind's full
 * text. Each result gets a key of signals, strongest first, compared in
 * order (see README, "How search ranks"):
 *
 * 1. the query is a path and this entry documents it (exact What first);
 * 2. how many query words it has, anywhere (path, file, Users, Contact, text);
 * 3. its last path segment (or file name) is a query word or a run of them
 *    (`mtu`, `sampling frequency` -> `sampling_frequency`);
 * 4. its path has every query word (`link speed` -> `.../speed` only when
 *    both are path words); words that most paths have (`sys`, `kernel`) do
 *    not count here, they say nothing about the interface;
 * 5. how many query words are whole path words, then a query word starts
 *    its last segment;
 * 6. query words in its file name, then in Users or Contact;
 * 7. its text has the query as a phrase, then Pagefind's score;
 * 8. the stabler level, the What its entry names first, the shorter What.
 *
 * A typo (fuse.js) only counts as having the word (2), never as a path
 * word (4, 5), so it cannot pass an exact segment match. No node: imports.
 */
import { compareText } from '../shared/compare.ts';
import { LEVELS } from '../types.ts';
import { EXACT, FUZZY, isCompound, nameWord, wordStrength, type Strength, type LocalMatches, type LocalSearch, type QueryToken, type SymbolMatch } from './local-search.ts';
import type { IndexedFile, IndexedSymbol } from './search-index.ts';
import { textTokens, tokenKey, type SearchQuery } from './tokens.ts';

/** What Pagefind found for the query. */
export interface FullText {
  /** Symbols whose page has every word, with Pagefind's score. */
  scores: Map<number, number>;
  /** Symbols whose page has the words side by side (a quoted search). */
  phrase: Set<number>;
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
  'fileWords',
  'peopleWords',
  'textScore',
  'stability',
  'shortPath',
  'firstOfEntry',
  'shortWhat',
] as const;
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

/** A path word on more than this share of symbols (`sys`, `class`, `kernel`, `devices`) is not a signal of its own. */
const COMMON_SHARE = 0.08;

/** The ranked results of a query; an empty query gives []. */
export function rankResults(local: LocalSearch, query: SearchQuery, matches: LocalMatches, fullText?: FullText, resolved?: Resolved): SearchResult[] {
  const tokens = matches.tokens;
  const n = tokens.length;
  const results: SearchResult[] = [];
  const common = commonWords(local);
  const resolvedAt = new Map((resolved?.matches ?? []).map((m, i) => [m.id, { ...m, order: i }]));
  const ids = new Set<number>([...matches.symbols.keys(), ...(fullText?.scores.keys() ?? []), ...resolvedAt.keys()]);
  const minCoverage = Math.max(1, Math.ceil(n / 2));
  const none: SymbolMatch = { path: new Array<Strength>(n).fill(0), file: new Array<Strength>(n).fill(0), people: new Array<Strength>(n).fill(0) };

  // A word few symbols have says more than one most have: "numa meminfo" -> `meminfo` before `numa`.
  const candidates = [...ids].map((id) => {
    const m = matches.symbols.get(id) ?? none;
    const inText = fullText?.scores.has(id) ?? false;
    return { id, m, inText, covers: tokens.map((_, i) => inText || m.path[i]! > 0 || m.file[i]! > 0 || m.people[i]! > 0) };
  });
  const idf = tokens.map((_, i) => Math.log((local.index.symbols.length + 1) / (1 + candidates.filter((c) => c.covers[i]).length)));

  for (const { id, m, covers } of candidates) {
    const symbol = local.index.symbols[id]!;
    const resolvedHit = resolvedAt.get(id);
    const covered = covers.filter(Boolean).length;
    if (!resolvedHit && (n === 0 || covered < minCoverage)) continue;
    const segments = local.segments[id]!;
    const last = local.names[id]!;
    const informative = tokens.map((t, i) => !common.has(t.key) || m.path[i] === 0);
    const inPath = tokens.every((_, i) => m.path[i]! > FUZZY || (!informative[i] && m.path[i]! > 0));
    const pathWords = tokens.filter((_, i) => informative[i] && m.path[i] === EXACT).length;
    // The "prefix of the last segment": the segment starts with a query word.
    const lastPrefix = last.length > 0 && tokens.some((t) => wordStrength(t, last[0]!) > 0) ? 1 : 0;
    // A word the file name or Users only starts (`log` in `logitech`) is not that word.
    const fileWords = m.file.filter((x) => x === EXACT).length;
    // A word typed whole (`util-linux`) that Users or Contact has whole counts as all its tokens again.
    const peopleWords = m.people.filter((x) => x === EXACT).length + (m.people.some((x) => x > 0) ? wholeWordsInPeople(local, symbol, query) : 0);
    const score = fullText?.scores.get(id) ?? 0;
    const phrase = n > 1 && (fullText?.phrase.has(id) || peoplePhrase(local, symbol, tokens)) ? 1 : 0;
    const name = runIn(last, tokens);
    const key = signalKey({
      resolved: resolvedHit ? (resolvedHit.exact ? 3 : 2) : 0,
      resolvedOrder: resolvedHit ? -resolvedHit.order : 0,
      covered,
      name,
      phrase,
      rarity: round(covers.reduce<number>((sum, c, i) => sum + (c ? idf[i]! : 0), 0)),
      inPath: inPath && n > 0 && tokens.some((_, i) => informative[i]) ? 1 : 0,
      pathWords,
      lastPrefix,
      fileWords,
      peopleWords,
      textScore: coarse(score),
      stability: -LEVELS.indexOf(symbol.levels[0] ?? 'removed'),
      shortPath: -segments.length,
      firstOfEntry: -symbol.position,
      shortWhat: -symbol.what.length,
    });
    const reason: Reason = resolvedHit
      ? 'documents this path'
      : name > 0
        ? 'name'
        : m.path.some((x) => x > FUZZY)
          ? 'path'
          : m.path.some((x) => x > 0)
            ? 'similar name'
            : fileWords > 0
              ? 'file name'
              : peopleWords > 0
                ? m.people.some((hit, i) => hit && usersHave(local, symbol, tokens[i]!))
                  ? 'Users'
                  : 'Contact'
                : 'text';
    results.push({ kind: 'symbol', symbol, title: symbol.what, reason, key, ...(resolvedHit?.exact ? { exact: true } : {}), ...(resolvedHit?.via ? { via: resolvedHit.via } : {}) });
  }

  for (const [id, hits] of matches.files) {
    const file = local.index.files[id]!;
    const covered = hits.filter((x) => x > 0).length;
    const name = runIn(local.fileTokens[id]!, tokens) || typedPrefix(file.path, query);
    if (covered < n && name === 0) continue;
    const key = signalKey({
      covered,
      name,
      rarity: round(hits.reduce<number>((sum, c, i) => sum + (c > 0 ? idf[i]! : 0), 0)),
      fileWords: hits.filter((x) => x === EXACT).length,
      stability: -LEVELS.indexOf(file.level),
      shortPath: -1,
      shortWhat: -file.path.length,
    });
    results.push({ kind: 'file', file, title: file.path, reason: 'file name', key });
  }

  const folder = resolved?.folder;
  const folderIsSymbol = folder && [...resolvedAt.keys()].some((id) => local.index.symbols[id]?.what === folder.path);
  if (folder && !folderIsSymbol && (folder.exact || resolvedAt.size === 0)) {
    results.push({ kind: 'folder', url: folder.url, title: folder.path, reason: 'folder', key: signalKey({ resolved: folder.exact ? 4 : 1, covered: n }) });
  }
  return results.sort(compareResults);
}

/** Larger keys first; kind and title settle the rest, so the order never depends on input order. */
export function compareResults(a: SearchResult, b: SearchResult): number {
  const length = Math.max(a.key.length, b.key.length);
  for (let i = 0; i < length; i++) {
    const d = (b.key[i] ?? 0) - (a.key[i] ?? 0);
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
  if (words.length === 0) return 0;
  for (let start = 0; start < tokens.length; start++) {
    let at = start;
    const all = words.every((w) => {
      const t = tokens[at];
      if (t && nameWord(t, w)) return (at += 1);
      const next = tokens[at + 1];
      if (t && next && isCompound(w, t, next)) return (at += 2);
      return false;
    });
    if (all) return at - start;
  }
  return 0;
}

/** A file name being typed: a query word with a `-` that starts the file's name counts its tokens. */
/**
 * Pagefind's score in half-octave steps: pages whose texts are alike (the
 * Whats of one entry share its description) differ only by noise, which
 * must leave the decision to the tie-breaks.
 */
function coarse(score: number): number {
  return score > 0 ? Math.round(Math.log2(score) * 2) : -100;
}

/** Rounded, so float noise never decides between two equal sums. */
function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function typedPrefix(path: string, query: SearchQuery): number {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  const word = query.words.find((w) => w.includes('-') && name.startsWith(w));
  return word ? textTokens(word).length : 0;
}

/** Users and Contact of a symbol as space-separated lower-case words, padded with spaces. */
function peopleTexts(local: LocalSearch, symbol: IndexedSymbol): string[] {
  return [...symbol.users, ...symbol.contacts].map((p) => ` ${textTokens(local.index.people[p] ?? '').join(' ')} `);
}

function wholeWordsInPeople(local: LocalSearch, symbol: IndexedSymbol, query: SearchQuery): number {
  const texts = peopleTexts(local, symbol);
  let count = 0;
  for (const word of query.words) {
    const tokens = textTokens(word);
    if (tokens.length > 1 && texts.some((t) => t.includes(` ${tokens.join(' ')} `))) count += tokens.length;
  }
  return count;
}

/** The query's words side by side in Users or Contact ("kernel log" in `userspace kernel log consumers`). */
function peoplePhrase(local: LocalSearch, symbol: IndexedSymbol, tokens: readonly QueryToken[]): boolean {
  if (symbol.users.length + symbol.contacts.length === 0) return false;
  const run = ` ${tokens.map((t) => t.token).join(' ')} `;
  return peopleTexts(local, symbol).some((t) => t.includes(run));
}

function usersHave(local: LocalSearch, symbol: IndexedSymbol, t: QueryToken): boolean {
  return symbol.users.some((u) => textTokens(local.index.people[u] ?? '').some((w) => wordStrength(t, tokenKey(w)) > 0));
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
