import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { compareVersions } from './versions.ts';
import { elapsed, type Log } from './progress.ts';

/** What to take out of the kernel source tarball (see PartSpec). */
export interface Selection {
  paths: readonly string[];
  optionalPaths: readonly string[];
  names: readonly string[];
}

/**
 * Debian's `linux-source-<version>` package, downloaded once into
 * `<cacheDir>/debian/` and kept there, so parts asked for later (the
 * Sphinx pipeline after the ABI tree) cost no second download.
 */
export function debianPackage(version: string, cacheDir: string, log: Log): string {
  const dir = resolve(cacheDir, 'debian');
  const pkg = `linux-source-${version}`;
  const kept = existsSync(dir) ? readdirSync(dir).find((f) => f.startsWith(`${pkg}_`) && f.endsWith('.deb')) : undefined;
  if (kept) {
    log(`abi:fetch: using ${kept}, downloaded earlier`);
    return join(dir, kept);
  }
  const started = Date.now();
  const work = mkdtempSync(join(tmpdir(), 'abi-apt-'));
  try {
    const download = () => spawnSync('apt-get', ['download', '-qq', pkg], { cwd: work, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
    let r = download();
    if (r.status !== 0) {
      log(`abi:fetch: apt-get download ${pkg} failed; apt-get update, then again`);
      execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
      r = download();
      if (r.status !== 0) throw new Error(`apt-get download ${pkg}: ${lastLine(r.stderr) || `exit ${r.status}`}`);
    }
    const deb = readdirSync(work).find((f) => f.endsWith('.deb'));
    if (!deb) throw new Error(`apt-get download ${pkg} left no .deb`);
    mkdirSync(dir, { recursive: true });
    // Copy then rename: the cache may be on another filesystem, and a half-copied .deb must never look kept.
    cpSync(join(work, deb), join(dir, `${deb}.part`));
    renameSync(join(dir, `${deb}.part`), join(dir, deb));
    log(`abi:fetch: downloaded ${deb} (${Math.round(statSync(join(dir, deb)).size / 2 ** 20)} MiB) in ${elapsed(started)}`);
    return join(dir, deb);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/**
 * Extracts `selection` from a `linux-source-<v>` .deb into `root`, laid out
 * as a kernel source root (`root/Documentation/ABI`, `root/drivers` ...);
 * what is already in `root` is kept, so parts fetched at different times add
 * up. One pass over the tarball whatever is selected, straight into `root`
 * (an interrupted pass leaves no part marker, so it is redone). Returns the
 * number of files.
 */
export function extractFromDebianPackage(deb: string, selection: Selection, root: string, log: Log): number {
  const started = Date.now();
  mkdirSync(root, { recursive: true });
  // The .deb holds usr/src/linux-source-<v>.tar.xz, whose members start with linux-source-<v>/.
  // A path pattern names one member (a folder brings everything under it); a name
  // pattern may match at any depth, so only there may `*` cross a slash. A name is
  // looked for at the top (which may have none: no *.c there) and below.
  const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
  const inTarball = (p: string) => quote(`linux-source-*/${p}`);
  const optional = new Set([...selection.optionalPaths, ...selection.names]);
  const sh =
    `dpkg-deb --fsys-tarfile ${quote(resolve(deb))} | tar -xO --wildcards '*/usr/src/linux-source-*.tar.xz' | ` +
    `tar -xvJ --strip-components=1 -C ${quote(resolve(root))} --wildcards --no-wildcards-match-slash ` +
    [...selection.paths, ...selection.optionalPaths, ...selection.names].map(inTarball).join(' ') +
    (selection.names.length ? ` --wildcards-match-slash ${selection.names.map((n) => inTarball(`*/${n}`)).join(' ')}` : '');
  const r = spawnSync('sh', ['-c', sh], { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  // tar fails when a pattern matches nothing; that is expected for optional paths only.
  const notFound = [...r.stderr.matchAll(/^tar: linux-source-\*\/(.+): Not found in archive$/gm)].map((m) => m[1]!);
  const missing = notFound.filter((p) => !optional.has(p));
  if (missing.length) throw new Error(`${deb} has no ${missing.join(', ')}`);
  const otherErrors = r.stderr.split('\n').filter((l) => l.trim() && !/Not found in archive|Exiting with failure status due to previous errors/.test(l));
  if (r.status !== 0 && (otherErrors.length || !notFound.length)) throw new Error(`extracting from ${deb}: ${otherErrors[0] ?? `exit ${r.status}`}`);
  // tar -v lists every member it extracted; folders end in a slash.
  const files = r.stdout.split('\n').filter((l) => l && !l.endsWith('/')).length;
  if (!files) throw new Error(`${deb} holds none of ${selection.paths.join(' ')}`);
  log(`abi:fetch: extracted ${files} files in ${elapsed(started)}`);
  return files;
}

/** The newest `linux-source-<version>` in the apt lists (running `apt-get update` when they are empty). */
export function newestPackagedVersion(log: Log): string {
  const list = () => execFileSync('apt-cache', ['search', '--names-only', '^linux-source-[0-9.]+$'], { encoding: 'utf8' });
  let out = list();
  if (!out.trim()) {
    log('abi:fetch: apt-get update (the package lists are empty)');
    execFileSync('apt-get', ['update', '-qq'], { stdio: ['ignore', 'ignore', 'inherit'] });
    out = list();
  }
  const versions = [...out.matchAll(/^linux-source-([0-9.]+) /gm)].map((m) => m[1]!);
  if (!versions.length) throw new Error('no linux-source-<version> package in the apt lists');
  return versions.sort(compareVersions).at(-1)!;
}

function lastLine(text: string): string {
  return text.trim().split('\n').at(-1) ?? '';
}
