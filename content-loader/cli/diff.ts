import { parseTree } from '../index.ts';
import { diffTrees, type TreeDiff } from '../history/index.ts';
import { parseArgs } from './args.ts';

const USAGE = 'usage: abi-atlas diff <old-tree> <new-tree> [--json]';

/**
 * `abi-atlas diff <old-tree> <new-tree> [--json]`: symbols added, removed,
 * moved between levels and with a changed description. Exit code 0 whether
 * or not anything changed: a difference between releases is not an error.
 */
export function run(args: string[]): number {
  const { positional, flags } = parseArgs(args);
  const [oldRoot, newRoot] = positional;
  if (!oldRoot || !newRoot || positional.length > 2) {
    console.error(USAGE);
    return 2;
  }
  const diff = diffTrees(parseTree(oldRoot), parseTree(newRoot));
  if (flags.has('json')) process.stdout.write(JSON.stringify(diff, null, 2) + '\n');
  else process.stdout.write(formatTreeDiff(diff));
  return 0;
}

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
