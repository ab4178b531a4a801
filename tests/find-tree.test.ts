import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { compareVersions } from '../content-loader/tree-source/versions.ts';
import { locateTree } from '../content-loader/tree-source/find-tree.ts';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A workspace with a project folder and the given ABI trees beside it. */
function workspace(trees: string[]): string {
  root = mkdtempSync(join(tmpdir(), 'abi-find-'));
  mkdirSync(join(root, 'project'));
  for (const t of trees) mkdirSync(join(root, t, 'testing'), { recursive: true });
  return join(root, 'project');
}

describe('locateTree', () => {
  it('prefers ABI_DIR, and accepts a kernel root for it', () => {
    const project = workspace(['src/linux/Documentation/ABI', 'linux-6.1/Documentation/ABI']);
    const found = locateTree(project, { ABI_DIR: '../src/linux', ABI_VERSION: '7.0' });
    expect(found).toEqual({ abiDir: join(root, 'src/linux/Documentation/ABI'), version: '7.0', how: 'ABI_DIR' });
  });

  it('says exactly what is wrong with a bad ABI_DIR', () => {
    const project = workspace([]);
    expect(() => locateTree(project, { ABI_DIR: '/nonexistent' })).toThrow('ABI_DIR=/nonexistent: no Documentation/ABI tree there');
  });

  it('takes the newest kernel tree next to the project, then ../shared/corpus, then the cache', () => {
    let project = workspace(['linux-6.9/Documentation/ABI', 'linux-6.12/Documentation/ABI', 'shared/corpus/linux-7.0/ABI']);
    expect(locateTree(project, {})).toMatchObject({ abiDir: join(root, 'linux-6.12/Documentation/ABI'), version: '6.12' });
    rmSync(root, { recursive: true });

    project = workspace(['shared/corpus/linux-6.1/ABI', 'shared/corpus/linux-6.12/ABI', 'project/.cache/abi/linux-7.0/ABI']);
    expect(locateTree(project, {})).toMatchObject({ abiDir: join(root, 'shared/corpus/linux-6.12/ABI'), how: '../shared/corpus' });
    rmSync(root, { recursive: true });

    project = workspace(['project/.cache/abi/linux-6.1/ABI']);
    expect(locateTree(project, {})).toMatchObject({ version: '6.1', how: 'cache (.cache/abi)' });
    rmSync(root, { recursive: true });

    expect(locateTree(workspace([]), {})).toBeUndefined();
  });

  it('orders versions numerically', () => {
    expect(['6.12', '6.1', '6.9', '5.15.3'].sort(compareVersions)).toEqual(['5.15.3', '6.1', '6.9', '6.12']);
  });
});

// The fresh-machine path: Debian's linux-source package through apt-get download.
const canApt = spawnSync('apt-get', ['--version']).status === 0 && process.getuid?.() === 0;
describe.skipIf(!canApt)(`fetchTree from Debian's package ${needsCorpus}; needs apt-get as root`, () => {
  it('fetches linux-6.1 Documentation/ABI, identical to the corpus tree, then its Sphinx pipeline from the same download', () => {
    root = mkdtempSync(join(tmpdir(), 'abi-fetch-'));
    const log: string[] = [];
    const cacheDir = join(root, 'cache');
    const r = fetchTree('6.1', { cacheDir, log: (m) => log.push(m), methods: ['apt'] });
    expect(r).toMatchObject({ version: '6.1', abiDir: join(root, 'cache/linux-6.1/Documentation/ABI'), fetched: ['abi'], kept: [] });
    expect(log.filter((m) => m.includes('downloaded linux-source-6.1_'))).toHaveLength(1);
    expect(JSON.stringify(parseTree(r.abiDir))).toBe(JSON.stringify(parseTree(corpusTree('6.1'))));

    log.length = 0;
    const again = fetchTree('6.1', { cacheDir, log: (m) => log.push(m), parts: ['sphinx'], methods: ['apt'] });
    expect(again).toMatchObject({ fetched: ['sphinx'], kept: ['abi'] });
    expect(log.some((m) => m.includes('downloaded linux-source'))).toBe(false);
    expect(log.some((m) => /using linux-source-6\.1_.+\.deb, downloaded earlier/.test(m))).toBe(true);
    for (const file of ['Documentation/sphinx/kernel_abi.py', 'Documentation/admin-guide/abi-testing.rst', 'scripts/get_abi.pl']) {
      expect(existsSync(join(again.root, file)), file).toBe(true);
    }
    expect(fetchTree('6.1', { cacheDir, parts: ['sphinx'], methods: [] })).toMatchObject({ fetched: [], kept: ['abi', 'sphinx'] });
  }, 600_000);
});
