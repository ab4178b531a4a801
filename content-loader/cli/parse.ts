import { formatWarning } from '../index.ts';
import { defineCommand, EXIT } from './command.ts';
import { parseTreeArgument, treeOperand } from './tree-argument.ts';

/** `abi-atlas parse <tree> [--json]`: the parsed tree as JSON, or a readable summary. */
export const command = defineCommand({
  name: 'parse',
  summary: 'print the parsed tree',
  description:
    'Parses the tree as the kernel does. Prints each entry and its What symbols with their\n' +
    'permalinks on stdout, the warnings (file:line: message) and the counts on stderr; with\n' +
    '--json, the whole tree {files, entries, warnings, readme} on stdout (the site\'s abi.json).',
  operands: [treeOperand()],
  options: { json: { type: 'boolean', help: 'print the parsed tree as JSON' } },
  exits: '0 parsed',
  run({ options, operands: [root], io }) {
    const tree = parseTreeArgument(root!);
    if (options.json) {
      io.out(JSON.stringify(tree, null, 2) + '\n');
      return EXIT.ok;
    }
    const out: string[] = [];
    for (const entry of tree.entries) {
      out.push(`${entry.file}:${entry.line}  [${entry.level}]`);
      for (const s of entry.symbols) out.push(`  ${s.what}  ->  ${s.url}`);
    }
    io.out(out.map((line) => line + '\n').join(''));
    io.err(tree.warnings.map((w) => formatWarning(w) + '\n').join(''));
    const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
    io.err(`${tree.files.length} files, ${tree.entries.length} entries, ${symbols} What symbols, ${tree.warnings.length} warnings\n`);
    return EXIT.ok;
  },
});

export const run = command.run;
