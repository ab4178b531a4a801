/**
 * Permanent URLs for What symbols.
 *
 * The URL mirrors the path and is a pure function of the What string, so it
 * is the same in every kernel version and every build:
 *
 * | What                               | URL                                |
 * |------------------------------------|------------------------------------|
 * | `/sys/kernel/btf/vmlinux`          | `/sys/kernel/btf/vmlinux/`         |
 * | `/sys/class/net/<iface>/mtu`       | `/sys/class/net/~iface~/mtu/`      |
 * | `/sys/class/leds/*\/brightness`     | `/sys/class/leds/~~/brightness/`   |
 * | `/sys/.../cpu[0-9]+`               | `/sys/.../cpu~x5b0-9~x5d+/`        |
 * | `Audit Login UID` (not a path)     | `/~/Audit~x20Login~x20UID/`        |
 *
 * Letters, digits and `. _ : , + @ = -` stay as they are; `<` and `>` become
 * `~`; `*` becomes `~~`; any other character becomes `~x` and its UTF-8
 * bytes in hex (`~x20` for a space, as `\x20` in C). `~` never occurs in real What strings and `!`
 * is always escaped, so the mapping can be read backwards. Where it cannot
 * (a `<` without its `>`, a `<>` read as `*`...),
 * `!` and a hash of the What are appended, which keeps every URL unique.
 * Symbols are identified by the trimmed What without a trailing `/`; empty
 * and dot segments are escaped so no URL has `//`, `/./` or `/../`.
 *
 * Each URL segment is a folder name in the built site, and file systems
 * refuse names over 255 bytes and paths over 4096: a segment longer than
 * `MAX_SEGMENT` keeps its first characters and gets `!` and a hash of the
 * whole segment; a URL still longer than `MAX_URL` keeps its leading
 * segments and replaces the rest by one segment, `!` and a hash of what it
 * replaces. Both depend on the What alone (stable), and a readable segment
 * never holds `!`, so they stay unique. No What of linux 6.1 or 6.12 comes
 * near either limit (the longest segment has 87 characters).
 */

import { remembered } from '../shared/remembered.ts';

const UNSAFE = /[^A-Za-z0-9._:,+@=-]/gu;
const HEX_ESCAPE = /^x[0-9a-f]{2}$/;
const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder();

/** The identity of a symbol: the What trimmed, without a trailing `/`. */
export function normalizeWhat(what: string): string {
  const trimmed = what.trim();
  return trimmed.length > 1 && trimmed.endsWith('/') ? trimmed.slice(0, -1) : trimmed;
}

/** True when the What names a path (`/sys/...`), not a concept ("Audit Login UID"). */
export function isPathWhat(what: string): boolean {
  return normalizeWhat(what).startsWith('/');
}

/** Longest URL segment kept whole: a folder name, with room under the 255 bytes file systems allow. */
export const MAX_SEGMENT = 160;
/** Longest URL kept whole: the output folder, the URL and `index.html` must fit in a 4096-byte path. */
export const MAX_URL = 1024;
/** `!` and 8 hex digits. */
const HASH_SUFFIX = 9;

/**
 * The site-relative permalink of a What symbol, with a trailing slash.
 * Remembered: pages, keys and links ask for the same Whats' URLs over and
 * over (about 0.3 s of a 6.12 build's pages).
 * @example whatToUrl('/sys/class/net/<iface>/mtu') === '/sys/class/net/~iface~/mtu/'
 */
export const whatToUrl: (what: string) => string = remembered((what) => permalink(what).url);

/**
 * The permalink, and whether it had to be shortened to fit on disk (see
 * the limits above), which the parser reports.
 * @example permalink('/sys/' + 'a'.repeat(300)).url === `/sys/${'a'.repeat(151)}!279e8f01/`
 */
export function permalink(what: string): { url: string; shortened: boolean } {
  const full = fullUrl(what);
  const url = fitOnDisk(full);
  return { url, shortened: url !== full };
}

function fullUrl(what: string): string {
  const symbol = normalizeWhat(what);
  const isPath = symbol.startsWith('/');
  const body = encodeBody(isPath ? symbol.slice(1) : symbol);
  const prefix = isPath ? '/' : '/~/';
  // Without `~` or `!` the body is the What itself; only escaped bodies need reading back.
  const readable = body !== '' && (!/[~!]/.test(body) || decodeBody(body) === (isPath ? symbol.slice(1) : symbol));
  return readable ? `${prefix}${body}/` : `${prefix}${body}!${hash(symbol)}/`;
}

/** Shortens what would not fit in a file name or a path; a URL that fits is returned as it is. */
function fitOnDisk(url: string): string {
  if (url.length <= MAX_URL && !url.split('/').some((s) => s.length > MAX_SEGMENT)) return url;
  const segments = url.slice(1, -1).split('/').map((s) => (s.length > MAX_SEGMENT ? shortenSegment(s) : s));
  let kept = '';
  for (let i = 0; i < segments.length; i++) {
    const next = `${kept}/${segments[i]}`;
    // Room for one more segment: the hashed rest.
    if (next.length + 1 + HASH_SUFFIX + 1 > MAX_URL) return `${kept}/!${hash(segments.slice(i).join('/'))}/`;
    kept = next;
  }
  return `${kept}/`;
}

/** The first characters of a segment (never half an escape) and `!` with the hash of all of it. */
function shortenSegment(segment: string): string {
  const head = segment.slice(0, MAX_SEGMENT - HASH_SUFFIX).replace(/~(x[0-9a-f]?)?$/, '');
  return `${head}!${hash(segment)}`;
}

/** Encodes the What after its leading `/`; empty and dot segments are escaped whole. */
function encodeBody(body: string): string {
  if (body === '') return '';
  return body
    .split('/')
    .map((segment) => {
      // An empty segment would collapse in a URL: mark it, which also forces the hashed form.
      if (segment === '') return '!';
      if (segment === '.' || segment === '..') return escapeAll(segment);
      return segment.replace(UNSAFE, encodeChar);
    })
    .join('/');
}

function encodeChar(ch: string): string {
  if (ch === '<' || ch === '>') return '~';
  if (ch === '*') return '~~';
  return escapeAll(ch);
}

function escapeAll(s: string): string {
  return [...utf8.encode(s)].map((b) => '~x' + b.toString(16).padStart(2, '0')).join('');
}

/** Reads an encoded body back; `whatToUrl` keeps the readable form only where this inverts it. */
function decodeBody(encoded: string): string {
  let out = '';
  let inAngle = false;
  let bytes: number[] = [];
  const flush = () => {
    if (bytes.length) out += utf8Decoder.decode(new Uint8Array(bytes));
    bytes = [];
  };
  for (let i = 0; i < encoded.length; i++) {
    const ch = encoded[i]!;
    if (ch !== '~') {
      flush();
      out += ch;
      continue;
    }
    const escape = encoded.slice(i + 1, i + 4);
    if (HEX_ESCAPE.test(escape)) {
      bytes.push(parseInt(escape.slice(1), 16));
      i += 3;
    } else if (inAngle) {
      flush();
      out += '>';
      inAngle = false;
    } else if (encoded[i + 1] === '~') {
      flush();
      out += '*';
      i++;
    } else {
      flush();
      out += '<';
      inAngle = true;
    }
  }
  flush();
  return out;
}

/** 32-bit FNV-1a of the UTF-8 bytes, as 8 hex digits: short, stable, no dependencies. */
function hash(s: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8.encode(s)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/**
 * The page URL of an ABI file.
 * @example fileToUrl('testing/sysfs-kernel-btf') === '/testing/sysfs-kernel-btf/'
 */
export function fileToUrl(file: string): string {
  return whatToUrl('/' + file);
}
