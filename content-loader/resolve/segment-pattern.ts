/**
 * The pattern of one What path segment as a small tree (characters,
 * sequences, alternatives, repeats), which `segment-nfa.ts` turns into an
 * automaton. A tree rather than a regex source: JavaScript's regex engine
 * backtracks, and `<a>-<b>:<c>` read as `[^/]+-[^/]+:[^/]+` takes
 * polynomial (with more placeholders, astronomical) time on crafted input.
 */

/** A set of UTF-16 code units as sorted, merged, inclusive ranges. */
export type CharRanges = readonly (readonly [number, number])[];

export type SegmentPattern =
  /** These characters, in order. */
  | { type: 'text'; value: string }
  /** One character of the set. */
  | { type: 'chars'; ranges: CharRanges }
  | { type: 'seq'; items: readonly SegmentPattern[] }
  | { type: 'alt'; options: readonly SegmentPattern[] }
  /** The item or nothing. */
  | { type: 'opt'; item: SegmentPattern }
  /** The item repeated, at least `min` times. */
  | { type: 'repeat'; item: SegmentPattern; min: 0 | 1 };

const MAX_UNIT = 0xffff;
const SLASH = 0x2f;

/** Every character a segment can hold: all but `/`. */
export const NAME_CHARS: CharRanges = [
  [0, SLASH - 1],
  [SLASH + 1, MAX_UNIT],
];
export const DIGITS: CharRanges = [[0x30, 0x39]];
export const HEX_DIGITS: CharRanges = [
  [0x30, 0x39],
  [0x41, 0x46],
  [0x61, 0x66],
];

export function chars(ranges: CharRanges): SegmentPattern {
  return { type: 'chars', ranges };
}

export function text(value: string): SegmentPattern {
  return { type: 'text', value };
}

/** The items in order; neighbouring texts are joined. */
export function seq(items: readonly SegmentPattern[]): SegmentPattern {
  const joined: SegmentPattern[] = [];
  for (const item of items) {
    const last = joined[joined.length - 1];
    if (item.type === 'text' && last?.type === 'text') joined[joined.length - 1] = text(last.value + item.value);
    else joined.push(item);
  }
  return joined.length === 1 ? joined[0]! : { type: 'seq', items: joined };
}

/** One of the options; options of one character each (`{0,1}`, `[0-9]`) become one set, so a mention's `N` can be tested against them as a whole. */
export function alt(options: readonly SegmentPattern[]): SegmentPattern {
  if (options.length === 1) return options[0]!;
  const single = options.map(oneCharacter);
  if (single.every((r) => r !== undefined)) return chars(normalizeRanges(single.flat()));
  return { type: 'alt', options };
}

function oneCharacter(p: SegmentPattern): CharRanges | undefined {
  if (p.type === 'chars') return p.ranges;
  if (p.type === 'text' && p.value.length === 1) return [[p.value.charCodeAt(0), p.value.charCodeAt(0)]];
  return undefined;
}

export function repeat(item: SegmentPattern, min: 0 | 1): SegmentPattern {
  return { type: 'repeat', item, min };
}

export function opt(item: SegmentPattern): SegmentPattern {
  return { type: 'opt', item };
}

/** Sorts and merges ranges, so that subset tests compare one range with one range. */
export function normalizeRanges(ranges: Iterable<readonly [number, number]>): CharRanges {
  const sorted = [...ranges].map(([lo, hi]) => [lo, hi] as [number, number]).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

/** True when the code unit is in the set. */
export function inRanges(ranges: CharRanges, code: number): boolean {
  for (const [lo, hi] of ranges) {
    if (code < lo) return false;
    if (code <= hi) return true;
  }
  return false;
}

/** True when every character of `inner` is in `outer` (both normalized). */
export function rangesWithin(inner: CharRanges, outer: CharRanges): boolean {
  return inner.every(([lo, hi]) => outer.some(([olo, ohi]) => olo <= lo && hi <= ohi));
}

/** True when the set holds exactly one character. */
export function isSingle(ranges: CharRanges): boolean {
  return ranges.length === 1 && ranges[0]![0] === ranges[0]![1];
}

export function sameRanges(a: CharRanges, b: CharRanges): boolean {
  return a.length === b.length && a.every(([lo, hi], i) => lo === b[i]![0] && hi === b[i]![1]);
}

/** The text every match starts with (`in_voltage` for `in_voltageY_raw`). */
export function literalStart(pattern: SegmentPattern): string {
  const first = pattern.type === 'seq' ? pattern.items[0]! : pattern;
  return first.type === 'text' ? first.value : '';
}
