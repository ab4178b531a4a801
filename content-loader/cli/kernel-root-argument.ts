import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { parseTree } from '../parse/parse-tree.ts';
import type { AbiEntry } from '../types.ts';
import { InputError, type OperandSpec } from './command.ts';
import { checkFolderArgument } from './tree-argument.ts';

/** The `<kernel-root>` operand of the source commands. */
export function kernelRootOperand(): OperandSpec {
  return { name: '<kernel-root>', help: 'a kernel source tree (its *.c, *.h and MAINTAINERS; its Documentation/ABI when present)' };
}

/**
 * Checks a `<kernel-root>` argument before any indexing: a readable folder
 * with C sources or MAINTAINERS at its top. Returns the entries of its own
 * Documentation/ABI (none when it has no such folder).
 */
export function readKernelRoot(root: string, needsAbi = false): { entries: AbiEntry[] } {
  const what = `<kernel-root> ${root}`;
  checkFolderArgument(root, what);
  if (!['MAINTAINERS', 'Makefile', 'drivers', 'include'].some((name) => existsSync(join(root, name)))) {
    throw new InputError(`${what}: not a kernel source tree (no MAINTAINERS, Makefile, drivers/ or include/ at its top)`);
  }
  const hasAbi = existsSync(join(root, 'Documentation', 'ABI'));
  if (needsAbi && !hasAbi) throw new InputError(`${what}: has no Documentation/ABI to compare the code with`);
  return { entries: hasAbi ? parseTree(root).entries : [] };
}
