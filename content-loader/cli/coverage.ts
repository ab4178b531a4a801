import { parseArgs } from 'node:util';
import { formatWarning, parseTree } from '../index.ts';
import { openSourceTree, sourceCoverage, whatContexts } from '../source/index.ts';

const USAGE = 'usage: abi-atlas coverage <kernel-root> [--json]';

/**
 * `abi-atlas coverage <kernel-root> [--json]`: the files the code creates
 * (sysfs attributes, debugfs, procfs and configfs files) that no What of
 * the root's Documentation/ABI documents, grouped by MAINTAINERS entry, most
 * undocumented first. Without --json: one line per entry with its counts,
 * then `file:line: name (how)` per undocumented file.
 */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [root, ...rest] = parsed.positionals;
  if (!root || rest.length > 0) {
    console.error(USAGE);
    return 2;
  }
  const tree = parseTree(root);
  console.error(`Reading the source of ${root} ...`);
  const source = await openSourceTree(root, tree.entries);
  for (const w of source.index.warnings) console.error(formatWarning(w));
  const coverage = sourceCoverage(source.index, source.matcher, whatContexts(tree.entries), source.maintainers);
  if (parsed.values.json) {
    process.stdout.write(JSON.stringify(coverage, null, 2) + '\n');
  } else {
    for (const s of coverage.subsystems) {
      console.log(`${s.subsystem}: ${s.undocumented.length} undocumented, ${s.documented} documented`);
      for (const item of s.undocumented) console.log(`  ${item.file}:${item.line}: ${item.name} (${item.how})`);
    }
  }
  const total = coverage.documented + coverage.undocumented;
  console.error(`${total} files created in the code: ${coverage.documented} documented, ${coverage.undocumented} undocumented, in ${coverage.subsystems.length} MAINTAINERS entries`);
  return 0;
}
