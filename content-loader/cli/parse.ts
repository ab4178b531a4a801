import { formatWarning, parseTree } from '../index.ts';
import { parseArgs } from './args.ts';

/** `abi-atlas parse <tree> [--json]`: the parsed tree as JSON, or a readable summary. */
export function run(args: string[]): number {
  const { positional, flags } = parseArgs(args);
  const [root] = positional;
  if (!root) {
    console.error('usage: abi-atlas parse <tree> [--json]');
    return 2;
  }
  const tree = parseTree(root);
  if (flags.has('json')) {
    process.stdout.write(JSON.stringify(tree, null, 2) + '\n');
    return 0;
  }
  for (const entry of tree.entries) {
    console.log(`${entry.file}:${entry.line}  [${entry.level}]`);
    for (const s of entry.symbols) console.log(`  ${s.what}  ->  ${s.url}`);
  }
  for (const w of tree.warnings) console.error(formatWarning(w));
  const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
  console.error(`${tree.files.length} files, ${tree.entries.length} entries, ${symbols} What symbols, ${tree.warnings.length} warnings`);
  return 0;
}
