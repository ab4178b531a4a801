// Cache keys for the pages' getStaticPaths (Astro's experimental.incrementalBuild):
// a page is copied from the last build when its key and its module graph are
// unchanged. Each key is the shared part (below) plus what the page itself
// shows (content-loader/site/page-keys.ts).
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getCollection, getEntry } from 'astro:content';
import { codeDigest } from '../../content-loader/shared/code-digest.ts';
import { fileKey, interfaceKey, keyOf, structureKey, symbolKey } from '../../content-loader/site/page-keys.ts';
import { settings } from '../../content-loader/settings.ts';
import { loadSite, type Site } from './site.ts';
import { historyDirs, loadVersion } from './history.ts';

export interface PageKeys {
  /** An interface page of the newest version (symbol, folder, gone interface, `/~/`). */
  ofInterface(url: string): string;
  /** A file page of the newest version. */
  ofFile(path: string): string;
  /** A page that shows all of a version (home, levels, docs.kernel.org's pages, changes). */
  ofVersion(version: string | null): Promise<string>;
  /** A pinned page of an older version: its own items, and the newest definitions it is compared with. */
  ofPinned(version: string, url: string, file: string | undefined): Promise<string>;
  /** A page that shows only what every page depends on (source coverage). */
  shared: string;
}

let loaded: Promise<PageKeys> | undefined;

// `astro dev` renders every request and reads no key: computing them there would slow each page.
const UNKEYED: PageKeys = { ofInterface: () => '', ofFile: () => '', ofVersion: async () => '', ofPinned: async () => '', shared: '' };

/** The keys of this build, computed once; only `astro build` reads them. */
export function loadPageKeys(): Promise<PageKeys> {
  if (import.meta.env.DEV) return Promise.resolve(UNKEYED);
  loaded ??= computeKeys();
  return loaded;
}

async function computeKeys(): Promise<PageKeys> {
  const site = await loadSite();
  const dirs = historyDirs();
  // History builds: every older version's items (history, gone pages, the
  // version switcher and docs.kernel.org's fallbacks read them).
  const older = await Promise.all(dirs.slice(0, -1).map(async (d) => `${d.version} ${(await loadVersion(d.version)).digest}`));
  const shared = keyOf([
    settingsKey(),
    // The site's own code, middleware and styles included: Astro hashes each
    // page's module graph, but not the middleware that rewrites pinned pages.
    codeDigest(['src', 'content-loader'].map((d) => pathToFileURL(join(process.cwd(), d, '/'))), ['.ts', '.astro', '.css', '.mjs', '.js']),
    site.version ?? '',
    structureKey(site.entries, site.files),
    ...older,
    await sourceKey(),
  ]);
  const part = (...parts: string[]) => keyOf([shared, ...parts]);
  const wholeOf = async (version: string | null) => (version === null || version === site.version ? site : await loadVersion(version)).digest;
  return {
    shared,
    ofInterface: (url) => part('interface', interfaceKey(site, url)),
    ofFile: (path) => part('file', fileKey(site, path)),
    ofVersion: async (version) => part('version', version ?? '', await wholeOf(version)),
    ofPinned: async (version, url, file) => {
      const pinned: Site = await loadVersion(version);
      // An older page's note says what changed since, from the newest definitions of its URL.
      // The version's own home and level pages show all of it, which is in the shared part.
      return part('pinned', version, url, file === undefined ? interfaceKey(pinned, url) : fileKey(pinned, file), symbolKey(site, url));
    },
  };
}

/** The settings pages read (not the output or cache folder: a build's staging folder changes every time). */
function settingsKey(): string {
  const { site, base, ref, sourceUrl, sourceDateEpoch } = settings();
  return JSON.stringify({ site, base, ref, sourceUrl, sourceDateEpoch, versions: historyDirs().map((d) => d.version) });
}

/** The source cross-reference ("Created in", coverage), when the build has one. */
async function sourceKey(): Promise<string> {
  // Asking an empty collection makes Astro warn in every build without source.
  const info = await getEntry('sourceInfo', 'source');
  if (!info) return 'no source';
  const items = [...(await getCollection('sources')), ...(await getCollection('coverage'))];
  return keyOf([JSON.stringify(info.data), ...items.map((i) => `${i.collection} ${i.id} ${i.digest ?? JSON.stringify(i.data)}`)]);
}
