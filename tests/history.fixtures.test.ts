import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { diffTrees } from '../content-loader/history/diff-trees.ts';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';

// Each case: tests/fixtures/history/<case>/{old,new}/<level>/<file> and the
// expected `diffTrees` output (UPDATE_FIXTURES=1 rewrites it for review).
describe('diffTrees on fixture trees', () => {
  for (const { name, dir } of fixtureCases('history')) {
    it(name, () => {
      const actual = JSON.stringify(diffTrees(parseTree(join(dir, 'old')), parseTree(join(dir, 'new'))), null, 2) + '\n';
      const expected = expectedFor(join(dir, 'expected.json'), actual);
      expect(expected, `missing ${name}/expected.json (run with UPDATE_FIXTURES=1)`).toBeDefined();
      expect(actual).toBe(expected);
    });
  }
});
