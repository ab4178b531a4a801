import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const PREFIX = 'abi-test-run-';

/** True while a process with this pid runs (a pid we may not signal still runs). */
export function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes the run folders under `root` whose test run has stopped (killed runs never tore down). */
export function sweepStoppedRuns(root: string, alive: (pid: number) => boolean = pidAlive): string[] {
  const swept: string[] = [];
  for (const name of readdirSync(root)) {
    if (!name.startsWith(PREFIX)) continue;
    const pid = Number(name.slice(PREFIX.length));
    if (!Number.isInteger(pid) || pid <= 0 || alive(pid)) continue;
    rmSync(join(root, name), { recursive: true, force: true });
    swept.push(name);
  }
  return swept;
}

/**
 * Points TMPDIR at one folder for this test run, so that every temporary tree,
 * site, browser profile and build a test (or a process it starts) makes lands
 * there, and the run's teardown removes them all at once. Tests make about 90
 * temporary folders per run; left in the system's temp folder they added up to
 * gigabytes over a day of runs.
 */
export function useRunTmp(): () => void {
  const before = process.env.TMPDIR;
  const root = tmpdir();
  sweepStoppedRuns(root);
  const dir = join(root, `${PREFIX}${process.pid}`);
  mkdirSync(dir, { recursive: true });
  process.env.TMPDIR = dir;
  return () => {
    // As the run found it: unset stays unset.
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(dir, { recursive: true, force: true });
  };
}
