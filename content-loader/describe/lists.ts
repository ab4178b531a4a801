import type { BlockContent, List, ListItem } from 'mdast';
import { dedent, indentOf, isBlank, minIndent } from './lines.ts';
import { continuesList, interruptsParagraph, listMarker, type ListMarker } from './markers.ts';
import type { ParseBlocks } from './table-cells.ts';

/**
 * The bullet or enumerated list whose first item is at `start`. Items of the
 * same kind follow (blank lines allowed); item bodies are everything
 * indented under the marker, parsed again, so lists nest by indentation.
 */
export function parseList(lines: readonly string[], start: number, parseBlocks: ParseBlocks): { node: List; end: number } {
  const first = listMarker(lines[start]!, lines[start + 1])!;
  const items: ListItem[] = [];
  let i = start;
  let end = start;
  let marker = first;
  for (;;) {
    const itemEnd = findItemEnd(lines, i);
    items.push(listItem(lines.slice(i, itemEnd), marker, parseBlocks));
    end = itemEnd;
    let next = itemEnd;
    while (next < lines.length && isBlank(lines[next])) next++;
    const nextMarker = next < lines.length ? listMarker(lines[next]!, lines[next + 1]) : undefined;
    if (!nextMarker || !continuesList(marker, nextMarker)) break;
    marker = nextMarker;
    i = next;
  }
  const spread = items.some((item) => item.spread);
  const list: List = { type: 'list', ordered: first.ordered, spread, children: items };
  if (first.ordered && first.start !== 1) list.start = first.start;
  // Letters and roman numerals are part of what the author wrote ("see b)").
  if (first.ordered && first.style !== '1') list.data = { hProperties: { type: first.style } };
  return { node: list, end };
}

function findItemEnd(lines: readonly string[], start: number): number {
  let j = start + 1;
  while (j < lines.length) {
    const line = lines[j]!;
    if (isBlank(line)) {
      let k = j + 1;
      while (k < lines.length && isBlank(lines[k])) k++;
      if (k === lines.length || indentOf(lines[k]!) === 0) return j;
      j = k;
      continue;
    }
    // Unindented text right under an item continues it ("lazy" lines), unless it starts something.
    if (indentOf(line) === 0 && interruptsParagraph(lines, j, true)) return j;
    j++;
  }
  return j;
}

function listItem(itemLines: readonly string[], marker: ListMarker, parseBlocks: ParseBlocks): ListItem {
  const rest = itemLines.slice(1);
  const first = itemLines[0]!.slice(marker.width);
  // With the marker alone on its line, the body is what is indented below it.
  const body = [first, ...dedent(rest, isBlank(first) ? minIndent(rest) : Math.min(marker.width, minIndent(rest)))];
  const children = parseBlocks(body) as BlockContent[];
  const spread = children.length > 1 && body.some(isBlank);
  return { type: 'listItem', spread, children };
}
