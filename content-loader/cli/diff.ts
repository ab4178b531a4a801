import { diffTrees, type TreeDiff } from '../history/index.ts';
import { defineCommand, EXIT } from './command.ts';
import { checkTreeArgument, parseTreeArgument, treeOperand } from './tree-argument.ts';

/**
 * `abi-atlas diff <old-tree> <new-tree> [--json]`: symbols added, removed,
 * moved between levels and with a changed description. Exit code 0 whether
 * or not anything changed: a difference between releases is not an error.
 */
export const command = defineCommand({
  name: 'diff',
  summary: 'symbols added, removed, moved and changed',
  description:
    'Compares two trees: What symbols added, removed, moved between levels and with a changed\n' +
    'description, one section per kind on stdout; with --json, {added, removed, moved, changed}.',
  operands: [treeOperand('<old-tree>', 'the older tree: '), treeOperand('<new-tree>', 'the newer tree: ')],
  options: { json: { type: 'boolean', help: 'print the differences as JSON' } },
  exits: '0 compared (whether or not anything changed)',
  run({ options, operands: [oldRoot, newRoot], io }) {
    // Both checked before either is parsed, so a typo in the second costs no parse of the first.
    checkTreeArgument(newRoot!, '<new-tree>');
    const diff = diffTrees(parseTreeArgument(oldRoot!, '<old-tree>'), parseTreeArgument(newRoot!, '<new-tree>'));
    if (options.json) io.out(JSON.stringify(diff, null, 2) + '\n');
    else io.out(formatTreeDiff(diff));
    return EXIT.ok;
  },
});

export const run = command.run;

/** The readable form: one section per kind, one symbol per line, counts in the headings. */
export function formatTreeDiff(diff: TreeDiff): string {
  const out: string[] = [];
  const section = (title: string, lines: string[]) => {
    out.push(`${title} (${lines.length})`);
    for (const line of lines) out.push(`  ${line}`);
    out.push('');
  };
  section('Added', diff.added.map((s) => `+ ${s.what}  [${s.level}]`));
  section('Removed', diff.removed.map((s) => `- ${s.what}  [${s.level}]`));
  section('Moved between levels', diff.moved.map((m) => `~ ${m.what}  ${m.from} -> ${m.to}`));
  section('Description changed', diff.changed.map((c) => `* ${c.what}`));
  return out.join('\n');
}
