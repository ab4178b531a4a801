// The sets of docs.kernel.org stand-in pages: docs.kernel.org's own URLs
// (/admin-guide/), and kernel.org's versioned ones (/doc/html/latest/,
// /doc/html/v6.1/ ...), each leading to the pages of its version.
import type { DocsSource } from '../../content-loader/site/docs-compat.ts';
import { pinnedUrl } from '../../content-loader/site/pinned.ts';
import { loadHistory, loadVersion } from './history.ts';
import { loadSite } from './site.ts';

export interface DocsSet {
  /** The folder of its pages, site-relative: "/admin-guide/", "/doc/html/v6.1/admin-guide/". */
  folder: string;
  /** The path segment under /doc/html/: "latest", "v6.1"; absent for docs.kernel.org's URLs. */
  slug?: string;
  /** The version its pages are about, when known. */
  version: string | null;
  /** True when its links go to that version's pinned pages, not the newest. */
  pinned: boolean;
}

/** Every set: /admin-guide/, then /doc/html/latest/ and one per version built. */
export async function docsSets(): Promise<DocsSet[]> {
  const [site, history] = await Promise.all([loadSite(), loadHistory()]);
  const newest = { version: site.version, pinned: false };
  const versions = history.enabled ? history.versions.map((v) => ({ version: v, pinned: true })) : site.version ? [newest] : [];
  const set = (slug: string, v: { version: string | null; pinned: boolean }): DocsSet => ({ folder: `/doc/html/${slug}/admin-guide/`, slug, ...v });
  return [{ folder: '/admin-guide/', ...newest }, set('latest', newest), ...versions.map((v) => set(`v${v.version}`, v))];
}

/** Where a set's anchors lead, newest version first (see docsTargets). */
export async function docsSources(set: DocsSet): Promise<DocsSource[]> {
  const same = (url: string) => url;
  if (set.pinned && set.version) {
    const site = await loadVersion(set.version);
    const pinned = (url: string) => pinnedUrl(set.version!, url);
    return [{ entries: site.entries, files: site.files, symbolUrl: pinned, fileUrl: pinned }];
  }
  const [site, history] = await Promise.all([loadSite(), loadHistory()]);
  const older = history.enabled ? history.versions.slice(0, -1).reverse() : [];
  return [
    { entries: site.entries, files: site.files, symbolUrl: same, fileUrl: same },
    // An older version's interface is at its bare permalink (newest or gone); a file that is gone is on its last version's page.
    ...(await Promise.all(older.map(async (v) => {
      const s = await loadVersion(v);
      return { entries: s.entries, files: s.files, symbolUrl: same, fileUrl: (url: string) => pinnedUrl(v, url) };
    }))),
  ];
}

/** Where a set's pages send a reader who wants to browse a level (or the whole version). */
export function docsBrowseUrl(set: DocsSet, url: string): string {
  return set.pinned && set.version ? pinnedUrl(set.version, url) : url;
}
