import type { BlockContent } from 'mdast';
import { dedent, indentedBlockEnd, isBlank, trimBlankLines } from './lines.ts';
import { literalBlock } from './literal.ts';
import { parseInline } from './inline.ts';
import type { Admonition } from './nodes.ts';
import type { ParseBlocks } from './table-cells.ts';

/** ReST's admonitions and Sphinx's `seealso`, with the title each shows (a Map: a directive named "constructor" is not one). */
const ADMONITIONS = new Map([
  ['attention', 'Attention'],
  ['caution', 'Caution'],
  ['danger', 'Danger'],
  ['error', 'Error'],
  ['hint', 'Hint'],
  ['important', 'Important'],
  ['note', 'Note'],
  ['tip', 'Tip'],
  ['warning', 'Warning'],
  ['seealso', 'See also'],
]);
/** Every class an admonition's <div> can carry. */
export const ADMONITION_KINDS = ['admonition', ...ADMONITIONS.keys()];

const LITERAL_DIRECTIVES = new Set(['code-block', 'code', 'sourcecode']);

/**
 * The explicit markup block at line `i` (see `isExplicitMarkup`), and
 * the lines it takes: its first line and everything indented below.
 * - `.. note::` and the other admonitions -> an admonition around the body;
 * - `.. code-block::` and kin -> a literal block of the body;
 * - `.. _target:` and comments -> nothing, as Sphinx shows nothing;
 * - any other directive, footnote or substitution -> shown as written.
 */
export function parseExplicitMarkup(lines: readonly string[], i: number, parseBlocks: ParseBlocks): { nodes: BlockContent[]; end: number } {
  const line = lines[i]!.trimEnd();
  // "..", then a blank line: an empty comment; what is indented below is a block quote, not comment text.
  const end = line === '..' && isBlank(lines[i + 1]) ? i + 1 : indentedBlockEnd(lines, i + 1);
  const below = lines.slice(i + 1, end);
  const directive = /^\.\. +([A-Za-z][\w-]*(?::[\w-]+)?)::(?: +(.*))?$/.exec(line);
  if (!directive) {
    const shown = /^\.\. +(\[[^\]]+\]|\|[^|]+\|)/.test(line);
    return { nodes: shown ? [literalBlock(lines.slice(i, end))] : [], end };
  }
  const name = directive[1]!.toLowerCase();
  const argument = (directive[2] ?? '').trim();
  const standardTitle = ADMONITIONS.get(name);
  if (standardTitle !== undefined || name === 'admonition') {
    const titled = name === 'admonition';
    // The text after `::` starts the body, except for the generic admonition, whose title it is.
    const body = trimBlankLines([...(titled || !argument ? [] : [argument]), ...dedent(below)]);
    const title = parseInline(standardTitle ?? (argument || 'Admonition'));
    const node: Admonition = {
      type: 'admonition',
      kind: name,
      children: [{ type: 'paragraph', data: { hProperties: { className: ['admonition-title'] } }, children: title }, ...parseBlocks(body)],
    };
    return { nodes: [node], end };
  }
  if (LITERAL_DIRECTIVES.has(name)) {
    const code = withoutOptions(below);
    return { nodes: code.some((l) => !isBlank(l)) ? [literalBlock(code)] : [], end };
  }
  return { nodes: [literalBlock(lines.slice(i, end))], end };
}

/** A directive's body without the `:option: value` lines that open it. */
function withoutOptions(body: readonly string[]): string[] {
  let start = 0;
  while (start < body.length && /^ +:[\w-]+:/.test(body[start]!)) start++;
  return body.slice(start);
}
