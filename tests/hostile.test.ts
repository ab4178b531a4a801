import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { formatWarning, parseTree } from '../content-loader/index.ts';
import { buildSite } from './helpers/build-site.ts';
import { hostileTree, SECRET_MARKER } from './helpers/hostile-tree.ts';
import { siteFiles } from './helpers/site-files.ts';
import { unsafeMarkup } from './helpers/html-safety.ts';
import { hasChromium, launchChromium, needsChromium } from './helpers/browser.ts';
import { serveStatic } from './helpers/serve.ts';
import { fileToUrl } from '../content-loader/parse/permalink.ts';

const hostileDir = hostileTree();
const tree = parseTree(hostileDir);

describe('a hostile tree', () => {
  it('parses every file without losing a symbol', () => {
    const whats = tree.entries.flatMap((e) => e.symbols.map((s) => s.what));
    for (const w of ['/sys/evil/<script>window.__pwned=1</script>', '/sys/crlf/one', '/sys/latin1/caf\\xe9', '/sys/binary/before',
      '/sys/huge/description', '/sys/nested/deep', '/sys/dup/x', '/sys/lower/one', '/sys/where/one', '/sys/cont/c', 'Audit Login UID',
      '/sys/unicode/ünïcødé/日本語/emoji-🐧', '/sys/early/a']) {
      expect(whats).toContain(w);
    }
    expect(whats.filter((w) => w === '/sys/dup/x')).toHaveLength(3);
    expect(whats.some((w) => w.startsWith('/sys/segment00_long_name/') && w.length === 300)).toBe(true);
    expect(whats).not.toContain('/sys/dot/file');
    expect(whats).not.toContain('/sys/backup/file');
    expect(tree.entries.find((e) => e.symbols[0]!.what === '/sys/huge/description')!.description!.split('\n')).toHaveLength(20_000);
  });

  it('names file:line in its warnings', () => {
    const text = tree.warnings.map(formatWarning);
    expect(text).toContain("testing/sysfs-nodesc:1: /sys/nodesc/a doesn't have a description");
    expect(text).toContain("obsolete/sysfs-where:1: tag 'Where' is invalid. Should be 'What:' instead");
    expect(text).toContain("testing/sysfs-early:1: 'What:' should come first: Date: before any What");
    expect(text).toContain("testing/sysfs-early:4: tag 'Values' is invalid");
    expect(text.some((t) => t.startsWith('stable/sysfs-dup:1: /sys/dup/x is defined 2 times'))).toBe(true);
  });
});

describe('the site built from the hostile tree', () => {
  const outDir = join(mkdtempSync(join(tmpdir(), 'abi-hostile-site-')), 'dist');
  let log = '';
  beforeAll(() => {
    log = buildSite(hostileDir, outDir);
  });

  it('builds, printing the warnings as file:line: message', () => {
    expect(log).toMatch(/parse: \d+ files/);
    expect(log).toContain("testing/sysfs-nodesc:1: /sys/nodesc/a doesn't have a description");
    expect(existsSync(join(outDir, 'index.html'))).toBe(true);
  });

  it('reads nothing from outside the tree: no page, no abi.json entry, no text of /etc/shadow, /etc/passwd or the secret file', () => {
    expect(log).toContain('stable/sysfs-x: symbolic link leading outside the ABI tree; not followed');
    expect(log).toContain('testing/loop: symbolic link back to testing, a folder that holds it; not followed');
    const abi = JSON.parse(readFileSync(join(outDir, 'abi.json'), 'utf8')) as { files: { path: string }[]; readme?: string };
    for (const leaked of ['stable/sysfs-x', 'testing/sysfs-secret', 'testing/sysfs-up', 'testing/sysfs-zero']) {
      expect(abi.files.map((f) => f.path)).not.toContain(leaked);
      expect(existsSync(join(outDir, fileToUrl(leaked)))).toBe(false);
    }
    expect(abi.readme).toBeUndefined();
    // The first line of each file outside the tree that a link points at (its account names and hashes).
    const outside = ['/etc/passwd', '/etc/shadow'].filter((f) => existsSync(f)).map((f) => readFileSync(f, 'utf8').split('\n')[0]!);
    const files = siteFiles(outDir).filter((f) => /\.(html|json|xml|txt)$/.test(f));
    for (const file of files) {
      const text = readFileSync(join(outDir, file), 'utf8');
      expect(text.includes(SECRET_MARKER), file).toBe(false);
      for (const line of outside) expect(text.includes(line), file).toBe(false);
    }
  });

  it('warns with file:line for a What too long for a path on disk, and serves it at its shortened URL', () => {
    expect(log).toMatch(/testing\/sysfs-long:1: What \/sys\/long\/x+\.\.\. \(275 characters\) is too long for a path on disk; its page is at \/sys\/long\/x+![0-9a-f]{8}\/attr\//);
    const long = tree.entries.find((e) => e.file === 'testing/sysfs-long')!.symbols[0]!;
    expect(readFileSync(join(outDir, long.url, 'index.html'), 'utf8')).toContain('A very long segment.');
  });

  it('has a page for every symbol', () => {
    const missing = tree.entries.flatMap((e) => e.symbols).filter((s) => !existsSync(join(outDir, s.url, 'index.html')));
    expect(missing).toEqual([]);
  });

  it.skipIf(!hasChromium)(`runs none of the payloads in Chromium ${needsChromium}`, async () => {
    const server = await serveStatic(outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      // The probe works: the same payload, unescaped, does set the global.
      await page.goto(server.origin + '/');
      await page.setContent('<img src="x" onerror="window.__pwned=1">', { waitUntil: 'load' });
      await page.waitForFunction(() => (window as { __pwned?: unknown }).__pwned === 1);
      const urls = ['/', ...new Set(tree.entries.flatMap((e) => [...e.symbols.map((s) => s.url), fileToUrl(e.file)]))];
      for (const url of urls) {
        await page.goto(server.origin + url);
        // The payloads would set window.__pwned (img onerror fires on load; give it a moment).
        await page.waitForLoadState('load');
        expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned), url).toBeUndefined();
      }
      expect(urls.length).toBeGreaterThan(20);
    } finally {
      await browser.close();
      await server.close();
    }
  }, 120_000);

  it('never lets a payload through as markup', () => {
    const files = siteFiles(outDir).filter((f) => f.endsWith('.html')).map((f) => join(outDir, f));
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) expect(unsafeMarkup(readFileSync(file, 'utf8'), '__pwned'), file).toEqual([]);
  });
});

describe('the markup checker used above', () => {
  it('catches what it looks for and ignores escaped text', () => {
    expect(unsafeMarkup('<img src=x onerror="__pwned=1">', '__pwned')).toEqual(['<img onError>']);
    expect(unsafeMarkup('<a href=" javascript:__pwned()">x</a>', '__pwned')).toHaveLength(1);
    expect(unsafeMarkup('<script>window.__pwned=1</script>', '__pwned')).toEqual(['<script> with the payload']);
    expect(unsafeMarkup('<iframe src=x></iframe>', '__pwned')).toEqual(['<iframe>']);
    expect(unsafeMarkup('<p>&lt;script&gt;__pwned&lt;/script&gt;</p><ul aria-label="<script>__pwned"></ul>', '__pwned')).toEqual([]);
  });
});
