import { cpSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { hasChromium, launchChromium, needsChromium } from '../helpers/browser.ts';
import { corpusTree, hasCorpus, needsCorpus } from '../helpers/corpus.ts';
import { editAndWait, openLive, startDev, type DevServer } from '../helpers/dev-server.ts';

describe.skipIf(!hasChromium || !hasCorpus('6.12'))(`npm run dev on a copy of linux-6.12 ${needsCorpus} ${needsChromium}`, () => {
  let dev: DevServer | undefined;
  let browser: Browser | undefined;
  afterAll(async () => {
    console.log(dev?.log().split('\n').filter((l) => !l.includes('WARN')).slice(-25).join('\n'));
    await browser?.close();
    dev?.stop();
  });

  it('shows an edit to the tree in the open page without a restart', async () => {
    const work = mkdtempSync(join(tmpdir(), 'abi-dev-'));
    const abiDir = join(work, 'ABI');
    cpSync(corpusTree('6.12'), abiDir, { recursive: true });
    dev = await startDev(abiDir, 4500 + Math.floor(Math.random() * 400), join(work, 'cache'));
    browser = await launchChromium();
    const page = await browser.newPage();
    await openLive(page, `${dev.origin}/sys/kernel/btf/vmlinux/`);
    expect(await page.locator('main').innerText()).toContain('Read-only binary attribute');
    const file = join(abiDir, 'testing', 'sysfs-kernel-btf');
    const first = await editAndWait(page, file, /Description:\n[^\n]*Read-only binary attribute[^\n]*/);
    const second = await editAndWait(page, file, /Description:\tEdited at \d+/);
    console.log(`edit to updated page: ${Math.round(first)} ms, then ${Math.round(second)} ms (npm run bench measures the median)`);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
  }, 240_000);
});
