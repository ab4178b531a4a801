/** Line-level facts the block parser asks about. Lines never contain tabs (the loader expanded them). */

export function isBlank(line: string | undefined): boolean {
  return line === undefined || line.trim() === '';
}

export function indentOf(line: string): number {
  const match = /^ */.exec(line);
  return match ? match[0].length : 0;
}

/** The smallest indentation among non-blank lines (0 when all are blank). */
export function minIndent(lines: readonly string[]): number {
  let min = Infinity;
  for (const line of lines) if (!isBlank(line)) min = Math.min(min, indentOf(line));
  return min === Infinity ? 0 : min;
}

/** Removes `by` columns (or all leading spaces, if fewer) from every line. */
export function dedent(lines: readonly string[], by = minIndent(lines)): string[] {
  return lines.map((line) => (isBlank(line) ? '' : line.slice(Math.min(by, indentOf(line)))));
}

/** Drops blank lines at both ends. */
export function trimBlankLines(lines: readonly string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && isBlank(lines[start])) start++;
  while (end > start && isBlank(lines[end - 1])) end--;
  return lines.slice(start, end);
}

/**
 * A line made only of one of -*=^~ (the kernel deletes these; ReST uses
 * them as section underlines and transitions).
 */
export function isAdornment(line: string | undefined): boolean {
  return line !== undefined && /^ *([-*=^~])\1* *$/.test(line);
}

/** A transition (`----` alone): as in ReST, at least four characters, so a lone `-` stays text. */
export function isTransition(line: string | undefined): boolean {
  return isAdornment(line) && line!.trim().length >= 4;
}

/** Whether `line` underlines `title` as ReST reads it: as long as the title, or at least four characters. */
export function underlines(title: string, line: string | undefined): boolean {
  if (!isAdornment(line) || isAdornment(title) || title.trim() === '') return false;
  const length = line!.trim().length;
  return length >= 4 || length >= title.trim().length;
}

/** The top border of a ReST simple table: at least two runs of '='. */
export function isSimpleTableBorder(line: string | undefined): boolean {
  return line !== undefined && /^=+( +=+)+ *$/.test(line);
}

/** A ReST grid table border: `+----+---+` (or `+====+` under a header). */
export function isGridBorder(line: string | undefined): boolean {
  return line !== undefined && /^\+([-=]+\+)+ *$/.test(line);
}

/**
 * End (exclusive) of the indented block starting at `start`: it runs until
 * a non-blank line with indentation <= `baseIndent`. Trailing blanks stay outside.
 */
export function indentedBlockEnd(lines: readonly string[], start: number, baseIndent = 0): number {
  let end = start;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i]!;
    if (isBlank(line)) continue;
    if (indentOf(line) <= baseIndent) break;
    end = i + 1;
  }
  return end;
}

/** Whether `line` opens ReST explicit markup: `.. ` (a directive, target or comment) or `..` alone. */
export function isExplicitMarkup(line: string): boolean {
  return /^\.\.( |$)/.test(line.trimEnd());
}
