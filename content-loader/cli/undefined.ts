import { buildResolver, resolve } from '../resolve/index.ts';
import { namesOf, walkSysfs } from '../resolve/sysfs-walk.ts';
import { defineCommand, EXIT, InputError, UsageError } from './command.ts';
import { checkFolderArgument, checkTreeArgument, parseTreeArgument, treeOperand } from './tree-argument.ts';

/**
 * `abi-atlas undefined <tree>`: walks a live sysfs (bounded, no symlinks
 * followed, the kernel's skip list) and lists the attribute files no What
 * documents, under any of their names. Progress goes to stderr.
 */
export const command = defineCommand({
  name: 'undefined',
  summary: 'list live sysfs files no entry documents',
  description:
    "Walks a live sysfs the way the kernel's get_abi.py undefined does (no symlinks followed,\n" +
    'its skip list) and prints each attribute file no What documents, under any of its names,\n' +
    "as '<path> not found.' on stdout (with --json, a JSON list). Progress and the counts go to stderr.",
  operands: [treeOperand()],
  options: {
    sysfs: { type: 'string', value: 'DIR', help: 'the sysfs to walk (default /sys)' },
    limit: { type: 'string', value: 'N', help: 'print at most N undocumented files' },
    'max-files': { type: 'string', value: 'N', help: 'stop the walk after N files (default 200000)' },
    'max-depth': { type: 'string', value: 'N', help: 'do not walk deeper than N folders (default 24)' },
    json: { type: 'boolean', help: 'print the undocumented files as JSON' },
  },
  exits: '0 walked and listed',
  run({ options, operands: [root], io }) {
    const limit = wholeNumber(options.limit, '--limit', 0);
    const maxFiles = wholeNumber(options['max-files'], '--max-files', 1);
    const maxDepth = wholeNumber(options['max-depth'], '--max-depth', 1);
    const sysfs = options.sysfs ?? '/sys';
    // Both arguments are checked before the tree is parsed or anything is walked.
    checkTreeArgument(root!);
    checkFolderArgument(sysfs, `--sysfs ${sysfs}`);
    const resolver = buildResolver(parseTreeArgument(root!).entries);
    io.err(`Reading ${sysfs} ...\n`);
    const listing = walkSysfs(sysfs, { maxFiles, maxDepth, onProgress: (n) => io.err(`  ${n} files\n`) });
    if (listing.files.length === 0) {
      throw new InputError(`--sysfs ${sysfs}: no attribute files found${listing.unreadable ? ` (${listing.unreadable} folders unreadable)` : ''}; is it a sysfs?`);
    }
    if (listing.truncated) io.err(`warning: walk cut short by --max-files/--max-depth; results are partial\n`);
    const undefinedPaths: string[] = [];
    for (const [i, file] of listing.files.entries()) {
      if (!namesOf(file, listing.aliases).some((name) => resolve(resolver, name).length > 0)) undefinedPaths.push(file);
      if ((i + 1) % 20_000 === 0) io.err(`  checked ${i + 1}/${listing.files.length}\n`);
    }
    const shown = limit === undefined ? undefinedPaths : undefinedPaths.slice(0, limit);
    if (options.json) io.out(JSON.stringify(shown, null, 2) + '\n');
    else io.out(shown.map((path) => `${path} not found.\n`).join(''));
    const percent = ((100 * undefinedPaths.length) / listing.files.length).toFixed(1);
    io.err(
      `${listing.files.length} files checked, ${undefinedPaths.length} undocumented (${percent}%)` +
        (shown.length < undefinedPaths.length ? `, ${shown.length} shown` : '') +
        (listing.unreadable ? `, ${listing.unreadable} folders unreadable` : '') +
        '\n',
    );
    return EXIT.ok;
  },
});

export const run = command.run;

/** A whole-number option no smaller than `min`; undefined when absent. */
function wholeNumber(value: string | undefined, option: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = /^[0-9]{1,9}$/.test(value) ? Number(value) : NaN;
  if (!(n >= min)) throw new UsageError(`option '${option}' needs a whole number${min > 0 ? ` from ${min}` : ''} (got '${value}')`);
  return n;
}
