import type { BlockContent, PhrasingContent } from 'mdast';

/**
 * mdast has no definition lists and its `table` always promotes the first
 * row to a header, so ReST definition/field lists and header-less tables get
 * node types of their own (rendered by the handlers in to-hast.ts).
 */
export interface DefinitionList {
  type: 'definitionList';
  children: Array<DefinitionTerm | DefinitionDescription>;
}
export interface DefinitionTerm {
  type: 'definitionTerm';
  children: PhrasingContent[];
}
export interface DefinitionDescription {
  type: 'definitionDescription';
  children: BlockContent[];
}
export interface GridCell {
  type: 'gridCell';
  /** Rows and columns a grid table cell spans, when more than one. */
  rowSpan?: number;
  colSpan?: number;
  /** Cell text already parsed: one paragraph is unwrapped to its phrasing. */
  children: Array<BlockContent | PhrasingContent>;
}
export interface GridRow {
  type: 'gridRow';
  children: GridCell[];
}
/** A ReST simple or grid table; `headerRows` rows go into <thead>. */
export interface GridTable {
  type: 'gridTable';
  headerRows: number;
  children: GridRow[];
}

/**
 * `.. note::` and the other ReST admonitions; the first child is the
 * title paragraph (Note, Warning, or the generic admonition's own title).
 */
export interface Admonition {
  type: 'admonition';
  /** The directive's name: note, warning, important, ..., or admonition. */
  kind: string;
  children: BlockContent[];
}

declare module 'mdast' {
  interface BlockContentMap {
    admonition: Admonition;
    definitionList: DefinitionList;
    gridTable: GridTable;
  }
  interface RootContentMap {
    admonition: Admonition;
    definitionList: DefinitionList;
    definitionTerm: DefinitionTerm;
    definitionDescription: DefinitionDescription;
    gridTable: GridTable;
    gridRow: GridRow;
    gridCell: GridCell;
  }
  interface CodeData {
    /** Set when a table that did not parse is shown as a literal block. */
    tableFallback?: boolean;
  }
}
