// How `npm run build` runs Astro to keep its peak memory down (issue 15:
// <= 600 MiB for one tree). Measured on linux-6.12, 2 cores, largest process:
// 900-1080 MiB as Node and Rolldown start by default, about 610 MiB so.
// - Rolldown's native binding allocates with mimalloc, which by default
//   reserves and commits whole arenas and purges freed pages late; those
//   three options cut the bundling step's share by about 200 MiB. They are
//   mimalloc's own environment variables, so a user's values win.
// - V8 grows the heap to 450 MiB for about 170 MiB of live data at the peak
//   (a heap snapshot early in page generation); an old space of 512 MiB
//   holds it with room to spare, and each older version's pages get 256 MiB
//   more. Young objects (rendering makes many short-lived strings) get
//   semi-spaces of 8 MiB: 570-620 -> 460-480 MiB, no slower (quiet, 2 cores).
//   The same flags in NODE_OPTIONS win.
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';

const MIMALLOC_DEFAULTS = { MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_ARENA_RESERVE: '0', MIMALLOC_PURGE_DELAY: '0' };
const HEAP_MIB_ONE_VERSION = 512;
const HEAP_MIB_PER_OLDER_VERSION = 256;
const SEMI_SPACE_MIB = 8;

/** The environment and Node flags `astro build` runs with, given the user's environment. */
export function buildProcess(projectDir: string, env: NodeJS.ProcessEnv = process.env): { env: NodeJS.ProcessEnv; nodeArgs: string[] } {
  const versions = Math.max(1, versionCount(projectDir, env));
  const heap = HEAP_MIB_ONE_VERSION + HEAP_MIB_PER_OLDER_VERSION * (versions - 1);
  const flags = [`--max-old-space-size=${heap}`, `--max-semi-space-size=${SEMI_SPACE_MIB}`];
  // A flag the user set in NODE_OPTIONS is left to them (one on the command line would override it).
  const userSet = (flag: string) => (env.NODE_OPTIONS ?? '').includes(flag.split('=')[0]!);
  return { env: { ...MIMALLOC_DEFAULTS, ...env }, nodeArgs: flags.filter((f) => !userSet(f)) };
}

/** How many trees the build documents; a malformed list counts as one here (Astro's loader reports it). */
function versionCount(projectDir: string, env: NodeJS.ProcessEnv): number {
  try {
    return versionedDirs(projectDir, env).length;
  } catch {
    return 1;
  }
}
