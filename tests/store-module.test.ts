import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildStoreCode, devStoreLoad } from '../integrations/store-module.ts';
import { DATA_STORE_MODULE as STORE_MODULE } from '../integrations/dev-store.ts';
import { liveCollections, nextLoads, noteLoad } from '../content-loader/astro/live-store.ts';
import { parse } from 'devalue';
// Astro's serializer of the saved store (not among its package's exports).
import { serializeDataStore } from '../node_modules/astro/dist/content/data-store-writer.js';

/** A loader's store as the live store reads it: its items, in the order they were set. */
const fakeStore = (ids: string[]) => ({ entries: () => ids.map((id) => [id, { id, data: { id }, digest: id }]) }) as never;

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

  it("in dev, once the loaders have loaded, is their stores: a Map in the order of Astro's saved file, never read", async () => {
    const loaded = devLoad(STORE_MODULE)!;
    writeFileSync(storeFile, 'not what the module gives');
    // Ids whose order differs by sort: code units put 'B' and 'Z' before 'a', Astro's localeCompare does not.
    const entries = ['b/x', 'a', 'Z', 'B', 'a/b', '~x', '_y', 'ä'];
    await noteLoad('test-entries', { collection: 'entries', store: fakeStore(entries) }, true);
    await noteLoad('test-files', { collection: 'Files', store: fakeStore(['z', 'y']) }, false);
    const value = (await run(loaded.code, 'live')) as Map<string, Map<string, unknown>>;
    expect(value).toBeInstanceOf(Map);
    const saved = parse(serializeDataStore(new Map([['entries', new Map(entries.map((id) => [id, { id }]))], ['Files', new Map([['z', {}], ['y', {}]])]]))) as Map<string, Map<string, unknown>>;
    expect([...value.keys()]).toEqual([...saved.keys()]);
    for (const [name, items] of saved) expect([...value.get(name)!.keys()]).toEqual([...items.keys()]);
    expect(value.get('entries')!.get('ä')).toEqual({ id: 'ä', data: { id: 'ä' }, digest: 'ä' });
    expect(liveCollections()).toEqual(value);
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

describe('waiting for the loaders (the dev reload)', () => {
  const context = (collection: string) => ({ collection, store: fakeStore([]) });

  it('waits for the named loaders that have loaded before, once each, and tells whether any changed the store', async () => {
    await noteLoad('w-entries', context('w-entries'), false);
    await noteLoad('w-files', context('w-files'), false);
    const calls: boolean[] = [];
    const stop = nextLoads(['w-entries', 'w-files', 'w-never-configured'], (changed) => void calls.push(changed));
    expect(stop).toBeDefined();
    await noteLoad('w-entries', context('w-entries'), true);
    expect(calls).toEqual([]);
    await noteLoad('w-entries', context('w-entries'), false);
    expect(calls).toEqual([]);
    await noteLoad('w-files', context('w-files'), false);
    expect(calls).toEqual([true]);
    // Done once: later loads call nothing.
    await noteLoad('w-files', context('w-files'), true);
    expect(calls).toEqual([true]);
  });

  it('has the load that completes the wait end only when `done` has (Astro saves the store after the loads)', async () => {
    await noteLoad('s-entries', context('s-entries'), false);
    let release!: () => void;
    const answered = new Promise<void>((r) => (release = r));
    nextLoads(['s-entries'], () => answered);
    let ended = false;
    const load = noteLoad('s-entries', context('s-entries'), true).then(() => (ended = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(ended).toBe(false);
    release();
    await load;
    expect(ended).toBe(true);
  });

  it('waits for nothing when no named loader has loaded, and stops waiting when told', async () => {
    expect(nextLoads(['n-never'], () => undefined)).toBeUndefined();
    await noteLoad('n-entries', context('n-entries'), false);
    const calls: boolean[] = [];
    const stop = nextLoads(['n-entries'], (changed) => void calls.push(changed))!;
    stop();
    await noteLoad('n-entries', context('n-entries'), true);
    expect(calls).toEqual([]);
  });
});
