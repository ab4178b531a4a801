import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatWarning, parseTree } from '../content-loader/index.ts';
import type { AbiTree } from '../content-loader/types.ts';
import { expectedFor } from './helpers/fixtures.ts';
import { hostileCases, materialize, SECRET_MARKER } from './helpers/hostile-tree.ts';

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
