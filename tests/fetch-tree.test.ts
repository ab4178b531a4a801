import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ensureReleases } from '../content-loader/tree-source/ensure-releases.ts';
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { parseVersionedDirs, parseVersionList, versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { compareVersions } from '../content-loader/tree-source/versions.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `files` (path -> text) under `dir`. */
function writeTree(dir: string, files: Record<string, string>): void {
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
}

/** A kernel-shaped git repository with tag v9.9, served from disk (file://), so the git path runs offline. */
function kernelRepo(): string {
  const repo = join(root, 'linux.git-src');
  writeTree(repo, {
    'Documentation/ABI/testing/sysfs-demo': 'What:\t\t/sys/demo\nDescription:\tA demo.\n',
    'Documentation/ABI/stable/sysfs-stable-demo': 'What:\t\t/sys/stable_demo\nDescription:\tStable.\n',
    'Documentation/sphinx/kernel_abi.py': '# the directive\n',
    'Documentation/admin-guide/abi-testing.rst': '.. kernel-abi:: ABI/testing\n',
    'Documentation/admin-guide/intro.rst': 'not part of the pipeline\n',
    'Documentation/conf.py': '# kernel conf\n',
    'scripts/get_abi.pl': '#!/usr/bin/perl\n',
    'drivers/demo/demo.c': 'int demo;\n',
    'drivers/demo/Kconfig': 'config DEMO\n',
    'drivers/demo/Makefile': 'obj-y += demo.o\n',
    'include/demo.h': '#define DEMO 1\n',
    'MAINTAINERS': 'DEMO\n',
    'README': 'not fetched\n',
  });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, stdio: 'ignore' });
  git('init', '--quiet');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.org', 'commit', '--quiet', '-m', 'v9.9');
  git('tag', 'v9.9');
  return `file://${repo}`;
}

describe('fetchTree (offline, from a local git repository)', () => {
  it('fetches only the parts asked for, once each, into a kernel-root layout', () => {
    root = mkdtempSync(join(tmpdir(), 'abi-fetch-git-'));
    const gitUrl = kernelRepo();
    const cacheDir = join(root, 'cache');
    const log: string[] = [];
    const first = fetchTree('9.9', { cacheDir, gitUrl, parts: ['sphinx'], methods: ['git'], log: (m) => log.push(m) });
    expect(first).toMatchObject({ version: '9.9', root: join(cacheDir, 'linux-9.9'), fetched: ['abi', 'sphinx'], kept: [] });
    const has = (path: string) => existsSync(join(first.root, path));
    for (const path of ['Documentation/ABI/testing/sysfs-demo', 'Documentation/sphinx/kernel_abi.py', 'Documentation/admin-guide/abi-testing.rst', 'scripts/get_abi.pl']) {
      expect(has(path), path).toBe(true);
    }
    for (const path of ['Documentation/admin-guide/intro.rst', 'README', 'drivers/demo/demo.c']) expect(has(path), path).toBe(false);
    expect(log.some((m) => /sparse git checkout of v9\.9: \d+ files in [\d.]+ s/.test(m))).toBe(true);

    // Already there: nothing is fetched, whatever the network.
    expect(fetchTree('9.9', { cacheDir, gitUrl: 'file:///nonexistent', parts: ['sphinx'], methods: ['git'] })).toMatchObject({ fetched: [], kept: ['abi', 'sphinx'] });

    const source = fetchTree('9.9', { cacheDir, gitUrl, parts: ['abi', 'source'], methods: ['git'] });
    expect(source).toMatchObject({ fetched: ['source'], kept: ['abi'] });
    for (const path of ['drivers/demo/demo.c', 'drivers/demo/Kconfig', 'drivers/demo/Makefile', 'include/demo.h', 'MAINTAINERS', 'scripts/get_abi.pl']) {
      expect(has(path), path).toBe(true);
    }
    expect(has('README')).toBe(false);
    expect(readFileSync(join(first.root, '.fetched/source'), 'utf8')).toContain('v9.9');
  });

  it('names every way it tried when none works', () => {
    root = mkdtempSync(join(tmpdir(), 'abi-fetch-git-'));
    expect(() => fetchTree('9.9', { cacheDir: join(root, 'cache'), gitUrl: `file://${root}/none`, methods: ['git'], log: () => {} })).toThrow(
      /could not fetch linux 9\.9 \(git: .+\)\.\nPoint the build at a kernel tree instead/,
    );
  });

  it('refuses a Sphinx pipeline without an ABI parser', () => {
    root = mkdtempSync(join(tmpdir(), 'abi-fetch-git-'));
    const gitUrl = kernelRepo();
    const repo = gitUrl.slice('file://'.length);
    execFileSync('sh', ['-c', 'git rm -q scripts/get_abi.pl && git -c user.name=t -c user.email=t@example.org commit -qm x && git tag -f v9.9'], { cwd: repo, stdio: 'ignore' });
    expect(() => fetchTree('9.9', { cacheDir: join(root, 'cache'), gitUrl, parts: ['sphinx'], methods: ['git'], log: () => {} })).toThrow(/no ABI pipeline for Sphinx/);
  });
});

describe('ABI_VERSIONS', () => {
  it('fetches the releases that are not on disk and finds the ones that are, oldest first', () => {
    root = mkdtempSync(join(tmpdir(), 'abi-versions-'));
    const project = join(root, 'project');
    writeTree(join(root, 'linux-9.1/Documentation/ABI'), { 'testing/sysfs-old': 'What:\t\t/sys/old\nDescription:\tOld.\n' });
    const gitUrl = kernelRepo();
    mkdirSync(project);
    const log: string[] = [];
    const dirs = ensureReleases(project, parseVersionList('9.9, 9.1'), (m) => log.push(m), { cacheDir: join(project, '.cache/abi'), gitUrl, methods: ['git'] });
    expect(dirs).toEqual([join(root, 'linux-9.1/Documentation/ABI'), join(project, '.cache/abi/linux-9.9/Documentation/ABI')]);
    expect(log[0]).toBe(`abi-atlas: [1/2] linux 9.1: ${dirs[0]} (kernel tree next to the project)`);
    expect(log.at(-1)).toMatch(/^abi-atlas: \[2\/2\] linux 9\.9: fetched into .+ from git .+ v9\.9 in [\d.]+ s$/);

    const env = { ABI_VERSIONS: '9.9,9.1' };
    expect(versionedDirs(project, env)).toEqual([{ version: '9.1', abiDir: dirs[0] }, { version: '9.9', abiDir: dirs[1] }]);
    expect(primaryTree(project, env)).toEqual({ version: '9.9', abiDir: dirs[1], how: 'ABI_VERSIONS (the newest of them)' });
    expect(() => versionedDirs(project, { ABI_VERSIONS: '9.1,9.5' })).toThrow('ABI_VERSIONS: linux 9.5 is not on disk; `npm run build` fetches it (or `npm run abi:fetch 9.5`)');
    expect(() => versionedDirs(project, { ...env, ABI_DIRS: '9.1=../linux-9.1' })).toThrow(/both set/);
  });

  it('takes kernel releases only', () => {
    expect(parseVersionList('6.12,6.1,7.0-rc2')).toEqual(['6.1', '6.12', '7.0-rc2']);
    expect(() => parseVersionList('6.1,next')).toThrow(/'next' is not a kernel release/);
    expect(() => parseVersionList('6.1,6.1')).toThrow(/twice/);
  });
});

describe('ABI_DIRS order', () => {
  it('sorts trees by version when every label is a kernel version, so the newest is documented', () => {
    expect(parseVersionedDirs('6.12=../b,6.1=../a').map((d) => d.version)).toEqual(['6.1', '6.12']);
    expect(parseVersionedDirs('7.0=../c,7.0-rc3=../b,6.12=../a').map((d) => d.version)).toEqual(['6.12', '7.0-rc3', '7.0']);
  });

  it('keeps the written order when some label is not a version, and refuses versions written backwards', () => {
    expect(parseVersionedDirs('6.1=../a,6.12=../b,mine=../c').map((d) => d.version)).toEqual(['6.1', '6.12', 'mine']);
    expect(() => parseVersionedDirs('6.12=../b,6.1=../a,mine=../c')).toThrow(
      'ABI_DIRS: 6.12 is listed before 6.1; list the trees oldest first (when every label is a kernel version they are sorted for you)',
    );
  });

  it('orders release candidates before their release', () => {
    expect(['7.0', '6.12', '7.0-rc1', '7.0-rc10', '7.0-rc2'].sort(compareVersions)).toEqual(['6.12', '7.0-rc1', '7.0-rc2', '7.0-rc10', '7.0']);
  });
});
