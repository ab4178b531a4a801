// The data every page reads, gathered once per build from the collections:
// the tree the site documents, and each older version of a history build.
import { getCollection, getEntry } from 'astro:content';
import { buildSiteModel, siteModelOf, type SiteModel } from '../../content-loader/site/site-model.ts';
import { sourceUrl } from '../../content-loader/site/source-url.ts';
import { settings } from '../../content-loader/settings.ts';
import { summaries, type Summaries } from '../../content-loader/site/summary.ts';
import { keyOf, wholeSiteKey } from '../../content-loader/site/page-keys.ts';
import type { AbiEntry, AbiFile } from '../../content-loader/types.ts';
import type { RenderedSection } from '../../content-loader/describe/render-entry.ts';

export interface StoredEntry extends AbiEntry {
  order: number;
  html: string;
  /** Paths the description mentions that no entry documents (found while rendering it). */
  unresolvedMentions: string[];
  /** The title of the file's section that starts after this entry (it closed the description). */
  sectionTitle?: string;
  /** The file's sections after this entry (`AbiEntry.sectionsAfter`), rendered. */
  renderedSections: RenderedSection[];
}
export interface StoredFile extends AbiFile {
  order: number;
}

export interface Site {
  entries: StoredEntry[];
  byId: Map<string, StoredEntry>;
  files: StoredFile[];
  model: SiteModel;
  /** First sentences of entries and symbols, for lists and meta descriptions. */
  summaries: Summaries;
  version: string | null;
  /** Changes whenever any stored entry or file changes (wholeSiteKey of the digests below): a key for data derived from the site. */
  digest: string;
  /** The loader's digest of each entry (by id) and file (by path): what page cache keys are made of (src/lib/page-keys.ts). */
  entryDigests: ReadonlyMap<string, string>;
  fileDigests: ReadonlyMap<string, string>;
  /** Link to a line of the source: `${sourceBase}Documentation/ABI/<file>?h=<ref>#n<line>`. */
  sourceUrl: (file: string, line: number) => string;
}

/** A collection item as the loader stores it (the parts a Site reads). */
interface Stored<T> {
  id: string;
  data: T;
  digest?: string | number;
  rendered?: { html: string; metadata?: Record<string, unknown> };
}

let site: Promise<Site> | undefined;
const versionSites = new Map<string, Promise<Site>>();
// In dev, the Site of the collections last read, and the digests they had.
let lastRead: { key: string; site: Site } | undefined;

/** The tree the site documents (the newest of a history build). */
export function loadSite(): Promise<Site> {
  // In dev the collections change under us (live reload), so they are read afresh.
  if (import.meta.env.DEV) return readSite();
  site ??= readSite();
  return site;
}

/**
 * The Site of the stored collections. A dev request asks for it 5-10 times
 * (route matching, page keys, the page, its components); while no item's
 * digest changed, the Site made last is still true and is returned as is.
 */
async function readSite(): Promise<Site> {
  const [entries, files, meta] = await Promise.all([getCollection('entries'), getCollection('files'), getEntry('meta', 'tree')]);
  const version = meta?.data.version ?? null;
  const { ref = version ? `v${version}` : 'master' } = settings();
  const key = [version, ref, ...entries.map(digestOf), ...files.map(digestOf)].join('\n');
  if (lastRead?.key !== key) lastRead = { key, site: siteOf(entries, files, version, ref, siteModelOf) };
  return lastRead.site;
}

/**
 * An older version of a history build, as the pinned pages under
 * `/v<version>/` read it; source links point at its release tag.
 */
export function loadVersionSite(version: string): Promise<Site> {
  if (import.meta.env.DEV) versionSites.clear();
  let loaded = versionSites.get(version);
  if (!loaded) {
    loaded = (async () => {
      const ofVersion = ({ data }: { data: { version: string } }) => data.version === version;
      const [entries, files] = await Promise.all([getCollection('versionEntries', ofVersion), getCollection('versionFiles', ofVersion)]);
      if (entries.length === 0) throw new Error(`abi-atlas: no stored entries for linux ${version}`);
      return siteOf(entries, files, version, `v${version}`, buildSiteModel);
    })();
    versionSites.set(version, loaded);
  }
  return loaded;
}

function siteOf(
  entries: Stored<AbiEntry & { order: number }>[],
  files: Stored<AbiFile & { order: number }>[],
  version: string | null,
  ref: string,
  modelOf: (entries: StoredEntry[]) => SiteModel,
): Site {
  const stored: StoredEntry[] = entries
    .map(({ data, rendered }) => ({
      ...withoutVersion(data),
      html: rendered?.html ?? '',
      unresolvedMentions: (rendered?.metadata?.unresolvedMentions as string[] | undefined) ?? [],
      sectionTitle: rendered?.metadata?.sectionTitle as string | undefined,
      renderedSections: (rendered?.metadata?.sectionsAfter as RenderedSection[] | undefined) ?? [],
    }))
    .sort((a, b) => a.order - b.order);
  const repo = settings().sourceUrl;
  const byId = new Map(stored.map((e) => [e.id, e]));
  const model = modelOf(stored);
  const entryDigests = new Map(entries.map((e) => [e.data.id, digestOf(e)]));
  const fileDigests = new Map(files.map((f) => [f.data.path, digestOf(f)]));
  return {
    entries: stored,
    byId,
    files: files.map(({ data }) => withoutVersion(data)).sort((a, b) => a.order - b.order),
    model,
    summaries: summaries(model, byId),
    version,
    digest: wholeSiteKey({ entryDigests, fileDigests }),
    entryDigests,
    fileDigests,
    sourceUrl: (file, line) => sourceUrl(file, line, ref, repo),
  };
}

/** The loader's digest of an item; an item stored without one is keyed by its content, never by nothing. */
function digestOf(item: Stored<unknown>): string {
  return item.digest === undefined ? keyOf([JSON.stringify(item.data), JSON.stringify(item.rendered ?? null)]) : String(item.digest);
}

/** Older versions' items carry their version label; a Site holds one version. */
function withoutVersion<T extends object>(data: T): T {
  const { version: _version, ...rest } = data as T & { version?: string };
  return rest as T;
}

