/**
 * Compiles the text of ONE path segment of a What (no `/` at bracket depth 0)
 * into a segment pattern. The grammar is documented in `compile-what.ts`;
 * this module is its in-segment half.
 */
import { alt, chars, DIGITS, HEX_DIGITS, NAME_CHARS, normalizeRanges, opt, repeat, seq, text, type SegmentPattern } from './segment-pattern.ts';

/** A compiled piece of a segment: its pattern plus how specific it is. */
export interface Fragment {
  /** Never matches `/`. */
  pattern: SegmentPattern;
  /** Characters that must appear literally (the ranking's main key). */
  literalChars: number;
  /** Number of wildcard forms used (0 for a literal fragment). */
  wildcards: number;
  /** How much the wildcards admit (a number 1, a hex number 2, a name 3, anything 4, summed): a tie-break between equally literal patterns. */
  breadth: number;
}

/** Thrown for a form that cannot be read; the caller turns it into `{what, reason}` data. */
export class FormError extends Error {}

const NAME = repeat(chars(NAME_CHARS), 1);
const NUMBER = repeat(chars(DIGITS), 1);
const HEX = repeat(chars(HEX_DIGITS), 1);
const ANY = repeat(chars(NAME_CHARS), 0);
const CLOSERS: Record<string, string> = { '<': '>', '{': '}', '[': ']', '(': ')' };
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
/** Numeric ranges wider than this compile to "any number" instead of an exact alternation. */
const MAX_RANGE = 256;
/** Nor more numbers than this in one segment, so that its automaton stays small whatever the What. */
const MAX_RANGE_NUMBERS = 1024;
/** Brackets nested deeper than this are not a wildcard anyone writes; refusing them keeps the recursion shallow. */
const MAX_NESTING = 16;
/** A `(` further than this from its `)` is literal text; the bound keeps a run of unclosed `(` linear. */
const MAX_GROUP = 256;
const SHELL_VAR = /\$[A-Za-z_]\w*/y;

/** Compiles a segment fragment; throws FormError on an unclosed bracket. */
export function compileFragment(source: string, nesting = 0, budget = { numbers: MAX_RANGE_NUMBERS }): Fragment {
  if (nesting > MAX_NESTING) throw new FormError(`brackets nested more than ${MAX_NESTING} deep`);
  const out: Fragment[] = [];
  // Literal characters gather into one text piece.
  let run = '';
  const push = (piece: Fragment): void => {
    if (run !== '') out.push({ pattern: text(run), literalChars: run.length, wildcards: 0, breadth: 0 });
    run = '';
    out.push(piece);
  };
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    // Backslashes are reStructuredText escapes (`firmware\:zynqmp`, `\*`): drop them, as the kernel does.
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '<' || ch === '{' || ch === '[') {
      const end = findClose(source, i);
      if (end < 0) throw new FormError(`unclosed '${ch}'`);
      let piece = bracket(ch, source.slice(i + 1, end), nesting, budget);
      i = end + 1;
      // `[0-9]+`, `[a-f]+`: a regex-style repeat of the class.
      if (ch === '[' && source[i] === '+') {
        piece = { ...piece, pattern: repeat(piece.pattern, 1) };
        i++;
      }
      push(piece);
      continue;
    }
    if (ch === '(') {
      const end = findClose(source, i, MAX_GROUP);
      const inner = end < 0 ? '' : source.slice(i + 1, end);
      if (end >= 0 && splitTop(inner, '|').length > 1) {
        push(alternation(splitTop(inner, '|'), nesting, budget));
        i = end + 1;
        continue;
      }
      if (end >= 0 && /^[A-Za-z]$/.test(inner)) {
        push(wild(NUMBER, 1)); // `input(x)`: a one-letter index in parentheses
        i = end + 1;
        continue;
      }
      // Anything else in parentheses is literal text: `sqrt(x^2+y^2+z^2)`.
      run += ch;
      i++;
      continue;
    }
    if (source.startsWith('...', i)) {
      push(wild(ANY, 4)); // `sdw:...`: the rest of a name
      i += 3;
      continue;
    }
    if (ch === '*') {
      push(wild(ANY, 4));
      i++;
      continue;
    }
    if (ch === '#' || source.startsWith('%d', i)) {
      push(wild(NUMBER, 1)); // `xen_cpu#`, `usbip-vudc.%d`
      i += ch === '#' ? 1 : 2;
      continue;
    }
    SHELL_VAR.lastIndex = i;
    const shellVar = SHELL_VAR.exec(source);
    if (shellVar) {
      push(wild(NAME, 3)); // `$name`, `$dport_dev`
      i += shellVar[0].length;
      continue;
    }
    const placeholder = placeholderAt(source, i);
    if (placeholder) {
      push(placeholder.hex ? wild(HEX, 2) : wild(NUMBER, 1));
      i += placeholder.length;
      continue;
    }
    run += ch;
    i++;
  }
  if (run !== '') out.push({ pattern: text(run), literalChars: run.length, wildcards: 0, breadth: 0 });
  return concat(out);
}

/**
 * Uppercase index placeholders glued to names: `cpuX`, `in_voltageY_raw`,
 * `iio:deviceX`, `fanN_input`, `0000:XX:XX.X`. A letter is a placeholder only
 * when no uppercase letter touches it, so all-caps words (`LNXSYSTM`,
 * `INT34D2`) stay literal. `N` must also not start a camelCase word, which
 * keeps USB descriptor names (`bNumEndpoints`, `wNdpInDivisor`) literal; `X`
 * and `Y` may (`cXdY`, `mtdXro`). A run of two or more X is a hex field.
 */
function placeholderAt(source: string, i: number): { hex: boolean; length: number } | undefined {
  const ch = source[i]!;
  if (!'XYZN'.includes(ch) || UPPER.test(source[i - 1] ?? '')) return undefined;
  if (ch === 'X') {
    let end = i;
    while (source[end] === 'X') end++;
    if (UPPER.test(source[end] ?? '')) return undefined;
    return { hex: end - i > 1, length: end - i };
  }
  const next = source[i + 1] ?? '';
  if (UPPER.test(next) || (ch === 'N' && LOWER.test(next))) return undefined;
  return { hex: false, length: 1 };
}

/** The inside of `<...>`, `{...}` or `[...]`. */
function bracket(open: string, inner: string, nesting: number, budget: { numbers: number }): Fragment {
  const alternatives = open === '[' ? splitTop(inner, '|,') : splitTop(inner, open === '{' ? ',|' : '|/');
  if (alternatives.length > 1) return alternation(alternatives, nesting, budget);
  if (open !== '[') return wild(NAME, 3); // `<iface>`, `<config num>`, `{foo}`
  return squareBracket(inner, nesting, budget);
}

/** `[0-9]`, `[01]`, `[0-15]`, `[0:7]`, `[0..N]`, `[n]`, `[.Y]`, `[-X]`, `[..]`, `[list-number]`. */
function squareBracket(inner: string, nesting: number, budget: { numbers: number }): Fragment {
  if (inner === '..' || inner === '...') return wild(ANY, 4);
  const range = /^(\d+)(?:-|:|\.\.)(\d+|[A-Za-z])$/.exec(inner);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (!Number.isInteger(hi) || hi < lo || hi - lo > MAX_RANGE || hi - lo >= budget.numbers) return wild(NUMBER, 1);
    budget.numbers -= hi - lo + 1;
    return wild(alt(Array.from({ length: hi - lo + 1 }, (_, k) => text(String(lo + k)))), 1);
  }
  // A one-letter index: `output_hvled[n]`, `device[n]`.
  if (/^[A-Za-z]$/.test(inner)) return wild(NUMBER, 1);
  // A character class as in a regex or a shell glob: `[01]`, `[a-z]`, `[0-9a-f]`;
  // letters only inside ordered ranges, so `[list-number]` stays a name.
  if (/^(?:\d|[A-Za-z0-9]-[A-Za-z0-9])+$/.test(inner) && orderedRanges(inner)) {
    return wild(chars(classRanges(inner)), 1);
  }
  // An optional suffix: `linkX[.Y]`, `...C9062910[-X]`.
  if (/^[.\-_:]/.test(inner)) {
    const optional = compileFragment(inner, nesting + 1, budget);
    return { pattern: opt(optional.pattern), literalChars: 0, wildcards: optional.wildcards + 1, breadth: optional.breadth + 1 };
  }
  return wild(NAME, 3); // `[list-number]`: a named placeholder
}

function orderedRanges(inner: string): boolean {
  return [...inner.matchAll(/(.)-(.)/g)].every(([, lo, hi]) => lo! <= hi! && /\d/.test(lo!) === /\d/.test(hi!));
}

/** `0-9a-f` -> its code-unit ranges. */
function classRanges(inner: string): ReturnType<typeof normalizeRanges> {
  const ranges: [number, number][] = [];
  for (let i = 0; i < inner.length; i++) {
    const lo = inner.charCodeAt(i);
    if (inner[i + 1] === '-' && i + 2 < inner.length) {
      ranges.push([lo, inner.charCodeAt(i + 2)]);
      i += 2;
    } else ranges.push([lo, lo]);
  }
  return normalizeRanges(ranges);
}

function alternation(parts: string[], nesting: number, budget: { numbers: number }): Fragment {
  const compiled = parts.map((p) => compileFragment(p, nesting + 1, budget));
  return {
    pattern: alt(compiled.map((c) => c.pattern)),
    // Only the characters every alternative shares are sure to be literal.
    literalChars: Math.min(...compiled.map((c) => c.literalChars)),
    wildcards: 1 + Math.max(...compiled.map((c) => c.wildcards)),
    breadth: Math.max(...compiled.map((c) => c.breadth)),
  };
}

function concat(parts: Fragment[]): Fragment {
  return {
    pattern: seq(parts.map((p) => p.pattern)),
    literalChars: parts.reduce((n, p) => n + p.literalChars, 0),
    wildcards: parts.reduce((n, p) => n + p.wildcards, 0),
    breadth: parts.reduce((n, p) => n + p.breadth, 0),
  };
}

function wild(pattern: SegmentPattern, breadth: number): Fragment {
  return { pattern, literalChars: 0, wildcards: 1, breadth };
}

/** Index of the bracket closing the one at `start` (within `limit` characters), counting nesting of all bracket kinds; -1 if none. */
export function findClose(source: string, start: number, limit = Infinity): number {
  const stack = [CLOSERS[source[start]!]!];
  const stop = Math.min(source.length, start + limit);
  for (let i = start + 1; i < stop; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    } else if (ch in CLOSERS && ch !== '(') stack.push(CLOSERS[ch]!);
  }
  return -1;
}

/** Splits at any of `separators` outside nested brackets. */
export function splitTop(source: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '\\') i++;
    else if ('<{['.includes(ch)) depth++;
    else if ('>}]'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(source.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(source.slice(start));
  return parts;
}
