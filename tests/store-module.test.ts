import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { storeReadWhenRun } from '../integrations/store-module.ts';
import { parseTree } from '../content-loader/index.ts';
import { siteModelOf } from '../content-loader/site/site-model.ts';
import { corpusTree } from './helpers/corpus.ts';

const STORE_MODULE = '\0astro:data-layer-content';

describe("the content store's module", () => {
  const dir = mkdtempSync(join(tmpdir(), 'abi-store-module-'));
  const storeFile = join(dir, 'data-store.json');
  type Hook = { handler: (id: string) => { code: string } | undefined };
  const devLoad = (id: string, file = storeFile) => (storeReadWhenRun(file, true).load as unknown as Hook).handler(id);
  const buildTransform = (code: string, id: string) => (storeReadWhenRun(storeFile, false).transform as unknown as { handler: (code: string, id: string) => { code: string } | undefined }).handler(code, id);
  const run = async (code: string, name: string) => {
    const module = join(dir, `${name}.mjs`);
    writeFileSync(module, code);
    return ((await import(pathToFileURL(module).href)) as { default: unknown }).default;
  };

  it('in dev, is a read of the store file when the module runs: the value Astro would give, from the file as it is then', async () => {
    writeFileSync(storeFile, JSON.stringify([['Map', 1], 'entries']));
    const loaded = devLoad(STORE_MODULE);
    expect(loaded).toBeDefined();
    // A few lines of code, whatever the store's size (Astro's module holds the whole file as a string).
    writeFileSync(storeFile, JSON.stringify([['Map', 1], 'x'.repeat(100_000)]));
    expect(loaded!.code.length).toBeLessThan(500);
    expect(await run(loaded!.code, 'dev')).toEqual([['Map', 1], 'x'.repeat(100_000)]);
  });

  it('in dev, leaves other modules, and a server without a store file yet, to Astro', () => {
    writeFileSync(storeFile, '[]');
    expect(devLoad('\0astro:content')).toBeUndefined();
    expect(devLoad(STORE_MODULE, join(dir, 'absent.json'))).toBeUndefined();
  });

  it("in a build, replaces Astro's code holding the store by a read of the same value", async () => {
    const store = [['Map', 1], 'entries "quoted"'];
    writeFileSync(storeFile, JSON.stringify(store));
    const astroCode = `export default JSON.parse(${JSON.stringify(JSON.stringify(store))})`;
    expect(await run(astroCode, 'astro')).toEqual(store);
    const replaced = buildTransform(astroCode, STORE_MODULE);
    expect(await run(replaced!.code, 'build')).toEqual(store);
    // An empty store, another module, a form it does not know: Astro's code stays.
    expect(buildTransform('export default new Map()', STORE_MODULE)).toBeUndefined();
    expect(buildTransform(astroCode, '\0astro:content')).toBeUndefined();
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
