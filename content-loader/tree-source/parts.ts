import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** What of a kernel release can be fetched into the cache, each into the same kernel-root layout. */
export const PARTS = ['abi', 'source', 'sphinx'] as const;
export type Part = (typeof PARTS)[number];

export interface PartSpec {
  /** Files or folders (taken whole) relative to the kernel root; `*` stays within one segment. The release must have each. */
  paths: readonly string[];
  /** Paths only some releases have (the ABI tooling moved between releases). */
  optionalPaths: readonly string[];
  /** File names (`*.c`) taken wherever they are in the tree. */
  names: readonly string[];
  /** Parts this one needs beside it. */
  needs: readonly Part[];
}

export const PART_SPECS: Record<Part, PartSpec> = {
  abi: { paths: ['Documentation/ABI'], optionalPaths: [], names: [], needs: [] },
  // For the source cross-reference: the code, who maintains it, and the
  // Kconfig/Makefiles that say which object a file builds into.
  source: { paths: ['MAINTAINERS'], optionalPaths: [], names: ['*.c', '*.h', 'Kconfig*', 'Makefile*', 'Kbuild'], needs: [] },
  // The kernel's own ABI documentation pipeline: the Sphinx extensions, the
  // admin-guide pages that call `kernel-abi`, and the ABI parser of the
  // release (scripts/get_abi.pl up to 6.13, scripts/lib/abi/ in 6.14-6.17,
  // tools/lib/python/abi/ and tools/docs/ since).
  sphinx: {
    paths: ['Documentation/sphinx', 'Documentation/admin-guide/abi*.rst'],
    optionalPaths: ['Documentation/conf.py', 'scripts/get_abi.pl', 'scripts/get_abi.py', 'scripts/lib/abi', 'tools/lib/python', 'tools/docs'],
    names: [],
    needs: ['abi'],
  },
};

/** The ABI parsers kernel_abi.py may call, one per era; a Sphinx pipeline needs one of them. */
export const ABI_PARSERS = ['scripts/get_abi.pl', 'scripts/lib/abi/abi_parser.py', 'tools/lib/python/abi/abi_parser.py'];

/** `parts` with the parts they need, in PARTS order. */
export function withNeeded(parts: readonly Part[]): Part[] {
  const all = new Set<Part>();
  const add = (p: Part) => {
    if (all.has(p)) return;
    all.add(p);
    PART_SPECS[p].needs.forEach(add);
  };
  parts.forEach(add);
  return PARTS.filter((p) => all.has(p));
}

/** The marker written once a part is complete in `root` (an interrupted extraction leaves none). */
export function partMarker(root: string, part: Part): string {
  return join(root, '.fetched', part);
}

/**
 * True when `part` is complete in the kernel root `root`. An ABI tree fetched
 * before markers existed (or copied in by hand) counts when its level folders are there.
 */
export function hasPart(root: string, part: Part): boolean {
  if (existsSync(partMarker(root, part))) return true;
  return part === 'abi' && existsSync(join(root, 'Documentation', 'ABI', 'testing'));
}
