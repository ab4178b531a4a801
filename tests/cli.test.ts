import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const cli = fileURLToPath(new URL('../bin/abi-atlas.js', import.meta.url));
const fixture = fileURLToPath(new URL('./fixtures/parse/missing-description/input', import.meta.url));

describe('abi-atlas CLI', () => {
  it('parse --json prints the tree in the documented shape', () => {
    const out = JSON.parse(execFileSync(cli, ['parse', fixture, '--json'], { encoding: 'utf8' }));
    expect(out.files[0]).toMatchObject({ path: 'testing/sysfs-nodesc', level: 'testing', preamble: '' });
    expect(out.entries[0]).toMatchObject({
      id: 'abi_sys_nodesc_a',
      level: 'testing',
      file: 'testing/sysfs-nodesc',
      line: 1,
      symbols: [{ what: '/sys/nodesc/a', url: '/sys/nodesc/a/' }],
      date: '2020',
    });
    expect(out.warnings).toContainEqual({ kind: 'missing-description', file: 'testing/sysfs-nodesc', line: 7, message: "/sys/nodesc/c doesn't have a description" });
  });

  it('parse without --json lists symbols and prints warnings as file:line: message', () => {
    const r = spawnSync(cli, ['parse', fixture], { encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('/sys/nodesc/b  ->  /sys/nodesc/b/');
    expect(r.stderr).toContain("testing/sysfs-nodesc:1: /sys/nodesc/a doesn't have a description");
    expect(r.stderr).toContain('1 files, 3 entries, 3 What symbols, 2 warnings');
  });

  it('explains usage and fails on an unknown command or a missing tree', () => {
    expect(spawnSync(cli, ['frobnicate'], { encoding: 'utf8' }).status).toBe(2);
    const r = spawnSync(cli, ['parse', '/nonexistent/tree'], { encoding: 'utf8' });
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('/nonexistent/tree');
  });

  it(`parse --json on linux-6.12 equals the in-process parse ${needsCorpus}`, () => {
    const out = execFileSync(cli, ['parse', corpusTree('6.12'), '--json'], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(parseTree(corpusTree('6.12')))));
  });
});
