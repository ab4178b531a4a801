// One command timed for the bench: wall time, and peak memory from GNU time when installed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { searchSeconds } from './build-log.ts';

export interface TimedRun {
  seconds: number;
  /** Largest resident set of the command or any one of its child processes (GNU time's %M); absent without /usr/bin/time. */
  peakMiB?: number;
  /** User plus system CPU time of the command and its children (GNU time's %U + %S): steadier than wall time on a busy machine. */
  cpuSeconds?: number;
  output: string;
}

/** Runs `command` to the end and times it; throws with its output when it fails. */
export function timedRun(label: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): TimedRun {
  const timed = existsSync('/usr/bin/time');
  const started = performance.now();
  const r = spawnSync(timed ? '/usr/bin/time' : command, timed ? ['-f', 'TIME %e %M %U %S', command, ...args] : args, {
    ...options,
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
  });
  const seconds = (performance.now() - started) / 1000;
  const output = r.stdout + r.stderr;
  if (r.status !== 0) throw new Error(`${label} failed (exit ${r.status}):\n${output.split('\n').slice(-30).join('\n')}`);
  const m = /TIME [\d.]+ (\d+) ([\d.]+) ([\d.]+)/.exec(r.stderr);
  return m ? { seconds, peakMiB: Math.round(Number(m[1]) / 1024), cpuSeconds: Number(m[2]) + Number(m[3]), output } : { seconds, output };
}

/** Wall seconds of an `npm run build` run less its search phase (NaN when it printed none). */
export function withoutSearch(run: TimedRun): number {
  return run.seconds - (searchSeconds(run.output) ?? NaN);
}
