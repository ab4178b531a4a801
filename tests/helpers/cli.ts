import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Command } from '../../content-loader/cli/command.ts';

/** The launcher users run (`npx abi-atlas`, `./bin/abi-atlas.js`). */
export const CLI = fileURLToPath(new URL('../../bin/abi-atlas.js', import.meta.url));

/** A small tree in the repository, for arguments that must be a valid tree. */
export const SMALL_TREE = fileURLToPath(new URL('../fixtures/parse/missing-description/input', import.meta.url));

/**
 * Runs `abi-atlas ...args` through the launcher. The timeout only guards
 * against a hang (a walk of / or /sys); it is not a speed target.
 */
export function abiAtlas(args: string[], options: { input?: string; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(CLI, args, { encoding: 'utf8', input: options.input ?? '', timeout: options.timeout ?? 60_000, maxBuffer: 256 * 2 ** 20 });
}

/** What a run printed and returned, the shape of spawnSync's result. */
export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs a command module in this process with its output captured: the same
 * code as through the launcher without starting a Node (about 1 s each on a
 * busy machine). The launcher itself is tested with `abiAtlas`.
 */
export async function runCommand(command: Command, args: string[]): Promise<Ran> {
  let stdout = '';
  let stderr = '';
  const status = await command.run(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { status, stdout, stderr };
}
