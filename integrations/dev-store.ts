import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];

// Astro's module of the content store (its "astro:data-layer-content", resolved).
export const DATA_STORE_MODULE = '\0astro:data-layer-content';

/** What a runnable dev environment (Vite's `ssr`) adds: the modules it has evaluated. */
interface Evaluated {
  runner?: { evaluatedModules: { getModuleById(id: string): unknown; invalidateModule(module: never): void } };
}

/** The file `astro dev` keeps the content store in (Astro's `.astro/` folder; the project keeps the default single-file storage). */
export function devStoreFile(root: URL): string {
  return fileURLToPath(new URL('.astro/data-store.json', root));
}

/**
 * A stamp of the store file that changes with every write: Astro writes a
 * temporary file and renames it over the store, a new inode each time, and
 * skips the write when the store is unchanged.
 */
export function storeStamp(file: string): string {
  try {
    const { ino, size, mtimeMs } = statSync(file);
    return `${ino}:${size}:${mtimeMs}`;
  } catch {
    return 'none';
  }
}

/**
 * Drops every environment's copy of the store, so the next request reads the
 * file afresh. Astro does this when it writes the store, but as an HMR
 * invalidation, which Vite does not hold against a load of the module that
 * began before it: such a load (the old file) finished later and was kept,
 * and the server rendered the old tree until restarted. A plain invalidation
 * makes Vite discard it. Astro's route cache (getStaticPaths results) is
 * cleared through its own event.
 */
export function dropStore(server: DevServer): void {
  for (const [name, environment] of Object.entries(server.environments)) {
    const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
    if (module) environment.moduleGraph.invalidateModule(module);
    const { runner } = environment as Evaluated;
    const evaluated = runner?.evaluatedModules.getModuleById(DATA_STORE_MODULE);
    if (evaluated) runner!.evaluatedModules.invalidateModule(evaluated as never);
    if (name !== 'client') environment.hot.send('astro:content-changed', {});
  }
}

// Marks the reloads sent here, which Astro's (no `triggeredBy`) are told from.
const OURS = 'abi-atlas:live-tree';

/** Reloads the open pages. */
export function reloadPages(server: DevServer): void {
  server.environments.client.hot.send({ type: 'full-reload', path: '*', triggeredBy: OURS });
}

export interface AstroReloads {
  /** From now until `unmute`, Astro's reloads of every page are not sent. */
  mute(): void;
  unmute(): void;
}

/**
 * Astro reloads every page when it has saved the store (twice: for the store
 * and for its imports). After an edit the pages were reloaded earlier, once
 * the loaders were done (live-tree.ts), and already show what Astro saves:
 * its reloads would only load them again. Only a reload of every page
 * without a `triggeredBy` is Astro's; Vite's own, after a change of code,
 * names the file.
 */
export function astroReloads(server: DevServer): AstroReloads {
  const hot = server.environments.client.hot;
  const send = hot.send.bind(hot) as (...args: unknown[]) => void;
  let muted = false;
  hot.send = ((...args: unknown[]) => {
    const payload = args[0] as { type?: unknown; path?: unknown; triggeredBy?: unknown } | undefined;
    if (muted && payload?.type === 'full-reload' && payload.path === '*' && payload.triggeredBy === undefined) return;
    send(...args);
  }) as typeof hot.send;
  return { mute: () => void (muted = true), unmute: () => void (muted = false) };
}
