import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeReadWhenRun } from '../integrations/dev-store.ts';
import { parseTree } from '../content-loader/index.ts';
import { siteModelOf } from '../content-loader/site/site-model.ts';
import { corpusTree } from './helpers/corpus.ts';

const STORE_MODULE = '\0astro:data-layer-content';

describe("the dev server's content store module", () => {
  const dir = mkdtempSync(join(tmpdir(), 'abi-dev-store-'));
  const storeFile = join(dir, 'data-store.json');
  const load = (id: string) => {
    const hook = storeReadWhenRun(storeFile).load as { handler: (id: string) => { code: string } | undefined };
    return hook.handler(id);
  };

  it('is a read of the store file when the module runs: the value Astro would give, from the file as it is then', async () => {
    writeFileSync(storeFile, JSON.stringify([['Map', 1], 'entries']));
    const loaded = load(STORE_MODULE);
    expect(loaded).toBeDefined();
    // A few lines of code, whatever the store's size (Astro's module holds the whole file as a string).
    writeFileSync(storeFile, JSON.stringify([['Map', 1], 'x'.repeat(100_000)]));
    expect(loaded!.code.length).toBeLessThan(500);
    const module = join(dir, 'store.mjs');
    writeFileSync(module, loaded!.code);
    const { default: value } = (await import(pathToFileURL(module).href)) as { default: unknown };
    expect(value).toEqual([['Map', 1], 'x'.repeat(100_000)]);
  });

  it('leaves other modules, and a server without a store file yet, to Astro', () => {
    writeFileSync(storeFile, '[]');
    expect(load('\0astro:content')).toBeUndefined();
    const none = storeReadWhenRun(join(dir, 'absent.json')).load as { handler: (id: string) => unknown };
    expect(none.handler(STORE_MODULE)).toBeUndefined();
  });
});

describe('the site model kept across dev edits', () => {
  const entries = parseTree(corpusTree('6.12')).entries;

  it('is the same model while ids, levels, files, Whats and lines are the same, even from new objects', () => {
    const model = siteModelOf(entries);
    expect(siteModelOf(structuredClone(entries))).toBe(model);
    // A description is not part of the model.
    expect(siteModelOf(entries.map((e, i) => (i === 0 ? { ...e, description: 'Edited.' } : e)))).toBe(model);
  });

  it('is made again when a line moves (an edit above an entry), and then says the new line', () => {
    const model = siteModelOf(entries);
    const first = entries[0]!;
    const moved = entries.map((e) => (e === first ? { ...e, symbols: e.symbols.map((s) => ({ ...s, line: s.line + 3 })) } : e));
    const again = siteModelOf(moved);
    expect(again).not.toBe(model);
    const symbol = first.symbols[0]!;
    expect(again.symbols.get(symbol.url)!.definitions.find((d) => d.entryId === first.id)!.line).toBe(symbol.line + 3);
  });
});
