import type { BlockContent } from 'mdast';
import { dedent, indentedBlockEnd, indentOf, isBlank, trimBlankLines } from './lines.ts';
import { indentedBody } from './literal.ts';
import { fieldAt, fieldMarker, interruptsParagraph } from './markers.ts';
import type { DefinitionDescription, DefinitionList, DefinitionTerm } from './nodes.ts';
import { parseInline } from './inline.ts';
import type { ParseBlocks } from './table-cells.ts';

/**
 * A term line directly followed by more-indented text (ReST definition
 * list), e.g. `errors:` then its explanation. A line ending in `\` is a
 * command continued below, never a term.
 */
export function isDefinitionStart(lines: readonly string[], i: number): boolean {
  const term = lines[i]!.trimEnd();
  const next = lines[i + 1];
  return term !== '' && indentOf(term) === 0 && !term.endsWith('::') && !term.endsWith('\\') && next !== undefined && !isBlank(next) && indentOf(next) > 0;
}

/** Consecutive field lines and definitions, as one <dl>. */
export function parseDefinitions(lines: readonly string[], start: number, parseBlocks: ParseBlocks): { node: DefinitionList; end: number } {
  const children: DefinitionList['children'] = [];
  let i = start;
  let end = start;
  let underField = false;
  for (;;) {
    const field = fieldAt(lines, i, underField);
    const item = field ? fieldItem(lines, i, field.name, field.column, parseBlocks) : definitionItem(lines, i, parseBlocks);
    children.push(...item.nodes);
    end = item.end;
    let next = end;
    while (next < lines.length && isBlank(lines[next])) next++;
    underField = field !== undefined && next === end;
    if (next >= lines.length || !(fieldAt(lines, next, underField) || isDefinitionStart(lines, next))) break;
    i = next;
  }
  return { node: { type: 'definitionList', children }, end };
}

interface Item {
  nodes: [DefinitionTerm, DefinitionDescription];
  end: number;
}

function definitionItem(lines: readonly string[], i: number, parseBlocks: ParseBlocks): Item {
  const end = indentedBlockEnd(lines, i + 1);
  return { nodes: [term(lines[i]!.trim()), description(indentedBody(lines.slice(i + 1, end), parseBlocks))], end };
}

/** A field's body starts on its own line, at `column`, and goes on indented (or lazily unindented) below. */
function fieldItem(lines: readonly string[], i: number, name: string, column: number, parseBlocks: ParseBlocks): Item {
  let end = i + 1;
  while (end < lines.length && !isBlank(lines[end]) && indentOf(lines[end]!) === 0 && !interruptsParagraph(lines, end, true) && !fieldMarker(lines[end]!, true)) end++;
  const lazy = lines.slice(i + 1, end);
  const indentedEnd = indentedBlockEnd(lines, end);
  const below = lines.slice(end, indentedEnd);
  const firstText = lines[i]!.slice(column);
  const body = trimBlankLines([firstText, ...lazy, ...dedent(below)]);
  const blocks = body.length > 1 && firstText.trim() === '' ? indentedBody(below, parseBlocks) : parseBlocks(body);
  return { nodes: [term(name), description(blocks)], end: Math.max(end, indentedEnd) };
}

function term(text: string): DefinitionTerm {
  return { type: 'definitionTerm', children: parseInline(text) };
}

function description(children: BlockContent[]): DefinitionDescription {
  return { type: 'definitionDescription', children };
}
