// The one place pages and browser scripts put the configured base path (BASE) in front of a site URL.
import { withBase, withoutBase } from '../../content-loader/shared/base-path.ts';

/** The configured base path as Astro gives it ("/", "/abi/"). */
export const BASE_URL: string = import.meta.env.BASE_URL;

/**
 * A site-relative URL ("/sys/foo/") under the configured base path.
 * @example href('/search/') === '/abi/search/' // with BASE=/abi/
 */
export function href(url: string): string {
  return withBase(BASE_URL, url);
}

/** A served pathname without the base path ("/abi/sys/foo/" -> "/sys/foo/"). */
export function siteUrlOf(pathname: string): string {
  return withoutBase(BASE_URL, pathname);
}
