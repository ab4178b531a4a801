import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const CORPUS = corpusTree('6.12');

/** Runs a command module's `run()` in a child Node, as main.ts would. */
function runModule(name: string, args: string[]) {
  const script = `const m = await import(${JSON.stringify(join(REPO, 'content-loader/cli', `${name}.ts`))}); process.exitCode = await m.run(${JSON.stringify(args)});`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: REPO, encoding: 'utf8' });
}

const PATHS = ['/sys/class/net/eth0/mtu', '/sys/devices/pci0000:00/0000:00:1f.6/net/eth0/mtu', '/sys/nosuch/thing'];

describe(`abi-atlas resolve on linux-6.12 ${needsCorpus}`, () => {
  const check = (r: Pick<ReturnType<typeof spawnSync>, 'status' | 'stdout' | 'stderr'>) => {
    expect(r.status, String(r.stderr)).toBe(1); // one path is undocumented
    const out = JSON.parse(String(r.stdout));
    expect(out).toHaveLength(3);
    expect(out[0]).toEqual({ path: PATHS[0], matches: [{ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', level: 'testing' }] });
    expect(out[1].matches[0]).toEqual({ what: '/sys/class/net/<iface>/mtu', url: '/sys/class/net/~iface~/mtu/', level: 'testing', via: '/sys/class/net/eth0/mtu' });
    expect(out[2]).toEqual({ path: '/sys/nosuch/thing', matches: [] });
  };

  it('./bin/abi-atlas.js resolve --json', () => {
    check(spawnSync(join(REPO, 'bin/abi-atlas.js'), ['resolve', CORPUS, ...PATHS, '--json'], { cwd: REPO, encoding: 'utf8' }));
  });

  it('resolve.ts run() --json', () => {
    check(runModule('resolve', [CORPUS, ...PATHS, '--json']));
  });

  it('--paths-from FILE and - read lists past the argument limit, with the same results as arguments', () => {
    // 20,000 distinct interfaces: about 550 KB, over the ~128 KB a single npx argument string may hold.
    const many = Array.from({ length: 20_000 }, (_, i) => `/sys/class/net/eth${i}/mtu`);
    const text = [...PATHS, ...many].join('\r\n') + '\n\n';
    expect(text.length).toBeGreaterThan(128 * 1024);
    const list = join(mkdtempSync(join(tmpdir(), 'abi-atlas-list-')), 'paths.txt');
    writeFileSync(list, text);
    const fromFile = spawnSync(join(REPO, 'bin/abi-atlas.js'), ['resolve', CORPUS, '--paths-from', list, '--json'], { encoding: 'utf8', maxBuffer: 2 ** 30 });
    const fromStdin = spawnSync(join(REPO, 'bin/abi-atlas.js'), ['resolve', CORPUS, '--json', '--paths-from', '-'], { encoding: 'utf8', input: text, maxBuffer: 2 ** 30 });
    rmSync(join(list, '..'), { recursive: true, force: true });
    expect(fromFile.status, fromFile.stderr).toBe(1); // /sys/nosuch/thing
    expect(fromStdin.stdout).toBe(fromFile.stdout);
    const out = JSON.parse(fromFile.stdout) as { path: string; matches: { what: string }[] }[];
    expect(out).toHaveLength(PATHS.length + many.length);
    expect(out.map((r) => r.path)).toEqual([...PATHS, ...many]);
    check({ ...fromFile, stdout: JSON.stringify(out.slice(0, PATHS.length)) });
    expect(out.slice(PATHS.length).every((r) => r.matches[0]?.what === '/sys/class/net/<iface>/mtu')).toBe(true);
  });

  it('prints usage and exits 2 without paths', () => {
    const r = runModule('resolve', [CORPUS]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: abi-atlas resolve');
  });
});

describe(`abi-atlas undefined on a fake sysfs ${needsCorpus}`, () => {
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
