import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, hasCorpus, needsCorpus, stopWhen } from './helpers/corpus.ts';

// The kernel parser's own counts on the same trees (../shared/corpus/README.md, abi-format.md).
const KERNEL_COUNTS = {
  '6.1': { entries: 4060, whatLines: 5362, distinct: 5360, levels: { stable: 499, testing: 3433, obsolete: 116, removed: 12 } },
  '6.12': { entries: 4514, whatLines: 5922, distinct: 5920, levels: { stable: 538, testing: 3847, obsolete: 114, removed: 15 } },
};

for (const [version, expected] of Object.entries(KERNEL_COUNTS)) {
  describe.skipIf(!hasCorpus(version))(`parity with the kernel parser on linux-${version} ${needsCorpus}`, () => {
    if (stopWhen(!hasCorpus(version))) return;
    const tree = parseTree(corpusTree(version));
    const whats = tree.entries.flatMap((e) => e.symbols.map((s) => s.what));

    it('finds the same entries, What lines and distinct Whats', () => {
      expect(tree.entries.length).toBe(expected.entries);
      expect(whats.length).toBe(expected.whatLines);
      expect(new Set(whats).size).toBe(expected.distinct);
    });

    it('puts the same number of entries in each level', () => {
      const perLevel: Record<string, number> = {};
      for (const e of tree.entries) perLevel[e.level] = (perLevel[e.level] ?? 0) + 1;
      expect(perLevel).toEqual(expected.levels);
    });

    it('gives every distinct symbol its own URL and every entry a unique id', () => {
      const byUrl = new Map<string, Set<string>>();
      for (const e of tree.entries) for (const s of e.symbols) byUrl.set(s.url, (byUrl.get(s.url) ?? new Set()).add(s.what.replace(/\/$/, '')));
      expect([...byUrl.values()].filter((w) => w.size > 1)).toEqual([]);
      expect(new Set(tree.entries.map((e) => e.id)).size).toBe(tree.entries.length);
    });

    it('reports the cross-file duplicates the kernel reports', () => {
      const files = new Map<string, Set<string>>();
      for (const e of tree.entries) for (const s of e.symbols) files.set(s.what, (files.get(s.what) ?? new Set()).add(e.file));
      const dupes = [...files].filter(([, f]) => f.size > 1).map(([w]) => w).sort();
      const reported = tree.warnings.filter((w) => / is defined \d+ times: /.test(w.message)).map((w) => w.message.split(' is defined')[0]).sort();
      expect(dupes.length).toBeGreaterThan(0);
      expect(reported).toEqual(dupes);
    });
  });
}
