import { parseTree } from '../index.ts';
import { buildResolver, resolve } from '../resolve/index.ts';
import { namesOf, walkSysfs } from '../resolve/sysfs-walk.ts';
import { parseArgs } from './args.ts';

const USAGE = 'usage: abi-atlas undefined <tree> [--sysfs /sys] [--limit N] [--max-files N] [--max-depth N] [--json]';

/**
 * `abi-atlas undefined <tree>`: walks a live sysfs (bounded, no symlinks
 * followed, the kernel's skip list) and lists the attribute files no What
 * documents, under any of their names. Progress goes to stderr.
 */
export function run(args: string[]): number {
  const { positional, flags, values } = parseArgs(args, ['sysfs', 'limit', 'max-files', 'max-depth']);
  const [root] = positional;
  const limit = numberOption(values.get('limit'));
  const maxFiles = numberOption(values.get('max-files'));
  const maxDepth = numberOption(values.get('max-depth'));
  if (!root || [limit, maxFiles, maxDepth].includes(NaN)) {
    console.error(USAGE);
    return 2;
  }
  const sysfs = values.get('sysfs') ?? '/sys';
  const resolver = buildResolver(parseTree(root).entries);
  console.error(`Reading ${sysfs} ...`);
  const listing = walkSysfs(sysfs, { maxFiles, maxDepth, onProgress: (n) => console.error(`  ${n} files`) });
  if (listing.truncated) console.error(`warning: walk cut short by --max-files/--max-depth; results are partial`);
  const undefinedPaths: string[] = [];
  for (const [i, file] of listing.files.entries()) {
    if (!namesOf(file, listing.aliases).some((name) => resolve(resolver, name).length > 0)) undefinedPaths.push(file);
    if ((i + 1) % 20_000 === 0) console.error(`  checked ${i + 1}/${listing.files.length}`);
  }
  const shown = limit === undefined ? undefinedPaths : undefinedPaths.slice(0, limit);
  if (flags.has('json')) process.stdout.write(JSON.stringify(shown, null, 2) + '\n');
  else for (const path of shown) console.log(`${path} not found.`);
  const percent = listing.files.length ? ((100 * undefinedPaths.length) / listing.files.length).toFixed(1) : '0';
  console.error(
    `${listing.files.length} files checked, ${undefinedPaths.length} undocumented (${percent}%)` +
      (shown.length < undefinedPaths.length ? `, ${shown.length} shown` : '') +
      (listing.unreadable ? `, ${listing.unreadable} folders unreadable` : ''),
  );
  return 0;
}

/** A non-negative integer option; NaN when malformed, undefined when absent. */
function numberOption(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  return /^\d+$/.test(value) ? Number(value) : NaN;
}
