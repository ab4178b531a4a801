/**
 * `abi-atlas <command> ...`: the top level (`--help`, `--version`, `help`)
 * and the one place a command's unexpected failure becomes exit code 3.
 * The commands are listed in commands.ts.
 */
import { readFileSync } from 'node:fs';
import { parseStrict, UsageError } from './args.ts';
import { EXIT } from './command.ts';
import { allCommands, loadCommand } from './commands.ts';

async function main(argv: string[]): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined) return usageError('no command given');
  if (name.startsWith('-')) return topLevelOptions(argv);
  if (name === 'help') return help(args);
  const command = await loadCommand(name);
  if (!command) return usageError(`unknown command '${name}'`);
  try {
    return await command.run(args);
  } catch (e) {
    console.error(`abi-atlas ${name}: ${firstLine(e)}`);
    return EXIT.failed;
  }
}

/** `--help`, `--version`, or a usage error for anything else before a command. */
async function topLevelOptions(argv: string[]): Promise<number> {
  let values;
  try {
    ({ values } = parseStrict(argv, { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean' } }, false));
  } catch (e) {
    if (e instanceof UsageError) return usageError(e.message);
    throw e;
  }
  if (values.version) {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    console.log(`abi-atlas ${pkg.version}`);
    return EXIT.ok;
  }
  process.stdout.write(await overview());
  return EXIT.ok;
}

/** `abi-atlas help [command]`. */
async function help(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  if (name === undefined) {
    process.stdout.write(await overview());
    return EXIT.ok;
  }
  if (rest.length > 0) return usageError(`unexpected argument '${rest[0]}'`);
  const command = await loadCommand(name);
  if (!command) return usageError(`unknown command '${name}'`);
  process.stdout.write(command.help);
  return EXIT.ok;
}

function firstLine(e: unknown): string {
  return String(e instanceof Error ? e.message : e).split('\n')[0]!;
}

async function usageError(message: string): Promise<number> {
  process.stderr.write(`abi-atlas: ${message}\n${await overview()}`);
  return EXIT.usage;
}

/** The list of commands, each with its usage line and summary. */
async function overview(): Promise<string> {
  const commands = await allCommands();
  return [
    'usage: abi-atlas <command> [arguments]    (abi-atlas <command> --help for one command)',
    '       abi-atlas --version',
    '',
    ...commands.flatMap((c) => [`  ${c.synopsis}`, `      ${c.summary}`]),
    '',
    '<tree> is a kernel source root, its Documentation folder, or Documentation/ABI.',
    'Exit status: 0 done; 1 a negative answer (check --strict found something, resolve',
    'met an undocumented path); 2 bad usage or an argument that cannot be used;',
    '3 failed while running.',
    '',
  ].join('\n');
}

// `abi-atlas parse --json | head` closes the pipe early; that is not an error.
// Any other write error (a full disk) ends the run with a line saying so.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(EXIT.ok);
  console.error(`abi-atlas: cannot write the output: ${e.message}`);
  process.exit(EXIT.failed);
});
process.exitCode = await main(process.argv.slice(2));
