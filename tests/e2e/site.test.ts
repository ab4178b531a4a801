import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { projectDir } from '../helpers/build-site.ts';
import { needsCorpus } from '../helpers/corpus.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const siteDir = inject('siteDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const shots = join(projectDir, 'test-results', 'screenshots');

describe.skipIf(!siteDir || !hasChromium)(`the linux-6.12 site in Chromium ${needsCorpus} ${needsChromium}`, () => {
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

  it('copies the permalink', async () => {
    await open('/sys/kernel/btf/vmlinux/');
    await page.getByRole('button', { name: 'Copy link' }).click();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(`${server.origin}/sys/kernel/btf/vmlinux/`);
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

  it('reads well on a phone', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open('/sys/class/net/~iface~/mtu/');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.screenshot({ path: join(shots, 'phone.png'), fullPage: false });
    await page.setViewportSize({ width: 1200, height: 900 });
  });

  it.each([
    ['home', '/'],
    ['a level page', '/testing/'],
    ['a file page', '/testing/sysfs-kernel-btf/'],
    ['an interface page', '/sys/class/net/~iface~/mtu/'],
    ['a tree page', '/sys/class/net/'],
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
