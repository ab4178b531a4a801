import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, isCorpus, needsCorpus, TEST_VERSIONS } from './helpers/corpus.ts';

// The kernel parser's own counts on the corpus trees (../shared/corpus/README.md, abi-format.md);
// they apply only where the tree read is byte for byte the corpus (isCorpus).
const KERNEL_COUNTS = {
  '6.1': { entries: 4060, whatLines: 5362, distinct: 5360, levels: { stable: 499, testing: 3433, obsolete: 116, removed: 12 } },
  '6.12': { entries: 4514, whatLines: 5922, distinct: 5920, levels: { stable: 538, testing: 3847, obsolete: 114, removed: 15 } },
};

for (const version of TEST_VERSIONS) {
  describe(`parity with the kernel parser on linux-${version} ${needsCorpus}`, () => {
    const tree = parseTree(corpusTree(version));
    const whats = tree.entries.flatMap((e) => e.symbols.map((s) => s.what));
    const perLevel: Record<string, number> = {};
    for (const e of tree.entries) perLevel[e.level] = (perLevel[e.level] ?? 0) + 1;

    if (isCorpus(version)) {
      const expected = KERNEL_COUNTS[version];
      it('finds the same entries, What lines and distinct Whats as the kernel parser on the corpus', () => {
        expect(tree.entries.length).toBe(expected.entries);
        expect(whats.length).toBe(expected.whatLines);
        expect(new Set(whats).size).toBe(expected.distinct);
      });

      it('puts the same number of entries in each level', () => {
        expect(perLevel).toEqual(expected.levels);
      });
    } else {
      it('not the corpus: every entry has What lines, and the levels add up (the kernel counts are pinned to the corpus)', () => {
        expect(tree.entries.length).toBeGreaterThan(1000);
        for (const e of tree.entries) expect(e.symbols.length).toBeGreaterThan(0);
        expect(Object.values(perLevel).reduce((a, b) => a + b, 0)).toBe(tree.entries.length);
        expect(new Set(whats).size).toBeLessThanOrEqual(whats.length);
      });
    }

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
