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
