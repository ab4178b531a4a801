import type { BlockContent, Code } from 'mdast';
import { dedent, indentOf, isBlank, trimBlankLines } from './lines.ts';
import { fieldMarker, listMarker } from './markers.ts';
import { isGridBorder, isSimpleTableBorder } from './lines.ts';
import type { ParseBlocks } from './table-cells.ts';

/** A literal block, whitespace exact (relative indentation kept). */
export function literalBlock(lines: readonly string[]): Code {
  return { type: 'code', value: trimBlankLines(dedent(lines)).join('\n') };
}

/**
 * Signs that an indented block not announced by '::' is an example (shell
 * session, file content, aligned values) rather than prose: guessing prose
 * for an example would reflow it, which is worse than the reverse.
 */
export function looksLiteral(lines: readonly string[]): boolean {
  const body = dedent(lines).filter((line) => !isBlank(line));
  const first = body[0];
  if (first === undefined) return false;
  if (listMarker(first) || fieldMarker(first) || isSimpleTableBorder(first) || isGridBorder(first)) return false;
  return body.some(
    (line) =>
      /^(\$ |# |#$|echo |cat |\[|\.\.\.|[0-9a-fA-F]{4,}\b)/.test(line) ||
      / >>? | \| |[{};]\s*$/.test(line) ||
      // Aligned columns; two spaces after a full stop are only typing habit.
      /[^\s.:?!] {2,}\S/.test(line.slice(indentOf(line))),
  );
}

/** An indented region: a literal block or parsed blocks, by the guess above. */
export function indentedBody(lines: readonly string[], parseBlocks: ParseBlocks): BlockContent[] {
  return looksLiteral(lines) ? [literalBlock(lines)] : parseBlocks(trimBlankLines(dedent(lines)));
}
