import { isGridBorder } from './lines.ts';
import { buildCell, makeTable, type ParseBlocks, type TableMatch } from './table-cells.ts';
import type { GridRow } from './nodes.ts';

/** A cell's border box: rows top..bottom and columns left..right are its `+` corners. */
interface Box {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/**
 * A ReST grid table starting at the border line `start`, cells spanning
 * rows or columns included (found corner by corner, as docutils does).
 * Anything that is not a complete grid, such as an ASCII diagram, makes
 * the caller show the lines verbatim, which loses nothing.
 */
export function parseGridTable(lines: readonly string[], start: number, parseBlocks: ParseBlocks): TableMatch {
  let end = start;
  while (end < lines.length && /^[+|]/.test(lines[end]!)) end++;
  const fallback: TableMatch = { node: undefined, end };
  const grid = lines.slice(start, end).map((line) => line.trimEnd());
  const width = grid[0]!.length;
  if (grid.length < 3 || !isGridBorder(grid[grid.length - 1]) || grid.some((line) => line.length !== width)) return fallback;

  const boxes = scanBoxes(grid);
  if (!boxes) return fallback;
  const head = headBorder(grid);
  if (head === -1) return fallback;

  // Row and column boundaries: every top and left corner, plus the far edges.
  const rowEdges = [...new Set([...boxes.map((b) => b.top), grid.length - 1])].sort((a, b) => a - b);
  const columnEdges = [...new Set([...boxes.map((b) => b.left), width - 1])].sort((a, b) => a - b);
  const between = (edges: number[], from: number, to: number) => edges.filter((e) => e >= from && e < to).length;
  const rows: GridRow[] = rowEdges.slice(0, -1).map(() => ({ type: 'gridRow', children: [] }));
  for (const box of boxes.sort((a, b) => a.top - b.top || a.left - b.left)) {
    const text = grid.slice(box.top + 1, box.bottom).map((line) => line.slice(box.left + 1, box.right).trimEnd());
    const cell = buildCell(text, parseBlocks);
    const rowSpan = between(rowEdges, box.top, box.bottom);
    const colSpan = between(columnEdges, box.left, box.right);
    if (rowSpan > 1) cell.rowSpan = rowSpan;
    if (colSpan > 1) cell.colSpan = colSpan;
    rows[rowEdges.indexOf(box.top)]!.children.push(cell);
  }
  return { node: makeTable(rows, between(rowEdges, 0, head)), end };
}

/** The line of the `+===+` border under the header, 0 when there is none, -1 when it is malformed. */
function headBorder(grid: readonly string[]): number {
  const borders = grid.map((line, i) => (line.startsWith('+') && line.includes('=') ? i : -1)).filter((i) => i > 0);
  if (borders.length === 0) return 0;
  const at = borders[0]!;
  return borders.length === 1 && at < grid.length - 1 && /^\+(=+\+)+$/.test(grid[at]!) ? at : -1;
}

/**
 * Every cell of the grid, from the top-left corner: each cell found adds
 * its top-right and bottom-left corners as the next cells' corners; a
 * corner inside a cell found already is skipped. Undefined unless the
 * cells tile the whole table.
 */
function scanBoxes(grid: readonly string[]): Box[] | undefined {
  const bottomEdge = grid.length - 1;
  const rightEdge = grid[0]!.length - 1;
  const boxes: Box[] = [];
  // Per column, the last row covered by a cell found so far.
  const done = new Array<number>(rightEdge).fill(-1);
  const corners: [number, number][] = [[0, 0]];
  let area = 0;
  while (corners.length) {
    corners.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const [top, left] = corners.shift()!;
    if (top === bottomEdge || left === rightEdge || top <= done[left]!) continue;
    const box = scanBox(grid, top, left);
    if (!box) continue;
    boxes.push(box);
    for (let column = left; column < box.right; column++) done[column] = box.bottom - 1;
    area += (box.bottom - box.top) * (box.right - box.left);
    corners.push([top, box.right], [box.bottom, left]);
  }
  return area === bottomEdge * rightEdge ? boxes : undefined;
}

/** The cell whose top-left corner is at (top, left): right along its top, down its right side, back along its bottom and up. */
function scanBox(grid: readonly string[], top: number, left: number): Box | undefined {
  const at = (row: number, column: number) => grid[row]?.[column] ?? ' ';
  if (at(top, left) !== '+') return undefined;
  for (let right = left + 1; right < grid[top]!.length; right++) {
    const ch = at(top, right);
    if (ch !== '+') {
      if (ch !== '-' && ch !== '=') return undefined;
      continue;
    }
    for (let bottom = top + 1; bottom < grid.length; bottom++) {
      const side = at(bottom, right);
      if (side === '|') continue;
      if (side !== '+') break;
      if (closes(grid, top, left, bottom, right)) return { top, left, bottom, right };
    }
  }
  return undefined;
}

/** Whether the bottom border and the left side of a candidate cell are drawn. */
function closes(grid: readonly string[], top: number, left: number, bottom: number, right: number): boolean {
  const line = grid[bottom]!;
  if (line[left] !== '+') return false;
  for (let column = left + 1; column < right; column++) if (!'-=+'.includes(line[column]!)) return false;
  for (let row = top + 1; row < bottom; row++) if (!'|+'.includes(grid[row]![left]!)) return false;
  return true;
}
