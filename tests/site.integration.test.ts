import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import { parseTree } from '../content-loader/index.ts';
import { corpusTree, needsCorpus } from './helpers/corpus.ts';

const siteDir = inject('siteDir');

describe.skipIf(!siteDir)(`the built linux-6.12 site ${needsCorpus}`, () => {
  const page = (url: string) => join(siteDir, decodeURI(url), 'index.html');

  it('writes abi.json with the same tree as abi-atlas parse', () => {
    const json = JSON.parse(readFileSync(join(siteDir, 'abi.json'), 'utf8'));
    const { readme: _readme, ...tree } = JSON.parse(JSON.stringify(parseTree(corpusTree('6.12'))));
    expect(json).toEqual(tree);
  });

  it('has a page at the URL of every symbol in abi.json', () => {
    const json = JSON.parse(readFileSync(join(siteDir, 'abi.json'), 'utf8'));
    const urls = new Set<string>(json.entries.flatMap((e: { symbols: { url: string }[] }) => e.symbols.map((s) => s.url)));
    expect(urls.size).toBe(5920);
    const missing = [...urls].filter((u) => !existsSync(page(u)));
    expect(missing).toEqual([]);
  });

  it('shows the per-level counts of the parse on the home page', () => {
    const html = readFileSync(join(siteDir, 'index.html'), 'utf8');
    for (const [level, entries] of [['stable', 538], ['testing', 3847], ['obsolete', 114], ['removed', 15]] as const) {
      expect(html).toMatch(new RegExp(`>${level}</span>(</a>)?</th><td class="num">\\d+</td><td class="num">${entries}</td>`));
    }
  });

  it('has a page per file and per level', () => {
    expect(existsSync(page('/testing/sysfs-kernel-btf/'))).toBe(true);
    for (const level of ['stable', 'testing', 'obsolete', 'removed']) expect(existsSync(page(`/${level}/`))).toBe(true);
  });
});
