import { formatWarning } from '../index.ts';
import { countByKind, healthFindings } from '../health/index.ts';
import { defineCommand, EXIT } from './command.ts';
import { parseTreeArgument, treeOperand } from './tree-argument.ts';

/**
 * `abi-atlas check <tree> [--json] [--strict]`: the health report, one
 * `file:line: message` per finding on stdout (as compilers and the kernel's
 * validator print them) and the count per kind on stderr. Exit code 0
 * unless --strict is given and something was found, so CI can opt in; a
 * folder that is not an ABI tree is never a pass (exit 2).
 */
export const command = defineCommand({
  name: 'check',
  summary: 'the health report: validator warnings and ours',
  description:
    "Validates the tree: the kernel validator's warnings and ours, one file:line: message per\n" +
    'finding on stdout and the count per kind on stderr; with --json, the findings\n' +
    '[{kind, file, line, message}] on stdout.',
  operands: [treeOperand()],
  options: {
    json: { type: 'boolean', help: 'print the findings as JSON' },
    strict: { type: 'boolean', help: 'exit 1 when there is any finding (for CI)' },
  },
  exits: '0 checked (with --strict: and nothing found); 1 with --strict, something found',
  run({ options, operands: [root], io }) {
    const findings = healthFindings(parseTreeArgument(root!));
    if (options.json) {
      io.out(JSON.stringify(findings, null, 2) + '\n');
    } else {
      io.out(findings.map((f) => formatWarning(f) + '\n').join(''));
      const counts = Object.entries(countByKind(findings)).map(([kind, n]) => `${n} ${kind}`);
      io.err(findings.length ? `${findings.length} findings: ${counts.join(', ')}\n` : 'no findings\n');
    }
    return options.strict && findings.length > 0 ? EXIT.no : EXIT.ok;
  },
});

export const run = command.run;
