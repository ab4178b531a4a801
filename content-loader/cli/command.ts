/**
 * What every `abi-atlas` command shares: its arguments declared once (from
 * which come the strict parse, the usage line and `--help`), and one
 * mapping from failures to exit codes and streams.
 */
import { parseStrict, UsageError } from './args.ts';

export { UsageError };

/** Exit codes, the same for every command (README, "Command line"). */
export const EXIT = {
  /** Done; for the commands that answer yes or no, the answer is yes. */
  ok: 0,
  /** Done, and the answer is no: `check --strict` found something, `resolve` met an undocumented path. */
  no: 1,
  /** Not run: bad usage (the usage goes to stderr) or an argument that cannot be used (one line naming it). */
  usage: 2,
  /** Failed while running (a read error, a bug): one line on stderr. */
  failed: 3,
} as const;

/** Where a command writes: the process's streams, or a test's strings. Text is written as given (lines end with \n). */
export interface CommandIO {
  out(text: string): void;
  err(text: string): void;
}

export const PROCESS_IO: CommandIO = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/** An argument that is well formed but cannot be used (no such folder, not an ABI tree ...): exit 2, one line. */
export class InputError extends Error {
  override name = 'InputError';
}

export interface OptionSpec {
  type: 'boolean' | 'string';
  /** How the value is shown in the usage ("N", "FILE|-"), for string options. */
  value?: string;
  help: string;
}

export interface OperandSpec {
  /** As the usage shows it: "<tree>". */
  name: string;
  help: string;
  optional?: boolean;
  /** Takes every remaining operand ("<path>..."); at least one unless `optional`. */
  repeated?: boolean;
}

type OptionValues<O extends Record<string, OptionSpec>> = { [K in keyof O]?: O[K]['type'] extends 'boolean' ? boolean : string };

export interface CommandSpec<O extends Record<string, OptionSpec>> {
  name: string;
  /** One line for `abi-atlas --help`. */
  summary: string;
  /** A few sentences for `abi-atlas <name> --help`: what it prints where. */
  description: string;
  operands: OperandSpec[];
  options: O;
  /** What exit codes 0 and 1 mean for this command. */
  exits: string;
  run(input: { options: OptionValues<O>; operands: string[]; io: CommandIO }): number | Promise<number>;
}

export interface Command {
  name: string;
  summary: string;
  operands: readonly OperandSpec[];
  options: Readonly<Record<string, OptionSpec>>;
  /** `abi-atlas <name> <operands> [options]`. */
  synopsis: string;
  /** The `--help` text. */
  help: string;
  /** Runs with the arguments after the command's name; resolves to the exit code. Usage and input errors are printed here. */
  run(args: string[], io?: CommandIO): Promise<number>;
}

const HELP_OPTION = { type: 'boolean', short: 'h' } as const;

/** A command from its spec. */
export function defineCommand<O extends Record<string, OptionSpec>>(spec: CommandSpec<O>): Command {
  const synopsis = synopsisOf(spec);
  const help = helpOf(spec, synopsis);
  const parseOptions = Object.fromEntries(Object.entries(spec.options).map(([name, o]) => [name, { type: o.type }]));
  return {
    name: spec.name,
    summary: spec.summary,
    operands: spec.operands,
    options: spec.options,
    synopsis,
    help,
    async run(args, io = PROCESS_IO) {
      try {
        const { values, positionals } = parseStrict(args, { ...parseOptions, help: HELP_OPTION });
        if (values.help) {
          io.out(help);
          return EXIT.ok;
        }
        return await spec.run({ options: values as OptionValues<O>, operands: checkOperands(spec.operands, positionals), io });
      } catch (e) {
        if (e instanceof UsageError) {
          io.err(`abi-atlas ${spec.name}: ${e.message}\nusage: ${synopsis}\nRun 'abi-atlas ${spec.name} --help' for more.\n`);
          return EXIT.usage;
        }
        if (e instanceof InputError) {
          io.err(`abi-atlas ${spec.name}: ${e.message}\n`);
          return EXIT.usage;
        }
        throw e;
      }
    },
  };
}

/** The operands if their count fits the spec, else a UsageError naming the first missing or extra one. */
function checkOperands(specs: OperandSpec[], given: string[]): string[] {
  const required = specs.filter((o) => !o.optional);
  if (given.length < required.length) throw new UsageError(`missing ${required[given.length]!.name}`);
  if (!specs.some((o) => o.repeated) && given.length > specs.length) throw new UsageError(`unexpected argument '${given[specs.length]}'`);
  return given;
}

function synopsisOf(spec: CommandSpec<Record<string, OptionSpec>>): string {
  const operands = spec.operands.map((o) => {
    const name = o.repeated ? `${o.name}...` : o.name;
    return o.optional ? `[${name}]` : name;
  });
  const options = Object.entries(spec.options).map(([name, o]) => `[${optionLabel(name, o)}]`);
  return ['abi-atlas', spec.name, ...operands, ...options].join(' ');
}

/** `--json`, `--sysfs DIR`: an option as the usage shows it. */
function optionLabel(name: string, option: OptionSpec): string {
  return option.type === 'string' ? `--${name} ${option.value ?? 'VALUE'}` : `--${name}`;
}

function helpOf(spec: CommandSpec<Record<string, OptionSpec>>, synopsis: string): string {
  const rows: [string, string][] = [
    ...spec.operands.map((o): [string, string] => [o.name, o.help]),
    ...Object.entries(spec.options).map(([name, o]): [string, string] => [optionLabel(name, o), o.help]),
    ['-h, --help', 'print this help'],
  ];
  const width = Math.max(...rows.map(([left]) => left.length));
  return [
    `usage: ${synopsis}`,
    '',
    spec.description,
    '',
    ...rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`),
    '',
    `Exit status: ${spec.exits}; 2 bad usage or an argument that cannot be used; 3 failed while running.`,
    '',
  ].join('\n');
}
