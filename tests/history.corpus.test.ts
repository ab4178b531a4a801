import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { diffTrees } from '../content-loader/history/diff-trees.ts';
import { symbolHistory } from '../content-loader/history/symbol-history.ts';
import { goneFromHistory } from '../content-loader/history/gone.ts';
import { corpusTree, levelsByUrl, needsCorpus } from './helpers/corpus.ts';

const cli = fileURLToPath(new URL('../bin/abi-atlas.js', import.meta.url));

const minus = (a: Map<string, string>, b: Map<string, string>) => [...a.keys()].filter((k) => !b.has(k)).sort();

describe(`history between linux-6.1 and linux-6.12 ${needsCorpus}`, () => {
  const old = parseTree(corpusTree('6.1'));
  const now = parseTree(corpusTree('6.12'));
  const oldLevels = levelsByUrl(old);
  const newLevels = levelsByUrl(now);
  const expectedAdded = minus(newLevels, oldLevels);
  const expectedRemoved = minus(oldLevels, newLevels);
  const expectedMoved = [...newLevels].filter(([url, level]) => oldLevels.has(url) && oldLevels.get(url) !== level).map(([url]) => url).sort();
  const diff = diffTrees(old, now);

  it('diffTrees: added and removed are the set differences of the symbol URLs; moves are the level changes', () => {
    expect(expectedAdded.length).toBeGreaterThan(0);
    expect(expectedRemoved.length).toBeGreaterThan(0);
    expect(diff.added.map((s) => s.url)).toEqual(expectedAdded);
    expect(diff.removed.map((s) => s.url)).toEqual(expectedRemoved);
    expect(diff.moved.map((m) => m.url)).toEqual(expectedMoved);
    for (const m of diff.moved) expect([m.from, m.to]).toEqual([oldLevels.get(m.url), newLevels.get(m.url)]);
    for (const s of diff.added) expect(s.level).toBe(newLevels.get(s.url));
  });

  it('abi-atlas diff --json prints the same sets', () => {
    const out = JSON.parse(execFileSync(cli, ['diff', corpusTree('6.1'), corpusTree('6.12'), '--json'], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 }));
    expect(Object.keys(out)).toEqual(['added', 'removed', 'moved', 'changed']);
    expect(out.added.map((s: { url: string }) => s.url)).toEqual(expectedAdded);
    expect(out.removed.map((s: { url: string }) => s.url)).toEqual(expectedRemoved);
    expect(out.moved.map((m: { url: string }) => m.url)).toEqual(expectedMoved);
    expect(out).toEqual(JSON.parse(JSON.stringify(diff)));
  });

  it('abi-atlas diff without --json prints counts per section', () => {
    const out = execFileSync(cli, ['diff', corpusTree('6.1'), corpusTree('6.12')], { encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
    expect(out).toContain(`Added (${expectedAdded.length})`);
    expect(out).toContain(`Removed (${expectedRemoved.length})`);
  });

  it('symbolHistory and goneSymbols agree with the diff', () => {
    const history = symbolHistory([{ version: '6.1', tree: old }, { version: '6.12', tree: now }]);
    expect(history.size).toBe(new Set([...oldLevels.keys(), ...newLevels.keys()]).size);
    const gone = goneFromHistory(history.values());
    expect(gone.map((g) => g.url)).toEqual(expectedRemoved);
    for (const g of gone) expect(g.lastVersion).toBe('6.1');
    for (const s of diff.added) expect(history.get(s.url)!.firstVersion).toBe('6.12');
    const changedUrls = [...history.values()].filter((h) => h.changes.length > 0).map((h) => h.url).sort();
    expect(changedUrls).toEqual(diff.changed.map((c) => c.url));
    for (const url of changedUrls) expect(history.get(url)!.changes[0]!.diff.some((l) => l.op !== ' ')).toBe(true);
  });
});
