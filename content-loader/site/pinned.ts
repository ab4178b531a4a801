/**
 * Pinned pages: every version of a history build has its pages under
 * `/v<version>/` (`/v6.1/sys/kernel/btf/vmlinux/`), next to the newest at
 * the bare URL. Version labels are checked where they are read (ABI_DIRS)
 * to need no escaping in a URL.
 */

/**
 * The URL of a page of `version` under its pin.
 * @example pinnedUrl('6.1', '/sys/kernel/btf/vmlinux/') === '/v6.1/sys/kernel/btf/vmlinux/'
 */
export function pinnedUrl(version: string, url: string): string {
  return `/v${version}${url}`;
}

/** The folder a version's pinned pages live in, as a site-relative URL: `/v6.1/`. */
export function pinRoot(version: string): string {
  return pinnedUrl(version, '/');
}

/**
 * The version and bare URL of a pinned URL, for one of `versions`; undefined for any other URL.
 * @example unpin('/v6.1/sys/foo/', ['6.1', '6.12']) // { version: '6.1', url: '/sys/foo/' }
 */
export function unpin(url: string, versions: readonly string[]): { version: string; url: string } | undefined {
  const m = /^\/v([^/]+)(\/.*)$/.exec(url);
  return m && versions.includes(m[1]!) ? { version: m[1]!, url: m[2]! } : undefined;
}

/** One version in a page's version switcher. */
export interface VersionLink {
  version: string;
  /** The page in that version (pinned URL); absent where that version has no such page. */
  url?: string;
  /** The version the page shows. */
  current: boolean;
}

/**
 * The same page in every version, oldest first, for a version switcher;
 * `has` says whether a version has the page at `url`.
 * @example versionLinks('/sys/a/', ['6.1', '6.12'], (v) => v === '6.12', '6.12') // [{ version: '6.1', current: false }, { version: '6.12', url: '/v6.12/sys/a/', current: true }]
 */
export function versionLinks(url: string, versions: readonly string[], has: (version: string, url: string) => boolean, current: string): VersionLink[] {
  return versions.map((version) => ({ version, ...(has(version, url) ? { url: pinnedUrl(version, url) } : {}), current: version === current }));
}

/**
 * Where a page of any version points search engines: the newest page at the
 * same URL, or, when the newest version has none (an interface that is
 * gone), the page of the last version that had it.
 */
export function canonicalUrl(url: string, versions: readonly string[], has: (version: string, url: string) => boolean): string {
  const newest = versions.at(-1);
  if (newest === undefined || has(newest, url)) return url;
  const last = versions.findLast((v) => has(v, url));
  return last === undefined ? url : pinnedUrl(last, url);
}
