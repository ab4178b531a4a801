/**
 * A site-relative URL under the site's base path. `base` is Astro's
 * `BASE_URL` as configured ("/", "/abi", "/abi/"); `url` starts with `/`.
 * @example withBase('/abi/', '/sys/kernel/btf/vmlinux/') === '/abi/sys/kernel/btf/vmlinux/'
 */
export function withBase(base: string, url: string): string {
  return base.replace(/\/+$/, '') + url;
}

/**
 * The site-relative part of a pathname served under `base` (the inverse of `withBase`).
 * @example withoutBase('/abi/', '/abi/sys/foo/') === '/sys/foo/'
 */
export function withoutBase(base: string, pathname: string): string {
  const prefix = base.replace(/\/+$/, '');
  return prefix && (pathname === prefix || pathname.startsWith(prefix + '/')) ? pathname.slice(prefix.length) || '/' : pathname;
}
