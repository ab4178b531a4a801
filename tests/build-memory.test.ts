import { describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildProcess } from '../scripts/build-memory.ts';

// Empty trees (a `testing` folder each) are enough for versionedDirs to count versions.
const dir = mkdtempSync(join(tmpdir(), 'abi-memory-'));
for (const v of ['a', 'b', 'c']) mkdirSync(join(dir, v, 'testing'), { recursive: true });

describe('how npm run build runs astro build (scripts/build-memory.ts)', () => {
  it('caps the old space by the number of versions, with small semi-spaces', () => {
    expect(buildProcess(dir, {}).nodeArgs).toEqual(['--max-old-space-size=512', '--max-semi-space-size=8']);
    const three = buildProcess(dir, { ABI_DIRS: `6.1=${join(dir, 'a')},6.6=${join(dir, 'b')},6.12=${join(dir, 'c')}` });
    expect(three.nodeArgs).toEqual(['--max-old-space-size=1024', '--max-semi-space-size=8']);
  });

  it("leaves the user's own NODE_OPTIONS flags and MIMALLOC_ variables alone", () => {
    const run = buildProcess(dir, { NODE_OPTIONS: '--max-old-space-size=4096', MIMALLOC_PURGE_DELAY: '10' });
    expect(run.nodeArgs).toEqual(['--max-semi-space-size=8']);
    expect(run.env).toMatchObject({ MIMALLOC_PURGE_DELAY: '10', MIMALLOC_ARENA_EAGER_COMMIT: '0', MIMALLOC_ARENA_RESERVE: '0' });
  });

  it('counts a malformed version list as one version: the loader reports it', () => {
    expect(buildProcess(dir, { ABI_DIRS: '=,=' }).nodeArgs[0]).toBe('--max-old-space-size=512');
  });
});
