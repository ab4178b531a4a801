/**
 * The content store as the loaders left it, for `astro dev`.
 *
 * After an edit, the dev server used to reload the page once Astro had saved
 * the whole store (devalue, then 5.6 MB written for linux-6.12: 0.4 s), and
 * the page's request then read the file back (0.2 s). The store each loader
 * writes to is a live view of Astro's store in the same process, so:
 * - the store's module (integrations/store-module.ts) takes its value from
 *   these views, in the order Astro's file has;
 * - the dev server (integrations/live-tree.ts) reloads the page as soon as
 *   the loaders it re-ran are done, while Astro saves.
 *
 * Astro runs the loaders and the pages through separate module graphs, each
 * with its own copy of this module: what they share lives on globalThis.
 * `astro build` never asks: its pages read the saved store.
 */
import type { LoaderContext } from 'astro/loaders';

type LoaderStore = LoaderContext['store'];
/** One stored item, as Astro's store holds it. */
type StoredItem = NonNullable<ReturnType<LoaderStore['get']>>;

interface Waiter {
  pending: Set<string>;
  changed: boolean;
  done: (changed: boolean) => Promise<void> | void;
}

interface Shared {
  /** Collection name -> the store its loader last wrote to. */
  collections: Map<string, LoaderStore>;
  /** Names of the loaders that have finished a load. */
  loaded: Set<string>;
  waiters: Set<Waiter>;
}

const KEY = Symbol.for('abi-atlas.live-store');

function shared(): Shared {
  const holder = globalThis as { [KEY]?: Shared };
  return (holder[KEY] ??= { collections: new Map(), loaded: new Set(), waiters: new Set() });
}

/**
 * Called by a loader at the end of each load, with its collection's store
 * and whether the load stored or removed anything. The load that completes
 * a wait (`nextLoads`) calls its `done` and ends when that has.
 */
export async function noteLoad(loader: string, context: Pick<LoaderContext, 'collection' | 'store'>, changed: boolean): Promise<void> {
  const live = shared();
  live.collections.set(context.collection, context.store);
  live.loaded.add(loader);
  for (const waiter of live.waiters) {
    if (!waiter.pending.delete(loader)) continue;
    waiter.changed ||= changed;
    if (waiter.pending.size === 0) {
      live.waiters.delete(waiter);
      await waiter.done(waiter.changed);
    }
  }
}

// Astro's file lists collections and items in this order (its serializer sorts with localeCompare).
const byName = new Intl.Collator().compare;

/**
 * Every collection the loaders hold, items in the order of Astro's saved
 * store (pages read the same order as from the file); undefined before any
 * load in this process.
 */
export function liveCollections(): Map<string, Map<string, StoredItem>> | undefined {
  const { collections } = shared();
  if (collections.size === 0) return undefined;
  const sorted = [...collections].sort(([a], [b]) => byName(a, b));
  return new Map(sorted.map(([name, store]) => [name, new Map([...store.entries()].sort(([a], [b]) => byName(a, b)))]));
}

/**
 * Calls `done` when each named loader that has loaded before (one not
 * configured never loads, and is not waited for) has loaded again, with
 * whether any changed the store; Astro saves the store after the loads, so
 * after `done` has finished. Returns how to stop waiting (the refresh
 * failed, or is over), or undefined when there is nothing to wait for.
 */
export function nextLoads(loaders: readonly string[], done: (changed: boolean) => Promise<void> | void): (() => void) | undefined {
  const live = shared();
  const pending = new Set(loaders.filter((name) => live.loaded.has(name)));
  if (pending.size === 0) return undefined;
  const waiter: Waiter = { pending, changed: false, done };
  live.waiters.add(waiter);
  return () => void live.waiters.delete(waiter);
}
