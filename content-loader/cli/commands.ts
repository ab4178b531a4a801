import type { Command } from './command.ts';

/**
 * The `abi-atlas` commands, in the order `--help` lists them. Each is one
 * module exporting `command` (see command.ts); adding one is adding its line.
 */
export const COMMANDS: Record<string, () => Promise<{ command: Command }>> = {
  parse: () => import('./parse.ts'),
  resolve: () => import('./resolve.ts'),
  undefined: () => import('./undefined.ts'),
  check: () => import('./check.ts'),
  diff: () => import('./diff.ts'),
  source: () => import('./source.ts'),
  coverage: () => import('./coverage.ts'),
};

/** The command called `name`, or undefined (never an inherited property such as `constructor`). */
export async function loadCommand(name: string): Promise<Command | undefined> {
  return Object.hasOwn(COMMANDS, name) ? (await COMMANDS[name]!()).command : undefined;
}

/** Every command, in table order. */
export function allCommands(): Promise<Command[]> {
  return Promise.all(Object.values(COMMANDS).map(async (load) => (await load()).command));
}
