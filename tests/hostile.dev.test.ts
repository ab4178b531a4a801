// The dev server's side of hostile trees: the loader's fingerprint and the
// watcher (integrations/tree-watcher.ts), on trees changed the way editors,
// sed -i, mv and git change them.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, renameSync, rmSync, symlinkSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { abiLoader } from '../content-loader/astro/loader.ts';
import { listingFingerprint } from '../content-loader/parse/fingerprint.ts';
import { walkTree } from '../content-loader/parse/walk.ts';
import { watchTree, type TreeWatcher } from '../integrations/tree-watcher.ts';
import { combinedCases, materialize, SECRET_MARKER } from './helpers/hostile-tree.ts';
import { fakeContext } from './helpers/loader-context.ts';

const entry = (what: string, text = 'A description.') => `What:\t\t${what}\nDescription:\t${text}\n`;

/** A small tree: two files in testing/, one in testing/sub/. */
function smallTree(): string {
  const abiDir = join(mkdtempSync(join(tmpdir(), 'abi-dev-hostile-')), 'ABI');
  mkdirSync(join(abiDir, 'stable'), { recursive: true });
  mkdirSync(join(abiDir, 'testing', 'sub'), { recursive: true });
  writeFileSync(join(abiDir, 'testing', 'sysfs-a'), entry('/sys/a/attr'));
  writeFileSync(join(abiDir, 'testing', 'sysfs-b'), entry('/sys/b/attr'));
  writeFileSync(join(abiDir, 'testing', 'sub', 'sysfs-c'), entry('/sys/c/attr'));
  return abiDir;
}

const fingerprint = (abiDir: string) => listingFingerprint(walkTree(abiDir));
const sedInPlace = (file: string, expr: string) => {
  const r = spawnSync('sed', ['-i', expr, file]);
  expect(r.status, String(r.stderr)).toBe(0);
};

describe('the tree fingerprint', () => {
  it('moves when a file moves between levels, though its size and mtime stay (the old count:bytes:newest did not)', () => {
    const abiDir = smallTree();
    const before = fingerprint(abiDir);
    renameSync(join(abiDir, 'testing', 'sysfs-b'), join(abiDir, 'stable', 'sysfs-b'));
    expect(fingerprint(abiDir)).not.toBe(before);
  });

  it('moves when a folder is renamed', () => {
    const abiDir = smallTree();
    const before = fingerprint(abiDir);
    renameSync(join(abiDir, 'testing', 'sub'), join(abiDir, 'testing', 'sub2'));
    expect(fingerprint(abiDir)).not.toBe(before);
  });

  it('moves when sed -i replaces a file with the same size (a new inode)', () => {
    const abiDir = smallTree();
    const before = fingerprint(abiDir);
    sedInPlace(join(abiDir, 'testing', 'sysfs-a'), 's/A description/B description/');
    expect(fingerprint(abiDir)).not.toBe(before);
  });

  it('stays when an editor drops its lock and swap files (a dangling .# link)', () => {
    const abiDir = smallTree();
    const before = fingerprint(abiDir);
    symlinkSync('root@host.4242:1700000000', join(abiDir, 'testing', '.#sysfs-a'));
    writeFileSync(join(abiDir, 'testing', '.sysfs-a.swp'), 'swap');
    writeFileSync(join(abiDir, 'testing', 'sysfs-a~'), 'backup');
    expect(fingerprint(abiDir)).toBe(before);
  });
});

describe('the loader on every hostile case at once', () => {
  it('loads without throwing, logs the warnings as file:line: message, and reads nothing from outside', async () => {
    const { abiDir } = materialize(combinedCases());
    const { context, store, logs } = fakeContext('entries');
    await abiLoader({ trees: [{ abiDir }], collection: 'entries', render: (e) => ({ html: e.description ?? '' }) }).load(context);
    expect(store.has('abi_sys_base_attr')).toBe(true);
    expect(logs).toContain('stable/sysfs-x: symbolic link leading outside the ABI tree; not followed');
    expect(logs).toContain('testing/loop: symbolic link back to testing, a folder that holds it; not followed');
    expect(JSON.stringify([...store.values()])).not.toContain(SECRET_MARKER);
  });

  it('parses again after a move between levels and stores the entry at its new level', async () => {
    const abiDir = smallTree();
    const { context, store } = fakeContext('entries');
    const load = () => abiLoader({ trees: [{ abiDir }], collection: 'entries' }).load(context);
    await load();
    expect(store.get('abi_sys_b_attr')?.data.level).toBe('testing');
    renameSync(join(abiDir, 'testing', 'sysfs-b'), join(abiDir, 'stable', 'sysfs-b'));
    await load();
    expect(store.get('abi_sys_b_attr')?.data).toMatchObject({ level: 'stable', file: 'stable/sysfs-b' });
  });
});

describe('the dev watcher', () => {
  let watcher: TreeWatcher | undefined;
  afterEach(() => watcher?.close());

  /** Starts a watcher; `next()` resolves with the paths of the next change (or rejects after `ms`). */
  function watching(abiDir: string, pollMs = 60_000) {
    const changes: string[][] = [];
    const problems: string[] = [];
    let wake: (() => void) | undefined;
    watcher = watchTree(abiDir, (paths) => (changes.push(paths), wake?.()), { pollMs, onProblem: (m) => problems.push(m) });
    const next = (ms = 5000) =>
      new Promise<string[]>((resolve, reject) => {
        const seen = changes.length;
        const timer = setTimeout(() => reject(new Error(`no change within ${ms} ms`)), ms);
        wake = () => {
          if (changes.length > seen) (clearTimeout(timer), resolve(changes[seen]!));
        };
      });
    const quiet = async (ms: number) => {
      const seen = changes.length;
      await new Promise((r) => setTimeout(r, ms));
      return changes.slice(seen);
    };
    return { next, quiet, problems };
  }

  it('sees every one of three sed -i replacements of one file (Node recursive watch lost them after two or three)', async () => {
    const abiDir = smallTree();
    const { next } = watching(abiDir);
    const file = join(abiDir, 'testing', 'sysfs-a');
    for (let i = 1; i <= 3; i++) {
      const change = next();
      sedInPlace(file, `s/description[^.]*\\./description, edit ${i}./`);
      expect(await change).toEqual(['testing/sysfs-a']);
    }
  });

  it('sees a move between levels and a folder rename, and edits inside the renamed folder', async () => {
    const abiDir = smallTree();
    const { next } = watching(abiDir);
    let change = next();
    renameSync(join(abiDir, 'testing', 'sysfs-b'), join(abiDir, 'stable', 'sysfs-b'));
    expect(await change).toEqual(['stable/sysfs-b', 'testing/sysfs-b']);
    change = next();
    renameSync(join(abiDir, 'testing', 'sub'), join(abiDir, 'testing', 'renamed'));
    expect(await change).toEqual(['testing/renamed/sysfs-c', 'testing/sub/sysfs-c']);
    change = next();
    writeFileSync(join(abiDir, 'testing', 'renamed', 'sysfs-c'), entry('/sys/c/attr', 'Edited in the renamed folder.'));
    expect(await change).toEqual(['testing/renamed/sysfs-c']);
    change = next();
    mkdirSync(join(abiDir, 'obsolete', 'new'), { recursive: true });
    writeFileSync(join(abiDir, 'obsolete', 'new', 'sysfs-d'), entry('/sys/d/attr'));
    expect(await change).toContain('obsolete/new/sysfs-d');
    change = next();
    writeFileSync(join(abiDir, 'obsolete', 'new', 'sysfs-d'), entry('/sys/d/attr', 'Edited in a folder made after the start.'));
    expect(await change).toEqual(['obsolete/new/sysfs-d']);
  });

  it('is not woken by editor locks, swap files or backups, and keeps going after them', async () => {
    const abiDir = smallTree();
    const { next, quiet } = watching(abiDir, 300);
    symlinkSync('root@host.4242:1700000000', join(abiDir, 'testing', '.#sysfs-a'));
    writeFileSync(join(abiDir, 'testing', '.sysfs-a.swp'), 'swap');
    writeFileSync(join(abiDir, 'testing', '#sysfs-a#'), 'autosave');
    expect(await quiet(1000)).toEqual([]);
    const change = next();
    writeFileSync(join(abiDir, 'testing', 'sysfs-a'), entry('/sys/a/attr', 'Saved.'));
    expect(await change).toEqual(['testing/sysfs-a']);
  });

  it('survives the tree going away (tells why) and sees it come back, through the poll', async () => {
    const abiDir = smallTree();
    const { next, quiet, problems } = watching(abiDir, 200);
    const aside = abiDir + '.aside';
    cpSync(abiDir, aside, { recursive: true });
    rmSync(abiDir, { recursive: true });
    expect(await quiet(600)).toEqual([]);
    expect(problems.join('\n')).toMatch(/not a folder.*waiting for it to come back/);
    const change = next();
    renameSync(aside, abiDir);
    writeFileSync(join(abiDir, 'testing', 'sysfs-a'), entry('/sys/a/attr', 'Back.'));
    await change;
    const edit = next();
    writeFileSync(join(abiDir, 'testing', 'sysfs-b'), entry('/sys/b/attr', 'Edited after the tree came back.'));
    expect(await edit).toEqual(['testing/sysfs-b']);
  });

  it('reports a FIFO or a dangling link added to the tree as a change (its warning) without ever blocking', async () => {
    const abiDir = smallTree();
    const { next } = watching(abiDir);
    let change = next();
    expect(spawnSync('mkfifo', [join(abiDir, 'testing', 'sysfs-fifo')]).status).toBe(0);
    expect(await change).toEqual([]);
    change = next();
    symlinkSync('nowhere', join(abiDir, 'testing', 'sysfs-gone'));
    expect(await change).toEqual([]);
    change = next();
    writeFileSync(join(abiDir, 'testing', 'sysfs-a'), entry('/sys/a/attr', 'Still watching.'));
    expect(await change).toEqual(['testing/sysfs-a']);
  });
});
