import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = fileURLToPath(new URL('../../shared/corpus/linux-6.12/ABI', import.meta.url));
const MAIN = fileURLToPath(new URL('../content-loader/cli/main.ts', import.meta.url));
/** The commands are wired into main.ts's COMMANDS table separately; until then the launcher tests skip. */
const registered = (name: string) => readFileSync(MAIN, 'utf8').includes(`'./${name}.ts'`);

/** Runs a command module's `run()` in a child Node, as main.ts would. */
function runModule(name: string, args: string[]) {
  const script = `const m = await import(${JSON.stringify(join(REPO, 'content-loader/cli', `${name}.ts`))}); process.exitCode = await m.run(${JSON.stringify(args)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
}

const PATHS = ['/sys/class/net/eth0/mtu', '/sys/devices/pci0000:00/0000:00:1f.6/net/eth0/mtu', '/sys/nosuch/thing'];

describe.skipIf(!existsSync(CORPUS))('abi-atlas resolve on linux-6.12 (skips when ../shared is absent)', () => {
  const check = (r: ReturnType<typeof spawnSync>) => {
    expect(r.status, String(r.stderr)).toBe(1); // one path is undocumented
    const out = JSON.parse(String(r.stdout));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ path: PATHS[0], matches: [{ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', level: 'testing' }] });
    expect(out[1].matches[0]).toEqual({ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', level: 'testing', via: '/sys/class/net/eth0/mtu' });
    expect(out[2]).toEqual({ path: '/sys/nosuch/thing', matches: [] });
  };

  it.skipIf(!registered('resolve'))('./bin/abi-atlas.js resolve --json (skips until registered in main.ts)', () => {
    check(spawnSync(join(REPO, 'bin/abi-atlas.js'), ['resolve', CORPUS, ...PATHS, '--json'], { cwd: REPO, encoding: 'utf8' }));
  });

  it('resolve.ts run() --json', () => {
    check(runModule('resolve', [CORPUS, ...PATHS, '--json']));
  });

  it('prints usage and exits 2 without paths', () => {
    const r = runModule('resolve', [CORPUS]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: abi-atlas resolve');
  });
});

describe.skipIf(!existsSync(CORPUS))('abi-atlas undefined on a fake sysfs (skips when ../shared is absent)', () => {
  const sysfs = mkdtempSync(join(tmpdir(), 'abi-atlas-sysfs-'));
  const file = (path: string) => {
    mkdirSync(join(sysfs, path, '..'), { recursive: true });
    writeFileSync(join(sysfs, path), '1\n');
  };
  file('devices/pci0000:00/0000:00:1f.6/net/eth0/mtu');
  file('devices/pci0000:00/0000:00:1f.6/net/eth0/no_such_attribute');
  file('kernel/debug/ignored');
  file('module/ext4/parameters/x');
  file('power/state');
  mkdirSync(join(sysfs, 'class/net'), { recursive: true });
  symlinkSync('../../devices/pci0000:00/0000:00:1f.6/net/eth0', join(sysfs, 'class/net/eth0'));
  afterAll(() => rmSync(sysfs, { recursive: true, force: true }));

  it('lists only undocumented files, skipping what the kernel skips', () => {
    const r = runModule('undefined', [CORPUS, '--sysfs', sysfs, '--json']);
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(['/sys/devices/pci0000:00/0000:00:1f.6/net/eth0/no_such_attribute']);
    expect(r.stderr).toContain('3 files checked, 1 undocumented');
  });

  it('honours --limit', () => {
    const r = runModule('undefined', [CORPUS, '--sysfs', sysfs, '--limit', '0']);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('0 shown');
  });
});
