import type { AstroIntegration } from 'astro';
import { watch } from 'node:fs';
import { ABI_LOADERS } from '../content-loader/astro/loader.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';

/**
 * Live preview for `astro dev`: an edit under the ABI tree re-runs the
 * tree's loaders through Astro's content layer, which saves the store at
 * once and reloads the open page (a loader's own store writes wait 500 ms).
 * Node's recursive fs.watch reports an edit at once; Vite's watcher took
 * about a second on this tree.
 */
const RELOAD_AGAIN_MS = 400;

export default function liveTree(): AstroIntegration {
  return {
    name: 'abi-atlas-live-tree',
    hooks: {
      'astro:server:setup': ({ server, refreshContent, logger }) => {
        const tree = primaryTree(process.cwd());
        if (!tree || !refreshContent) return;
        let timer: ReturnType<typeof setTimeout> | undefined;
        const changed = new Set<string>();
        watch(tree.abiDir, { recursive: true }, (_event, name) => {
          if (name) changed.add(name.toString());
          // Editors write in bursts (temp file, rename): one reload per burst.
          clearTimeout(timer);
          timer = setTimeout(() => {
            logger.info(`${[...changed].join(', ')} changed; reloading`);
            changed.clear();
            // Astro reloads the page when it writes the store, but now and then that
            // reload still renders the old data (a race inside its dev server, seen
            // in about one edit in three here). One more reload shortly after, once
            // the page has reconnected, makes sure the page ends up current.
            void refreshContent({ loaders: [...ABI_LOADERS] }).then(() =>
              setTimeout(() => server.environments.client.hot.send({ type: 'full-reload', path: '*' }), RELOAD_AGAIN_MS),
            );
          }, 20);
        });
      },
    },
  };
}
