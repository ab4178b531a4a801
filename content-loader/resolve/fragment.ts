/**
 * Compiles the text of ONE path segment of a What (no `/` at bracket depth 0)
 * into a regular-expression source. The grammar is documented in
 * `compile-what.ts`; this module is its in-segment half.
 */

/** A compiled piece of a segment: regex source plus how specific it is. */
export interface Fragment {
  /** Regex source, unanchored, never matching `/`. */
  source: string;
  /** Characters that must appear literally (the ranking's main key). */
  literalChars: number;
  /** Number of wildcard forms used (0 for a literal fragment). */
  wildcards: number;
}

/** Thrown for a form that cannot be read; the caller turns it into `{what, reason}` data. */
export class FormError extends Error {}

const NAME = '[^/]+';
const NUMBER = '[0-9]+';
const HEX = '[0-9A-Fa-f]+';
const ANY = '[^/]*';
const CLOSERS: Record<string, string> = { '<': '>', '{': '}', '[': ']', '(': ')' };
const REGEX_SPECIAL = /[\\^$.*+?()[\]{}|/]/;
const UPPER = /[A-Z]/;
const LOWER = /[a-z]/;
/** Numeric ranges wider than this compile to "any number" instead of an exact alternation. */
const MAX_RANGE = 256;

/** Compiles a segment fragment; throws FormError on an unclosed bracket. */
export function compileFragment(text: string): Fragment {
  const out: Fragment[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    // Backslashes are reStructuredText escapes (`firmware\:zynqmp`, `\*`): drop them, as the kernel does.
    if (ch === '\\') {
      i++;
      continue;
    }
    if (ch === '<' || ch === '{' || ch === '[') {
      const end = findClose(text, i);
      if (end < 0) throw new FormError(`unclosed '${ch}'`);
      let piece = bracket(ch, text.slice(i + 1, end));
      i = end + 1;
      // `[0-9]+`, `[a-f]+`: a regex-style repeat of the class.
      if (ch === '[' && text[i] === '+') {
        piece = { ...piece, source: `(?:${piece.source})+` };
        i++;
      }
      out.push(piece);
      continue;
    }
    if (ch === '(') {
      const end = findClose(text, i);
      const inner = end < 0 ? '' : text.slice(i + 1, end);
      if (end >= 0 && splitTop(inner, '|').length > 1) {
        out.push(alternation(splitTop(inner, '|')));
        i = end + 1;
        continue;
      }
      if (end >= 0 && /^[A-Za-z]$/.test(inner)) {
        out.push(wild(NUMBER)); // `input(x)`: a one-letter index in parentheses
        i = end + 1;
        continue;
      }
      // Anything else in parentheses is literal text: `sqrt(x^2+y^2+z^2)`.
      out.push(literal(ch));
      i++;
      continue;
    }
    if (text.startsWith('...', i)) {
      out.push(wild(ANY)); // `sdw:...`: the rest of a name
      i += 3;
      continue;
    }
    if (ch === '*') {
      out.push(wild(ANY));
      i++;
      continue;
    }
    if (ch === '#' || text.startsWith('%d', i)) {
      out.push(wild(NUMBER)); // `xen_cpu#`, `usbip-vudc.%d`
      i += ch === '#' ? 1 : 2;
      continue;
    }
    const shellVar = /^\$[A-Za-z_]\w*/.exec(text.slice(i));
    if (shellVar) {
      out.push(wild(NAME)); // `$name`, `$dport_dev`
      i += shellVar[0].length;
      continue;
    }
    const placeholder = placeholderAt(text, i);
    if (placeholder) {
      out.push(wild(placeholder.source));
      i += placeholder.length;
      continue;
    }
    out.push(literal(ch));
    i++;
  }
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
function placeholderAt(text: string, i: number): { source: string; length: number } | undefined {
  const ch = text[i]!;
  if (!'XYZN'.includes(ch) || UPPER.test(text[i - 1] ?? '')) return undefined;
  if (ch === 'X') {
    let end = i;
    while (text[end] === 'X') end++;
    if (UPPER.test(text[end] ?? '')) return undefined;
    return end - i > 1 ? { source: HEX, length: end - i } : { source: NUMBER, length: 1 };
  }
  const next = text[i + 1] ?? '';
  if (UPPER.test(next) || (ch === 'N' && LOWER.test(next))) return undefined;
  return { source: NUMBER, length: 1 };
}

/** The inside of `<...>`, `{...}` or `[...]`. */
function bracket(open: string, inner: string): Fragment {
  const alternatives = open === '[' ? splitTop(inner, '|,') : splitTop(inner, open === '{' ? ',|' : '|/');
  if (alternatives.length > 1) return alternation(alternatives);
  if (open !== '[') return wild(NAME); // `<iface>`, `<config num>`, `{foo}`
  return squareBracket(inner);
}

/** `[0-9]`, `[01]`, `[0-15]`, `[0:7]`, `[0..N]`, `[n]`, `[.Y]`, `[-X]`, `[..]`, `[list-number]`. */
function squareBracket(inner: string): Fragment {
  if (inner === '..' || inner === '...') return wild(ANY);
  const range = /^(\d+)(?:-|:|\.\.)(\d+|[A-Za-z])$/.exec(inner);
  if (range) {
    const lo = Number(range[1]);
    const hi = Number(range[2]);
    if (!Number.isInteger(hi) || hi < lo || hi - lo > MAX_RANGE) return wild(NUMBER);
    const numbers = Array.from({ length: hi - lo + 1 }, (_, k) => String(lo + k));
    return wild(`(?:${numbers.join('|')})`);
  }
  // A one-letter index: `output_hvled[n]`, `device[n]`.
  if (/^[A-Za-z]$/.test(inner)) return wild(NUMBER);
  // A character class as in a regex or a shell glob: `[01]`, `[a-z]`, `[0-9a-f]`;
  // letters only inside ordered ranges, so `[list-number]` stays a name.
  if (/^(?:\d|[A-Za-z0-9]-[A-Za-z0-9])+$/.test(inner) && orderedRanges(inner)) {
    return wild(`[${inner}]`);
  }
  // An optional suffix: `linkX[.Y]`, `...C9062910[-X]`.
  if (/^[.\-_:]/.test(inner)) {
    const optional = compileFragment(inner);
    return { source: `(?:${optional.source})?`, literalChars: 0, wildcards: optional.wildcards + 1 };
  }
  return wild(NAME); // `[list-number]`: a named placeholder
}

function orderedRanges(inner: string): boolean {
  return [...inner.matchAll(/(.)-(.)/g)].every(([, lo, hi]) => lo! <= hi! && /\d/.test(lo!) === /\d/.test(hi!));
}

function alternation(parts: string[]): Fragment {
  const compiled = parts.map((p) => compileFragment(p));
  return {
    source: `(?:${compiled.map((c) => c.source).join('|')})`,
    // Only the characters every alternative shares are sure to be literal.
    literalChars: Math.min(...compiled.map((c) => c.literalChars)),
    wildcards: 1 + Math.max(...compiled.map((c) => c.wildcards)),
  };
}

function concat(parts: Fragment[]): Fragment {
  return {
    source: parts.map((p) => p.source).join(''),
    literalChars: parts.reduce((n, p) => n + p.literalChars, 0),
    wildcards: parts.reduce((n, p) => n + p.wildcards, 0),
  };
}

function literal(ch: string): Fragment {
  return { source: REGEX_SPECIAL.test(ch) ? `\\${ch}` : ch, literalChars: 1, wildcards: 0 };
}

function wild(source: string): Fragment {
  return { source, literalChars: 0, wildcards: 1 };
}

/** Index of the bracket closing the one at `start`, counting nesting of all bracket kinds; -1 if none. */
export function findClose(text: string, start: number): number {
  const stack = [CLOSERS[text[start]!]!];
  for (let i = start + 1; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') i++;
    else if (ch === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return i;
    } else if (ch in CLOSERS && ch !== '(') stack.push(CLOSERS[ch]!);
  }
  return -1;
}

/** Splits at any of `separators` outside nested brackets. */
export function splitTop(text: string, separators: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\') i++;
    else if ('<{['.includes(ch)) depth++;
    else if ('>}]'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (depth === 0 && separators.includes(ch)) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(text.slice(start));
  return parts;
}
