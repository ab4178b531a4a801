// Bad arguments (issue 11, "Messages and exit codes", and the CLI side of
// "the build crashes where the CLI only warns"): each exits non-zero with
// one line naming the argument, before any walk or parse of the wrong thing.
import { spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCommand } from '../content-loader/cli/commands.ts';
import { abiAtlas, CLI, runCommand, SMALL_TREE } from './helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'abi-cli-bad-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const at = (name: string) => join(work, name);

mkdirSync(at('empty'));
mkdirSync(at('no-files/ABI/testing'), { recursive: true });
mkdirSync(at('no-files/ABI/stable'), { recursive: true });
mkdirSync(at('whatless/Documentation/ABI/testing'), { recursive: true });
writeFileSync(at('whatless/Documentation/ABI/testing/sysfs-notes'), 'Notes about sysfs.\n\nDescription:\n\tNo What line anywhere.\n');
mkdirSync(at('kernel-root/Documentation/ABI'), { recursive: true });
mkdirSync(at('flat'));
writeFileSync(at('flat/sysfs-class-foo'), 'What:\t\t/sys/class/foo\nDescription:\tfoo\n');
writeFileSync(at('a-file'), 'What: /sys/x\n');
symlinkSync(at('nowhere'), at('dangling'));
symlinkSync(at('loop'), at('loop'));
writeFileSync(at('empty-list'), '');
writeFileSync(at('blank-list'), '\n  \r\n\n');
mkdirSync(at('sysfs-empty'));

/** [case, command, args, the one line on stderr after `abi-atlas <command>: `]. */
const CASES: [string, string, string[], RegExp][] = [
  ['a tree that does not exist', 'parse', ['/nonexistent/tree'], /^<tree> \/nonexistent\/tree: no such folder$/],
  ['a file instead of a tree', 'parse', [at('a-file')], /^<tree> .*a-file: a file, not a folder$/],
  ['a device instead of a tree', 'parse', ['/dev/null'], /^<tree> \/dev\/null: not a folder$/],
  ['a kernel root whose Documentation/ABI is empty', 'parse', [at('kernel-root')], /^<tree> .*kernel-root: not an ABI tree: its Documentation\/ABI has no stable\/testing\/obsolete\/removed folder$/],
  ['a dangling link as the tree', 'check', [at('dangling')], /^<tree> .*dangling: no such folder$/],
  ['a symlink loop as the tree', 'check', [at('loop')], /^<tree> .*loop: a symlink loop$/],
  ['an empty folder (passed check --strict before)', 'check', [at('empty'), '--strict'], /^<tree> .*empty: not an ABI tree: no Documentation\/ABI/],
  ['/ as the tree', 'parse', ['/'], /^<tree> \/: not an ABI tree/],
  ['level folders with no files', 'check', [at('no-files'), '--strict'], /^<tree> .*no-files: no ABI files in it/],
  ['files without a single What:', 'check', [at('whatless')], /^<tree> .*whatless: not one What: entry in its 1 file$/],
  ['record files not under a level folder', 'parse', [at('flat')], /^<tree> .*flat: not an ABI tree/],
  ['one level folder of a tree', 'parse', [join(SMALL_TREE, 'testing')], /^<tree> .*testing: not an ABI tree: it is the testing\/ folder of one; give the folder above it$/],
  ['a missing old tree', 'diff', ['/nonexistent', SMALL_TREE], /^<old-tree> \/nonexistent: no such folder$/],
  ['a missing new tree', 'diff', [SMALL_TREE, '/nonexistent'], /^<new-tree> \/nonexistent: no such folder$/],
  ['--sysfs that does not exist (exited 0 before)', 'undefined', [SMALL_TREE, '--sysfs', '/nonexistent'], /^--sysfs \/nonexistent: no such folder$/],
  ['--sysfs naming a file', 'undefined', [SMALL_TREE, '--sysfs', at('a-file')], /^--sysfs .*a-file: a file, not a folder$/],
  ['--sysfs with no files in it', 'undefined', [SMALL_TREE, '--sysfs', at('sysfs-empty')], /^--sysfs .*sysfs-empty: no attribute files found; is it a sysfs\?$/],
  ['--paths-from a missing file', 'resolve', [SMALL_TREE, '--paths-from', '/nonexistent'], /^--paths-from \/nonexistent: no such file$/],
  ['--paths-from a folder', 'resolve', [SMALL_TREE, '--paths-from', work], /^--paths-from .*: not a file$/],
];

describe('bad arguments: exit 2 and one line naming the argument', () => {
  it.each(CASES)('%s', async (_, name, args, line) => {
    const r = await runCommand((await loadCommand(name))!, args);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    // Progress lines ("Reading ... ") may come first; the error is the last line and stands alone.
    const lines = r.stderr.trimEnd().split('\n');
    const last = lines.at(-1)!;
    expect(last.startsWith(`abi-atlas ${name}: `), r.stderr).toBe(true);
    expect(last.slice(`abi-atlas ${name}: `.length)).toMatch(line);
    expect(lines.filter((l) => l.startsWith('abi-atlas'))).toHaveLength(1);
  });

  it('an empty --paths-from list is a usage error, not an empty success', async () => {
    const resolve = (await loadCommand('resolve'))!;
    for (const list of [at('empty-list'), at('blank-list')]) {
      const r = await runCommand(resolve, [SMALL_TREE, '--paths-from', list]);
      expect(r.status).toBe(2);
      expect(r.stderr.split('\n')[0]).toBe(`abi-atlas resolve: --paths-from ${list}: no paths in it`);
    }
    const stdin = abiAtlas(['resolve', SMALL_TREE, '--paths-from', '-'], { input: '' });
    expect([stdin.status, stdin.stdout, stdin.stderr.split('\n')[0]]).toEqual([2, '', 'abi-atlas resolve: --paths-from -: no paths in it']);
  });

  it('the invocations issue 10 reports are usage errors', async () => {
    const cases: [string, string[], string][] = [
      ['check', [SMALL_TREE, '--jsno', '--strcit'], "unknown option '--jsno'"],
      ['parse', [SMALL_TREE, '--json=yes'], "option '--json' takes no value"],
      ['undefined', [SMALL_TREE, '--sysfs'], "option '--sysfs' needs a value"],
      ['undefined', [SMALL_TREE, '--sysfs', '--json'], "option '--sysfs' needs a value"],
      ['undefined', [SMALL_TREE, '--limit', 'ten'], "option '--limit' needs a whole number"],
      ['undefined', [SMALL_TREE, '--max-files', '0'], "option '--max-files' needs a whole number from 1"],
      ['undefined', [SMALL_TREE, '--sysfs', '/a', '--sysfs', '/b'], "option '--sysfs' is given twice"],
    ];
    for (const [name, args, reason] of cases) {
      const r = await runCommand((await loadCommand(name))!, args);
      expect(r.status, `${name} ${args.join(' ')}`).toBe(2);
      expect(r.stderr.split('\n')[0]).toContain(reason);
    }
  });

  it('abi-atlas undefined /sys (the tree forgotten) stops at once instead of walking /sys as a tree', () => {
    const r = abiAtlas(['undefined', '/sys'], { timeout: 60_000 });
    expect(r.signal).toBeNull();
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^abi-atlas undefined: <tree> \/sys: not an ABI tree: it is the live \/sys/);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});

describe('exit codes 0, 1 and 3 stay apart from 2', () => {
  it('check: 0 with findings, 1 with --strict and findings', async () => {
    const check = (await loadCommand('check'))!;
    const plain = await runCommand(check, [SMALL_TREE]);
    const strict = await runCommand(check, [SMALL_TREE, '--strict']);
    expect([plain.status, strict.status]).toEqual([0, 1]);
    expect(strict.stdout).toBe(plain.stdout);
    expect(plain.stdout).toContain("testing/sysfs-nodesc:1: /sys/nodesc/a doesn't have a description");
  });

  it('a full disk is exit 3 with one line saying so', () => {
    const full = openSync('/dev/full', 'w');
    try {
      const r = spawnSync(CLI, ['parse', SMALL_TREE, '--json'], { encoding: 'utf8', stdio: ['ignore', full, 'pipe'], timeout: 60_000 });
      expect(r.status).toBe(3);
      expect(r.stderr).toMatch(/^abi-atlas: cannot write the output: ENOSPC/m);
    } finally {
      closeSync(full);
    }
  });
});
