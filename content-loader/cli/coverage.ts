import { formatWarning } from '../index.ts';
import { openSourceTree, sourceCoverage, whatContexts } from '../source/index.ts';
import { defineCommand, EXIT } from './command.ts';
import { kernelRootOperand, readKernelRoot } from './kernel-root-argument.ts';

/**
 * `abi-atlas coverage <kernel-root> [--json]`: the files the code creates
 * (sysfs attributes, debugfs, procfs and configfs files) that no What of
 * the root's Documentation/ABI documents, grouped by MAINTAINERS entry, most
 * undocumented first.
 */
export const command = defineCommand({
  name: 'coverage',
  summary: 'what the code creates that no What documents, per MAINTAINERS entry',
  description:
    "Compares the files the kernel's code creates (sysfs, debugfs, procfs, configfs) with the\n" +
    "root's Documentation/ABI: one line per MAINTAINERS entry with its counts, then\n" +
    '`file:line: name (how)` per undocumented file; with --json, {documented, undocumented,\n' +
    'subsystems: [...]}. Progress and totals go to stderr.',
  operands: [kernelRootOperand()],
  options: { json: { type: 'boolean', help: 'print the coverage as JSON' } },
  exits: '0 compared (whatever the coverage)',
  async run({ options, operands: [root], io }) {
    const { entries } = readKernelRoot(root!, true);
    io.err(`Reading the source of ${root} ...\n`);
    const source = await openSourceTree(root!, entries);
    for (const w of source.index.warnings) io.err(formatWarning(w) + '\n');
    const coverage = sourceCoverage(source.index, source.matcher, whatContexts(entries), source.maintainers);
    if (options.json) {
      io.out(JSON.stringify(coverage, null, 2) + '\n');
    } else {
      for (const s of coverage.subsystems) {
        io.out(`${s.subsystem}: ${s.undocumented.length} undocumented, ${s.documented} documented\n`);
        for (const item of s.undocumented) io.out(`  ${item.file}:${item.line}: ${item.name} (${item.how})\n`);
      }
    }
    const total = coverage.documented + coverage.undocumented;
    io.err(`${total} files created in the code: ${coverage.documented} documented, ${coverage.undocumented} undocumented, in ${coverage.subsystems.length} MAINTAINERS entries\n`);
    return EXIT.ok;
  },
});

export const run = command.run;
