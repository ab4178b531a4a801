/**
 * Astro integration: the content store's module reads the store file when it
 * runs. Astro writes that module as `export default JSON.parse("<the whole
 * store file as one string literal>")`: 5.6 MB of code for linux-6.12 that
 * Vite parses, transforms and scans for a source map, that the build bundles
 * as a chunk of its own (0.7-0.9 s of the bundle phase) and that Node then
 * compiles. Read when it runs, it is the same value from a module of three
 * lines.
 *
 * In `astro dev` the module is loaded here, before Astro reads the file,
 * quotes it and checks it (0.3 s), and that after every edit too; its value
 * is the loaders' live store (content-loader/astro/live-store.ts), so the
 * page reloads before Astro has saved the file. In a build, Astro's load
 * is kept, for what it marks on the module (its incremental build leaves
 * content data out of a page's code hash), and only its code is replaced.
 * Code of any other form (an empty store, a future layout) is left as Astro
 * wrote it.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import type { Plugin } from 'vite';
import { DATA_STORE_MODULE, devStoreFile } from './dev-store.ts';

// The form of Astro's code for a store kept in one file (the project's storage).
const ASTRO_STORE_CODE = 'export default JSON.parse(';

export default function storeModule(): AstroIntegration {
  return {
    name: 'abi-atlas:store-module',
    hooks: {
      'astro:config:setup': ({ command, config, updateConfig }) => {
        // Where Astro keeps the store: .astro/ in dev, the cache folder in a build.
        const plugin = command === 'dev' ? devStoreLoad(devStoreFile(config.root)) : buildStoreCode(fileURLToPath(new URL('data-store.json', config.cacheDir)));
        updateConfig({ vite: { plugins: [plugin] } });
      },
    },
  };
}

// Where the loaders' live stores are kept, for dev (see there).
const LIVE_STORE = fileURLToPath(new URL('../content-loader/astro/live-store.ts', import.meta.url));

/** Code for the store file's value, read and parsed when the module runs. */
function readStore(storeFile: string): string {
  return `JSON.parse(readFileSync(${JSON.stringify(storeFile)}, 'utf8'))`;
}

/** The module's code in a build: the store file's value. */
function readingModule(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nexport default ${readStore(storeFile)};\n`;
}

/** The module's code in dev: the loaders' live stores (a Map, which Astro takes as it is), the file's value while they hold none. */
function liveModule(storeFile: string): string {
  return `import { readFileSync } from 'node:fs';\nimport { liveCollections } from ${JSON.stringify(LIVE_STORE)};\nexport default liveCollections() ?? ${readStore(storeFile)};\n`;
}

/** In dev: the module loaded here, before Astro's own load (none while there is no store file yet). */
export function devStoreLoad(storeFile: string): Plugin {
  const code = liveModule(storeFile);
  return {
    name: 'abi-atlas:store-module',
    load: {
      order: 'pre',
      handler: (id) => (id === DATA_STORE_MODULE && existsSync(storeFile) ? { code, map: null } : undefined),
    },
  };
}

/** In a build: Astro's code for the module replaced, its load (and what it marks) kept. */
export function buildStoreCode(storeFile: string): Plugin {
  return {
    name: 'abi-atlas:store-module',
    transform: {
      order: 'pre',
      handler: (code, id) => (id === DATA_STORE_MODULE && code.startsWith(ASTRO_STORE_CODE) ? { code: readingModule(storeFile), map: null } : undefined),
    },
  };
}
