// @ts-check
import { defineConfig } from 'astro/config';

// SITE and BASE let the site live under a sub-path (https://example.org/abi/).
// ABI_OUT_DIR and ABI_CACHE_DIR let tests build beside a developer's dist/.
export default defineConfig({
  site: process.env.SITE ?? 'https://abi-atlas.invalid',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  outDir: process.env.ABI_OUT_DIR ?? './dist',
  cacheDir: process.env.ABI_CACHE_DIR ?? './node_modules/.astro',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
