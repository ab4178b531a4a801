import type { AstroIntegration } from 'astro';
import { ABI_LOADERS } from '../content-loader/astro/loader.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { watchTree } from './tree-watcher.ts';

/**
 * Live preview for `astro dev`: a change to the ABI tree re-runs the tree's
 * loaders through Astro's content layer, which saves the store at once and
 * reloads the open page (a loader's own store writes wait 500 ms). The
 * watcher (tree-watcher.ts) reports a change within ~20 ms of the last
 * write; Vite's watcher took about a second on this tree.
 */
// Under load a page can take longer than the first of these to reconnect, and then only the later one catches it.
const RELOAD_AGAIN_MS = [400, 2500];

// Astro's module of the content store (its "astro:data-layer-content", resolved).
const DATA_STORE_MODULE = '\0astro:data-layer-content';

/**
 * Drops the server's copy of the content store and reloads the open pages.
 * Astro does the same when it writes the store, but on a loaded machine
 * that invalidation can race the write of a large store (every description
 * rendered again after a move), and the server kept rendering the old
 * store until restarted; done again once the write is surely over, the
 * store is read afresh.
 */
type DevServer = Parameters<NonNullable<AstroIntegration['hooks']['astro:server:setup']>>[0]['server'];
/** What a runnable dev environment (Vite's `ssr`) adds: the modules it has evaluated. */
interface Evaluated {
  runner?: { evaluatedModules: { getModuleById(id: string): unknown; invalidateModule(module: never): void } };
}

function reloadContent(server: DevServer): void {
  const now = Date.now();
  for (const environment of Object.values(server.environments)) {
    const module = environment.moduleGraph.getModuleById(DATA_STORE_MODULE);
    if (module) environment.moduleGraph.invalidateModule(module, undefined, now, true);
    const { runner } = environment as Evaluated;
    const evaluated = runner?.evaluatedModules.getModuleById(DATA_STORE_MODULE);
    if (evaluated) runner!.evaluatedModules.invalidateModule(evaluated as never);
  }
  server.environments.client.hot.send({ type: 'full-reload', path: '*' });
}

// The watcher of the running dev server. Kept on globalThis: a change to the
// config reloads this module and sets the server up again, and the watcher of
// the previous setup must stop, or every change would be reloaded twice.
const WATCHER = Symbol.for('abi-atlas.live-tree.watcher');
const running = globalThis as { [WATCHER]?: { close(): void } };

export default function liveTree(): AstroIntegration {
  return {
    name: 'abi-atlas-live-tree',
    hooks: {
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        const tree = primaryTree(process.cwd());
        if (!tree || !refreshContent) return;
        // One refresh at a time; changes during one make one more after it.
        let busy = false;
        let again = false;
        const refresh = async (paths: string[]) => {
          if (busy) return void (again = true);
          busy = true;
          logger.info(`${paths.length ? paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '') : 'the tree'} changed; reloading`);
          try {
            await refreshContent({ loaders: [...ABI_LOADERS] });
            // Astro reloads the page when it writes the store, but now and then that
            // reload still renders the old data (a race inside its dev server, seen
            // in about one edit in three here). Reloading the store and the page
            // shortly after, once the page has reconnected, makes sure it ends up current.
            for (const ms of RELOAD_AGAIN_MS) setTimeout(() => reloadContent(server), ms);
          } catch (e) {
            // A tree that cannot be loaded now may be fine after the next save: keep serving the last good one.
            logger.error(`reloading the ABI tree failed: ${(e as Error).message}`);
          } finally {
            busy = false;
            if (again) {
              again = false;
              void refresh([]);
            }
          }
        };
        running[WATCHER]?.close();
        running[WATCHER] = watchTree(tree.abiDir, (paths) => void refresh(paths), { onProblem: (m) => logger.warn(m) });
      },
      'astro:server:done': () => {
        running[WATCHER]?.close();
        delete running[WATCHER];
      },
    },
  };
}
