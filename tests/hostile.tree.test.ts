import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatWarning, parseTree } from '../content-loader/index.ts';
import type { AbiTree } from '../content-loader/types.ts';
import { expectedFor } from './helpers/fixtures.ts';
import { combinedCases, hostileCases, materialize, SECRET_MARKER } from './helpers/hostile-tree.ts';

const cli = fileURLToPath(new URL('../bin/abi-atlas.js', import.meta.url));
const isRoot = process.getuid?.() === 0;
const canDropRoot = isRoot && spawnSync('setpriv', ['--version']).status === 0;
const canMount = isRoot && spawnSync('unshare', ['-m', 'true']).status === 0;

/** What a case's expected.json holds: the files read, each symbol's URL, the warnings as printed. */
function outcome(tree: AbiTree): string {
  const symbols = tree.entries.flatMap((e) => e.symbols.map((s) => `${e.file}:${s.line}: ${s.url}`));
  const shown = { files: tree.files.map((f) => f.path), readme: tree.readme !== undefined, symbols, warnings: tree.warnings.map(formatWarning) };
  return JSON.stringify(shown, null, 2) + '\n';
}

// One folder per case: tree.json says what to make (links out of the tree, loops,
// FIFOs, unreadable folders...), expected.json what the parse of it gives.
describe('reading a hostile tree', () => {
  for (const { name, dir, spec } of hostileCases()) {
    it(`${name}: ${spec.about}`, () => {
      const made = materialize(spec);
      const tree = parseTree(made.root, undefined, made.fs ? { fs: made.fs } : {});
      const actual = outcome(tree);
      const expected = expectedFor(join(dir, 'expected.json'), actual);
      expect(expected, `missing ${name}/expected.json (run with UPDATE_FIXTURES=1 and review it)`).toBeDefined();
      expect(actual).toBe(expected);
      // Whatever the case, the plain file is read and nothing from outside the tree is.
      expect(tree.files.map((f) => f.path)).toContain('stable/sysfs-base');
      expect(JSON.stringify(tree)).not.toContain(SECRET_MARKER);
      for (const w of tree.warnings) expect(w.file).not.toMatch(/^\/|\.\.\//);
    }, 30_000);
  }
});

describe('the CLI on every hostile case at once', () => {
  it('parses and checks without hanging or reading outside the tree (three loops hung parse before)', () => {
    const { abiDir } = materialize(combinedCases());
    const parse = spawnSync(cli, ['parse', abiDir, '--json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20 });
    expect(parse.status, parse.stderr).toBe(0);
    expect(parse.stdout).not.toContain(SECRET_MARKER);
    const check = spawnSync(cli, ['check', abiDir, '--json'], { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 2 ** 20 });
    expect(check.status, check.stderr).toBe(0);
    const kinds = new Set((JSON.parse(check.stdout) as { kind: string }[]).map((f) => f.kind));
    for (const kind of ['link-outside-tree', 'link-loop', 'folder-link', 'broken-link', 'special-file', 'too-deep', 'too-large', 'long-permalink']) expect(kinds, kind).toContain(kind);
  }, 120_000);
});

/** A tree with what a root user cannot be denied: a folder and a file of mode 000, for an unprivileged user to read. */
function lockedTree(): string {
  const top = mkdtempSync(join(tmpdir(), 'abi-eacces-'));
  chmodSync(top, 0o755);
  const abiDir = join(top, 'ABI');
  const entry = (what: string) => `What:\t\t${what}\nDescription:\tAn attribute.\n`;
  mkdirSync(join(abiDir, 'testing', 'locked'), { recursive: true });
  writeFileSync(join(abiDir, 'testing', 'sysfs-open'), entry('/sys/open/attr'));
  writeFileSync(join(abiDir, 'testing', 'locked', 'sysfs-locked'), entry('/sys/locked/attr'));
  writeFileSync(join(abiDir, 'testing', 'sysfs-unreadable'), entry('/sys/unreadable/attr'));
  chmodSync(join(abiDir, 'testing', 'locked'), 0o000);
  chmodSync(join(abiDir, 'testing', 'sysfs-unreadable'), 0o000);
  return abiDir;
}

describe('real faults, made with the privileges the tests run with', () => {
  it.skipIf(!canDropRoot)('a folder and a file of mode 000, read as user nobody: real EACCES, warned, the rest read (needs root and setpriv)', () => {
    const abiDir = lockedTree();
    const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, cli, 'parse', abiDir, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const tree = JSON.parse(r.stdout) as AbiTree;
    expect(tree.files.map((f) => f.path)).toEqual(['testing/sysfs-open']);
    expect(tree.warnings.map(formatWarning)).toEqual(['testing/locked: folder cannot be read (EACCES); skipped', 'testing/sysfs-unreadable: cannot be read (EACCES); skipped']);
  }, 60_000);

  it.skipIf(!canMount)('a bind mount of a folder inside itself: read once, the loop reported (needs root and unshare -m)', () => {
    const { abiDir } = materialize({ about: 'bind mount', files: { 'testing/sysfs-a': 'What:\t\t/sys/a/attr\nDescription:\tOnce.\n' } });
    mkdirSync(join(abiDir, 'testing', 'again'));
    const mount = `mount --bind ${join(abiDir, 'testing')} ${join(abiDir, 'testing', 'again')} && exec "$@"`;
    const r = spawnSync('unshare', ['-m', 'sh', '-c', mount, 'sh', process.execPath, cli, 'parse', abiDir, '--json'], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    const tree = JSON.parse(r.stdout) as AbiTree;
    expect(tree.files.map((f) => f.path)).toEqual(['testing/sysfs-a']);
    expect(tree.warnings.map(formatWarning)).toEqual(['testing/again: folder seen before at another path (a bind mount?); not read again']);
  }, 60_000);
});
