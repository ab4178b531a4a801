import { isGridBorder } from './lines.ts';
import { buildRow, makeTable, type Column, type ParseBlocks, type TableMatch } from './table-cells.ts';

/**
 * A ReST grid table starting at the border line `start`. Only regular grids
 * are parsed (every row has every column boundary); spanned cells make the
 * caller show the table verbatim, which loses nothing.
 */
export function parseGridTable(lines: readonly string[], start: number, parseBlocks: ParseBlocks): TableMatch {
  let end = start;
  while (end < lines.length && /^[+|]/.test(lines[end]!)) end++;
  const fallback: TableMatch = { node: undefined, end };
  const block = lines.slice(start, end);
  const bounds = [...block[0]!.matchAll(/\+/g)].map((m) => m.index);
  if (!isGridBorder(block[block.length - 1]) || bounds.length < 2) return fallback;

  const rows: string[][] = [];
  let headerRows = 0;
  let current: string[] = [];
  for (const line of block.slice(1)) {
    const border = line.startsWith('+');
    const mark = border ? '+' : '|';
    if (!bounds.every((at) => line[at] === mark) || (border && !isGridBorder(line))) return fallback;
    if (!border) {
      current.push(line);
      continue;
    }
    if (current.length === 0) return fallback;
    rows.push(current);
    current = [];
    if (line.includes('=')) {
      if (headerRows !== 0) return fallback;
      headerRows = rows.length;
    }
  }
  const columns: Column[] = bounds.slice(0, -1).map((at, i) => ({ start: at + 1, end: bounds[i + 1]! }));
  return { node: makeTable(rows.map((rowLines) => buildRow(rowLines, columns, parseBlocks)), headerRows), end };
}
