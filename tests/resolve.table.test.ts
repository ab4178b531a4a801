import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { normalizeWhat } from '../content-loader/parse/permalink.ts';
import { buildResolver, loadResolver, resolve, serializeResolver, type Resolver } from '../content-loader/resolve/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const TABLE = fileURLToPath(new URL('./fixtures/resolve/linux-6.12.tsv', import.meta.url));

/** Rows of the table: a concrete path, the What documenting it, and whether it must rank first. */
const rows = readFileSync(TABLE, 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '' && !line.startsWith('#'))
  .map((line) => {
    const [path, what, rank] = line.split('\t');
    if (!path || !what || (rank !== 'top' && rank !== 'among')) throw new Error(`bad table row: ${line}`);
    return { path, what, rank };
  });

describe(`resolver over linux-6.12 ${needsCorpus}`, () => {
  let resolver: Resolver;
  let whats: Set<string>;
  beforeAll(() => {
    const tree = parseTree(corpusTree('6.12'));
    resolver = buildResolver(tree.entries);
    whats = new Set(tree.entries.flatMap((e) => e.symbols.map((s) => normalizeWhat(s.what))));
  });

  it('has a table of at least 60 paths, each naming a real What', () => {
    expect(rows.length).toBeGreaterThanOrEqual(60);
    expect(rows.filter((r) => !whats.has(r.what)).map((r) => r.what)).toEqual([]);
  });

  it.each(rows)('$path -> $what ($rank)', ({ path, what, rank }) => {
    const got = resolve(resolver, path).map((m) => normalizeWhat(m.what));
    if (rank === 'top') expect(got[0]).toBe(what);
    else expect(got).toContain(what);
  });

  it('compiles every path What but the ones it reports', () => {
    expect(resolver.compiled).toBeGreaterThan(5800);
    expect(resolver.failures).toEqual([
      { what: '/sys/.../<device>/<UUID>', reason: 'no literal text after the first segment: it would match almost any path' },
    ]);
  });

  it('gives the same answers when built in the browser from the compact JSON', () => {
    const loaded = loadResolver(JSON.parse(JSON.stringify(serializeResolver(parseTree(corpusTree('6.12')).entries))));
    for (const { path } of rows) expect(resolve(loaded, path)).toEqual(resolve(resolver, path));
  });
});
