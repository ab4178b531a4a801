import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStoreCode, devStoreLoad } from '../integrations/store-module.ts';
import { DATA_STORE_MODULE as STORE_MODULE } from '../integrations/dev-store.ts';

describe("the content store's module", () => {
  const dir = mkdtempSync(join(tmpdir(), 'abi-store-module-'));
  const storeFile = join(dir, 'data-store.json');
  // The hooks as Vite calls them (the plugins set them as objects with a handler).
  type Handler<A extends string[]> = { handler: (...args: A) => { code: string } | undefined };
  const devLoad = (id: string, file = storeFile) => (devStoreLoad(file).load as unknown as Handler<[string]>).handler(id);
  const buildTransform = (code: string, id: string) => (buildStoreCode(storeFile).transform as unknown as Handler<[string, string]>).handler(code, id);
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
