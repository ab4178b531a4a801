/**
 * The environment variables the site build reads, read and checked in this
 * one place so that a bad value stops the build with a line naming the
 * variable instead of surfacing later as someone else's error.
 *
 * The tree to build (ABI_DIR, ABI_DIRS, ABI_VERSION) is not here: those are
 * parameters of the tree-source functions (`locateTree`, `versionedDirs`).
 * An empty value counts as unset, so `SITE= npm run build` gets the default.
 */
import { statSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

export interface Settings {
  /**
   * SITE: the site's origin, for absolute links (canonical and og:url, the
   * sitemap, the feed). Absent when unset: a made-up host would put URLs
   * that lead nowhere into every page (see `missingSiteNotice`).
   */
  site?: string;
  /** BASE: the sub-path the site is served under, starting and ending with `/`. */
  base: string;
  /** ABI_OUT_DIR: where the site is built (default `./dist`). */
  outDir: string;
  /** ABI_CACHE_DIR: Astro's cache (default `./node_modules/.astro`). */
  cacheDir: string;
  /** ABI_BUILD_CONCURRENCY: pages Astro renders at once (default 4). */
  buildConcurrency: number;
  /** ABI_REF: git ref that source links point at; absent means `v<version>` of the tree. */
  ref?: string;
  /** ABI_SOURCE_URL: git web view that source links point into, ending with `/`; absent means git.kernel.org. */
  sourceUrl?: string;
  /** SOURCE_DATE_EPOCH: seconds since 1970 to stamp instead of file times (reproducible builds). */
  sourceDateEpoch?: number;
}

/** One or more variables with bad values; the message has one `NAME=value: problem` line per variable. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

const MAX_CONCURRENCY = 256;

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads and checks the build's variables from `env`; `projectDir` is the
 * folder relative paths are taken from (Astro's root).
 * @example readSettings({ BASE: '/abi' }, '/repo').base === '/abi/'
 * @throws SettingsError naming every variable whose value is unusable.
 */
export function readSettings(env: Env, projectDir: string): Settings {
  const problems: string[] = [];
  const read = <T>(name: string, check: (value: string) => T | Problem): T | undefined => {
    const value = env[name];
    if (value === undefined || value === '') return undefined;
    const result = check(value);
    if (result instanceof Problem) {
      problems.push(`${name}=${shown(value)}: ${result.message}`);
      return undefined;
    }
    return result;
  };
  const site = read('SITE', checkSite);
  const base = read('BASE', checkBase) ?? '/';
  const outDir = read('ABI_OUT_DIR', (v) => checkOutDir(v, projectDir)) ?? './dist';
  const cacheDir = read('ABI_CACHE_DIR', checkFolderPath) ?? './node_modules/.astro';
  const buildConcurrency = read('ABI_BUILD_CONCURRENCY', checkConcurrency) ?? 4;
  const ref = read('ABI_REF', checkRef);
  const sourceUrl = read('ABI_SOURCE_URL', checkSourceUrl);
  const sourceDateEpoch = read('SOURCE_DATE_EPOCH', checkEpoch);
  if (problems.length === 0 && resolve(projectDir, outDir) === resolve(projectDir, cacheDir)) {
    problems.push(`ABI_CACHE_DIR=${shown(cacheDir)}: the same folder as the output (ABI_OUT_DIR); give each its own`);
  }
  if (problems.length > 0) throw new SettingsError(problems.join('\n'));
  return {
    ...(site === undefined ? {} : { site }),
    base,
    outDir,
    cacheDir,
    buildConcurrency,
    ...(ref === undefined ? {} : { ref }),
    ...(sourceUrl === undefined ? {} : { sourceUrl }),
    ...(sourceDateEpoch === undefined ? {} : { sourceDateEpoch }),
  };
}

/** The one warning a build without SITE prints: what is left out, and how to get it. */
export function missingSiteNotice(): string {
  return (
    'SITE is not set, so the build writes no absolute URLs: canonical links are relative, pages have no og:url, ' +
    'the feed links are relative and there is no sitemap.xml. Set SITE=https://your.host (the origin the site is served from) to get them.'
  );
}

let cached: Settings | undefined;

/** The settings of this process (from `process.env`, relative to the working folder), read on first use. */
export function settings(): Settings {
  cached ??= readSettings(process.env, process.cwd());
  return cached;
}

/** Why a value was refused (a class, so a check can return it beside any value type). */
class Problem {
  readonly message: string;
  constructor(message: string) {
    this.message = message;
  }
}

function checkSite(value: string): string | Problem {
  const url = httpUrl(value, 'the origin the site is served from, e.g. https://abi.example.org');
  if (url instanceof Problem) return url;
  if (url.pathname !== '/') return new Problem(`only the origin goes here; put the sub-path in BASE (BASE=${url.pathname.replace(/\/?$/, '/')})`);
  return url.href;
}

/** Characters a base path may hold: the ones permalinks use unencoded, so links need no escaping either. */
const BASE_SEGMENT = /^[A-Za-z0-9._~+,@=:-]+$/;

function checkBase(value: string): string | Problem {
  if (!value.startsWith('/')) return new Problem(`must start with '/' (a path on the site's host, e.g. /abi/)`);
  const segments = value.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  for (const segment of segments) {
    if (segment === '') return new Problem(`empty path segment ('//')`);
    if (segment === '.' || segment === '..') return new Problem(`'${segment}' is not allowed as a path segment`);
    if (!BASE_SEGMENT.test(segment)) return new Problem(`'${segment}' has characters a URL path would need to escape (use letters, digits and . _ ~ + , @ = : -)`);
  }
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

function checkFolderPath(value: string): string | Problem {
  if (/[\0\n\r]/.test(value)) return new Problem('not a usable path');
  try {
    if (!statSync(value).isDirectory()) return new Problem('exists and is not a folder');
  } catch {
    // Absent: Astro creates it.
  }
  return value;
}

/** The output folder is emptied on every build, so it must not hold the project or its sources. */
function checkOutDir(value: string, projectDir: string): string | Problem {
  const checked = checkFolderPath(value);
  if (checked instanceof Problem) return checked;
  const out = resolve(projectDir, value);
  if (isWithin(resolve(projectDir), out)) return new Problem('is the project folder or holds it; the build would replace it (use a folder of its own, e.g. ./dist)');
  for (const source of ['src', 'public', 'content-loader']) {
    if (isWithin(out, resolve(projectDir, source))) return new Problem(`is inside the project's ${source}/ folder`);
  }
  return value;
}

/** True when `path` is `folder` or below it (both absolute). */
function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function checkConcurrency(value: string): number | Problem {
  const n = /^[1-9][0-9]{0,5}$/.test(value) ? Number(value) : NaN;
  return n >= 1 && n <= MAX_CONCURRENCY ? n : new Problem(`must be a whole number from 1 to ${MAX_CONCURRENCY}`);
}

/** A git ref name or commit, by `git check-ref-format`'s rules, so the link shows what was meant. */
function checkRef(value: string): string | Problem {
  const bad =
    value.length > 255 ||
    /[\x00-\x20\x7f~^:?*[\\]/.test(value) ||
    value.includes('..') ||
    value.includes('@{') ||
    value.includes('//') ||
    /^[./-]|[./]$|\.lock$/.test(value);
  return bad ? new Problem('not a git ref name (e.g. v6.12, master, or a commit id)') : value;
}

function checkSourceUrl(value: string): string | Problem {
  const url = httpUrl(value, 'a git web view, e.g. https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/');
  if (url instanceof Problem) return url;
  // Source links append `Documentation/ABI/<file>?h=<ref>` to it.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function checkEpoch(value: string): number | Problem {
  return /^[0-9]{1,15}$/.test(value) ? Number(value) : new Problem('must be a whole number of seconds since 1970 (the reproducible-builds convention)');
}

function httpUrl(value: string, expected: string): URL | Problem {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return new Problem(`not a URL (expected ${expected})`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return new Problem(`must be an http(s) URL, not ${url.protocol} (expected ${expected})`);
  if (url.username || url.password) return new Problem('must not carry a user name or password');
  if (url.search || url.hash) return new Problem(`must not have a query or fragment (expected ${expected})`);
  return url;
}

/** The value as typed, with control characters escaped so the message stays one line. */
function shown(value: string): string {
  return /[\x00-\x1f\x7f]/.test(value) ? JSON.stringify(value) : value;
}
