import type { Element, ElementContent } from 'hast';
import type { Options as RemarkRehypeOptions } from 'remark-rehype';
import type { Admonition, DefinitionDescription, DefinitionList, DefinitionTerm, GridCell, GridRow, GridTable } from './nodes.ts';

type Handlers = NonNullable<RemarkRehypeOptions['handlers']>;
/** mdast-util-to-hast's state, reached through remark-rehype's options (it is not our direct dependency). */
type State = Parameters<NonNullable<Handlers['root']>>[0];

function element(tagName: string, children: ElementContent[], properties: Element['properties'] = {}): Element {
  return { type: 'element', tagName, properties, children };
}

/** remark-rehype handlers for the node types our reader adds (nodes.ts). */
export const describeHandlers: Handlers = {
  admonition: (state: State, node: Admonition) =>
    element('div', state.wrap(state.all(node), true), { className: node.kind === 'admonition' ? ['admonition'] : ['admonition', node.kind] }),
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
  const cells = row.children.map((cell) => element(cellTag, state.all(cell), spans(cell)));
  return element('tr', state.wrap(cells, true));
}

function spans(cell: GridCell): Element['properties'] {
  const properties: Element['properties'] = {};
  if (cell.colSpan) properties['colSpan'] = cell.colSpan;
  if (cell.rowSpan) properties['rowSpan'] = cell.rowSpan;
  return properties;
}
