/**
 * `abi-atlas <command> ...`: each command lives in its own module and
 * exports `run(args) => exit code`.
 */
const COMMANDS: Record<string, { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number> | number }> }> = {
  parse: { summary: 'parse <tree> [--json]                        print the parsed tree', load: () => import('./parse.ts') },
  resolve: { summary: 'resolve <tree> <path>... [--json]            which entries document each concrete path', load: () => import('./resolve.ts') },
  undefined: { summary: 'undefined <tree> [--sysfs /sys] [--limit N]  list live sysfs files no entry documents', load: () => import('./undefined.ts') },
  diff: { summary: 'diff <old-tree> <new-tree> [--json]          symbols added, removed, moved and changed', load: () => import('./diff.ts') },
  check: { summary: 'check <tree> [--json] [--strict]             the health report: validator warnings and ours', load: () => import('./check.ts') },
  source: { summary: 'source <kernel-root> <What>... [--json]      the source lines that create each What\'s file', load: () => import('./source.ts') },
  coverage: { summary: 'coverage <kernel-root> [--json]              what the code creates that no What documents, per MAINTAINERS entry', load: () => import('./coverage.ts') },
};

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    const lines = Object.values(COMMANDS).map((c) => `  abi-atlas ${c.summary}`);
    (name && name !== '--help' && name !== '-h' ? console.error : console.log)(
      `${name && name !== '--help' && name !== '-h' ? `unknown command '${name}'\n` : ''}usage:\n${lines.join('\n')}\n\n<tree> is a kernel source root or its Documentation/ABI folder.`,
    );
    return name && name !== '--help' && name !== '-h' ? 2 : 0;
  }
  try {
    return await (await command.load()).run(args);
  } catch (e) {
    console.error(`abi-atlas ${name}: ${(e as Error).message}`);
    return 1;
  }
}

// `abi-atlas parse --json | head` closes the pipe early; that is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
process.exitCode = await main(process.argv.slice(2));

export {};
