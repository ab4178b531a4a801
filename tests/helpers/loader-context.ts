import type { LoaderContext } from 'astro/loaders';

export type Stored = { id: string; data: Record<string, unknown>; digest?: string | number; rendered?: { html: string } };

/** The parts of Astro's LoaderContext the loader uses, over a Map; `logs` gets what it logs. */
export function fakeContext(collection: string, store = new Map<string, Stored>()) {
  const logs: string[] = [];
  const context = {
    collection,
    store: {
      get: (id: string) => store.get(id),
      set: (e: Stored) => (store.set(e.id, e), true),
      keys: () => [...store.keys()],
      delete: (id: string) => void store.delete(id),
    },
    logger: { info: (m: string) => logs.push(m), warn: (m: string) => logs.push(m) },
    generateDigest: (d: unknown) => JSON.stringify(d),
    parseData: async ({ data }: { data: Record<string, unknown> }) => data,
  } as unknown as LoaderContext;
  return { context, store, logs };
}
