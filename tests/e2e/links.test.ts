import { spawn } from 'node:child_process';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { projectDir, userEnv } from '../helpers/build-site.ts';
import { needsCorpus } from '../helpers/corpus.ts';
import { serveStatic, type StaticServer } from '../helpers/serve.ts';

const siteDir = inject('siteDir');

describe.skipIf(!hasChromium)(`links that hold, in Chromium ${needsCorpus} ${needsChromium}`, () => {
  let server: StaticServer;
  let bare: StaticServer;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    server = await serveStatic(siteDir);
    // A host that does not add a folder's trailing slash itself.
    bare = await serveStatic(siteDir, { folderRedirects: false });
    browser = await launchChromium();
    page = await browser.newPage();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await bare?.close();
  });

  it("lands a kernel.org versioned doc link on that version's entry, and a latest one on the newest page", async () => {
    await page.goto(`${server.origin}/doc/html/v6.1/admin-guide/abi-testing.html#abi-sys-kernel-btf-vmlinux`);
    await page.waitForURL('**/v6.1/sys/kernel/btf/vmlinux/');
    await expect(page.locator('.version-note').innerText()).resolves.toContain('linux 6.1');
    await page.goto(`${server.origin}/doc/html/latest/admin-guide/abi-testing.html#abi-sys-kernel-btf-vmlinux`);
    await page.waitForURL(`${server.origin}/sys/kernel/btf/vmlinux/`);
  });

  it('switches between versions of a page, and back to the newest', async () => {
    await page.goto(`${server.origin}/sys/class/net/~iface~/mtu/`);
    await page.getByRole('navigation', { name: 'This page in each version' }).getByRole('link', { name: 'linux 6.1' }).click();
    await page.waitForURL('**/v6.1/sys/class/net/~iface~/mtu/');
    // Links on the page stay in 6.1: the breadcrumb to the folder is 6.1's.
    await page.getByRole('navigation', { name: 'Breadcrumb' }).getByRole('link', { name: 'net' }).click();
    await page.waitForURL('**/v6.1/sys/class/net/');
    await page.getByRole('navigation', { name: 'This page in each version' }).getByRole('link', { name: 'linux 6.12' }).click();
    await page.waitForURL('**/v6.12/sys/class/net/');
  });

  it('reaches a page from a link that lost its trailing slash, through the 404 page', async () => {
    const response = await page.goto(`${bare.origin}/sys/kernel/btf/vmlinux`);
    expect(response?.status()).toBe(404);
    await page.waitForURL(`${bare.origin}/sys/kernel/btf/vmlinux/`);
    await expect(page.locator('h1').innerText()).resolves.toContain('/sys/kernel/btf/vmlinux');
    await page.goto(`${bare.origin}/v6.1/sys/kernel/btf/vmlinux?x=1#y`);
    await page.waitForURL(`${bare.origin}/v6.1/sys/kernel/btf/vmlinux/?x=1#y`);
  });
});

describe(`npm run preview ${needsCorpus}`, () => {
  it('answers a URL without its trailing slash with the page', async () => {
    const port = 4790;
    const child = spawn('npm', ['run', '--silent', 'preview', '--', '--port', String(port), '--host', '127.0.0.1'], {
      cwd: projectDir,
      env: { ...userEnv(), ABI_OUT_DIR: siteDir, ASTRO_TELEMETRY_DISABLED: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let log = '';
    child.stdout?.on('data', (d) => (log += d));
    child.stderr?.on('data', (d) => (log += d));
    try {
      const deadline = Date.now() + 120_000;
      while (!/127\.0\.0\.1:\d+/.test(log)) {
        if (Date.now() > deadline || child.exitCode !== null) throw new Error(`astro preview did not start:\n${log}`);
        await new Promise((r) => setTimeout(r, 200));
      }
      for (const path of ['/sys/kernel/btf/vmlinux', '/v6.1/sys/kernel/btf/vmlinux', '/admin-guide/abi-testing.html']) {
        const response = await fetch(`http://127.0.0.1:${port}${path}`);
        expect(response.status, path).toBe(200);
        expect(await response.text(), path).toMatch(/<h1/);
      }
    } finally {
      process.kill(-child.pid!, 'SIGTERM');
    }
  }, 180_000);
});
