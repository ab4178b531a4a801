// Atomic output (scripts/build.ts, scripts/site-output.ts): real `npm run build`s
// interrupted, crashed, aimed at another file system or a read-only or full one;
// the previous site must come through each whole.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readSettings } from '../content-loader/settings.ts';
import { checkOutDir, cleanLeftovers, publish, stagingDirFor } from '../scripts/site-output.ts';
import { projectDir, userEnv } from './helpers/build-site.ts';
import { siteFiles } from './helpers/site-files.ts';

const stagingRoot = dirname(stagingDirFor(projectDir, '/x'));
/** Root with mount namespaces: read-only and full file systems can be made without touching the machine's own. */
const canMount = process.getuid?.() === 0 && spawnSync('unshare', ['-m', 'true']).status === 0;
const needsMount = '(needs root and unshare -m; skipped otherwise)';

function smallTree(): string {
  const abiDir = join(mkdtempSync(join(tmpdir(), 'abi-output-tree-')), 'ABI');
  mkdirSync(join(abiDir, 'stable'), { recursive: true });
  mkdirSync(join(abiDir, 'testing'), { recursive: true });
  writeFileSync(join(abiDir, 'stable', 'sysfs-a'), 'What:\t\t/sys/a/attr\nDescription:\tAn attribute.\n');
  writeFileSync(join(abiDir, 'testing', 'sysfs-b'), 'What:\t\t/sys/b/attr\nWhat:\t\t/sys/b/other\nDescription:\tTwo more, see /sys/a/attr.\n');
  return abiDir;
}

/** An earlier site: what must survive. */
function oldSite(outDir: string): void {
  mkdirSync(join(outDir, 'pagefind'), { recursive: true });
  writeFileSync(join(outDir, 'index.html'), '<p>THE OLD SITE</p>');
  writeFileSync(join(outDir, 'only-in-the-old-site.html'), 'old');
  writeFileSync(join(outDir, 'pagefind', 'pagefind-entry.json'), '{}');
}

/** Every file under `dir` with a hash of its bytes. */
function snapshot(dir: string): Record<string, string> {
  return Object.fromEntries(siteFiles(dir).map((f) => [f, createHash('sha1').update(readFileSync(join(dir, f))).digest('hex')]));
}

/**
 * What a build may leave: staging folders for this output, and `.<name>.*`
 * folders beside it. The replaced site (`.<name>.trash-<pid>`) is deleted by
 * a process of its own after the build: asked once that is done (30 s at most).
 */
async function leftovers(outDir: string): Promise<string[]> {
  const name = basename(outDir);
  const list = () => {
    const staged = existsSync(stagingRoot) ? readdirSync(stagingRoot).filter((n) => n.endsWith(`-${name}`)) : [];
    const beside = readdirSync(dirname(outDir)).filter((n) => n.startsWith(`.${name}.`));
    return [...staged.map((n) => join(stagingRoot, n)), ...beside];
  };
  for (let waited = 0; waited < 30_000 && list().some((n) => n.startsWith(`.${name}.trash-`)); waited += 100) await new Promise((r) => setTimeout(r, 100));
  return list();
}

interface Run {
  pid: number;
  done: Promise<{ code: number | null; signal: NodeJS.Signals | null; log: string }>;
}

/** `npm run build` of `abiDir` into `outDir`, in its own process group; `command` wraps it (unshare). */
function startBuild(abiDir: string, outDir: string, command: string[] = []): Run {
  const [bin, ...args] = [...command, 'npm', 'run', '--silent', 'build'];
  const child = spawn(bin!, args, {
    cwd: projectDir,
    env: { ...userEnv(), ABI_DIR: abiDir, ABI_OUT_DIR: outDir, ABI_CACHE_DIR: `${outDir}-cache`, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout.on('data', (d) => (log += d));
  child.stderr.on('data', (d) => (log += d));
  return { pid: child.pid!, done: new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal, log }))) };
}

async function until<T>(what: string, probe: () => T | undefined, ms = 240_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const found = probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The staging folder of a running build of `outDir`, once Astro has written into it. */
function writtenStaging(outDir: string): string | undefined {
  const name = existsSync(stagingRoot) ? readdirSync(stagingRoot).find((n) => n.endsWith(`-${basename(outDir)}`)) : undefined;
  const dir = name && join(stagingRoot, name);
  return dir && existsSync(dir) && readdirSync(dir).length > 0 ? dir : undefined;
}

/** The child processes of `pid`, from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((n) => /^\d+$/.test(n))
    .filter((n) => {
      try {
        return /^PPid:\s+(\d+)$/m.exec(readFileSync(`/proc/${n}/status`, 'utf8'))?.[1] === String(pid);
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe('npm run build publishes only a complete site', () => {
  const abiDir = smallTree();
  const outDir = join(mkdtempSync(join(tmpdir(), 'abi-output-')), 'site');
  let before: Record<string, string> = {};

  beforeAll(async () => {
    oldSite(outDir);
    const { code, log } = await startBuild(abiDir, outDir).done;
    expect(code, log).toBe(0);
    before = snapshot(outDir);
  }, 600_000);

  it('replaces the old site whole, search index included, and leaves nothing beside it', async () => {
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).not.toContain('THE OLD SITE');
    expect(existsSync(join(outDir, 'only-in-the-old-site.html'))).toBe(false);
    for (const f of ['sys/a/attr/index.html', 'sys/b/other/index.html', 'abi.json', 'pagefind/pagefind-entry.json']) expect(existsSync(join(outDir, f)), f).toBe(true);
    expect(existsSync(join(outDir, '.prerender'))).toBe(false);
    expect(await leftovers(outDir)).toEqual([]);
  });

  it('keeps the old site when Ctrl-C (SIGINT to the process group) stops a build', async () => {
    const run = startBuild(abiDir, outDir);
    await until('Astro writing into the staging folder', () => writtenStaging(outDir));
    process.kill(-run.pid, 'SIGINT');
    const { code, log } = await run.done;
    expect(code, log).not.toBe(0);
    expect(log).toContain(`abi-atlas build: stopped by SIGINT; ${outDir} still holds the previous site`);
    expect(snapshot(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
  }, 600_000);

  it('keeps the old site when `kill <npm pid>` (SIGTERM to npm alone) stops a build', async () => {
    const run = startBuild(abiDir, outDir);
    const staging = await until('Astro writing into the staging folder', () => writtenStaging(outDir));
    process.kill(run.pid, 'SIGTERM');
    await run.done;
    // npm is gone at once; the build notices its parent went and cleans up after itself.
    await until('the staging folder removed', () => (existsSync(staging) ? undefined : true), 60_000);
    await new Promise((r) => setTimeout(r, 2000));
    expect(snapshot(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
  }, 600_000);

  it('keeps the old site when Astro dies mid-build (SIGKILL, as the OOM killer does), and says so', async () => {
    const run = startBuild(abiDir, outDir);
    const staging = await until('Astro writing into the staging folder', () => writtenStaging(outDir));
    const builder = Number(basename(staging).split('-')[0]);
    const astro = childrenOf(builder);
    expect(astro).toHaveLength(1);
    process.kill(astro[0]!, 'SIGKILL');
    const { code, log } = await run.done;
    expect(code).toBe(1);
    expect(log).toContain(`abi-atlas build: astro build failed (SIGKILL); ${outDir} still holds the previous site`);
    expect(snapshot(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
  }, 600_000);
});

describe('npm run build onto other file systems', () => {
  const abiDir = smallTree();

  it.skipIf(!existsSync('/dev/shm') || statSync('/dev/shm').dev === statSync(projectDir).dev)('publishes to a tmpfs (EXDEV before), replacing the site there', async () => {
    const outDir = join(mkdtempSync('/dev/shm/abi-output-'), 'site');
    try {
      oldSite(outDir);
      const { code, log } = await startBuild(abiDir, outDir).done;
      expect(code, log).toBe(0);
      expect(log).not.toContain('EXDEV');
      expect(existsSync(join(outDir, 'only-in-the-old-site.html'))).toBe(false);
      expect(existsSync(join(outDir, 'sys/b/attr/index.html'))).toBe(true);
      expect(existsSync(join(outDir, 'pagefind/pagefind-entry.json'))).toBe(true);
      expect(await leftovers(outDir)).toEqual([]);
    } finally {
      rmSync(dirname(outDir), { recursive: true, force: true });
    }
  }, 600_000);

  it.skipIf(!canMount)(`refuses a read-only output at once, saying what to do, and keeps the old site ${needsMount}`, async () => {
    const ro = mkdtempSync(join(tmpdir(), 'abi-output-ro-'));
    const outDir = join(ro, 'site');
    oldSite(outDir);
    const before = snapshot(outDir);
    const mount = `mount --bind ${ro} ${ro} && mount -o remount,bind,ro ${ro} && exec "$@"`;
    const { code, log } = await startBuild(abiDir, outDir, ['unshare', '-m', 'sh', '-c', mount, 'sh']).done;
    expect(code).not.toBe(0);
    expect(log).toContain(`abi-atlas build: ${outDir} is on a read-only file system: set ABI_OUT_DIR to a writable folder, or mount it read-write (EROFS). Nothing was built.`);
    expect(log).not.toContain('astro'); // it stopped before starting Astro
    expect(snapshot(outDir)).toEqual(before);
  }, 120_000);

  it.skipIf(!canMount)(`says the disk is full when Astro runs out of space, and keeps the old site ${needsMount}`, async () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'abi-output-full-')), 'site');
    oldSite(outDir);
    const before = snapshot(outDir);
    mkdirSync(stagingRoot, { recursive: true });
    // Only this build's mount namespace sees a 64 KiB file system where Astro writes.
    const mount = `mount -t tmpfs -o size=64k tmpfs ${stagingRoot} && exec "$@"`;
    const { code, log } = await startBuild(abiDir, outDir, ['unshare', '-m', 'sh', '-c', mount, 'sh']).done;
    expect(code).not.toBe(0);
    expect(log).toMatch(/abi-atlas build: astro build failed \(exit code \d+\): no space left on the disk of \S+: free some .* or set ABI_OUT_DIR to a folder on a disk with room \(ENOSPC\); .* still holds the previous site/);
    expect(snapshot(outDir)).toEqual(before);
    expect(await leftovers(outDir)).toEqual([]);
  }, 600_000);
});

/** A staged site as a build leaves it, without running Astro. */
function stagedSite(marker: string, withIndex = true): string {
  const staging = join(mkdtempSync(join(tmpdir(), 'abi-staged-')), 'staging');
  mkdirSync(join(staging, 'pagefind'), { recursive: true });
  writeFileSync(join(staging, 'index.html'), marker);
  writeFileSync(join(staging, 'abi.json'), '{}');
  if (withIndex) writeFileSync(join(staging, 'pagefind', 'pagefind-entry.json'), '{}');
  return staging;
}

/** Runs `publish(staging, outDir)` in a mount namespace between the shell commands `setup` and `after`; prints what it threw. */
function publishInNamespace(setup: string, staging: string, outDir: string, after: string): string {
  const script = `import { publish } from ${JSON.stringify(join(projectDir, 'scripts', 'site-output.ts'))};
try { publish(${JSON.stringify(staging)}, ${JSON.stringify(outDir)}); console.log('published'); } catch (e) { console.log('error: ' + e.message); }`;
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `${setup} && "$@" && ${after}`, 'sh', process.execPath, '--input-type=module', '-e', script], { encoding: 'utf8' });
  return r.stdout + r.stderr;
}

describe('publishing a staged site', () => {
  it('never replaces the project or a folder holding it (ABI_OUT_DIR=. or /)', () => {
    // The project and the folders above it are refused where the environment is read; the staging area by the publisher.
    for (const outDir of [projectDir.replace(/\/$/, ''), dirname(projectDir), '/']) {
      expect(() => readSettings({ ABI_OUT_DIR: outDir }, projectDir), outDir).toThrow(/is the project folder or holds it/);
    }
    expect(() => checkOutDir(projectDir, join(stagingRoot, 'x'))).toThrow(/inside the build's staging area: set it to a folder of its own/);
    expect(() => checkOutDir(projectDir, join(mkdtempSync(join(tmpdir(), 'abi-publish-')), 'site'))).not.toThrow();
  });

  it('refuses a site without its search index: nothing is replaced', () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'abi-publish-')), 'site');
    oldSite(outDir);
    expect(() => publish(stagedSite('new', false), outDir)).toThrow('the build finished without pagefind/pagefind-entry.json; nothing was published');
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('THE OLD SITE');
  });

  it('puts back a site a killed build left renamed aside, and removes what dead builds left', () => {
    const parent = mkdtempSync(join(tmpdir(), 'abi-publish-'));
    const outDir = join(parent, 'site');
    const dead = 2 ** 22 + 1; // above pid_max's default: no such process
    oldSite(join(parent, `.site.old-${dead}`));
    mkdirSync(join(parent, `.site.incoming-${dead}`));
    // A replaced site whose removal was stopped: removed, never put back.
    mkdirSync(join(parent, `.site.trash-${dead}`));
    writeFileSync(join(parent, `.site.trash-${dead}`, 'index.html'), 'AN EVEN OLDER SITE');
    const staging = stagingDirFor(projectDir, outDir, dead);
    mkdirSync(staging, { recursive: true });
    const done = cleanLeftovers(projectDir, outDir);
    expect(done).toHaveLength(4);
    expect(readFileSync(join(outDir, 'index.html'), 'utf8')).toContain('THE OLD SITE');
    expect(readdirSync(parent)).toEqual(['site']);
    expect(existsSync(staging)).toBe(false);
  });

  it.skipIf(!canMount)(`says the disk is full when the copy onto the output's file system fails, and keeps the old site ${needsMount}`, () => {
    const parent = mkdtempSync(join(tmpdir(), 'abi-publish-full-'));
    const outDir = join(parent, 'site');
    const staging = stagedSite('x'.repeat(256 * 1024));
    const setup = `mount -t tmpfs -o size=128k tmpfs ${parent} && mkdir ${outDir} && echo OLD > ${outDir}/index.html`;
    const out = publishInNamespace(setup, staging, outDir, `cat ${outDir}/index.html && ls -A ${parent}`);
    expect(out).toBe(`error: no space left on the disk of ${parent}: free some (a build needs room for the new site while the old one is kept), or set ABI_OUT_DIR to a folder on a disk with room (ENOSPC)\nOLD\nsite\n`);
  });

  it.skipIf(!canMount)(`replaces the contents of an output folder that is itself a mount point ${needsMount}`, () => {
    const outDir = join(mkdtempSync(join(tmpdir(), 'abi-publish-mnt-')), 'site');
    mkdirSync(outDir);
    const setup = `mount -t tmpfs tmpfs ${outDir} && echo OLD > ${outDir}/index.html && echo old > ${outDir}/old.html`;
    const out = publishInNamespace(setup, stagedSite('THE NEW SITE'), outDir, `cat ${outDir}/index.html && echo && ls -A ${outDir}`);
    expect(out).toBe('published\nTHE NEW SITE\nabi.json\nindex.html\npagefind\n');
  });
});
