// The command-line contract (README, "Command line"), for every command in
// the table: unknown flags, missing values and operands, values given to a
// flag exit 2 with the command's usage on stderr; --help prints it on
// stdout and exits 0. A new command is covered by adding it to the table.
// The cases run the command modules in-process; the launcher (exit codes as
// a shell sees them) is run for one case per command and for the top level.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { allCommands } from '../content-loader/cli/commands.ts';
import type { Command } from '../content-loader/cli/command.ts';
import { abiAtlas, runCommand, SMALL_TREE, type Ran } from './helpers/cli.ts';

const commands = await allCommands();

/** Operands that parse: the small tree for every tree, a path for `<path>`. */
const validOperands = (c: Command) => c.operands.filter((o) => !o.optional).map((o) => (o.name === '<path>' ? '/sys/nodesc/a' : SMALL_TREE));

/** A usage error: exit 2, nothing on stdout, the reason and then the command's usage on stderr. */
function expectUsageError(r: Ran, c: Command, reason: RegExp | string) {
  expect(r.status, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  const [first, usage] = r.stderr.split('\n');
  expect(first).toContain(`abi-atlas ${c.name}: `);
  expect(first).toMatch(reason);
  expect(usage).toBe(`usage: ${c.synopsis}`);
}

describe('every command, strictly parsed', () => {
  it('has the commands the README documents', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    expect(commands.map((c) => c.name)).toEqual(['parse', 'resolve', 'undefined', 'check', 'diff', 'source', 'coverage']);
    for (const c of commands) expect(readme).toContain(`npx ${c.synopsis}`);
  });

  describe.each(commands.map((c) => [c.name, c] as const))('abi-atlas %s', (_, c) => {
    it('refuses an unknown flag (exit 2, usage on stderr), through the launcher', () => {
      expectUsageError(abiAtlas([c.name, ...validOperands(c), '--no-such-flag']), c, "unknown option '--no-such-flag'");
    });

    it('refuses a typo of one of its flags', async () => {
      const typo = `--${Object.keys(c.options)[0]}x`;
      expectUsageError(await runCommand(c, [...validOperands(c), typo]), c, `unknown option '${typo}'`);
    });

    it('refuses a missing operand', async () => {
      expectUsageError(await runCommand(c, []), c, `missing ${c.operands[0]!.name}`);
    });

    for (const [name, option] of Object.entries(c.options)) {
      if (option.type === 'string') {
        it(`refuses --${name} without a value`, async () => {
          expectUsageError(await runCommand(c, [...validOperands(c), `--${name}`]), c, `'--${name}' needs a value`);
          expectUsageError(await runCommand(c, [...validOperands(c), `--${name}=`]), c, `'--${name}' needs a value`);
        });
      } else {
        it(`refuses a value for --${name}`, async () => {
          expectUsageError(await runCommand(c, [...validOperands(c), `--${name}=yes`]), c, `'--${name}' takes no value`);
        });
      }
    }

    if (!c.operands.some((o) => o.repeated)) {
      it('refuses an extra operand', async () => {
        expectUsageError(await runCommand(c, [...validOperands(c), SMALL_TREE]), c, 'unexpected argument');
      });
    }

    it('prints its help on stdout with --help and -h, exit 0', async () => {
      for (const flag of ['--help', '-h']) {
        const r = await runCommand(c, [flag]);
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toBe('');
        expect(r.stdout.split('\n')[0]).toBe(`usage: ${c.synopsis}`);
        for (const name of Object.keys(c.options)) expect(r.stdout).toContain(`--${name}`);
        expect(r.stdout).toMatch(/Exit status: 0 /);
      }
    });
  });
});

describe('abi-atlas itself', () => {
  const version = (JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }).version;

  it('--version prints the package version', () => {
    const r = abiAtlas(['--version']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, `abi-atlas ${version}\n`, '']);
  });

  it('--help lists every command on stdout, exit 0', () => {
    const r = abiAtlas(['--help']);
    expect(r.status).toBe(0);
    for (const c of commands) expect(r.stdout).toContain(c.synopsis);
    expect(abiAtlas(['help']).stdout).toBe(r.stdout);
  });

  it('help <command> prints that command\'s help', async () => {
    const diff = commands.find((c) => c.name === 'diff')!;
    const r = abiAtlas(['help', 'diff']);
    expect([r.status, r.stdout]).toEqual([0, (await runCommand(diff, ['--help'])).stdout]);
  });

  it.each([
    [[], 'no command given'],
    [['frobnicate'], "unknown command 'frobnicate'"],
    [['constructor'], "unknown command 'constructor'"],
    [['--no-such-flag'], "unknown option '--no-such-flag'"],
    [['--version=2'], "'--version' takes no value"],
    [['help', 'frobnicate'], "unknown command 'frobnicate'"],
  ])('%j is a usage error (exit 2, the command list on stderr)', (args, reason) => {
    const r = abiAtlas(args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    const first = r.stderr.split('\n')[0]!;
    expect(first.startsWith('abi-atlas: ')).toBe(true);
    expect(first).toContain(reason);
    for (const c of commands) expect(r.stderr).toContain(c.synopsis);
  });
});
