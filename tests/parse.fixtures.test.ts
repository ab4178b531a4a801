import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { WARNING_KINDS } from '../content-loader/types.ts';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';

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

  it('between them, the cases make every kind of warning the parser has', () => {
    const made = new Set(fixtureCases('parse').flatMap(({ dir }) => parseTree(join(dir, 'input')).warnings.map((w) => w.kind)));
    expect([...WARNING_KINDS].filter((kind) => !made.has(kind))).toEqual([]);
  });
});
