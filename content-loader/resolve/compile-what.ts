/**
 * Compiles a What string into a matcher for concrete paths.
 *
 * ## The What pattern grammar
 *
 * Only Whats that start with `/` are patterns. A What is cut at the first
 * whitespace outside brackets (`/sys/o2cb symlink`, `.../capability for PCI`,
 * `.../name = "bmg160-any-motion-devX"` keep only their path), then split at
 * `/` outside brackets into segments. A segment is one of:
 *
 * | Form                    | Example                                   | Matches                                  |
 * |-------------------------|-------------------------------------------|------------------------------------------|
 * | `...` or `[..]` (whole) | `/sys/.../iio:deviceX/...`                | one or more whole segments               |
 * | `*` (whole)             | `/sys/class/leds/*\/brightness`           | one segment                              |
 * | anything else           | `in_voltageY_raw`                         | one segment, built from the forms below  |
 *
 * Inside a segment:
 *
 * | Form                         | Example                                   | Matches                           |
 * |------------------------------|-------------------------------------------|-----------------------------------|
 * | literal text                 | `mtu`, `block:cciss!`, `x^2+y^2`          | itself                            |
 * | `\c`                         | `firmware\:zynqmp`                        | `c` (reST escape, dropped)        |
 * | `<name>`                     | `<iface>`, `<config num>`, `<port[.port]>`| one or more chars, no `/`         |
 * | `<a\|b>`, `<a/b>`            | `<port\|partner\|cable>`, `rp_<A/B/C/D>`  | one of the alternatives           |
 * | `{a,b}`, `{a\|b}`            | `cap_{pmem,ram}`, `tee{,priv}X`, nested   | one of the alternatives           |
 * | `[a,b]`, `[a\|b]`            | `.[etm\|ptm]`, `error_[core\|mem]`        | one of the alternatives           |
 * | `(a\|b)`                     | `(dimm\|rank)*`                           | one of the alternatives           |
 * | `[0-9]`, `[01]`, `[a-f]`     | `docg3/f[0-3]_dps[01]`                    | one character of the class        |
 * | `[...]+`                     | `cpu[0-9]+`, `fw[0-9]+[.][0-9]+`          | the class repeated                |
 * | `[lo-hi]`, `[lo:hi]`         | `sl2vl/[0-15]`, `edcr[0:15]`              | a decimal number from lo to hi    |
 * | `[0-N]`, `[0..N]`            | `target[0..N]`                            | any decimal number                |
 * | `[n]`, `(x)` (one letter)    | `output_hvled[n]`, `input(x)`             | any decimal number                |
 * | `[.x]`, `[-x]`               | `linkX[.Y]`, `...2910[-X]`                | the bracketed text, or nothing    |
 * | `[word]`                     | `[list-number]`                           | like `<name>`                     |
 * | `X` `Y` `Z` `N` glued        | `cpuX`, `in_voltageY_raw`, `fanN_input`   | a decimal number                  |
 * | `XX`, `XXXX` ...             | `mmcX:XXXX`, `0000:XX:XX.X`               | hex digits                        |
 * | `*`, `...` glued             | `hwmon*`, `sdw:...`                       | zero or more chars, no `/`        |
 * | `#`, `%d`                    | `xen_cpu#`, `usbip-vudc.%d`               | a decimal number                  |
 * | `$name`                      | `report/$name/inblob`                     | like `<name>`                     |
 * | other `(`, `)`               | `sqrt(x^2+y^2+z^2)`                       | themselves                        |
 *
 * `X`/`Y`/`Z`/`N` are placeholders only when no uppercase letter touches them
 * (`LNXSYSTM`, `INT34D2` stay literal), and `N` not before a lowercase letter
 * (`bNumEndpoints` stays literal). A placeholder matches digits only, where
 * the kernel's `\w+` would also accept names: stricter, so better ranked.
 * Whats with an unclosed `<`, `{` or `[`, an empty segment, or no literal
 * text after the first segment (`/sys/.../<device>/<UUID>` would match almost
 * any path) are reported as not compiled; they still match exactly. Matching is case-sensitive and whole-path.
 *
 * A pattern segment is matched by an automaton in time linear in the
 * segment's length (`segment-nfa.ts`), never by a backtracking regex, and a
 * path is walked segment by segment (`trie.ts`), so no What and no path can
 * make matching slow.
 */
import { remembered } from '../shared/remembered.ts';
import { normalizeWhat } from '../parse/permalink.ts';
import { compileFragment, FormError, splitTop } from './fragment.ts';
import { compileNfa, nfaMatches, type SegmentNfa } from './segment-nfa.ts';
import { NAME_CHARS, chars, literalStart, repeat } from './segment-pattern.ts';

/** How one segment of a What matches a segment of a concrete path. */
export type SegmentMatcher =
  | { kind: 'literal'; text: string; value: string }
  | {
      kind: 'pattern';
      text: string;
      /** The text every match starts with, for the tree's index. */
      start: string;
      /** Built on first use: most segments are never tested in a page's lifetime. */
      readonly nfa: SegmentNfa;
      literalChars: number;
      wildcards: number;
      breadth: number;
    }
  | { kind: 'multi'; text: string };

export interface CompiledWhat {
  /** The What as written (normalized: trimmed, no trailing `/`). */
  what: string;
  segments: SegmentMatcher[];
  /** Ranking keys: more literal characters and segments, fewer and narrower wildcards, is more specific. */
  literalChars: number;
  literalSegments: number;
  wildcards: number;
  breadth: number;
}

/** A What that is a path but could not be compiled, as data. */
export interface CompileFailure {
  what: string;
  reason: string;
}

/** Breadth of a `...` segment: more than any in-segment wildcards add up to. */
const MULTI_BREADTH = 1000;
const WHOLE_STAR = compileNfa(repeat(chars(NAME_CHARS), 1));

/** Compiles a path What; returns undefined for a What that is not a path. */
export function compileWhat(rawWhat: string): CompiledWhat | CompileFailure | undefined {
  const what = normalizeWhat(rawWhat);
  if (!what.startsWith('/')) return undefined;
  const path = cutAtSpace(what);
  const texts = splitTop(path, '/').slice(1);
  if (texts.length === 0 || (texts.length === 1 && texts[0] === '')) return { what, reason: 'no path segment' };
  const segments: SegmentMatcher[] = [];
  for (const text of texts) {
    if (text === '') return { what, reason: 'empty path segment (//)' };
    try {
      segments.push(compiledSegment(text));
    } catch (e) {
      if (e instanceof FormError || e instanceof SyntaxError) return { what, reason: `${e.message} in segment '${text}'` };
      throw e;
    }
  }
  if (segments.length > 1 && !segments.slice(1).some(hasLiteralText)) {
    // `/sys/.../<device>/<UUID>` would claim every path: it documents nothing in particular.
    return { what, reason: 'no literal text after the first segment: it would match almost any path' };
  }
  let literalChars = 0;
  let literalSegments = 0;
  let wildcards = 0;
  let breadth = 0;
  for (const s of segments) {
    if (s.kind === 'literal') {
      literalChars += s.value.length;
      literalSegments++;
    } else if (s.kind === 'pattern') {
      literalChars += s.literalChars;
      wildcards += s.wildcards;
      breadth += s.breadth;
    } else {
      // A multi-segment wildcard is far less specific than any in-segment one.
      wildcards += 10;
      breadth += MULTI_BREADTH;
    }
  }
  return { what, segments, literalChars, literalSegments, wildcards, breadth };
}


/** True when a segment needs some literal text to match (`mtu`, `cpuX`; not `<iface>`, `*`, `...`). */
export function hasLiteralText(s: SegmentMatcher): boolean {
  return s.kind === 'literal' || (s.kind === 'pattern' && s.literalChars > 0);
}

/**
 * True when one concrete path segment (a folder or file name) is what the
 * What segment `m` stands for; a `...` takes any.
 * @example segmentAccepts(compileSegment('cpu[0-9]+'), 'cpu12') === true
 */
export function segmentAccepts(m: SegmentMatcher, name: string): boolean {
  if (m.kind === 'literal') return m.value === name;
  return m.kind === 'multi' || nfaMatches(m.nfa, name);
}

/** True for the failure branch of `compileWhat`. */
export function isFailure(c: CompiledWhat | CompileFailure): c is CompileFailure {
  return 'reason' in c;
}

/**
 * Segments compiled so far, by text: the Whats of a tree repeat a few
 * thousand segment texts (`sys`, `devices`, `<iface>`) tens of thousands of
 * times, and compiling each once makes loading the resolver in the browser
 * several times cheaper. A matcher is never changed after it is made (its
 * automaton is built once, on first use), so Whats can share it.
 */
const compiledSegment = remembered(compileSegment);

/** Compiles one segment's text (no `/` outside brackets). */
export function compileSegment(text: string): SegmentMatcher {
  if (text === '...' || text === '[..]') return { kind: 'multi', text };
  // A whole `*` is one name, like `<name>`.
  if (text === '*') return { kind: 'pattern', text, start: '', nfa: WHOLE_STAR, literalChars: 0, wildcards: 1, breadth: 3 };
  const fragment = compileFragment(text);
  if (fragment.wildcards === 0) return { kind: 'literal', text, value: text.replaceAll('\\', '') };
  let nfa: SegmentNfa | undefined;
  return {
    kind: 'pattern',
    text,
    start: literalStart(fragment.pattern),
    get nfa() {
      return (nfa ??= compileNfa(fragment.pattern));
    },
    literalChars: fragment.literalChars,
    wildcards: fragment.wildcards,
    breadth: fragment.breadth,
  };
}

/** The path part of a What: text up to the first whitespace outside brackets. */
function cutAtSpace(what: string): string {
  if (!/\s/.test(what)) return what; // nearly every What
  let depth = 0;
  for (let i = 0; i < what.length; i++) {
    const ch = what[i]!;
    if ('<{['.includes(ch)) depth++;
    else if ('>}]'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && /\s/.test(ch)) return what.slice(0, i);
  }
  return what;
}
