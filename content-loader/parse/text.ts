/**
 * Text primitives that behave like the Python the kernel's parser runs on,
 * so that the same bytes give the same entries.
 */

/** Python's `str.isspace()` set (differs from JS `\s`: it has \x1c-\x1f and \x85, not \ufeff). */
export const PY_SPACE = '\\t\\n\\v\\f\\r\\x1c-\\x20\\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000';
const SPACE_RUN_AT_ENDS = new RegExp(`^[${PY_SPACE}]+|[${PY_SPACE}]+$`, 'g');
const ONLY_SPACE = new RegExp(`^[${PY_SPACE}]*$`);

/** Python's `str.strip()`. */
export function pyStrip(s: string): string {
  return s.replace(SPACE_RUN_AT_ENDS, '');
}

/** True for an empty or whitespace-only string, by Python's definition of whitespace. */
export function isBlank(s: string): boolean {
  return ONLY_SPACE.test(s);
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Decodes UTF-8 the way Python's `errors="backslashreplace"` does: each byte
 * of an invalid sequence becomes the four characters `\xNN`; nothing aborts.
 * @example decodeUtf8(Buffer.from([0x41, 0xe9, 0x42])) === 'A\\xe9B'
 */
export function decodeUtf8(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return decodeWithEscapes(bytes);
  }
}

function decodeWithEscapes(bytes: Uint8Array): string {
  const out: string[] = [];
  let start = 0; // start of the current run of valid sequences
  let i = 0;
  const flush = (end: number) => {
    if (end > start) out.push(strictUtf8.decode(bytes.subarray(start, end)));
  };
  while (i < bytes.length) {
    const n = validSequenceLength(bytes, i);
    if (n > 0) {
      i += n;
      continue;
    }
    flush(i);
    out.push('\\x' + bytes[i]!.toString(16).padStart(2, '0'));
    i += 1;
    start = i;
  }
  flush(i);
  return out.join('');
}

/** Length of the well-formed UTF-8 sequence at `i` (RFC 3629 table), or 0. */
function validSequenceLength(b: Uint8Array, i: number): number {
  const c = b[i]!;
  if (c < 0x80) return 1;
  const cont = (k: number, lo = 0x80, hi = 0xbf) => i + k < b.length && b[i + k]! >= lo && b[i + k]! <= hi;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c === 0xe0) return cont(1, 0xa0) && cont(2) ? 3 : 0;
  if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) return cont(1) && cont(2) ? 3 : 0;
  if (c === 0xed) return cont(1, 0x80, 0x9f) && cont(2) ? 3 : 0;
  if (c === 0xf0) return cont(1, 0x90) && cont(2) && cont(3) ? 4 : 0;
  if (c >= 0xf1 && c <= 0xf3) return cont(1) && cont(2) && cont(3) ? 4 : 0;
  if (c === 0xf4) return cont(1, 0x80, 0x8f) && cont(2) && cont(3) ? 4 : 0;
  return 0;
}

/** Splits like Python's universal-newline reading: `\r\n`, `\r` and `\n` all end a line. */
export function splitLines(text: string): string[] {
  const lines = text.split(/\r\n|\r|\n/);
  if (lines.at(-1) === '') lines.pop();
  return lines;
}

/** Python's `str.expandtabs()` (tab stops every 8 columns) for a single line. */
export function expandTabs(line: string): string {
  if (!line.includes('\t')) return line;
  let out = '';
  for (const ch of line) {
    out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
  }
  return out;
}
