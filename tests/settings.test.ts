import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { readSettings, SettingsError } from '../content-loader/settings.ts';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'abi-settings-'));
const aFile = join(scratch, 'a-file');
writeFileSync(aFile, '');
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The message readSettings throws for `env`, or undefined when it accepts it. */
function refusal(env: Record<string, string>): string | undefined {
  try {
    readSettings(env, REPO);
    return undefined;
  } catch (e) {
    expect(e).toBeInstanceOf(SettingsError);
    return (e as Error).message;
  }
}

describe('settings: every variable checked, with a line naming it', () => {
  it('has its defaults; SITE has none, so no made-up host reaches a page', () => {
    expect(readSettings({}, REPO)).toEqual({ base: '/', outDir: './dist', cacheDir: './node_modules/.astro', buildConcurrency: 4 });
    // An empty value is unset (a CI template that expands to nothing).
    expect(readSettings({ SITE: '', BASE: '', ABI_BUILD_CONCURRENCY: '' }, REPO)).toEqual(readSettings({}, REPO));
  });

  it.each([
    [{ SITE: 'https://abi.example.org' }, { site: 'https://abi.example.org/' }],
    [{ SITE: 'http://localhost:4321/' }, { site: 'http://localhost:4321/' }],
    [{ BASE: '/abi' }, { base: '/abi/' }],
    [{ BASE: '/abi/v6.12/' }, { base: '/abi/v6.12/' }],
    [{ BASE: '/' }, { base: '/' }],
    [{ ABI_OUT_DIR: '.cache/site', ABI_CACHE_DIR: '.cache/astro' }, { outDir: '.cache/site', cacheDir: '.cache/astro' }],
    [{ ABI_BUILD_CONCURRENCY: '1' }, { buildConcurrency: 1 }],
    [{ ABI_BUILD_CONCURRENCY: '256' }, { buildConcurrency: 256 }],
    [{ ABI_REF: 'v6.12' }, { ref: 'v6.12' }],
    [{ ABI_REF: 'refs/heads/for-next' }, { ref: 'refs/heads/for-next' }],
    [{ ABI_REF: 'adc218676eef25575469234709c2d87185ca223a' }, { ref: 'adc218676eef25575469234709c2d87185ca223a' }],
    [{ ABI_SOURCE_URL: 'https://git.example.org/linux.git/tree' }, { sourceUrl: 'https://git.example.org/linux.git/tree/' }],
    [{ SOURCE_DATE_EPOCH: '1700000000' }, { sourceDateEpoch: 1700000000 }],
  ])('accepts %j', (env, expected) => {
    expect(readSettings(env, REPO)).toMatchObject(expected);
  });

  it.each([
    ['SITE', 'javascript:alert(1)', /http\(s\) URL/],
    ['SITE', 'abi.example.org', /not a URL/],
    ['SITE', 'https://abi.example.org/abi/', /BASE=\/abi\//],
    ['SITE', 'https://abi.example.org/?x=1', /query/],
    ['SITE', 'https://user:pw@abi.example.org/', /password/],
    ['BASE', 'abi', /must start with '\/'/],
    ['BASE', '//evil.example.org/', /empty path segment/],
    ['BASE', '/a b/', /escape/],
    ['BASE', '/abi/../x/', /'\.\.'/],
    ['BASE', '/"><script>/', /escape/],
    ['ABI_OUT_DIR', '.', /project folder/],
    ['ABI_OUT_DIR', '..', /project folder/],
    ['ABI_OUT_DIR', 'src/out', /src\//],
    ['ABI_OUT_DIR', aFile, /not a folder/],
    ['ABI_CACHE_DIR', aFile, /not a folder/],
    ['ABI_BUILD_CONCURRENCY', '0', /whole number from 1/],
    ['ABI_BUILD_CONCURRENCY', '-2', /whole number from 1/],
    ['ABI_BUILD_CONCURRENCY', '2.5', /whole number from 1/],
    ['ABI_BUILD_CONCURRENCY', 'four', /whole number from 1/],
    ['ABI_BUILD_CONCURRENCY', '100000', /whole number from 1 to 256/],
    ['ABI_REF', 'v6.12 rc1', /git ref/],
    ['ABI_REF', 'a..b', /git ref/],
    ['ABI_REF', '-x', /git ref/],
    ['ABI_SOURCE_URL', 'file:///etc/', /http\(s\) URL/],
    ['ABI_SOURCE_URL', 'https://git.example.org/tree/?h=x', /query/],
    ['SOURCE_DATE_EPOCH', 'yesterday', /seconds since 1970/],
  ])('refuses %s=%s', (name, value, why) => {
    const message = refusal({ [name]: value });
    expect(message).toBeDefined();
    expect(message!.split('\n')).toHaveLength(1);
    expect(message!.startsWith(`${name}=${value}: `)).toBe(true);
    expect(message).toMatch(why);
  });

  it('names every bad variable, one line each, and keeps control characters out of the line', () => {
    const message = refusal({ SITE: 'x\ny', BASE: 'abi', ABI_BUILD_CONCURRENCY: '0' })!;
    expect(message.split('\n')).toEqual([expect.stringMatching(/^SITE="x\\ny": /), expect.stringMatching(/^BASE=abi: /), expect.stringMatching(/^ABI_BUILD_CONCURRENCY=0: /)]);
  });

  it('refuses one folder for both the output and the cache', () => {
    expect(refusal({ ABI_OUT_DIR: './out', ABI_CACHE_DIR: 'out' })).toMatch(/^ABI_CACHE_DIR=out: the same folder/);
  });
});

describe('settings: astro build stops on a bad value before doing any work', () => {
  it('prints one line per bad variable, naming it, and exits 2', () => {
    const r = spawnSync('npx', ['astro', 'build'], {
      cwd: REPO,
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, SITE: 'javascript:alert(1)', BASE: 'abi', ABI_OUT_DIR: join(scratch, 'dist'), ABI_CACHE_DIR: join(scratch, 'cache') },
    });
    expect(r.status, r.stderr).toBe(2);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toEqual([expect.stringMatching(/^abi-atlas: SITE=javascript:alert\(1\): must be an http\(s\) URL/), expect.stringMatching(/^abi-atlas: BASE=abi: must start with/)]);
    expect(r.stdout).not.toMatch(/Syncing content/);
  });
});
