import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { needsCorpus } from '../helpers/corpus.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const siteDir = inject('siteDir');

describe.skipIf(!siteDir || !hasChromium)(`search in the browser ${needsChromium} ${needsCorpus}`, () => {
  let server: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const open = async (path: string) => {
    page = await browser.newPage();
    await page.goto(server.origin + path);
    return page;
  };

  it('shows results as you type, narrows them with a filter, keeps the query in the URL, and Enter opens the page', async () => {
    const p = await open('/search/');
    const box = p.locator('#search-page');
    await box.locator('input[name=q]').fill('link speed');
    await box.locator('ol.hits.full > li').first().waitFor();
    await expect.poll(() => box.locator('.search-status').textContent()).toMatch(/\d+ full-text results/);
    const before = await box.locator('ol.hits.full > li').count();
    const status = (await box.locator('.search-status').textContent())!;
    const total = Number(/(\d+) full-text/.exec(status)![1]);
    expect(total).toBeGreaterThan(1);
    expect(before).toBeGreaterThan(0);
    expect(await box.locator('ol.hits.full a.hit').first().textContent()).toBe('/sys/class/net/<iface>/speed');
    expect(p.url()).toContain('?q=link+speed');

    // The stable filter leaves fewer results, all stable.
    await box.locator('.search-filters input[name=level][value=testing]').check();
    await expect.poll(async () => Number(/(\d+) full-text/.exec((await box.locator('.search-status').textContent()) ?? '')?.[1])).toBeLessThan(total);
    expect(p.url()).toContain('level=testing');
    const badges = await box.locator('ol.hits.full .meta .badge').allTextContents();
    expect(new Set(badges)).toEqual(new Set(['testing']));

    await box.locator('input[name=q]').focus();
    await Promise.all([p.waitForURL('**/sys/class/net/~iface~/speed/'), p.keyboard.press('Enter')]);
    await page.close();
  });

  it('moves through results with the arrow keys', async () => {
    const p = await open('/search/?q=btf%20vmlnux');
    const box = p.locator('#search-page');
    await box.locator('.search-section a.hit').first().waitFor();
    await box.locator('input[name=q]').focus();
    await p.keyboard.press('ArrowDown');
    expect(await p.evaluate(() => document.activeElement?.textContent)).toBe('/sys/kernel/btf/vmlinux');
    await p.keyboard.press('ArrowUp');
    expect(await p.evaluate(() => (document.activeElement as HTMLInputElement).name)).toBe('q');
    await page.close();
  });

  it('resolves a concrete path in the home page path box', async () => {
    const p = await open('/');
    const box = p.locator('#home-path');
    await box.locator('input[name=q]').focus();
    await box.locator('input[name=q]').fill('/sys/class/net/eth0/mtu');
    const first = box.locator('.search-section a.hit').first();
    await first.waitFor();
    expect(await first.textContent()).toBe('/sys/class/net/<iface>/mtu');
    expect(await first.getAttribute('href')).toBe('/sys/class/net/~iface~/mtu/');
    await page.close();
  });

  it('opens the search dialog with / on a reading page, without loading the search code before', async () => {
    const p = await open('/sys/kernel/btf/vmlinux/');
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.keyboard.press('/');
    const dialog = p.locator('#search-dialog');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-modal-q');
    await p.keyboard.type('rx_bytes');
    await dialog.locator('ol.hits.full a.hit').first().waitFor();
    expect(await dialog.locator('ol.hits.full a.hit').first().textContent()).toBe('/sys/class/net/<iface>/statistics/rx_bytes');
    expect(requested.some((u) => u.includes('/pagefind/'))).toBe(true);
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(false);
    await p.keyboard.press('Control+k');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open)).toBe(true);
    await page.close();
  });

  it('loads no search data on a reading page until search is used', async () => {
    const p = await browser.newPage();
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.goto(server.origin + '/sys/class/net/~iface~/mtu/', { waitUntil: 'networkidle' });
    expect(requested.filter((u) => /pagefind|paths\.json|resolver\.json|fuse/.test(u))).toEqual([]);
    await p.close();
  });
});
