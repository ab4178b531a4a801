import type { AstroIntegration } from 'astro';
import { ABI_LOADERS } from '../content-loader/astro/loader.ts';
import { nextLoads } from '../content-loader/astro/live-store.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { watchTree } from './tree-watcher.ts';
import { astroReloads, devStoreFile, dropStore, reloadPages, storeStamp, type DevServer } from './dev-store.ts';
import { trackRequests, type RequestsInFlight } from './requests-in-flight.ts';
import { pageOpenedScript, reloadStalePages, type StalePages } from './stale-pages.ts';

// Live preview for `astro dev`: a change to the ABI tree re-runs the tree's
// loaders through Astro's content layer. Once they are done, the store is
// dropped and the open page reloads, reading the loaders' live stores
// (content-loader/astro/live-store.ts) while Astro saves the file; when no
// loader says so (a refresh of nothing we wait for), the reload is keyed on
// the file's write itself (its stamp), never on a timer. The watcher
// (tree-watcher.ts) reports a change within ~20 ms of the last write; Vite's
// watcher took about a second on this tree.

/**
 * Shows a new store: dropped and the pages reloaded at once. A
 * request answered while it was written may have read the old store and
 * kept what it read (the evaluated store, getStaticPaths results) after the
 * drop; when there was one, the store is dropped and the pages reloaded once
 * more as soon as the last such request is over. A page still loading
 * misses a reload; it gets its own when it connects (stale-pages.ts).
 */
function showNewStore(server: DevServer, requests: RequestsInFlight, stale: StalePages): void {
  const show = () => {
    dropStore(server);
    stale.storeChanged();
    reloadPages(server);
  };
  show();
  requests.afterCurrent(show);
}

// The loads wait for the reloaded pages' requests (a document takes 0.1-0.2 s)
// until none has been open for RELOAD_QUIET_MS, RELOAD_WAIT_MS at most.
const RELOAD_QUIET_MS = 100;
const RELOAD_WAIT_MS = 1000;

// The watcher of the running dev server. Kept on globalThis: a change to the
// config reloads this module and sets the server up again, and the watcher of
// the previous setup must stop, or every change would be reloaded twice.
const WATCHER = Symbol.for('abi-atlas.live-tree.watcher');
const running = globalThis as { [WATCHER]?: { close(): void } };

export default function liveTree(): AstroIntegration {
  let storeFile = '';
  return {
    name: 'abi-atlas-live-tree',
    hooks: {
      'astro:config:setup': ({ command, injectScript }) => {
        if (command === 'dev') injectScript('page', pageOpenedScript);
      },
      'astro:config:done': ({ config }) => {
        storeFile = devStoreFile(config.root);
      },
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        const tree = primaryTree(process.cwd());
        if (!tree || !refreshContent) return;
        const requests = trackRequests(server.middlewares);
        const stale = reloadStalePages(server);
        const astro = astroReloads(server);
        // One refresh at a time; changes during one make one more after it.
        let busy = false;
        let again = false;
        const refresh = async (paths: string[]) => {
          if (busy) return void (again = true);
          busy = true;
          logger.info(`${paths.length ? paths.slice(0, 5).join(', ') + (paths.length > 5 ? ` and ${paths.length - 5} more` : '') : 'the tree'} changed; reloading`);
          const before = storeStamp(storeFile);
          // The page reloads once the loaders are done, and reads their live
          // stores (content-loader/astro/live-store.ts). Astro then saves the
          // store (0.4 s of this thread for linux-6.12), which would hold up
          // that request: the loads end once it is answered (or after a
          // moment, with no page open), and Astro's own reloads after its
          // save are not sent.
          let shown = false;
          const stopWaiting = nextLoads(ABI_LOADERS, (changed) => {
            if (!changed) return;
            shown = true;
            astro.mute();
            showNewStore(server, requests, stale);
            return requests.nextAnswered(RELOAD_QUIET_MS, RELOAD_WAIT_MS);
          });
          try {
            // Resolves once the store is written: Astro waits for its save.
            await refreshContent({ loaders: [...ABI_LOADERS] });
          } catch (e) {
            // A tree that cannot be loaded now may be fine after the next save: keep serving the last good one.
            logger.error(`reloading the ABI tree failed: ${(e as Error).message}`);
          } finally {
            stopWaiting?.();
            astro.unmute();
            // Otherwise by the store file: the same stamp when no stored item changed (Astro writes nothing then, and nothing needs a reload).
            if (!shown && storeStamp(storeFile) !== before) showNewStore(server, requests, stale);
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
