import type { BlockContent } from 'mdast';
import { dedent, trimBlankLines } from './lines.ts';
import type { GridCell, GridRow, GridTable } from './nodes.ts';

/** Block parser handed down so that cells can hold lists and paragraphs. */
export type ParseBlocks = (lines: string[]) => BlockContent[];

/** What a table parser found at `start`: a table, or `undefined` when lines [start, end) must be shown verbatim. */
export interface TableMatch {
  node: GridTable | undefined;
  end: number;
}

/** A column as [start, end) character offsets; the last column may run to the end of the line. */
export interface Column {
  start: number;
  end: number;
}

/** Builds a row from the lines that make it up, one text slice per column. */
export function buildRow(rowLines: readonly string[], columns: readonly Column[], parseBlocks: ParseBlocks): GridRow {
  return {
    type: 'gridRow',
    children: columns.map((column) => buildCell(rowLines.map((line) => line.slice(column.start, column.end).trimEnd()), parseBlocks)),
  };
}

/** A cell from its text lines (borders and column offsets already cut away). */
export function buildCell(cellLines: readonly string[], parseBlocks: ParseBlocks): GridCell {
  const blocks = parseBlocks(trimBlankLines(dedent(cellLines)));
  // A cell holding one paragraph reads better without the <p>.
  const only = blocks.length === 1 ? blocks[0] : undefined;
  return { type: 'gridCell', children: only?.type === 'paragraph' ? only.children : blocks };
}

export function makeTable(rows: GridRow[], headerRows: number): GridTable {
  return { type: 'gridTable', headerRows, children: rows };
}
