import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { WARNING_KINDS } from '../content-loader/types.ts';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';
import { hostileCases, materialize } from './helpers/hostile-tree.ts';

// One folder per format rule: input/ is a small ABI tree, expected.json the parsed tree.
describe('parser fixtures', () => {
  for (const { name, dir } of fixtureCases('parse')) {
    it(name, () => {
      const actual = JSON.stringify(parseTree(join(dir, 'input')), null, 2) + '\n';
      const expected = expectedFor(join(dir, 'expected.json'), actual);
      expect(expected, `missing ${name}/expected.json (run with UPDATE_FIXTURES=1 and review it)`).toBeDefined();
      expect(actual).toBe(expected);
    });
  }

  // Links out of the tree, FIFOs and unreadable folders cannot be committed: those cases are made by the tests (hostile.tree.test.ts).
  it('between them, the cases and the hostile-tree cases make every kind of warning the parser has', () => {
    const hostile = hostileCases().map(({ spec }) => materialize(spec));
    const made = new Set([
      ...fixtureCases('parse').flatMap(({ dir }) => parseTree(join(dir, 'input')).warnings.map((w) => w.kind)),
      ...hostile.flatMap((t) => parseTree(t.root, undefined, t.fs ? { fs: t.fs } : {}).warnings.map((w) => w.kind)),
    ]);
    expect([...WARNING_KINDS].filter((kind) => !made.has(kind))).toEqual([]);
  });
});
