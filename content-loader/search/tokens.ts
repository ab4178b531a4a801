/**
 * Words as search compares them: the segments and tokens of a What path,
 * of a file name, of a query. The same functions run at build time, in
 * tests and in the browser, so both sides of a comparison are cut alike.
 * No node: imports.
 */
import { normalizeWhat } from '../parse/permalink.ts';

/** One path segment of a What, as search reads it. */
export interface SearchSegment {
  /** Lower-cased tokens of the literal text (`fanY_input` -> fan, input); empty for a wildcard segment. */
  tokens: string[];
  /** False for `*`, `...`, `<name>` and other segments with no literal word. */
  literal: boolean;
}

// `X`, `Y`, `Z`, `N` glued to a lower-case name stand for a number (`cpuX`, `fanY`,
// `in_voltageY_raw`): the grammar of content-loader/resolve/compile-what.ts.
const PLACEHOLDER_SUFFIX = /(?<=[a-z])[XYZN]$/;
const PLACEHOLDER = /^[XYZN]$/;
const WILDCARD_PART = /<[^<>]*>|\[[^\]]*\]|\{[^}]*\}|\([^)]*\)|\$\w+|\*|\.\.\.|#|%d/g;

/**
 * The segments of a path What, wildcards blanked; [] for a What that is not a path.
 * `memo` keeps each segment text's cut, shared by the Whats that repeat it
 * (its segments are then shared too: read them, never change them).
 * @example pathSegments('/sys/class/hwmon/hwmonX/fanY_input').at(-1) // { tokens: ['fan', 'input'], literal: true }
 */
export function pathSegments(what: string, memo?: Map<string, SearchSegment>): SearchSegment[] {
  const w = normalizeWhat(what);
  if (!w.startsWith('/')) return [];
  return w
    .slice(1)
    .split('/')
    .filter((s) => s !== '')
    .map((segment) => {
      let cut = memo?.get(segment);
      if (!cut) {
        const tokens = textTokens(segment.replace(WILDCARD_PART, ' '), true);
        cut = { tokens, literal: tokens.length > 0 };
        memo?.set(segment, cut);
      }
      return cut;
    });
}

/**
 * The words of the named wildcards of a What (`<pmu>`, `<supply_name>`):
 * they say what a segment stands for, though no path has them literally.
 * @example wildcardWords('/sys/bus/event_source/devices/<pmu>/events') // ['pmu']
 */
export function wildcardWords(what: string): string[] {
  return [...normalizeWhat(what).matchAll(/<([^<>|]*)>/g)].flatMap((m) => textTokens(m[1]!));
}

/**
 * The lower-cased words of a piece of text, split at anything that is not a
 * letter or digit (`_ - : . /` and spaces). With `placeholders`, a trailing
 * X/Y/Z/N after lower-case letters, or alone (`hfi1_X`), is a number and is dropped
 * (What side).
 * @example textTokens('sysfs-kernel-btf') // ['sysfs', 'kernel', 'btf']
 */
export function textTokens(text: string, placeholders = false): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^\p{L}\p{N}]+/u)) {
    if (raw === '') continue;
    const word = !placeholders ? raw : PLACEHOLDER.test(raw) ? '' : raw.replace(PLACEHOLDER_SUFFIX, '');
    if (word !== '') out.push(word.toLowerCase());
  }
  return out;
}

/**
 * The form two tokens are compared in: a plural `s` dropped (hugepages ~
 * hugepage), so "transparent hugepages" finds `transparent_hugepage`.
 * @example tokenKey('hugepages') === 'hugepage'
 */
export function tokenKey(token: string): string {
  return token.length > 3 && token.endsWith('s') && !token.endsWith('ss') ? token.slice(0, -1) : token;
}

/**
 * A token without its trailing number: what `fan1`, `cpu0` or `eth0` typed
 * by a user have in common with `fanY`, `cpuX`; undefined when nothing is left
 * or nothing was cut.
 * @example withoutNumber('fan1') === 'fan'
 */
export function withoutNumber(token: string): string | undefined {
  const cut = token.replace(/(?<=\p{L})\d+$/u, '');
  return cut !== token && cut !== '' ? cut : undefined;
}

/**
 * Words a query carries that say nothing about an interface ("offline a
 * cpu", "number of virtual functions"). Short on purpose: `in`, `on`, `off`
 * and `no` are path words (`in_voltageY_raw`, `no_turbo`).
 */
const STOP_WORDS = new Set(['a', 'an', 'the', 'of', 'to', 'for', 'and', 'or', 'is', 'are', 'how', 'what', 'which', 'where', 'do', 'does', 'can', 'my', 'with', 'from', 'by', 'at', 'this', 'that', 'it']);

/** A query as the ranker reads it. */
export interface SearchQuery {
  /** The text as typed, trimmed. */
  text: string;
  /** Space- or `/`-separated words, lower-cased (`sampling_frequency`, `btf`). */
  words: string[];
  /** The tokens of all words, in order, each once, without stop words (unless that leaves none). */
  tokens: string[];
  /** True when the text starts with `/`: a path to resolve first. */
  isPath: boolean;
}

/**
 * Reads a query: words at spaces and `/`, tokens at every other punctuation.
 * @example parseQuery('sampling_frequency /sys').tokens // ['sampling', 'frequency', 'sys']
 */
export function parseQuery(text: string): SearchQuery {
  const trimmed = text.trim();
  const words = trimmed
    .toLowerCase()
    .split(/[\s/]+/)
    .filter((w) => textTokens(w).length > 0);
  const all = [...new Set(words.flatMap((w) => textTokens(w)))];
  const meaningful = all.filter((t) => !STOP_WORDS.has(t));
  const tokens = meaningful.length > 0 ? meaningful : all;
  return { text: trimmed, words, tokens, isPath: trimmed.startsWith('/') };
}
