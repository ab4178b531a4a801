import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { normalizeWhat, whatToUrl } from '../content-loader/parse/permalink.ts';
import { buildResolver, resolveMention } from '../content-loader/resolve/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const TABLE = fileURLToPath(new URL('./fixtures/resolve/mentions-6.12.tsv', import.meta.url));

/** The hand-judged table: a mention in a file's descriptions and where its link must go. */
const rows = readFileSync(TABLE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [file, mention, target, why] = line.split('\t');
    if (!file || !mention || !target || !why) throw new Error(`bad table row: ${line}`);
    return { file, mention, target, why };
  });

describe(`description links on linux-6.12, against a hand-judged table ${needsCorpus}`, () => {
  const tree = parseTree(corpusTree('6.12'));
  const resolver = buildResolver(tree.entries);
  const whats = tree.entries.flatMap((e) => e.symbols.map((s) => normalizeWhat(s.what)));

  it('has at least 40 rows, each a real mention and an existing page', () => {
    expect(rows.length).toBeGreaterThanOrEqual(40);
    for (const { file, mention, target } of rows) {
      expect(tree.entries.some((e) => e.file === file && e.description?.includes(mention)), `${file} mentions ${mention}`).toBe(true);
      if (target === '-' || target === 'self') continue;
      const folder = normalizeWhat(target);
      const exists = target.endsWith('/') ? whats.some((w) => w === folder || w.startsWith(`${folder}/`)) : whats.includes(folder);
      expect(exists, `${target} is a What or a documented folder`).toBe(true);
    }
  });

  it.each(rows)('$file: $mention -> $target ($why)', ({ file, mention, target }) => {
    for (const entry of tree.entries.filter((e) => e.file === file && e.description?.includes(mention))) {
      const own = entry.symbols.map((s) => s.url);
      const url = resolveMention(resolver, mention);
      if (target === '-') expect(url).toBeUndefined();
      else if (target === 'self') expect(own).toContain(url);
      else expect(url).toBe(whatToUrl(target));
      // On the page: never a link to the page itself (the target's own entry may mention it too).
      const expected = target === '-' || target === 'self' || own.includes(whatToUrl(target)) ? undefined : whatToUrl(target);
      expect(resolveMention(resolver, mention, { exclude: own })).toBe(expected);
    }
  });
});
