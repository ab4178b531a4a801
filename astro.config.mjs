// @ts-check
import { defineConfig } from 'astro/config';
import pagefind from './integrations/pagefind.ts';
import liveTree from './integrations/live-tree.ts';
import hosting from './integrations/hosting.ts';
import pinNewest from './integrations/pin-newest.ts';
import pageCount from './integrations/page-count.ts';
import storeModule from './integrations/store-module.ts';
import { settings, SettingsError } from './content-loader/settings.ts';

/**
 * The environment, checked (content-loader/settings.ts). A bad value ends the
 * run here with one line per variable: Astro would report it later, and
 * without naming the variable.
 */
function checkedSettings() {
  try {
    return settings();
  } catch (e) {
    if (!(e instanceof SettingsError)) throw e;
    for (const line of e.message.split('\n')) console.error(`abi-atlas: ${line}`);
    process.exit(2);
  }
}
const { site, base, outDir, cacheDir, buildConcurrency } = checkedSettings();
const search = pagefind();

// SITE and BASE let the site live under a sub-path (https://example.org/abi/).
// ABI_OUT_DIR and ABI_CACHE_DIR let tests build beside a developer's dist/.
export default defineConfig({
  site,
  base,
  // Pages are folders (`/sys/foo/`); 'ignore' lets `astro dev` and `astro preview`
  // answer `/sys/foo` too, as mail clients often cut the slash. Static hosts
  // redirect it (README, Hosting), and the 404 page does where they do not.
  trailingSlash: 'ignore',
  outDir,
  cacheDir,
  build: { format: 'directory', concurrency: buildConcurrency },
  devToolbar: { enabled: false },
  // A page whose getStaticPaths cacheKey (src/lib/page-keys.ts) and code are
  // unchanged is copied from the last build (kept in cacheDir) instead of
  // rendered: a one-description edit re-renders the pages that show it.
  experimental: { incrementalBuild: true },
  vite: {
    server: {
      // Builds and test sites under the project are not sources; watching their
      // thousands of pages would slow the dev server. Fetched trees (.cache/abi) are.
      watch: { ignored: (path) => /[\\/](dist|test-results)[\\/]|[\\/]\.cache[\\/](?!abi([\\/]|$))/.test(path) },
    },
  },
  // hosting: the SITE warning, and exact `.html` names for docs.kernel.org's pages.
  // search.start sets Pagefind indexing the built site (dist/pagefind/) off in its own process;
  // pinNewest copies the newest version's pages to /v<newest>/ meanwhile; search.finish waits for the index.
  // liveTree: edits under the ABI tree reload the open page in `astro dev`.
  // pageCount: how many pages `astro build` generates, for the progress of `npm run build`.
  // storeModule: the content store's module reads the store file when it runs (no 5.6 MB literal to bundle);
  // in dev it is the loaders' live stores first, so an edit shows before Astro has saved the file.
  integrations: [hosting(), search.start, pinNewest(), search.finish, liveTree(), pageCount(), storeModule()],
});
