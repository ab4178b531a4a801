import { pinnedUrl } from './pinned.ts';

/** Which links of a page stay inside its version. */
export interface PinOptions {
  /** The site's base path ("/", "/abi/"), as every internal link starts with it. */
  base: string;
  version: string;
  /** The version's pages, site-relative (`versionPageUrls`): links to these are re-addressed. */
  pages: ReadonlySet<string>;
}

/**
 * Re-addresses a page rendered with bare links to its pinned place: every
 * `<a href>` to one of the version's pages goes to `/v<version>/…` instead,
 * so a reader stays in the version (`/sys/foo/#x` -> `/v6.1/sys/foo/#x`).
 * Links elsewhere stay as they are: search, changes, other versions, and
 * any `<a>` marked `data-latest` (the newest page, the site's home).
 *
 * Pages and descriptions are written by Astro and hast-util-to-html, which
 * escape `<` in text and double-quote attribute values; so every `<` starts
 * markup, and only the raw text of `<script>` and `<style>` and comments
 * need skipping. A description's text that reads like a link stays text.
 * @example pinLinks('<a href="/sys/a/">a</a>', { base: '/', version: '6.1', pages: new Set(['/sys/a/']) }) === '<a href="/v6.1/sys/a/">a</a>'
 */
export function pinLinks(html: string, options: PinOptions): string {
  const prefix = options.base.replace(/\/+$/, '');
  const parts: string[] = [];
  let copied = 0;
  let at = 0;
  for (;;) {
    const lt = html.indexOf('<', at);
    if (lt < 0) break;
    if (html.startsWith('<!--', lt)) {
      at = endOf(html, '-->', lt + 4);
      continue;
    }
    const name = TAG_NAME.exec(html.slice(lt + 1, lt + 12))?.[0].toLowerCase();
    if (!name) {
      at = lt + 1;
      continue;
    }
    const end = tagEnd(html, lt);
    if (name === 'script' || name === 'style') {
      at = html.indexOf(`</${name}`, end) < 0 ? html.length : html.indexOf(`</${name}`, end);
      continue;
    }
    if (name === 'a') {
      const tag = html.slice(lt, end);
      const pinned = pinTag(tag, prefix, options);
      if (pinned !== tag) {
        parts.push(html.slice(copied, lt), pinned);
        copied = end;
      }
    }
    at = end;
  }
  if (copied === 0) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

const TAG_NAME = /^[A-Za-z][A-Za-z0-9-]*/;
// An attribute starts after a blank or right after a quoted value; values are consumed whole.
const ATTRIBUTE = /(?<=[\s"'])([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** The `<a ...>` start tag with its href pinned, or as it was. */
function pinTag(tag: string, prefix: string, options: PinOptions): string {
  let href: { value: string; start: number; end: number } | undefined;
  for (const m of tag.matchAll(ATTRIBUTE)) {
    const name = m[1]!.toLowerCase();
    if (name === 'data-latest') return tag;
    if (name === 'href' && m[2] !== undefined) {
      const start = m.index + m[0].length - m[2].length - 1;
      href = { value: m[2], start, end: start + m[2].length };
    }
  }
  if (!href || !href.value.startsWith(`${prefix}/`)) return tag;
  const path = href.value.slice(prefix.length);
  const cut = path.search(/[?#]/);
  const url = cut < 0 ? path : path.slice(0, cut);
  if (!options.pages.has(url)) return tag;
  const pinned = prefix + pinnedUrl(options.version, url) + (cut < 0 ? '' : path.slice(cut));
  return tag.slice(0, href.start) + pinned + tag.slice(href.end);
}

/** The index after the `>` that ends the tag starting at `start`; `>` inside quoted values does not count. */
function tagEnd(html: string, start: number): number {
  let quote = '';
  for (let i = start + 1; i < html.length; i++) {
    const c = html[i];
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") {
      quote = c;
    } else if (c === '>') {
      return i + 1;
    }
  }
  return html.length;
}

function endOf(html: string, marker: string, from: number): number {
  const i = html.indexOf(marker, from);
  return i < 0 ? html.length : i + marker.length;
}
