import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectedFor, fixtureCases } from './helpers/fixtures.ts';
import { checkAllowList, parseAllowList } from './helpers/sphinx-allow-list.ts';
import { compareStructures, type Difference } from './helpers/sphinx-compare.ts';
import { sphinxEntries } from './helpers/sphinx-entries.ts';
import { fragment } from './helpers/sphinx-oracle.ts';
import { structureOf, type Structure } from './helpers/sphinx-structure.ts';

/**
 * The Sphinx comparison without Sphinx: one folder per case under
 * tests/fixtures/sphinx-compare/ with a page Sphinx built (abi-<level>.html,
 * cut down to a few entries), our rendering of each entry (ours/<anchor>.html)
 * and the differences expected (expected.txt). UPDATE_FIXTURES=1 rewrites
 * expected.txt: review it.
 */
describe('Sphinx comparison fixtures', () => {
  for (const { name, dir } of fixtureCases('sphinx-compare')) {
    it(name, () => {
      const page = readdirSync(dir).find((f) => /^abi-[a-z]+\.html$/.test(f))!;
      const theirs = new Map<string, Structure>();
      for (const [anchor, nodes] of sphinxEntries(readFileSync(join(dir, page), 'utf8'))) theirs.set(`${page}#${anchor}`, structureOf(nodes));
      const ours = new Map<string, Structure>();
      for (const file of readdirSync(join(dir, 'ours'))) ours.set(`${page}#${file.replace(/\.html$/, '')}`, structureOf(fragment(readFileSync(join(dir, 'ours', file), 'utf8'))));
      const actual = format(compareStructures(theirs, ours));
      expect(actual).toBe(expectedFor(join(dir, 'expected.txt'), actual));
    });
  }
});

function format(differences: Difference[]): string {
  return differences.map((d) => `${d.ref} ${d.kind}: ${d.detail}\n`).join('');
}

describe('Sphinx allow-list', () => {
  const differences: Difference[] = [
    { ref: 'abi-testing.html#abi-a', kind: 'table', detail: 'x' },
    { ref: 'abi-testing.html#abi-a', kind: 'paragraph', detail: 'y' },
    { ref: 'abi-stable.html#abi-b', kind: 'words', detail: 'z' },
  ];

  it('explains listed differences, reports unlisted ones and lines that no longer match', () => {
    const text = [
      '# comment',
      'abi-testing.html#abi-a table,paragraph better: kept as a table',
      'abi-testing.html#abi-c literal worse: gone since',
      '',
    ].join('\n');
    const { allowances, errors } = parseAllowList(text, 'allow.txt');
    expect(errors).toEqual([]);
    expect(checkAllowList(differences, allowances, 'allow.txt')).toEqual({
      unexplained: ['abi-stable.html#abi-b words: z'],
      stale: ['allow.txt:3: abi-testing.html#abi-c literal no longer differs from Sphinx; take it off the list'],
    });
  });

  it('names the line of every malformed entry', () => {
    const text = ['abi-testing.html#abi-a tables better: x', 'abi-a table better: x', 'abi-testing.html#abi-a table fine: x', 'abi-testing.html#abi-a table', 'abi-testing.html#abi-a table same: x', 'abi-testing.html#abi-a words same: y'].join('\n');
    expect(parseAllowList(text, 'allow.txt').errors).toEqual([
      'allow.txt:1: unknown kind tables (kinds: entry, table, literal, list, definition-list, paragraph, heading, admonition, transition, words)',
      "allow.txt:2: 'abi-a' is not <page>#<anchor> (abi-testing.html#abi-sys-...)",
      "allow.txt:3: verdict 'fine' is not one of better, same, worse",
      "allow.txt:4: expected '<page>#<anchor> <kind>[,<kind>...] <verdict>: <reason>'",
      'allow.txt:6: abi-testing.html#abi-a is already listed on line 5',
    ]);
  });
});
