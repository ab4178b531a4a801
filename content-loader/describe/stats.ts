import type { Nodes, Root } from 'mdast';
import type { Plugin } from 'unified';
import './file-data.ts';

/** Block counts of a parsed description (links are counted by rehypeLinks). */
export interface BlockStats {
  literalBlocks: number;
  tables: number;
  tablesFallenBack: number;
  lists: number;
  admonitions: number;
}

export function countBlocks(tree: Root): BlockStats {
  const stats: BlockStats = { literalBlocks: 0, tables: 0, tablesFallenBack: 0, lists: 0, admonitions: 0 };
  const visit = (node: Nodes): void => {
    if (node.type === 'code') {
      if (node.data?.tableFallback) stats.tablesFallenBack++;
      else stats.literalBlocks++;
    } else if (node.type === 'gridTable') stats.tables++;
    else if (node.type === 'list') stats.lists++;
    else if (node.type === 'admonition') stats.admonitions++;
    if ('children' in node) for (const child of node.children) visit(child);
  };
  visit(tree);
  return stats;
}

/** Remark plugin: counts the blocks into `file.data.blockStats`; the tree is left as it is. */
export const remarkBlockStats: Plugin<[], Root> = () => (tree, file) => {
  file.data.blockStats = countBlocks(tree);
};
