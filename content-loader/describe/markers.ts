import { indentOf, isBlank, isGridBorder, isSimpleTableBorder, underlines } from './lines.ts';

/** A list item marker at the start of a line. */
export interface ListMarker {
  /** Same kind = same list: the bullet character, or the enumeration style. */
  kind: string;
  ordered: boolean;
  /** Number of this item (letters count from 1); `#` items take `auto`. */
  start: number;
  auto: boolean;
  /** HTML `type` of the <ol>: 1, a, A, i or I. */
  style: string;
  /** Its value read as a roman numeral, when it can be one ("v" may continue "iv"). */
  roman?: number;
  format: string;
  /** Columns taken by the marker and the spaces after it. */
  width: number;
}

const BULLET = /^([-*+])( +(?=\S)| *$)/;
const ENUMERATED = /^(\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4}|#)([.)])( +(?=\S)| *$)/;
const PARENTHESISED = /^\((\d{1,3}|[a-zA-Z]|[ivx]{2,4}|[IVX]{2,4}|#)\)( +(?=\S)| *$)/;

/**
 * The list item marker starting `line`. A marker alone on its line starts
 * an item only when its body follows indented on the `next` line ("1." then
 * an indented literal block), as in ReST.
 */
export function listMarker(line: string, next?: string): ListMarker | undefined {
  if (/^\S+ *$/.test(line) && (next === undefined || isBlank(next) || indentOf(next) === 0)) return undefined;
  const bullet = BULLET.exec(line);
  if (bullet) return { kind: bullet[1]!, ordered: false, start: 1, auto: false, style: '', format: '', width: bullet[0].length };
  const enumerated = ENUMERATED.exec(line);
  if (enumerated) return ordered(enumerated[1]!, enumerated[2]!, enumerated[0].length);
  const parenthesised = PARENTHESISED.exec(line);
  if (parenthesised) return ordered(parenthesised[1]!, '()', parenthesised[0].length);
  return undefined;
}

function ordered(label: string, format: string, width: number): ListMarker {
  const marker = (style: string, start: number, auto = false): ListMarker => {
    const made: ListMarker = { kind: `${style}${format}`, ordered: true, start, auto, style, format, width };
    if (/^[ivx]+$/i.test(label)) made.roman = romanValue(label.toLowerCase());
    return made;
  };
  if (/^\d/.test(label)) return marker('1', Number(label));
  if (label === '#') return marker('1', 1, true);
  const lower = label.toLowerCase();
  const style = label === lower ? 'a' : 'A';
  // "i" opens a roman list, as in ReST; other lone letters are alphabetic.
  if (lower === 'i' || lower.length > 1) return marker(style === 'a' ? 'i' : 'I', romanValue(lower));
  return marker(style, lower.charCodeAt(0) - 96);
}

function romanValue(roman: string): number {
  const digits: Record<string, number> = { i: 1, v: 5, x: 10 };
  let value = 0;
  for (let i = 0; i < roman.length; i++) {
    const digit = digits[roman[i]!]!;
    value += digit < (digits[roman[i + 1] ?? ''] ?? 0) ? -digit : digit;
  }
  return value;
}

/** Whether `next` continues the list whose last item is `previous`: same style, next number. */
export function continuesList(previous: ListMarker, next: ListMarker): boolean {
  if (!previous.ordered) return next.kind === previous.kind;
  if (previous.style === 'i' || previous.style === 'I') {
    const sameCase = (previous.style === 'i') === (next.style === 'a' || next.style === 'i');
    return next.format === previous.format && sameCase && next.roman === previous.start + 1;
  }
  return next.kind === previous.kind && (next.auto || previous.auto || next.start === previous.start + 1);
}

/**
 * The marker at line `i` if a list starts there. As in ReST, an enumerator
 * followed by unindented text ("(R) Reads the state\nof ...") is prose.
 */
export function startsList(lines: readonly string[], i: number): ListMarker | undefined {
  const marker = listMarker(lines[i]!, lines[i + 1]);
  if (!marker?.ordered) return marker;
  const next = lines[i + 1];
  if (next === undefined || isBlank(next) || indentOf(next) > 0) return marker;
  const nextMarker = listMarker(next, lines[i + 2]);
  return nextMarker && continuesList(marker, nextMarker) ? marker : undefined;
}

/** A field: `:Name: body` (ReST) or `Name:   body` with two or more spaces (the common ABI style). */
export interface FieldMarker {
  name: string;
  /** Column where the body text starts on the field line. */
  column: number;
}

const REST_FIELD = /^:([^:\s][^:]*):( +|$)/;
const ABI_FIELD = /^([A-Z][\w()/-]*(?: [\w()/-]+){0,3}:)( {2,})(?=\S)/;
const LOOSE_ABI_FIELD = /^([A-Z][\w()/-]*(?: [\w()/-]+){0,3}:)( +)(?=\S)/;

/**
 * The field starting `line`, if any. `loose` also takes a single space after
 * the name, for a line right under another field ("Byte 16-127: Unused"
 * under "Byte 0-15:   Requested ..."), where the pattern is set.
 */
export function fieldMarker(line: string, loose = false): FieldMarker | undefined {
  const rest = REST_FIELD.exec(line);
  if (rest) return { name: rest[1]!, column: rest[0].length };
  const abi = (loose ? LOOSE_ABI_FIELD : ABI_FIELD).exec(line);
  if (abi) return { name: abi[1]!, column: abi[0].length };
  return undefined;
}

/**
 * The field at line `i`: a strict one, or a loose one ("Name: text") in a
 * run of fields, i.e. right under a field (`underField`) or right above one.
 */
export function fieldAt(lines: readonly string[], i: number, underField = false): FieldMarker | undefined {
  const line = lines[i]!;
  const strict = fieldMarker(line);
  if (strict || underField) return strict ?? fieldMarker(line, true);
  const next = lines[i + 1];
  return next !== undefined && fieldMarker(next) ? fieldMarker(line, true) : undefined;
}

/** A line that starts a new block even without a blank line before it (no lazy continuation across it). */
export function interruptsParagraph(lines: readonly string[], i: number, afterColon: boolean): boolean {
  const line = lines[i]!;
  if (isBlank(line)) return true;
  if (underlines(line, lines[i + 1])) return true;
  if (isSimpleTableBorder(line) || isGridBorder(line) || fieldMarker(line)) return true;
  const marker = startsList(lines, i);
  // An enumeration after prose is more often a wrapped "1. " than a list, unless a colon announced it.
  return marker !== undefined && (!marker.ordered || afterColon);
}
