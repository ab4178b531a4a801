import type { BlockContent, Code } from 'mdast';
import { dedent, indentOf, isBlank, isExplicitMarkup, isGridBorder, isSimpleTableBorder, trimBlankLines } from './lines.ts';
import { fieldMarker, listMarker } from './markers.ts';
import type { ParseBlocks } from './table-cells.ts';

/** A literal block, whitespace exact (relative indentation kept). */
export function literalBlock(lines: readonly string[]): Code {
  return { type: 'code', value: trimBlankLines(dedent(lines)).join('\n') };
}

/**
 * Signs that an indented block not announced by '::' is an example (shell
 * session, file content, aligned values) rather than prose: guessing prose
 * for an example would reflow it, which is worse than the reverse. Only the
 * block's own lines count (those at its smallest indentation); deeper lines
 * belong to nested blocks, which get their own guess when parsed. A block
 * with ReST structure of its own ('::', a table, a directive) is parsed, so
 * that its paragraphs, tables and literal blocks stay apart.
 */
export function looksLiteral(lines: readonly string[]): boolean {
  const body = dedent(lines).filter((line) => !isBlank(line)).map((line) => line.trimEnd());
  const first = body[0];
  if (first === undefined || listMarker(first, body[1]) || fieldMarker(first)) return false;
  const own = body.filter((line) => indentOf(line) === 0);
  if (own.some(isStructure)) return false;
  return own.some((line) => EXAMPLE_LINE.test(line) || HEX_LINE.test(line)) || alignedColumns(own);
}

function isStructure(line: string): boolean {
  return isSimpleTableBorder(line) || isGridBorder(line) || line.endsWith('::') || isExplicitMarkup(line);
}

/** Prompts, commands, "[...]", code braces, and shell line continuations. */
const EXAMPLE_LINE = /^(\$ |# |#$|(echo|cat|sudo) |\[|\.\.\.)|[{}]$|\);$| \\$/;
/** Hex values and dumps: "0x1000 ...", "0000:01:00.0", "00 01 02 03". Not plain decimals ("8000000000 Hz"). */
const HEX_LINE = /^(0x[0-9a-f]+|[0-9a-f]{4,}:|[0-9a-f]{2,}( [0-9a-f]{2,}){3,})\b/i;

/**
 * Two or more lines whose short first column (up to three words) is
 * followed by two or more spaces and text starting at the same column, as
 * in a table of values. Two spaces after a full stop are only typing habit.
 */
function alignedColumns(own: readonly string[]): boolean {
  const seen = new Set<number>();
  for (const line of own) {
    const gap = /^(\S+(?: \S+){0,2})( {2,})(?=\S)/.exec(line);
    if (!gap || /[.:?!]$/.test(gap[1]!)) continue;
    const column = gap[0].length;
    if (seen.has(column)) return true;
    seen.add(column);
  }
  return false;
}

/** An indented region: a literal block or parsed blocks, by the guess above. */
export function indentedBody(lines: readonly string[], parseBlocks: ParseBlocks): BlockContent[] {
  return looksLiteral(lines) ? [literalBlock(lines)] : parseBlocks(trimBlankLines(dedent(lines)));
}
