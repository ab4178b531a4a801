import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { debianPackage, extractFromDebianPackage, newestPackagedVersion, type Selection } from './debian-package.ts';
import { fetchWithGit, KERNEL_GIT_URL } from './git-checkout.ts';
import { ABI_PARSERS, hasPart, PART_SPECS, partMarker, withNeeded, type Part } from './parts.ts';
import { pathPresent } from './path-present.ts';
import { elapsed, type Log } from './progress.ts';

/** Where fetched trees are kept (git-ignored), each as a kernel root: `<cache>/linux-<version>/Documentation/ABI`. */
export const DEFAULT_CACHE = '.cache/abi';

export interface FetchOptions {
  /** What to fetch (default the ABI tree); parts they need come along. */
  parts?: readonly Part[];
  cacheDir?: string;
  log?: Log;
  /** Repository for the sparse checkout (default kernel.org's; tests point it at a local one). */
  gitUrl?: string;
  /** Ways to try, in order (default: git, then Debian's package). */
  methods?: readonly ('git' | 'apt')[];
}

export interface FetchResult {
  version: string;
  /** The kernel root in the cache. */
  root: string;
  /** Its Documentation/ABI folder. */
  abiDir: string;
  /** Parts fetched by this call, and parts that were there already. */
  fetched: Part[];
  kept: Part[];
  /** Where the fetched parts came from ("git v6.12", the .deb's name); absent when nothing was fetched. */
  from?: string;
  seconds: number;
}

/**
 * Fetches parts of a kernel release into the cache, each into the same
 * kernel-root layout: a sparse git checkout of tag `v<version>` where the
 * network allows, else Debian's `linux-source-<version>` package (one
 * download for every part asked at once). Parts already there are not
 * fetched again. `version` "6.12"; absent = the newest Debian packages.
 */
export function fetchTree(version: string | undefined, options: FetchOptions = {}): FetchResult {
  const { cacheDir = DEFAULT_CACHE, log = console.error, gitUrl = KERNEL_GIT_URL, methods = ['git', 'apt'] } = options;
  const started = Date.now();
  const errors: string[] = [];
  const release = version ?? newestPackagedVersion(log);
  const root = join(cacheDir, `linux-${release}`);
  const wanted = withNeeded(options.parts ?? ['abi']);
  const missing = wanted.filter((p) => !hasPart(root, p));
  const result = (fetched: Part[], from?: string): FetchResult => ({
    version: release,
    root,
    abiDir: join(root, 'Documentation', 'ABI'),
    fetched,
    kept: wanted.filter((p) => !fetched.includes(p)),
    ...(from ? { from } : {}),
    seconds: Math.round((Date.now() - started) / 100) / 10,
  });
  if (!missing.length) return result([]);
  log(`abi:fetch: linux ${release}: fetching ${missing.join(', ')} into ${root}`);
  const selection = selectionOf(missing);
  for (const p of missing) for (const path of PART_SPECS[p].paths) if (!path.includes('*')) rmSync(join(root, path), { recursive: true, force: true });

  if (version && methods.includes('git')) {
    const t = Date.now();
    try {
      const files = fetchWithGit(version, selection, root, gitUrl, missing.includes('source'));
      log(`abi:fetch: sparse git checkout of v${version}: ${files} files in ${elapsed(t)}`);
      return finish(`git ${gitUrl} v${version}`);
    } catch (e) {
      errors.push(`git: ${firstLine(e)}`);
      if (methods.includes('apt')) log(`abi:fetch: git failed after ${elapsed(t)} (${firstLine(e)}); using Debian's package`);
    }
  }
  if (methods.includes('apt')) {
    try {
      const deb = debianPackage(release, cacheDir, log);
      extractFromDebianPackage(deb, selection, root, log);
      return finish(basename(deb));
    } catch (e) {
      errors.push(`apt: ${firstLine(e)}`);
    }
  }
  throw new Error(
    `could not fetch linux ${release} (${errors.join('; ')}).\n` +
      `Point the build at a kernel tree instead: ABI_DIR=/path/to/linux npm run build\n` +
      `(a kernel source root or its Documentation/ABI folder).`,
  );

  function finish(from: string): FetchResult {
    if (missing.includes('sphinx') && !ABI_PARSERS.some((p) => pathPresent(root, p))) {
      throw new Error(`linux ${release} from ${from} has none of ${ABI_PARSERS.join(', ')}: no ABI pipeline for Sphinx`);
    }
    for (const p of missing) {
      mkdirSync(join(root, '.fetched'), { recursive: true });
      writeFileSync(partMarker(root, p), `${from}\n`);
    }
    return result(missing, from);
  }
}

/** The union of what `parts` take from a release. */
function selectionOf(parts: readonly Part[]): Selection {
  return {
    paths: parts.flatMap((p) => PART_SPECS[p].paths),
    optionalPaths: parts.flatMap((p) => PART_SPECS[p].optionalPaths),
    names: parts.flatMap((p) => PART_SPECS[p].names),
  };
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? ((e as { stderr?: Buffer | string }).stderr?.toString().trim() || e.message) : String(e);
  return text.trim().split('\n').filter((l) => !/^warning:/.test(l))[0] ?? '';
}
