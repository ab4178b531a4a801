import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { Root } from 'mdast';
import { toHast, type Handlers, type State } from 'mdast-util-to-hast';
import type { DefinitionDescription, DefinitionList, DefinitionTerm, GridRow, GridTable } from './nodes.ts';

/** mdast -> hast (what remark-rehype does), with handlers for our own node types. */
export function mdastToHast(tree: Root): HastRoot {
  // No `allowDangerousHtml`: `html` nodes would be dropped, and the parser never makes them.
  return toHast(tree, { handlers }) as HastRoot;
}

function element(tagName: string, children: ElementContent[]): Element {
  return { type: 'element', tagName, properties: {}, children };
}

const handlers: Handlers = {
  definitionList: (state: State, node: DefinitionList) => element('dl', state.wrap(state.all(node), true)),
  definitionTerm: (state: State, node: DefinitionTerm) => element('dt', state.all(node)),
  definitionDescription: (state: State, node: DefinitionDescription) => element('dd', state.wrap(state.all(node), true)),
  gridTable: (state: State, node: GridTable) => {
    const head = node.children.slice(0, node.headerRows).map((row) => tableRow(state, row, 'th'));
    const body = node.children.slice(node.headerRows).map((row) => tableRow(state, row, 'td'));
    const sections: Element[] = [];
    if (head.length) sections.push(element('thead', state.wrap(head, true)));
    if (body.length) sections.push(element('tbody', state.wrap(body, true)));
    return element('table', state.wrap(sections, true));
  },
};

function tableRow(state: State, row: GridRow, cellTag: 'th' | 'td'): Element {
  const cells = row.children.map((cell) => element(cellTag, state.all(cell)));
  return element('tr', state.wrap(cells, true));
}
