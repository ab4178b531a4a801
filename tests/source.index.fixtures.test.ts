import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSourceIndex } from '../content-loader/source/index.ts';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';

// One folder per kind of creation site: input/ is a small kernel tree, expected.json the sites found.
describe('source index fixtures', () => {
  for (const { name, dir } of fixtureCases('source-index')) {
    it(name, async () => {
      const index = await buildSourceIndex(join(dir, 'input'), { workers: 1 });
      expect(index.warnings).toEqual([]);
      const actual = JSON.stringify(index.sites, null, 2) + '\n';
      const expected = expectedFor(join(dir, 'expected.json'), actual);
      expect(expected, `missing ${name}/expected.json (run with UPDATE_FIXTURES=1 and review it)`).toBeDefined();
      expect(actual).toBe(expected);
    });
  }

  it('finds the same sites with one worker or several (order included)', async () => {
    const root = join(fixtureCases('source-index').find((c) => c.name === 'wrappers')!.dir, 'input');
    expect(await buildSourceIndex(root, { workers: 3 })).toEqual(await buildSourceIndex(root, { workers: 1 }));
  });
});
