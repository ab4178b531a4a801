import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where fetched trees are kept (git-ignored): `<cache>/linux-<version>/ABI`. */
export const DEFAULT_CACHE = '.cache/abi';

export interface FetchResult {
  version: string;
  abiDir: string;
  method: 'git' | 'apt';
  seconds: number;
}

type Log = (message: string) => void;

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
    const target = join(cacheDir, `linux-${version}`, 'ABI');
    try {
      log(`abi:fetch: sparse git checkout of v${version} Documentation/ABI ...`);
      fetchWithGit(version, target);
      return { version, abiDir: target, method: 'git', seconds: seconds() };
    } catch (e) {
      errors.push(`git: ${firstLine(e)}`);
      log(`abi:fetch: git failed (${firstLine(e)}); trying Debian's package`);
    }
  }
  try {
    const pkgVersion = version ?? newestPackagedVersion(log);
    const target = join(cacheDir, `linux-${pkgVersion}`, 'ABI');
    fetchWithApt(pkgVersion, target, log);
    return { version: pkgVersion, abiDir: target, method: 'apt', seconds: seconds() };
  } catch (e) {
    errors.push(`apt: ${firstLine(e)}`);
  }
  throw new Error(
    `could not fetch a kernel ABI tree (${errors.join('; ')}).\n` +
      `Point the build at a kernel tree instead: ABI_DIR=/path/to/linux npm run build\n` +
      `(a kernel source root or its Documentation/ABI folder).`,
  );
}

function fetchWithGit(version: string, target: string): void {
  const work = mkdtempSync(join(tmpdir(), 'abi-git-'));
  try {
    const git = (args: string[], cwd?: string) =>
      execFileSync('git', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'], timeout: 60_000 });
    git(['clone', '--quiet', '--depth=1', '--filter=blob:none', '--sparse', `--branch=v${version}`,
      'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git', work]);
    git(['sparse-checkout', 'set', 'Documentation/ABI'], work);
    moveInto(join(work, 'Documentation', 'ABI'), target);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function newestPackagedVersion(log: Log): string {
  const list = () => execFileSync('apt-cache', ['search', '--names-only', '^linux-source-[0-9.]+$'], { encoding: 'utf8' });
  let out = list();
  if (!out.trim()) {
    log('abi:fetch: apt-get update (the package lists are empty) ...');
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    out = list();
  }
  const versions = [...out.matchAll(/^linux-source-([0-9.]+) /gm)].map((m) => m[1]!);
  if (!versions.length) throw new Error('no linux-source-<version> package in the apt lists');
  return versions.sort(compareVersions).at(-1)!;
}

function fetchWithApt(version: string, target: string, log: Log): void {
  const work = mkdtempSync(join(tmpdir(), 'abi-apt-'));
  try {
    const pkg = `linux-source-${version}`;
    log(`abi:fetch: apt-get download ${pkg} (about 150 MB) ...`);
    let r = spawnSync('apt-get', ['download', '-q', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    if (r.status !== 0) {
      log('abi:fetch: apt-get update, then again ...');
      execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
      r = spawnSync('apt-get', ['download', '-q', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`apt-get download ${pkg}: ${r.stderr.trim() || `exit ${r.status}`}`);
    }
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb`);
    log(`abi:fetch: extracting Documentation/ABI from ${deb} ...`);
    // The .deb holds usr/src/linux-source-<v>.tar.xz; take only Documentation/ABI out of it.
    const sh = `dpkg-deb --fsys-tarfile "${deb}" | tar -xO --wildcards '*/usr/src/linux-source-*.tar.xz' | tar -xJ --wildcards '*/Documentation/ABI/*'`;
    execFileSync('sh', ['-c', sh], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const top = readdirSync(work).find((f) => f.startsWith('linux-source-') && !f.endsWith('.deb'));
    if (!top) throw new Error(`${deb} has no Documentation/ABI`);
    moveInto(join(work, top, 'Documentation', 'ABI'), target);
    writeFileSync(join(target, '..', 'SOURCE'), `${deb}\n`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

function moveInto(from: string, target: string): void {
  if (!existsSync(from)) throw new Error(`${from} is missing`);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(join(target, '..'), { recursive: true });
  renameSync(from, target);
}

/** Orders "6.1" < "6.9" < "6.12" numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}

function firstLine(e: unknown): string {
  const text = e instanceof Error ? ((e as { stderr?: Buffer }).stderr?.toString() || e.message) : String(e);
  return text.trim().split('\n')[0] ?? '';
}
