import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractFromDebianPackage, newestPackagedVersion, type Log } from './debian-package.ts';

/** Where fetched trees are kept (git-ignored), each as a kernel root: `<cache>/linux-<version>/Documentation/ABI`. */
export const DEFAULT_CACHE = '.cache/abi';

export interface FetchResult {
  version: string;
  /** The fetched Documentation/ABI folder. */
  abiDir: string;
  method: 'git' | 'apt';
  seconds: number;
}

/**
 * Fetches only Documentation/ABI of a kernel release into the cache: a
 * sparse git checkout where the network allows, else Debian's
 * linux-source-<version> package. `version` "6.12"; absent = newest packaged.
 */
export function fetchTree(version: string | undefined, cacheDir = DEFAULT_CACHE, log: Log = console.error): FetchResult {
  const started = Date.now();
  const seconds = () => Math.round((Date.now() - started) / 100) / 10;
  const errors: string[] = [];
  if (version) {
    const root = join(cacheDir, `linux-${version}`);
    try {
      log(`abi:fetch: sparse git checkout of v${version} Documentation/ABI ...`);
      fetchWithGit(version, root);
      return { version, abiDir: join(root, 'Documentation', 'ABI'), method: 'git', seconds: seconds() };
    } catch (e) {
      errors.push(`git: ${firstLine(e)}`);
      log(`abi:fetch: git failed (${firstLine(e)}); trying Debian's package`);
    }
  }
  try {
    const pkgVersion = version ?? newestPackagedVersion(log);
    const root = join(cacheDir, `linux-${pkgVersion}`);
    rmSync(join(root, 'Documentation', 'ABI'), { recursive: true, force: true });
    const { deb } = extractFromDebianPackage(pkgVersion, ['Documentation/ABI/*'], root, log);
    writeFileSync(join(root, 'SOURCE'), `${deb}\n`);
    return { version: pkgVersion, abiDir: join(root, 'Documentation', 'ABI'), method: 'apt', seconds: seconds() };
  } catch (e) {
    errors.push(`apt: ${firstLine(e)}`);
  }
  throw new Error(
    `could not fetch a kernel ABI tree (${errors.join('; ')}).\n` +
      `Point the build at a kernel tree instead: ABI_DIR=/path/to/linux npm run build\n` +
      `(a kernel source root or its Documentation/ABI folder).`,
  );
}

function fetchWithGit(version: string, root: string): void {
  const work = mkdtempSync(join(tmpdir(), 'abi-git-'));
  try {
    const git = (args: string[], cwd?: string) => execFileSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    git(['clone', '--quiet', '--depth=1', '--filter=blob:none', '--sparse', `--branch=v${version}`,
      'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git', work]);
    git(['sparse-checkout', 'set', 'Documentation/ABI'], work);
    const from = join(work, 'Documentation', 'ABI');
    if (!existsSync(from)) throw new Error(`${from} is missing`);
    const target = join(root, 'Documentation', 'ABI');
    rmSync(target, { recursive: true, force: true });
    mkdirSync(target, { recursive: true });
    cpSync(from, target, { recursive: true });
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? ((e as { stderr?: Buffer }).stderr?.toString() || e.message) : String(e);
  return text.trim().split('\n')[0] ?? '';
}
