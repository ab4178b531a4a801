// Pinned pages: which pages each version of a history build has, for the
// version switcher, canonical links and the links of pinned pages.
import { versionPageUrls } from '../../content-loader/site/version-pages.ts';
import { canonicalUrl, unpin, versionLinks, type VersionLink } from '../../content-loader/site/pinned.ts';
import { loadHistory, loadVersion, sameSites } from './history.ts';
import type { Site } from './site.ts';
import { siteUrlOf } from './href.ts';

export interface Pinned {
  /** False with fewer than two versions: there are no pinned pages. */
  enabled: boolean;
  /** Oldest first; the last is the newest, at the bare URLs too. */
  versions: string[];
  newest?: string;
  /** The pages each version has, site-relative (`versionPageUrls`). */
  pages: Map<string, ReadonlySet<string>>;
  has: (version: string, url: string) => boolean;
  /** The same page in every version. */
  links: (url: string, current: string) => VersionLink[];
  /** The canonical URL of the page at `url` in any version. */
  canonical: (url: string) => string;
}

let loaded: { sites: Site[]; value: Pinned } | undefined;

/** Which pages each version has; computed again only when a version's site changed (live edits in dev). */
export async function loadPinned(): Promise<Pinned> {
  const history = await loadHistory();
  const versions = history.enabled ? history.versions : [];
  const sites = await Promise.all(versions.map((v) => loadVersion(v)));
  if (loaded && sameSites(loaded.sites, sites)) return loaded.value;
  const pages = new Map(versions.map((v, i) => [v, new Set(versionPageUrls(sites[i]!.files, sites[i]!.model)) as ReadonlySet<string>]));
  const has = (version: string, url: string) => pages.get(version)?.has(url) ?? false;
  const newest = versions.at(-1);
  const value: Pinned = {
    enabled: versions.length > 1,
    versions,
    ...(newest === undefined ? {} : { newest }),
    pages,
    has,
    links: (url, current) => versionLinks(url, versions, has, current),
    canonical: (url) => canonicalUrl(url, versions, has),
  };
  loaded = { sites, value };
  return value;
}

/** The version and bare URL of a pinned page's pathname (as served, under the base path). */
export async function pinnedPageOf(pathname: string): Promise<{ version: string; url: string; pages: ReadonlySet<string> } | undefined> {
  const pinned = await loadPinned();
  const found = pinned.enabled ? unpin(siteUrlOf(pathname), pinned.versions) : undefined;
  return found && { ...found, pages: pinned.pages.get(found.version)! };
}
