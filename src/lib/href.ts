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

/** The site's origin (SITE), or undefined when the build was given none. */
export const SITE_ORIGIN: string | undefined = import.meta.env.SITE || undefined;

/**
 * A site-relative URL as other sites and feeds should see it: absolute when
 * SITE is set, else under the base path only (never a made-up host).
 * @example absoluteUrl('/sys/foo/') === 'https://abi.example.org/sys/foo/' // with SITE=https://abi.example.org
 */
export function absoluteUrl(url: string): string {
  return SITE_ORIGIN ? new URL(href(url), SITE_ORIGIN).href : href(url);
}
