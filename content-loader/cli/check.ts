import { formatWarning, parseTree } from '../index.ts';
import { countByKind, healthFindings } from '../health/index.ts';
import { parseArgs } from './args.ts';

const USAGE = 'usage: abi-atlas check <tree> [--json] [--strict]';

/**
 * `abi-atlas check <tree> [--json] [--strict]`: the health report, one
 * `file:line: message` per finding on stdout (as compilers and the kernel's
 * validator print them) and the count per kind on stderr. Exit code 0
 * unless --strict is given and something was found, so CI can opt in.
 */
export function run(args: string[]): number {
  const { positional, flags } = parseArgs(args);
  const [root] = positional;
  if (!root || positional.length > 1) {
    console.error(USAGE);
    return 2;
  }
  const findings = healthFindings(parseTree(root));
  if (flags.has('json')) {
    process.stdout.write(JSON.stringify(findings, null, 2) + '\n');
  } else {
    for (const f of findings) console.log(formatWarning(f));
    const counts = Object.entries(countByKind(findings)).map(([kind, n]) => `${n} ${kind}`);
    console.error(findings.length ? `${findings.length} findings: ${counts.join(', ')}` : 'no findings');
  }
  return flags.has('strict') && findings.length > 0 ? 1 : 0;
}
