import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { projectDir } from '../helpers/build-site.ts';
import { corpusTree, needsCorpus } from '../helpers/corpus.ts';
import { parseTree } from '../../content-loader/index.ts';
import { fileToUrl } from '../../content-loader/parse/permalink.ts';
import { compareText } from '../../content-loader/shared/compare.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const siteDir = inject('siteDir');
/** Elements holding a What, a URL or a name, which must never wrap inside a word. */
const WHAT_TEXT = 'h1 code, .permalink a, h2.what, .entry .paths li, .crumbs li, ul.tree li > a, nav.contents li > a';
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(projectDir, 'test-results', 'screenshots');

describe.skipIf(!hasChromium)(`the linux-6.12 site in Chromium ${needsCorpus} ${needsChromium}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    mkdirSync(shots, { recursive: true });
    server = await serveStatic(siteDir);
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1200, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
    page = await context.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  const open = (path: string) => page.goto(server.origin + path);

  it('goes from home to a level, a file and an interface, showing its metadata', async () => {
    await open('/');
    await expect(page.locator('h1').textContent()).resolves.toContain('linux 6.12');
    await page.screenshot({ path: join(shots, 'home.png'), fullPage: true });
    await page.getByRole('link', { name: 'testing', exact: true }).first().click();
    await page.waitForURL('**/testing/');
    await page.getByRole('link', { name: 'sysfs-class-net-statistics' }).click();
    await page.waitForURL('**/testing/sysfs-class-net-statistics/');
    await page.getByRole('link', { name: '/sys/class/net/<iface>/statistics/rx_bytes' }).click();
    await page.waitForURL('**/sys/class/net/~iface~/statistics/rx_bytes/');
    const meta = await page.locator('dl.meta').first().innerText();
    expect(meta).toMatch(/Level\s+testing/);
    expect(meta).toMatch(/Date\s+April 2005/);
    expect(meta).toMatch(/KernelVersion\s+2\.6\.12/);
    expect(await page.locator('dl.meta a[href^="mailto:"]').first().getAttribute('href')).toBe('mailto:netdev@vger.kernel.org');
    await page.screenshot({ path: join(shots, 'interface.png'), fullPage: true });
  });

  it('sends a docs.kernel.org anchor to the interface it names', async () => {
    await open('/admin-guide/abi-testing.html#abi-sys-kernel-btf-vmlinux');
    await page.waitForURL('**/sys/kernel/btf/vmlinux/');
    await expect(page.locator('h1').textContent()).resolves.toContain('/sys/kernel/btf/vmlinux');
    await open('/admin-guide/abi-testing-files.html#abi-file-testing-sysfs-kernel-btf');
    await page.waitForURL('**/testing/sysfs-kernel-btf/');
    // 6.12's docs (get_abi.pl) labelled this entry per page; the whole tree's label has a letter more.
    await open('/admin-guide/abi-testing.html#abi-sys-kernel-fadump-enabled');
    await page.waitForURL('**/sys/kernel/fadump/enabled/');
  });

  it('offers the closest interfaces on the 404 page', async () => {
    const response = await open('/sys/class/net/eth0/mtu/');
    expect(response?.status()).toBe(404);
    const first = page.locator('#nf-list a').first();
    await expect(first.textContent({ timeout: 10_000 })).resolves.toBe('/sys/class/net/<iface>/mtu');
    await page.screenshot({ path: join(shots, '404.png') });
    await first.click();
    await page.waitForURL('**/sys/class/net/~iface~/mtu/');
  });

  it('copies the permalink of the latest and of this version', async () => {
    await open('/sys/kernel/btf/vmlinux/');
    await page.getByRole('button', { name: 'Copy link to the latest' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/sys/kernel/btf/vmlinux/`);
    await page.getByRole('button', { name: 'Copy link to linux 6.12' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/v6.12/sys/kernel/btf/vmlinux/`);
    await open('/v6.1/sys/kernel/btf/vmlinux/');
    await page.getByRole('button', { name: 'Copy link to linux 6.1' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/v6.1/sys/kernel/btf/vmlinux/`);
  });

  it('browses the path tree with breadcrumbs', async () => {
    await open('/sys/class/net/');
    await page.getByRole('link', { name: '<iface>' }).click();
    await page.waitForURL('**/sys/class/net/~iface~/');
    await expect(page.getByRole('link', { name: 'mtu', exact: true }).count()).resolves.toBeGreaterThan(0);
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'class' }).click();
    await page.waitForURL('**/sys/class/');
    await page.screenshot({ path: join(shots, 'tree.png'), fullPage: false });
  });

  it('remembers the dark theme', async () => {
    await open('/');
    await page.getByRole('button', { name: 'Toggle dark mode' }).click();
    await open('/stable/');
    const bg = await page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--bg').trim());
    expect(bg).toBe('#0d1117');
    await page.screenshot({ path: join(shots, 'level-dark.png') });
    await page.evaluate(() => localStorage.removeItem('theme'));
  });

  it('fits a 390 px screen on every kind of page and the longest Whats, never wrapping a What or URL inside a word', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    const wide: string[] = [];
    const midWord: string[] = [];
    for (const url of phoneSample()) {
      await open(url);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) wide.push(`${url} (${overflow} px too wide)`);
      midWord.push(...(await page.evaluate(lineBreaksInsideWords, WHAT_TEXT)).map((b) => `${url}: ${b}`));
    }
    expect(wide).toEqual([]);
    expect(midWord.slice(0, 20)).toEqual([]);
    await page.setViewportSize({ width: 1200, height: 900 });
  }, 600_000);

  it.each([
    ['interface', '/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw/'],
    ['tree', '/sys/bus/iio/devices/iio:deviceX/'],
    ['file', '/testing/sysfs-bus-iio/'],
  ])('screenshots of the %s page at 390 and 1280 px', async (name, url) => {
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await open(url);
      await page.screenshot({ path: join(shots, `${name}-${width}.png`) });
    }
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it('puts a multi-What entry\'s description first, then "This entry documents N paths" and the list', async () => {
    await open('/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw/');
    const card = page.locator('article.entry');
    const order = await card.evaluate((el) => [...el.querySelectorAll('.description, .paths h2')].map((e) => e.className || e.tagName));
    expect(order).toEqual(['description', 'H2']);
    await expect(card.getByRole('heading', { name: 'This entry documents 3 paths' }).count()).resolves.toBe(1);
    const listed = await card.locator('.paths li').allInnerTexts();
    expect(listed).toEqual(['/sys/bus/iio/devices/iio:deviceX/in_accel_x_raw', '/sys/bus/iio/devices/iio:deviceX/in_accel_y_raw', '/sys/bus/iio/devices/iio:deviceX/in_accel_z_raw']);
    await expect(card.locator('.paths [aria-current="page"]').innerText()).resolves.toBe(listed[0]);
  });

  it('groups a big folder by name prefix and gives a long file page its contents', async () => {
    await open('/sys/bus/iio/devices/iio:deviceX/');
    await page.getByRole('navigation', { name: /Groups of names/ }).getByRole('link', { name: 'in_accel_*' }).click();
    const group = page.locator('section.group', { has: page.getByRole('heading', { name: /^in_accel_\*/ }) });
    const names = await group.locator('li > a').allInnerTexts();
    expect(names.length).toBeGreaterThan(20);
    expect(names.every((n) => n.startsWith('in_accel_'))).toBe(true);
    await expect(group.locator('li .summary').first().innerText()).resolves.toMatch(/\w/);
    await open('/testing/sysfs-bus-iio/');
    await page.locator('nav.contents summary').click();
    await page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: '/sys/bus/iio/devices/triggerX' }).click();
    await page.waitForURL('**/testing/sysfs-bus-iio/#abi-sys-bus-iio-devices-triggerx');
  });

  it.each([
    ['home', '/'],
    ['a level page', '/testing/'],
    ['a file page', '/testing/sysfs-kernel-btf/'],
    ['an interface page', '/sys/class/net/~iface~/mtu/'],
    ['a tree page', '/sys/class/net/'],
    ['a pinned page of an older version', '/v6.1/sys/class/net/~iface~/mtu/'],
  ])('axe-core finds no violations on %s', async (_name, path) => {
    await open(path);
    await page.addScriptTag({ content: axeSource });
    const violations = await page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
  });
});

/**
 * The pages checked at 390 px: every kind of page, the 30 longest Whats, the
 * 15 with the longest single segment, the biggest file and folder pages,
 * and every 40th symbol page.
 */
function phoneSample(): string[] {
  const tree = parseTree(corpusTree('6.12'));
  const symbols = [...new Map(tree.entries.flatMap((e) => e.symbols.map((s) => [s.url, { ...s, file: e.file }] as const))).values()];
  const longestSegment = (what: string) => Math.max(...what.split('/').map((s) => s.length));
  const byLength = [...symbols].sort((a, b) => b.what.length - a.what.length || compareText(a.url, b.url));
  const bySegment = [...symbols].sort((a, b) => longestSegment(b.what) - longestSegment(a.what) || compareText(a.url, b.url));
  const old = new Set(parseTree(corpusTree('6.1')).entries.flatMap((e) => e.symbols.map((s) => s.url)));
  const gone = [...old].filter((u) => !symbols.some((s) => s.url === u)).sort(compareText)[0]!;
  const pages = [
    '/', '/stable/', '/testing/', '/obsolete/', '/removed/', '/~/', '/search/', '/health/', '/changes/', '/changes/6.1...6.12/',
    '/admin-guide/abi-testing.html', '/admin-guide/abi.html', '/doc/html/v6.1/admin-guide/abi-testing.html', '/sys/no/such/page/', gone,
    '/v6.1/', '/v6.1/testing/', `/v6.1${gone}`, `/v6.1${[...old].sort((a, b) => b.length - a.length || compareText(a, b))[0]!}`, `/v6.12${byLength[0]!.url}`,
    '/testing/sysfs-bus-iio/', '/sys/bus/iio/devices/iio:deviceX/', '/sys/.../events/', '/sys/class/', '/sys/class/net/~iface~/',
    '/config/usb-gadget/gadget/functions/uvc.name/streaming/uncompressed/name/',
    ...byLength.slice(0, 30).flatMap((s) => [s.url, fileToUrl(s.file)]),
    ...bySegment.slice(0, 15).map((s) => s.url),
    ...symbols.filter((_, i) => i % 40 === 0).map((s) => s.url),
  ];
  return [...new Set(pages)];
}

/**
 * In the page: every place where text inside `selector` runs onto a new line
 * between two letters or digits (not after an escaped space, `~x20`) or
 * inside a permalink escape: a break inside a word, as "text … at 'c|d'".
 * Positions come from the rendered glyphs.
 */
function lineBreaksInsideWords(selector: string): string[] {
  const found: string[] = [];
  for (const el of document.querySelectorAll(selector)) {
    const glyphs: { ch: string; top: number }[] = [];
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      for (let i = 0; i < node.data.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        // A collapsed space has no box; it still separates words.
        const rect = range.getClientRects()[0];
        glyphs.push({ ch: node.data[i]!, top: rect && rect.width > 0 ? rect.top : NaN });
      }
    }
    const text = glyphs.map((g) => g.ch).join('');
    const escapes = [...text.matchAll(/~x[0-9a-f]{2}/g)].map((m) => m.index);
    let last = -1;
    for (let i = 0; i < glyphs.length; i++) {
      if (Number.isNaN(glyphs[i]!.top)) continue;
      if (last >= 0 && glyphs[i]!.top > glyphs[last]!.top + 2 && last === i - 1) {
        const [a, b] = [text[i - 1]!, text[i]!];
        // `~x20` is an escaped space: a break after it is a break between words.
        const inWord = /[\p{L}\p{N}]/u.test(a) && /[\p{L}\p{N}]/u.test(b) && !text.slice(0, i).endsWith('~x20');
        const inEscape = escapes.some((start) => i > start && i < start + 4);
        if (inWord || inEscape) found.push(`${text.trim().slice(0, 90)} at '${a}|${b}'`);
      }
      last = i;
    }
  }
  return found;
}
