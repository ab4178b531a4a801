/**
 * Atomic output for `npm run build` (scripts/build.ts): Astro writes the
 * site into a staging folder, and only a complete build, Pagefind index
 * included, replaces the output folder, by renames on the output's own file
 * system. The previous site stays whole through any failure or
 * interruption; leftovers of a killed build are removed by the next one.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { spawn } from 'node:child_process';

/**
 * The folder Astro builds into. Inside the project, not beside the output:
 * for an output outside the project Astro moves assets from the project's
 * `.astro/.prerender` into it, a rename that fails with EXDEV when the output
 * is on another file system (a tmpfs), and that folder is shared by builds
 * running at the same time. A staging folder inside the project keeps both
 * inside one build's own folder; publishing then copies when it must.
 */
export function stagingDirFor(projectDir: string, outDir: string, pid = process.pid): string {
  return join(projectDir, '.cache', 'staging', `${pid}-${basename(outDir)}`);
}

/** What a complete build has: the pages and the search index (the Pagefind integration's last write). */
export const REQUIRED_OUTPUT = ['index.html', 'abi.json', join('pagefind', 'pagefind-entry.json')];

/** The files of REQUIRED_OUTPUT a staged site lacks. */
export function missingOutput(staging: string): string[] {
  return REQUIRED_OUTPUT.filter((f) => !existsSync(join(staging, f)));
}

/** A failure with what to do about it, for the user; `code` is the errno code behind it, if any. */
export class OutputError extends Error {
  readonly code: string | undefined;
  constructor(message: string, code?: string) {
    super(message);
    this.code = code;
  }
}

/** Names of the folders a publish puts beside (or, for a mount point, inside) the output. */
function sideNames(outDir: string, pid: number): { incoming: string; old: string; trash: string } {
  const name = `.${basename(outDir)}`;
  return { incoming: `${name}.incoming-${pid}`, old: `${name}.old-${pid}`, trash: `${name}.trash-${pid}` };
}

/**
 * The folder on the output's file system where the new site is put before
 * the swap: beside the output, or inside it when the output is itself a
 * mount point (which cannot be renamed).
 */
function homeOf(outDir: string): { home: string; mountPoint: boolean } {
  const parent = dirname(outDir);
  if (!existsSync(outDir)) return { home: parent, mountPoint: false };
  const mountPoint = statSync(outDir).dev !== statSync(parent).dev;
  return { home: mountPoint ? outDir : parent, mountPoint };
}

/**
 * Checks, before a build starts, that the output is a folder of its own
 * (publishing replaces it whole: never the project or a folder holding it)
 * and can be written: its parent made and a probe folder created where the
 * new site will be put. Throws an OutputError that says what to do.
 */
export function checkOutDir(projectDir: string, outDir: string): void {
  // The project itself and its source folders are refused by settings (content-loader/settings.ts); the staging area is ours.
  const project = resolve(projectDir);
  if (outDir.startsWith(dirname(stagingDirFor(project, outDir)) + '/')) {
    throw new OutputError(`ABI_OUT_DIR=${outDir} is inside the build's staging area: set it to a folder of its own, such as ${join(project, 'dist')}`);
  }
  try {
    if (existsSync(outDir) && !statSync(outDir).isDirectory()) throw new OutputError(`${outDir} is a file, not a folder: remove it or set ABI_OUT_DIR to a folder`);
    mkdirSync(dirname(outDir), { recursive: true });
    const probe = join(homeOf(outDir).home, `.${basename(outDir)}.probe-${process.pid}`);
    mkdirSync(probe);
    writeFileSync(join(probe, 'x'), 'x');
    rmSync(probe, { recursive: true, force: true });
  } catch (e) {
    throw asOutputError(e, outDir);
  }
}

/**
 * Replaces `outDir` with the staged site. On the output's file system the
 * staged site is renamed into place (copied there first when it is on
 * another one); the old site is renamed aside and removed only after the
 * new one is in place, and renamed back if that fails. Beside the output,
 * the removal runs in a process of its own that outlives the build:
 * deleting a site's tens of thousands of files took 1.7 s, which nobody
 * needs to wait for (`cleanLeftovers` finishes a removal that was stopped).
 */
export function publish(staging: string, outDir: string, pid = process.pid): void {
  const missing = missingOutput(staging);
  if (missing.length) throw new OutputError(`the build finished without ${missing.join(', ')}; nothing was published`);
  const { home, mountPoint } = homeOf(outDir);
  const names = sideNames(outDir, pid);
  let incoming = staging;
  try {
    if (statSync(staging).dev !== statSync(home).dev) {
      incoming = join(home, names.incoming);
      cpSync(staging, incoming, { recursive: true });
      rmSync(staging, { recursive: true, force: true });
    }
    if (mountPoint) swapContents(incoming, outDir, join(outDir, names.old));
    else swapFolders(incoming, outDir, join(home, names.old), join(home, names.trash));
  } catch (e) {
    // Asked before the partial copy is removed: a full disk can fail a copy with EIO.
    const why = diagnoseWriteFailure(home);
    if (incoming !== staging) rmSync(incoming, { recursive: true, force: true });
    throw why ?? asOutputError(e, home);
  }
}

function swapFolders(incoming: string, outDir: string, old: string, trash: string): void {
  const hadSite = existsSync(outDir);
  if (hadSite) renameSync(outDir, old);
  try {
    renameSync(incoming, outDir);
  } catch (e) {
    if (hadSite) renameSync(old, outDir);
    throw e;
  }
  if (!hadSite) return;
  try {
    // Renamed again first: the next build's cleanLeftovers would put an `old` folder back in place of a missing output.
    renameSync(old, trash);
    removeInBackground(trash);
  } catch {
    rmSync(old, { recursive: true, force: true });
  }
}

/** A mount point cannot be renamed: its entries are, one by one (not atomic, but only renames on one file system). */
function swapContents(incoming: string, outDir: string, old: string): void {
  mkdirSync(old);
  const keep = new Set([basename(incoming), basename(old)]);
  for (const name of readdirSync(outDir)) if (!keep.has(name)) renameSync(join(outDir, name), join(old, name));
  for (const name of readdirSync(incoming)) renameSync(join(incoming, name), join(outDir, name));
  rmSync(incoming, { recursive: true, force: true });
  // Inside the published site: removed before the build ends.
  rmSync(old, { recursive: true, force: true });
}

/** Deletes `path` from a detached process, which goes on after this one exits. */
function removeInBackground(path: string): void {
  const remove = "require('node:fs').rmSync(process.argv[1], { recursive: true, force: true })";
  spawn(process.execPath, ['-e', remove, path], { detached: true, stdio: 'ignore' }).unref();
}

/**
 * Removes what killed builds left (staging folders, copies beside the
 * output) and puts back a site a kill left renamed aside. Returns what it
 * did, for the log.
 */
export function cleanLeftovers(projectDir: string, outDir: string): string[] {
  const done: string[] = [];
  const stagingRoot = dirname(stagingDirFor(projectDir, outDir));
  for (const name of safeList(stagingRoot)) {
    if (!isAlive(Number(name.split('-')[0]))) {
      rmSync(join(stagingRoot, name), { recursive: true, force: true });
      done.push(`removed ${join(stagingRoot, name)}, left by a build that was stopped`);
    }
  }
  const { home } = homeOf(outDir);
  const pattern = new RegExp(`^\\.${escapeRegExp(basename(outDir))}\\.(incoming|old|trash|probe)-(\\d+)$`);
  for (const name of safeList(home)) {
    const m = pattern.exec(name);
    if (!m || isAlive(Number(m[2]))) continue;
    const path = join(home, name);
    if (m[1] === 'old' && !existsSync(outDir)) {
      renameSync(path, outDir);
      done.push(`put back the previous site from ${path}`);
    } else {
      rmSync(path, { recursive: true, force: true });
      done.push(`removed ${path}, left by a build that was stopped`);
    }
  }
  return done;
}

/**
 * Says why a build that failed may have failed, when the place it writes
 * to explains it: a full disk or a read-only file system.
 */
export function diagnoseWriteFailure(dir: string): OutputError | undefined {
  let probeDir = dir;
  while (!existsSync(probeDir) && dirname(probeDir) !== probeDir) probeDir = dirname(probeDir);
  try {
    const fs = statfsSync(probeDir);
    if (fs.bavail * fs.bsize < 2 ** 20) return asOutputError(Object.assign(new Error('no space'), { code: 'ENOSPC' }), probeDir);
    const probe = join(probeDir, `.abi-atlas-probe-${process.pid}`);
    writeFileSync(probe, 'x');
    rmSync(probe, { force: true });
  } catch (e) {
    return asOutputError(e, probeDir);
  }
  return undefined;
}

/** An error with a sentence on what to do, for the errno codes a full or read-only disk gives. */
export function asOutputError(e: unknown, dir: string): OutputError {
  if (e instanceof OutputError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const advice: Record<string, string> = {
    ENOSPC: `no space left on the disk of ${dir}: free some (a build needs room for the new site while the old one is kept), or set ABI_OUT_DIR to a folder on a disk with room`,
    EDQUOT: `disk quota exceeded in ${dir}: free some space, or set ABI_OUT_DIR to a folder with room`,
    EROFS: `${dir} is on a read-only file system: set ABI_OUT_DIR to a writable folder, or mount it read-write`,
    EACCES: `no permission to write in ${dir}: set ABI_OUT_DIR to a folder you can write, or change its permissions`,
    EPERM: `not permitted to write in ${dir}: set ABI_OUT_DIR to a folder you can write`,
    ENOTDIR: `a part of ${dir} is a file, not a folder: set ABI_OUT_DIR to a folder`,
  };
  return new OutputError(code && advice[code] ? `${advice[code]} (${code})` : `cannot write the site to ${dir}: ${(e as Error).message}`, code);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

/** True while process `pid` exists (also when it is another user's). */
export function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
