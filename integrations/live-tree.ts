import type { AstroIntegration } from 'astro';
import { watch } from 'node:fs';
import { ABI_LOADERS } from '../content-loader/astro-loader.ts';
import { primaryTree } from '../content-loader/find-tree.ts';

/**
 * Live preview for `astro dev`: an edit under the ABI tree re-runs the
 * tree's loaders through Astro's content layer, which saves the store at
 * once and reloads the open page (a loader's own store writes wait 500 ms).
 * Node's recursive fs.watch reports an edit at once; Vite's watcher took
 * about a second on this tree.
 */
export default function liveTree(): AstroIntegration {
  return {
    name: 'abi-atlas-live-tree',
    hooks: {
      'astro:server:setup': ({ refreshContent, logger }) => {
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
            void refreshContent({ loaders: [...ABI_LOADERS] });
          }, 20);
        });
      },
    },
  };
}
