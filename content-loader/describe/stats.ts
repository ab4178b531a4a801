import type { Nodes, Root } from 'mdast';

/** Block counts of a parsed description (links are counted by linkify). */
export interface BlockStats {
  literalBlocks: number;
  tables: number;
  tablesFallenBack: number;
  lists: number;
}

export function countBlocks(tree: Root): BlockStats {
  const stats: BlockStats = { literalBlocks: 0, tables: 0, tablesFallenBack: 0, lists: 0 };
  const visit = (node: Nodes | { type: string; children?: unknown[] }): void => {
    if (node.type === 'code') {
      if ((node as { data?: { tableFallback?: boolean } }).data?.tableFallback) stats.tablesFallenBack++;
      else stats.literalBlocks++;
    } else if (node.type === 'gridTable') stats.tables++;
    else if (node.type === 'list') stats.lists++;
    if ('children' in node && Array.isArray(node.children)) for (const child of node.children) visit(child as Nodes);
  };
  visit(tree);
  return stats;
}
