import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';

const cli = fileURLToPath(new URL('../bin/abi-atlas.js', import.meta.url));
const run = (args: string[]) => spawnSync(cli, args, { encoding: 'utf8' });

const WHATS = [
  '/sys/class/widget/<widget>/speed',
  '/sys/class/widget/<widget>/mode',
  '/sys/class/widget/<widget>/stats/errors',
  '/sys/class/widget/foo<N>/foo_level',
  '/sys/class/widget/<widget>/ghost',
];

// Each case: input/ is a small kernel root (C files, MAINTAINERS, Documentation/ABI); expected-*.json what the commands print.
describe('abi-atlas source and coverage', () => {
  for (const { name, dir } of fixtureCases('source-cli')) {
    const root = join(dir, 'input');

    it(`${name}: source --json ranks the code per What and says "not found" (exit 1)`, () => {
      const r = run(['source', root, ...WHATS, '--json']);
      expect(r.status, r.stderr).toBe(1);
      const out = JSON.parse(r.stdout);
      expect(out.map((x: { what: string }) => x.what)).toEqual(WHATS);
      expect(out[0].sources[0]).toMatchObject({ file: 'drivers/widget/widget-core.c', line: 3, symbol: 'speed', how: 'DEVICE_ATTR_RO' });
      expect(out[4].sources).toEqual([]);
      const expected = expectedFor(join(dir, 'expected-source.json'), r.stdout);
      expect(r.stdout).toBe(expected);
    });

    it(`${name}: coverage --json groups what no What documents by MAINTAINERS entry`, () => {
      const r = run(['coverage', root, '--json']);
      expect(r.status, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      const widget = out.subsystems.find((s: { subsystem: string }) => s.subsystem === 'WIDGET SUBSYSTEM');
      expect(widget.undocumented.map((u: { name: string }) => u.name)).toEqual(['serial']);
      expect(r.stdout).toBe(expectedFor(join(dir, 'expected-coverage.json'), r.stdout));
      expect(run(['coverage', root]).stdout).toContain('drivers/widget/widget-core.c:5: serial (DEVICE_ATTR_RO)');
    });
  }

  it('explains usage on a bad option or missing arguments (exit 2), and names a folder that is no kernel root (exit 2)', () => {
    const root = join(fixtureCases('source-cli')[0]!.dir, 'input');
    for (const args of [['source', root, '/sys/x', '--bogus'], ['source', root], ['coverage'], ['coverage', root, 'extra']]) {
      const r = run(args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr).toContain('usage: abi-atlas');
    }
    const missing = run(['source', '/nonexistent/tree', '/sys/x']);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('abi-atlas source: <kernel-root> /nonexistent/tree: ');
    const notKernel = run(['coverage', join(root, 'drivers')]);
    expect(notKernel.status).toBe(2);
    expect(notKernel.stderr).toContain('not a kernel source tree');
  });
});
