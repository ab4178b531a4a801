import { formatWarning } from '../index.ts';
import { normalizeWhat } from '../parse/permalink.ts';
import { openSourceTree, whatContexts } from '../source/index.ts';
import { defineCommand, EXIT } from './command.ts';
import { kernelRootOperand, readKernelRoot } from './kernel-root-argument.ts';

/**
 * `abi-atlas source <kernel-root> <What>... [--json]`: per What, the source
 * lines that create its file, best first, with how each was found. The
 * kernel root's own Documentation/ABI (when present) gives each What its
 * entry's context. Exit code 1 when some What was not found.
 */
export const command = defineCommand({
  name: 'source',
  summary: "the source lines that create each What's file",
  description:
    'Finds where the kernel source creates the file of each What: per What, the candidate\n' +
    'source lines best first, each with the macro or call and how it was found, or "(not\n' +
    'found)"; with --json, [{what, sources: [{file, line, symbol, how, kind, found}]}].\n' +
    'Progress and the index figures go to stderr.',
  operands: [kernelRootOperand(), { name: '<What>', help: 'a What as Documentation/ABI writes it', repeated: true }],
  options: { json: { type: 'boolean', help: 'print the candidates as JSON' } },
  exits: '0 every What found; 1 some What not found',
  async run({ options, operands: [root, ...whats], io }) {
    const { entries } = readKernelRoot(root!);
    io.err(`Reading the source of ${root} ...\n`);
    const source = await openSourceTree(root!, entries);
    for (const w of source.index.warnings) io.err(formatWarning(w) + '\n');
    io.err(`${source.index.sites.length} creation sites in ${source.index.files} files (${source.cached ? 'cached index' : 'indexed'}, ${source.seconds} s)\n`);
    const contexts = whatContexts(entries);
    const results = whats.map((what) => ({ what, sources: source.matcher.match(what, contexts.get(normalizeWhat(what)) ?? {}) }));
    if (options.json) {
      const json = results.map(({ what, sources }) => ({
        what,
        sources: sources.map(({ file, line, symbol, how, kind, found }) => ({ file, line, symbol, how, kind, found })),
      }));
      io.out(JSON.stringify(json, null, 2) + '\n');
    } else {
      for (const { what, sources } of results) {
        io.out(`${what}\n`);
        for (const s of sources) io.out(`  ${s.file}:${s.line}  ${s.symbol}  (${s.how})  — ${s.found.join('; ')}\n`);
        if (sources.length === 0) io.out('  (not found)\n');
      }
    }
    return results.every((r) => r.sources.length > 0) ? EXIT.ok : EXIT.no;
  },
});

export const run = command.run;
