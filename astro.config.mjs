// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './integrations/pagefind.ts';
import liveTree from './integrations/live-tree.ts';
import { DEFAULT_OUT_DIR } from './scripts/site-output.ts';

// SITE and BASE let the site live under a sub-path (https://example.org/abi/).
// ABI_OUT_DIR and ABI_CACHE_DIR let tests build beside a developer's dist/;
// `npm run build` (scripts/build.ts) points ABI_OUT_DIR at a staging folder and
// publishes it to the real one only when the whole build succeeded.
export default defineConfig({
  site: process.env.SITE ?? 'https://abi-atlas.invalid',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.ABI_OUT_DIR || DEFAULT_OUT_DIR,
  cacheDir: process.env.ABI_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory', concurrency: Number(process.env.ABI_BUILD_CONCURRENCY ?? 4) },
  devToolbar: { enabled: false },
  vite: {
    server: {
      // Builds and test sites under the project are not sources; watching their
      // thousands of pages would slow the dev server. Fetched trees (.cache/abi) are.
      watch: { ignored: (path) => /[\\/](dist|test-results)[\\/]|[\\/]\.cache[\\/](?!abi([\\/]|$))/.test(path) },
    },
  },
  // Indexes the built site with Pagefind (dist/pagefind/) as the last step of `astro build`.
  // liveTree: edits under the ABI tree reload the open page in `astro dev`.
  integrations: [pagefind(), liveTree()],
});
