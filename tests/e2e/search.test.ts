import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { needsCorpus } from '../helpers/corpus.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const siteDir = inject('siteDir');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Waits until `root` shows the complete list for `query`; returns the options' titles. */
async function settled(page: Page, root: string, query: string): Promise<string[]> {
  await page.waitForFunction(
    ([id, q]) => {
      const el = document.getElementById(id!);
      return el?.dataset.complete === 'true' && el.querySelector<HTMLElement>('[role=listbox]')?.dataset.query === q;
    },
    [root, query] as const,
  );
  return page.locator(`#${root} [role=option] code`).allTextContents();
}

const status = (box: Locator) => box.locator('.search-status').textContent();

describe.skipIf(!hasChromium)(`search in the browser ${needsChromium} ${needsCorpus}`, () => {
  let server: StaticServer;
  let browser: Browser;
  beforeAll(async () => {
    server = await serveStatic(siteDir);
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const open = async (path: string) => {
    const page = await browser.newPage();
    await page.goto(server.origin + path);
    return page;
  };

  it('ranks one list as you type, keeps the query in the URL, and Enter opens the best result', async () => {
    const p = await open('/search/');
    const box = p.locator('#search-page');
    await box.locator('input[name=q]').fill('link speed');
    const titles = await settled(p, 'search-page', 'link speed');
    expect(titles[0]).toBe('/sys/class/net/<iface>/speed');
    expect(await status(box)).toMatch(/^\d+ results\.$/);
    expect(p.url()).toContain('?q=link+speed');
    await Promise.all([p.waitForURL('**/sys/class/net/~iface~/speed/'), box.locator('input[name=q]').press('Enter')]);
    await p.close();
  });

  it('is a combobox over a listbox: arrows set aria-activedescendant, Enter opens that option, Escape lets go', async () => {
    const p = await open('/search/?q=btf');
    const box = p.locator('#search-page');
    const input = box.locator('input[name=q]');
    const titles = await settled(p, 'search-page', 'btf');
    expect(titles[0]).toBe('/sys/kernel/btf');
    expect(titles.slice(1, 3)).toContain('/sys/kernel/btf/vmlinux');
    expect(await input.getAttribute('role')).toBe('combobox');
    const listId = await input.getAttribute('aria-controls');
    expect(await p.locator(`#${listId}`).getAttribute('role')).toBe('listbox');
    expect(await input.getAttribute('aria-expanded')).toBe('true');
    await input.focus();
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const active = await input.getAttribute('aria-activedescendant');
    const option = p.locator(`#${active}`);
    expect(await option.getAttribute('role')).toBe('option');
    expect(await option.getAttribute('aria-selected')).toBe('true');
    expect(await option.locator('code').textContent()).toBe(titles[1]);
    expect(await p.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('q');
    await p.keyboard.press('Escape');
    expect(await input.getAttribute('aria-activedescendant')).toBeNull();
    expect(await input.inputValue()).toBe('btf');
    await p.keyboard.press('ArrowDown');
    await p.keyboard.press('ArrowDown');
    const href = await p.locator(`#${await input.getAttribute('aria-activedescendant')}`).getAttribute('href');
    await Promise.all([p.waitForURL(`**${href}`), p.keyboard.press('Enter')]);
    await p.close();
  });

  it('finds a file by its name, a program named in Users, and a concrete path', async () => {
    const p = await open('/search/');
    const input = p.locator('#search-page input[name=q]');
    await input.fill('sysfs-kernel-btf');
    await settled(p, 'search-page', 'sysfs-kernel-btf');
    expect(await p.locator('#search-page [role=option]').first().getAttribute('href')).toBe('/testing/sysfs-kernel-btf/');
    await input.fill('util-linux');
    // The six Whats whose Users names util-linux, before anything else.
    expect(new Set((await settled(p, 'search-page', 'util-linux')).slice(0, 6))).toEqual(
      new Set(['/sys/block/dm-<num>/dm/name', '/sys/block/dm-<num>/dm/uuid', '/sys/block/dm-<num>/dm/suspended', '/sys/devices/system/memory/memoryX/removable', '/sys/kernel/address_bit', '/sys/kernel/cpu_byteorder']),
    );
    await input.fill('/sys/class/net/eth0/mtu');
    expect((await settled(p, 'search-page', '/sys/class/net/eth0/mtu'))[0]).toBe('/sys/class/net/<iface>/mtu');
    await p.close();
  });

  it('counts filters over the one list, also when the full text finds nothing, and offers released kernels only', async () => {
    const p = await open('/search/?q=btf+vmlnux');
    const box = p.locator('#search-page');
    expect((await settled(p, 'search-page', 'btf vmlnux'))[0]).toBe('/sys/kernel/btf/vmlinux');
    const testing = box.locator('.search-filters label:has(input[name=level][value=testing]) .count');
    expect(Number(await testing.textContent())).toBeGreaterThan(0);
    const versions = await box.locator('.search-filters select[name=since-to] option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    for (const never of ['6.20', '5.21', '5.20', '4.22', '4.21', '3.21']) expect(versions).not.toContain(never);
    await p.close();
  });

  it('narrows to "documented since ≤ 5.10", to a level and below a path, with the counts it showed', async () => {
    const p = await open('/search/?q=speed');
    const box = p.locator('#search-page');
    await settled(p, 'search-page', 'speed');
    const total = Number(/^(\d+)/.exec((await status(box)) ?? '')?.[1]);
    await box.locator('.search-filters select[name=since-to]').selectOption('5.10');
    await settled(p, 'search-page', 'speed');
    expect(p.url()).toContain('since=..5.10');
    const shown = Number(/^(\d+)/.exec((await status(box)) ?? '')?.[1]);
    expect(shown).toBeGreaterThan(0);
    expect(shown).toBeLessThan(total);
    const since = await box.locator('[role=option] .meta .muted:not(.why)').allTextContents();
    for (const s of since) expect(Number(/since (\d+)\.(\d+)/.exec(s)![1]) * 1000 + Number(/since (\d+)\.(\d+)/.exec(s)![2])).toBeLessThanOrEqual(5010);

    const testingCount = Number(await box.locator('.search-filters label:has(input[name=level][value=testing]) .count').textContent());
    await box.locator('.search-filters input[name=level][value=testing]').check();
    await settled(p, 'search-page', 'speed');
    expect(Number(/^(\d+)/.exec((await status(box)) ?? '')?.[1])).toBe(testingCount);
    expect(new Set(await box.locator('[role=option] .meta .badge').allTextContents())).toEqual(new Set(['testing']));

    await p.goto(server.origin + '/search/?q=speed&under=/sys/class/net/');
    const titles = await settled(p, 'search-page', 'speed');
    expect(titles[0]).toBe('/sys/class/net/<iface>/speed');
    for (const t of titles) expect(t.startsWith('/sys/class/net/')).toBe(true);
    await p.close();
  });

  it('resolves a concrete path in the home page path box', async () => {
    const p = await open('/');
    const box = p.locator('#home-path');
    await box.locator('input[name=q]').focus();
    await box.locator('input[name=q]').fill('/sys/class/net/eth0/mtu');
    const titles = await settled(p, 'home-path', '/sys/class/net/eth0/mtu');
    expect(titles[0]).toBe('/sys/class/net/<iface>/mtu');
    expect(await box.locator('[role=option]').first().getAttribute('href')).toBe('/sys/class/net/~iface~/mtu/');
    await p.close();
  });

  it('opens the dialog with / on a reading page, without loading the search code before', async () => {
    const p = await open('/sys/kernel/btf/vmlinux/');
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.keyboard.press('/');
    const dialog = p.locator('#search-dialog');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open), { timeout: 10_000 }).toBe(true);
    expect(await p.evaluate(() => document.activeElement?.id)).toBe('search-modal-q');
    await p.keyboard.type('rx_bytes');
    expect((await settled(p, 'search-modal', 'rx_bytes'))[0]).toBe('/sys/class/net/<iface>/statistics/rx_bytes');
    expect(requested.some((u) => u.includes('/pagefind/'))).toBe(true);
    await p.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open), { timeout: 10_000 }).toBe(false);
    await p.keyboard.press('Control+k');
    await expect.poll(() => dialog.evaluate((d: HTMLDialogElement) => d.open), { timeout: 10_000 }).toBe(true);
    await p.close();
  });

  it('searches what was typed before the code and the indexes arrived (every request 300 ms late)', async () => {
    const p = await open('/sys/kernel/btf/vmlinux/');
    await p.route('**/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await p.keyboard.press('/');
    await p.keyboard.type('speed');
    const titles = await settled(p, 'search-modal', 'speed');
    expect(titles).toContain('/sys/class/net/<iface>/speed');
    expect(await status(p.locator('#search-modal'))).toMatch(/^\d+ results\.$/);
    await p.close();
  });

  it('opens the best result when Enter comes before any result (every request 300 ms late)', async () => {
    const p = await open('/sys/kernel/btf/vmlinux/');
    await p.route('**/*', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await route.continue();
    });
    await p.keyboard.press('/');
    await p.keyboard.type('mtu');
    await Promise.all([p.waitForURL('**/sys/class/net/~iface~/mtu/', { timeout: 20_000 }), p.keyboard.press('Enter')]);
    await p.close();
  });

  it('loads no search data on a reading page until search is used', async () => {
    const p = await browser.newPage();
    const requested: string[] = [];
    p.on('request', (r) => requested.push(r.url()));
    await p.goto(server.origin + '/sys/class/net/~iface~/mtu/', { waitUntil: 'networkidle' });
    expect(requested.filter((u) => /pagefind|search\/index\.json|resolver\.json|fuse/.test(u))).toEqual([]);
    await p.close();
  });

  it('axe-core finds no violations on the search page showing results and filters', async () => {
    const p = await open('/search/?q=link+speed');
    await settled(p, 'search-page', 'link speed');
    await p.locator('#search-page input[name=q]').focus();
    await p.keyboard.press('ArrowDown');
    await p.addScriptTag({ content: axeSource });
    const violations = await p.evaluate(async () => {
      const result = await (window as unknown as { axe: { run: () => Promise<{ violations: { id: string; nodes: unknown[] }[] }> } }).axe.run();
      return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
    });
    expect(violations).toEqual([]);
    await p.close();
  });
});
