import { isBlank, isSimpleTableBorder } from './lines.ts';
import { buildRow, makeTable, type Column, type ParseBlocks, type TableMatch } from './table-cells.ts';

/**
 * A ReST simple table starting at the border line `start`:
 *
 *     =====  =========
 *     term   text that may
 *            continue (blank first column)
 *     =====  =========
 *
 * An optional second border marks the header. The table ends at a border
 * followed by a blank line or the end of the text.
 */
export function parseSimpleTable(lines: readonly string[], start: number, parseBlocks: ParseBlocks): TableMatch {
  const columns = borderColumns(lines[start]!);
  const borders: number[] = [];
  let close = -1;
  for (let i = start + 1; i < lines.length; i++) {
    if (!isSimpleTableBorder(lines[i])) continue;
    if (isBlank(lines[i + 1])) {
      close = i;
      break;
    }
    borders.push(i);
  }
  if (close === -1 || borders.length > 1) return { node: undefined, end: fallbackEnd(lines, start, close) };

  const headerEnd = borders[0];
  const headLines = headerEnd === undefined ? [] : lines.slice(start + 1, headerEnd);
  const bodyLines = lines.slice((headerEnd ?? start) + 1, close);
  const head = groupRows(headLines, columns);
  const body = groupRows(bodyLines, columns);
  if (!head || !body || body.length === 0) return { node: undefined, end: close + 1 };
  const rows = [...head, ...body].map((rowLines) => buildRow(rowLines, columns, parseBlocks));
  return { node: makeTable(rows, head.length), end: close + 1 };
}

function borderColumns(border: string): Column[] {
  const columns: Column[] = [];
  for (const match of border.matchAll(/=+/g)) columns.push({ start: match.index, end: match.index + match[0].length });
  // Text of the last column may run past its border.
  columns[columns.length - 1]!.end = Infinity;
  return columns;
}

/**
 * Splits table lines into rows: a line whose first column is blank continues
 * the row above. Returns undefined when text crosses a column gap, which
 * ReST rejects too.
 */
function groupRows(tableLines: readonly string[], columns: readonly Column[]): string[][] | undefined {
  const rows: string[][] = [];
  for (const line of tableLines) {
    if (isBlank(line)) {
      rows[rows.length - 1]?.push('');
      continue;
    }
    if (crossesGap(line, columns)) return undefined;
    const firstBlank = line.slice(0, columns[0]!.end).trim() === '';
    const current = rows[rows.length - 1];
    if (firstBlank && current) current.push(line);
    else rows.push([line]);
  }
  return rows;
}

function crossesGap(line: string, columns: readonly Column[]): boolean {
  for (let c = 0; c + 1 < columns.length; c++) {
    for (let at = columns[c]!.end; at < columns[c + 1]!.start; at++) if (line[at] !== undefined && line[at] !== ' ') return true;
  }
  return false;
}

/** Without a closing border, show everything up to the last border (or the next blank line) verbatim. */
function fallbackEnd(lines: readonly string[], start: number, close: number): number {
  if (close !== -1) return close + 1;
  let end = start + 1;
  while (end < lines.length && !isBlank(lines[end])) end++;
  return end;
}
