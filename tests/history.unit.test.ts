import { describe, expect, it } from 'vitest';
import { buildTree, type SourceFile } from '../content-loader/index.ts';
import { diffHunks, formatDiff, lineDiff } from '../content-loader/history/line-diff.ts';
import { symbolHistory } from '../content-loader/history/symbol-history.ts';
import { goneFromHistory } from '../content-loader/history/gone.ts';
import { sinceVersion } from '../content-loader/history/since.ts';
import { pairToNewest, versionPairs } from '../content-loader/history/pairs.ts';
import { groupByPrefix, NOT_PATHS } from '../content-loader/history/group.ts';
import { parseVersionedDirs, versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { levelKey, normalizeDescription } from '../content-loader/history/symbol-index.ts';

/** A one-file tree from text, for in-memory histories. */
function tree(level: 'stable' | 'testing', text: string) {
  const source: SourceFile = { path: `${level}/sysfs-x`, level, dir: level, basename: 'sysfs-x', text };
  return buildTree([source]);
}
const entry = (what: string, description: string) => `What:\t\t${what}\nDate:\t\t2020\nDescription:\n\t\t${description.split('\n').join('\n\t\t')}\n\n`;

describe('lineDiff', () => {
  it('marks removed and added lines, removals first, with kept lines around', () => {
    expect(formatDiff(lineDiff('a\nb\nc', 'a\nB\nc\nd'))).toBe('  a\n- b\n+ B\n  c\n+ d');
  });
  it('handles empty sides and identical texts', () => {
    expect(lineDiff('', 'x')).toEqual([{ op: '+', text: 'x' }]);
    expect(lineDiff('x', '')).toEqual([{ op: '-', text: 'x' }]);
    expect(lineDiff('x\ny', 'x\ny').every((l) => l.op === ' ')).toBe(true);
  });
  it('finds a longest common subsequence in the middle', () => {
    const d = lineDiff('h\n1\n2\n3\n4\nt', 'h\n2\nX\n4\n5\nt');
    expect(d.filter((l) => l.op === ' ').map((l) => l.text)).toEqual(['h', '2', '4', 't']);
    expect(d.filter((l) => l.op !== '+').map((l) => l.text).join()).toBe('h,1,2,3,4,t');
    expect(d.filter((l) => l.op !== '-').map((l) => l.text).join()).toBe('h,2,X,4,5,t');
  });
  it('diffHunks keeps context around changes and drops long unchanged runs', () => {
    const before = Array.from({ length: 20 }, (_, i) => `l${i}`).join('\n');
    const hunks = diffHunks(lineDiff(before, before.replace('l2', 'L2').replace('l17', 'L17')), 1);
    expect(hunks.map((h) => h.map((l) => l.op + l.text))).toEqual([
      [' l1', '-l2', '+L2', ' l3'],
      [' l16', '-l17', '+L17', ' l18'],
    ]);
  });
});

describe('symbolHistory', () => {
  const v1 = tree('testing', entry('/sys/a', 'Old text.') + entry('/sys/b', 'B.') + entry('/sys/c', 'C.'));
  const v2 = tree('stable', entry('/sys/a', 'New text.') + entry('/sys/b', 'B.'));
  const v3 = tree('stable', entry('/sys/a', 'New   text.') + entry('/sys/c', 'C again.') + entry('/sys/d', 'D.'));
  const h = symbolHistory([
    { version: '1', tree: v1 },
    { version: '2', tree: v2 },
    { version: '3', tree: v3 },
  ]);

  it('records first and last version, levels and moves', () => {
    const a = h.get('/sys/a/')!;
    expect(a).toMatchObject({ firstVersion: '1', lastVersion: '3', gone: false });
    expect(a.present).toEqual([{ version: '1', level: 'testing' }, { version: '2', level: 'stable' }, { version: '3', level: 'stable' }]);
    expect(a.moves).toEqual([{ fromVersion: '1', toVersion: '2', from: 'testing', to: 'stable' }]);
  });
  it('records description changes with a diff, ignoring whitespace-only changes', () => {
    const a = h.get('/sys/a/')!;
    expect(a.changes.map((c) => [c.fromVersion, c.toVersion])).toEqual([['1', '2']]);
    expect(formatDiff(a.changes[0]!.diff)).toBe('- Old text.\n+ New text.');
  });
  it('compares a symbol restored after a gap with its last version before the gap', () => {
    const c = h.get('/sys/c/')!;
    expect(c.present.map((p) => p.version)).toEqual(['1', '3']);
    expect(c.changes.map((x) => [x.fromVersion, x.toVersion])).toEqual([['1', '3']]);
    expect(c.gone).toBe(false);
  });
  it('marks symbols missing from the newest tree as gone, with their last entry', () => {
    const gone = goneFromHistory(h.values());
    expect(gone.map((g) => [g.url, g.lastVersion])).toEqual([['/sys/b/', '2']]);
    expect(gone[0]!.lastEntry).toMatchObject({ level: 'stable', description: 'B.', date: '2020' });
    expect(h.get('/sys/d/')!.firstVersion).toBe('3');
  });
  it('says what changed since a version, for the banner of its pinned page', () => {
    const versions = ['1', '2', '3'];
    expect(sinceVersion(h.get('/sys/a/')!, '1', versions)).toEqual({
      version: '1', newest: '3', levelThen: 'testing', levelNow: 'stable', descriptionChangedIn: ['2'], unchanged: false,
    });
    // Version 2 already had the newest text (3 only reflows it) at the newest level.
    expect(sinceVersion(h.get('/sys/a/')!, '2', versions)).toMatchObject({ levelThen: 'stable', levelNow: 'stable', descriptionChangedIn: [], unchanged: true });
    expect(sinceVersion(h.get('/sys/b/')!, '1', versions)).toMatchObject({ goneAfter: '2', unchanged: false });
    expect(sinceVersion(h.get('/sys/b/')!, '1', versions)).not.toHaveProperty('levelNow');
    expect(sinceVersion(h.get('/sys/c/')!, '1', versions)).toMatchObject({ descriptionChangedIn: ['3'], levelNow: 'stable' });
    expect(sinceVersion(h.get('/sys/c/')!, '2', versions)).toBeUndefined();
  });
});

describe('helpers', () => {
  it('levelKey joins a multi-level symbol in the kernel level order', () => {
    expect(levelKey(['testing', 'stable', 'testing'])).toBe('stable+testing');
    expect(levelKey(['obsolete'])).toBe('obsolete');
  });
  it('normalizeDescription ignores reflow and indentation only', () => {
    expect(normalizeDescription('a  b\n\tc\n')).toBe(normalizeDescription('a b c'));
    expect(normalizeDescription('a b')).not.toBe(normalizeDescription('a c'));
    expect(normalizeDescription(undefined)).toBe('');
  });
  it('versionPairs: consecutive pairs, then every older version...newest', () => {
    expect(versionPairs(['6.1']).length).toBe(0);
    expect(versionPairs(['6.1', '6.12']).map((p) => p.slug)).toEqual(['6.1...6.12']);
    expect(versionPairs(['5.15', '6.1', '6.12']).map((p) => p.slug)).toEqual(['5.15...6.1', '6.1...6.12', '5.15...6.12']);
    const four = versionPairs(['5.15', '6.1', '6.6', '6.12']);
    expect(four.map((p) => p.slug)).toEqual(['5.15...6.1', '6.1...6.6', '6.6...6.12', '5.15...6.12', '6.1...6.12']);
    for (const v of ['5.15', '6.1', '6.6']) expect(pairToNewest(four, v, '6.12')?.slug).toBe(`${v}...6.12`);
  });
  it('groupByPrefix groups by the first three segments, non-paths apart', () => {
    const groups = groupByPrefix([{ what: '/sys/class/net/x/mtu' }, { what: 'vDSO' }, { what: '/sys/class/net/y' }, { what: '/proc/a' }]);
    expect(groups.map((g) => [g.prefix, g.items.length])).toEqual([[NOT_PATHS, 1], ['/proc/a', 1], ['/sys/class/net', 2]]);
  });
  it('parses ABI_DIRS and rejects malformed lists', () => {
    expect(parseVersionedDirs('6.1=../a, 6.12=../b')).toEqual([{ version: '6.1', path: '../a' }, { version: '6.12', path: '../b' }]);
    expect(() => parseVersionedDirs('../a')).toThrow(/not <version>=<path>/);
    expect(() => parseVersionedDirs('6.1=a,6.1=b')).toThrow(/twice/);
    expect(() => parseVersionedDirs('v 1=a')).toThrow(/version label/);
    expect(versionedDirs('/', {})).toEqual([]);
    expect(() => versionedDirs('/', { ABI_DIRS: '1=/nonexistent' })).toThrow(/no Documentation\/ABI/);
  });
});
