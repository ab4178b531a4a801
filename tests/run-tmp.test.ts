import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pidAlive, sweepStoppedRuns } from './helpers/run-tmp.ts';

describe('temporary folders of a test run', () => {
  it('this run makes them in its own folder, which its teardown removes', () => {
    const run = /^abi-test-run-(\d+)$/.exec(basename(tmpdir()));
    expect(run).not.toBeNull();
    // The folder is named for the live vitest process that removes it.
    expect(pidAlive(Number(run![1]))).toBe(true);
  });

  const root = mkdtempSync(join(tmpdir(), 'sweep-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('a later run removes the folders of runs that were killed, and keeps live runs and other folders', () => {
    for (const name of ['abi-test-run-11', 'abi-test-run-12', 'abi-test-run-x', 'abi-site-13']) mkdirSync(join(root, name, 'inner'), { recursive: true });
    expect(sweepStoppedRuns(root, (pid) => pid === 12)).toEqual(['abi-test-run-11']);
    expect(readdirSync(root).sort()).toEqual(['abi-site-13', 'abi-test-run-12', 'abi-test-run-x']);
  });
});
