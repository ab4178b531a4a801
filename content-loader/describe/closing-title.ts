import type { Heading, PhrasingContent, Root } from 'mdast';
import type { Plugin } from 'unified';
import './file-data.ts';

/**
 * Remark plugin: an underlined title that ends a description is the title
 * of the next section of its file (the kernel's parser keeps such a title
 * in the previous entry's description), so it leaves the tree for
 * `file.data.sectionTitle`, as plain text; the file page shows it between
 * the entries.
 * @example "...Board ID\n\nsysfs interface for Intel IB driver qib\n-----..." -> sectionTitle "sysfs interface for Intel IB driver qib"
 */
export const remarkClosingTitle: Plugin<[], Root> = () => (tree, file) => {
  const last = tree.children[tree.children.length - 1];
  if (last?.type !== 'heading') return;
  tree.children.pop();
  file.data.sectionTitle = plainText(last.children);
};

function plainText(nodes: Heading['children'] | PhrasingContent[]): string {
  return nodes.map((node): string => ('value' in node ? node.value : 'children' in node ? plainText(node.children) : '')).join('');
}
