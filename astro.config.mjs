// @ts-check
import { defineConfig } from 'astro/config';

// SITE and BASE let the site live under a sub-path (https://example.org/abi/).
export default defineConfig({
  site: process.env.SITE ?? 'https://abi-atlas.invalid',
  base: process.env.BASE ?? '/',
  trailingSlash: 'always',
  build: { format: 'directory' },
  devToolbar: { enabled: false },
});
