import type { BlockContent, Paragraph, PhrasingContent } from 'mdast';
import { isDefinitionStart, parseDefinitions } from './definitions.ts';
import { parseGridTable } from './grid-table.ts';
import { parseExplicitMarkup } from './directives.ts';
import { parseInline } from './inline.ts';
import { indentedBlockEnd, indentOf, isBlank, isExplicitMarkup, isGridBorder, isSimpleTableBorder, isTransition, underlines } from './lines.ts';
import { parseList } from './lists.ts';
import { indentedBody, literalBlock } from './literal.ts';
import { fieldAt, interruptsParagraph, startsList } from './markers.ts';
import { parseSimpleTable } from './simple-table.ts';
import type { TableMatch } from './table-cells.ts';

/**
 * Description text (lines, no tabs, outermost indentation 0) -> mdast
 * blocks. A line-based reader of the ReST subset ABI files use; it drops
 * no text but ReST comments (as Sphinx does): whatever it cannot structure
 * becomes a paragraph or a literal block.
 */
export function parseBlocks(lines: readonly string[]): BlockContent[] {
  const out: BlockContent[] = [];
  let literalNext = false;
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    if (isBlank(line)) {
      i++;
      continue;
    }
    if (indentOf(line) > 0) {
      const end = indentedBlockEnd(lines, i);
      const block = lines.slice(i, end);
      if (literalNext) out.push(literalBlock(block));
      else out.push({ type: 'blockquote', children: indentedBody(block, parseBlocks) });
      literalNext = false;
      i = end;
      continue;
    }
    literalNext = false;
    if (isExplicitMarkup(line)) {
      const markup = parseExplicitMarkup(lines, i, parseBlocks);
      out.push(...markup.nodes);
      i = markup.end;
    } else if (isTransition(line)) {
      // A transition, or an underline with nothing above it; the kernel deletes these.
      out.push({ type: 'thematicBreak' });
      i++;
    } else if (underlines(line, lines[i + 1])) {
      out.push({ type: 'heading', depth: 4, children: parseInline(line.trim()) });
      i += 2;
    } else if (isSimpleTableBorder(line) || isGridBorder(line)) {
      const match: TableMatch = isGridBorder(line) ? parseGridTable(lines, i, parseBlocks) : parseSimpleTable(lines, i, parseBlocks);
      if (match.node) out.push(match.node);
      else out.push({ ...literalBlock(lines.slice(i, match.end)), data: { tableFallback: true } });
      i = match.end;
    } else if (startsList(lines, i)) {
      const list = parseList(lines, i, parseBlocks);
      out.push(list.node);
      i = list.end;
    } else if (fieldAt(lines, i) || isDefinitionStart(lines, i)) {
      const definitions = parseDefinitions(lines, i, parseBlocks);
      out.push(definitions.node);
      i = definitions.end;
    } else {
      const paragraph = readParagraph(lines, i);
      if (paragraph.node) out.push(paragraph.node);
      literalNext = paragraph.announcesLiteral;
      i = paragraph.end;
    }
  }
  return out;
}

/** Lines of a paragraph: until a blank line, an indented line, or a line starting another block. */
function readParagraph(lines: readonly string[], start: number): { node?: Paragraph; end: number; announcesLiteral: boolean } {
  let end = start + 1;
  while (end < lines.length && indentOf(lines[end]!) === 0 && !interruptsParagraph(lines, end, lines[end - 1]!.trimEnd().endsWith(':'))) end++;
  const text = lines.slice(start, end).map((line) => line.trimEnd());
  const last = text[text.length - 1]!;
  if (!last.endsWith('::')) return { node: paragraph(text), end, announcesLiteral: false };
  // ReST: "text::" shows "text:", "text ::" shows "text", a lone "::" shows nothing.
  const kept = /\s::$/.test(last) || last === '::' ? last.slice(0, -2).trimEnd() : last.slice(0, -1);
  const shown = [...text.slice(0, -1), kept].filter((l, i, all) => l !== '' || i < all.length - 1);
  return { node: shown.length ? paragraph(shown) : undefined, end, announcesLiteral: true };
}

/**
 * Hard-wrapped lines flow together, except where a line starts a value
 * entry ("0 - off", "read: ...") under a colon or another entry: there the
 * author meant one entry per line.
 */
function paragraph(text: readonly string[]): Paragraph {
  const children: PhrasingContent[] = [];
  let segment: string[] = [];
  const flush = () => children.push(...parseInline(segment.join('\n')));
  text.forEach((line, i) => {
    const previous = text[i - 1];
    if (previous !== undefined && VALUE_LINE.test(line) && (previous.endsWith(':') || VALUE_LINE.test(previous))) {
      flush();
      children.push({ type: 'break' });
      segment = [];
    }
    segment.push(line);
  });
  flush();
  return { type: 'paragraph', children };
}

const VALUE_LINE = /^("[^"]*"|'[^']*'|[\w<>[\].,/+-]{1,24})\s*(:|-{1,2}|=|->)\s+\S/;

