import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareVersions } from './versions.ts';

export type Log = (message: string) => void;

/**
 * Extracts parts of Debian's `linux-source-<version>` package into `root`,
 * laid out as a kernel source root (`root/Documentation/ABI`, `root/drivers`
 * ...). `members` are tar wildcards relative to the kernel root
 * (`Documentation/ABI/*`, `*.c`); what is already in `root` is kept, so parts
 * fetched at different times add up.
 */
export function extractFromDebianPackage(version: string, members: readonly string[], root: string, log: Log): { deb: string } {
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
    log(`abi:fetch: extracting ${members.join(' ')} from ${deb} ...`);
    // The .deb holds usr/src/linux-source-<v>.tar.xz, whose members start with linux-source-<v>/.
    const patterns = members.map((m) => `'*/${m}'`).join(' ');
    const sh = `dpkg-deb --fsys-tarfile "${deb}" | tar -xO --wildcards '*/usr/src/linux-source-*.tar.xz' | tar -xJ --wildcards ${patterns}`;
    execFileSync('sh', ['-c', sh], { cwd: work, stdio: ['ignore', 'ignore', 'inherit'] });
    const top = readdirSync(work).find((f) => f.startsWith('linux-source-') && !f.endsWith('.deb'));
    if (!top) throw new Error(`${deb} has none of ${members.join(' ')}`);
    mkdirSync(root, { recursive: true });
    // cpSync rather than rename: the cache may sit on another filesystem than the temp folder.
    cpSync(join(work, top), root, { recursive: true });
    return { deb };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The newest `linux-source-<version>` in the apt lists (running `apt-get update` when they are empty). */
export function newestPackagedVersion(log: Log): string {
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

/** True when `dir` exists and holds something. */
export function hasContent(dir: string): boolean {
  return existsSync(dir) && readdirSync(dir).length > 0;
}
