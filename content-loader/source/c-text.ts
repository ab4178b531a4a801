/**
 * Just enough of C's lexical structure to read creation sites safely:
 * comments blanked out, balanced argument lists, string literals. Every
 * scanner here moves forward only (no regular expressions that can
 * backtrack), so a hostile file costs time linear in its size.
 */

const STAR = 0x2a;
const QUOTE = 0x22;
const APOS = 0x27;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;

/**
 * The text with every comment replaced by spaces (line breaks kept), so
 * offsets and line numbers stay those of the file. Strings and character
 * literals are kept; one left open ends at its line's end.
 * @example blankComments('a /* b *\/ "/* c"') === 'a         "/* c"'
 */
export function blankComments(text: string): string {
  const out: string[] = [];
  let kept = 0;
  const special = new RegExp(SPECIAL);
  for (let m = special.exec(text); m; m = special.exec(text)) {
    const i = m.index;
    const c = text.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      special.lastIndex = skipQuoted(text, i);
      continue;
    }
    let end: number;
    if (text.charCodeAt(i + 1) === STAR) {
      const close = text.indexOf('*/', i + 2);
      end = close < 0 ? text.length : close + 2;
    } else {
      end = text.indexOf('\n', i);
      if (end < 0) end = text.length;
    }
    out.push(text.slice(kept, i), blank(text, i, end));
    kept = special.lastIndex = end;
  }
  if (kept === 0) return text;
  out.push(text.slice(kept));
  return out.join('');
}

// Where a comment or a literal starts; the engine's own search jumps over everything else.
const SPECIAL = /\/[*/]|["']/g;

function blank(text: string, from: number, to: number): string {
  let s = '';
  let run = from;
  for (let i = from; i < to; i++) {
    if (text.charCodeAt(i) === NEWLINE) {
      s += ' '.repeat(i - run) + '\n';
      run = i + 1;
    }
  }
  return s + ' '.repeat(to - run);
}

/** The offset just after the string or character literal opening at `start` (or its line's end when left open). */
export function skipQuoted(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === quote) return i + 1;
    else if (c === NEWLINE) return i;
  }
  return text.length;
}

/** True when `offset` is inside a string or character literal (literals do not span lines in C, so its line says). */
export function insideString(code: string, offset: number): boolean {
  let i = code.lastIndexOf('\n', offset - 1) + 1;
  while (i < offset) {
    const c = code.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      const end = skipQuoted(code, i);
      if (end > offset) return true;
      i = end;
    } else i++;
  }
  return false;
}

/** Line numbers (1-based) of offsets in one text, computed once per text that needs them. */
export class LineIndex {
  private starts: number[] | undefined;
  private readonly text: string;
  constructor(text: string) {
    this.text = text;
  }
  lineAt(offset: number): number {
    if (!this.starts) {
      this.starts = [0];
      for (let i = this.text.indexOf('\n'); i >= 0; i = this.text.indexOf('\n', i + 1)) this.starts.push(i + 1);
    }
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo + 1;
  }
}

/** The arguments of a call whose `(` is at `open`, as trimmed source texts, and the offset after its `)`. */
export interface ArgList {
  args: string[];
  end: number;
}

/** Longest argument list read; a `(` left open in a broken file gives up here instead of reading to the end. */
const MAX_ARGS_LENGTH = 4000;

/**
 * Splits the balanced argument list starting at `open` (a `(`) at its
 * top-level commas. Undefined when it does not close within a bounded span.
 * @example splitArgs('f(a, g(b, c), "d,e")', 1).args // ['a', 'g(b, c)', '"d,e"']
 */
export function splitArgs(code: string, open: number): ArgList | undefined {
  const args: string[] = [];
  let depth = 0;
  let argStart = open + 1;
  const limit = Math.min(code.length, open + MAX_ARGS_LENGTH);
  for (let i = open; i < limit; i++) {
    const c = code.charCodeAt(i);
    if (c === QUOTE || c === APOS) {
      i = skipQuoted(code, i) - 1;
    } else if (c === 0x28 || c === 0x5b || c === 0x7b) {
      depth++;
    } else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      depth--;
      if (depth === 0) {
        const last = code.slice(argStart, i).trim();
        if (last !== '' || args.length > 0) args.push(last);
        return { args, end: i + 1 };
      }
    } else if (c === 0x2c && depth === 1) {
      args.push(code.slice(argStart, i).trim());
      argStart = i + 1;
    }
  }
  return undefined;
}

/**
 * The value of an argument made only of string literals (`"a" "b"` is
 * `ab`), with simple escapes read; undefined for anything else.
 * @example stringValue('"rx_" "bytes"') === 'rx_bytes'
 */
export function stringValue(arg: string): string | undefined {
  let value = '';
  let i = 0;
  let literals = 0;
  while (i < arg.length) {
    const c = arg.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === NEWLINE || c === 0x0d) {
      i++;
      continue;
    }
    if (c !== QUOTE) return undefined;
    const end = skipQuoted(arg, i);
    if (arg.charCodeAt(end - 1) !== QUOTE || end - 1 === i) return undefined;
    value += unescape(arg.slice(i + 1, end - 1));
    literals++;
    i = end;
  }
  return literals > 0 ? value : undefined;
}

function unescape(s: string): string {
  if (!s.includes('\\')) return s;
  return s.replace(/\\(0|n|t|\\|"|')/g, (_, e: string) => (e === '0' ? '\0' : e === 'n' ? '\n' : e === 't' ? '\t' : e));
}

/** True for a C identifier character. */
export function isIdentChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x5f;
}

/** The identifier ending just before `end` (spaces between it and `end` skipped), with its start. */
export function identifierBefore(code: string, end: number): { name: string; start: number } | undefined {
  let i = end - 1;
  while (i >= 0 && (code.charCodeAt(i) === 0x20 || code.charCodeAt(i) === 0x09)) i--;
  const last = i;
  while (i >= 0 && isIdentChar(code.charCodeAt(i))) i--;
  if (i === last) return undefined;
  const first = code.charCodeAt(i + 1);
  if (first >= 0x30 && first <= 0x39) return undefined;
  return { name: code.slice(i + 1, last + 1), start: i + 1 };
}

/**
 * The values of `.field = value` initializers in a text, up to the next
 * `,` `;` or closing bracket at their own depth.
 * @example fieldValues('{ .name = "a", .mode = 0444 }', ['name']) // ['"a"']
 */
export function fieldValues(code: string, fields: readonly string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    for (let at = code.indexOf(field); at >= 0; at = code.indexOf(field, at + field.length)) {
      if (isIdentChar(code.charCodeAt(at + field.length)) || !isFieldStart(code, at)) continue;
      let i = at + field.length;
      while (code.charCodeAt(i) === 0x20 || code.charCodeAt(i) === 0x09) i++;
      if (code.charCodeAt(i) !== 0x3d || code.charCodeAt(i + 1) === 0x3d) continue;
      const value = valueAt(code, i + 1);
      if (value) out.push(value);
    }
  }
  return out;
}

/** True when the identifier at `at` is preceded by `.` (a designated field; `attr.name` counts). */
function isFieldStart(code: string, at: number): boolean {
  let i = at - 1;
  while (i >= 0 && (code.charCodeAt(i) === 0x20 || code.charCodeAt(i) === 0x09)) i--;
  return code.charCodeAt(i) === 0x2e;
}

/** The expression starting at `from`, up to a top-level `,` `;` or closer (bounded). */
export function valueAt(code: string, from: number): string | undefined {
  let depth = 0;
  const limit = Math.min(code.length, from + 400);
  for (let i = from; i < limit; i++) {
    const c = code.charCodeAt(i);
    if (c === 0x22 || c === 0x27) i = skipQuoted(code, i) - 1;
    else if (c === 0x28 || c === 0x5b || c === 0x7b) depth++;
    else if (c === 0x29 || c === 0x5d || c === 0x7d) {
      if (depth === 0) return code.slice(from, i).trim();
      depth--;
    } else if ((c === 0x2c || c === 0x3b) && depth === 0) return code.slice(from, i).trim();
  }
  return undefined;
}
