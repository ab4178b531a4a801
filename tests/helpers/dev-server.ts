import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { projectDir, userEnv } from './build-site.ts';

export interface DevServer {
  origin: string;
  /** What the server printed so far. */
  log(): string;
  stop(): void;
}

/** Starts `npm run dev` on `abiDir` at `port` and waits until it serves. */
export async function startDev(abiDir: string, port: number, cacheDir: string): Promise<DevServer> {
  const child: ChildProcess = spawn('npm', ['run', '--silent', 'dev', '--', '--port', String(port), '--host', '127.0.0.1'], {
    cwd: projectDir,
    env: { ...userEnv(), ABI_DIR: abiDir, ABI_CACHE_DIR: cacheDir, ASTRO_TELEMETRY_DISABLED: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  while (!/ready in/.test(log)) {
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`astro dev did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    origin,
    log: () => log,
    stop: () => {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
    },
  };
}

/**
 * Rewrites the first Description line of `file` to a new marker and returns
 * the milliseconds until the open page shows it (no reload by the caller).
 */
export async function editAndWait(page: Page, file: string, description: RegExp): Promise<number> {
  const marker = `Edited at ${Date.now()}`;
  const text = readFileSync(file, 'utf8');
  if (!description.test(text)) throw new Error(`${file}: ${description} not found`);
  const started = performance.now();
  writeFileSync(file, text.replace(description, `Description:\t${marker}`));
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 30_000 });
  return performance.now() - started;
}

/**
 * Opens `url` of a dev server and waits until edits can reach it: Vite's
 * live-reload socket connected, and the reload a first visit may cause
 * (dependency optimization) over.
 */
export async function openLive(page: Page, url: string): Promise<void> {
  const connected = page.waitForEvent('console', { predicate: (m) => m.text().includes('[vite] connected'), timeout: 120_000 });
  await page.goto(url, { timeout: 120_000 });
  await connected;
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(3000);
}

/**
 * Like `editAndWait`, but the way `sed -i` edits: the file is replaced by a
 * new one (a new inode) holding a new `Edited at` marker. The file must
 * already hold one (from `editAndWait`).
 */
export async function sedAndWait(page: Page, file: string): Promise<number> {
  const marker = `Edited at ${Date.now()}`;
  const started = performance.now();
  const r = spawnSync('sed', ['-i', `s/Edited at [0-9]*/${marker}/`, file]);
  if (r.status !== 0) throw new Error(`sed -i ${file}: ${r.stderr}`);
  await page.waitForFunction((m) => document.body.innerText.includes(m), marker, { timeout: 30_000 });
  return performance.now() - started;
}

/**
 * Changes the tree with `change` and waits until the open page shows `text`.
 * A file moved or renamed changes the set of link targets, so every
 * description is rendered again: seconds, not the ~1 s of an edit. What this
 * checks is the server (new URLs served, old ones gone); the page reloading
 * by itself is `editAndWait`'s subject. So when the live reload does not come
 * (on a loaded machine the page can miss it while it reconnects), the page
 * is reloaded by hand once, and must then show the change.
 */
export async function changeAndWait(page: Page, change: () => void, text: string): Promise<void> {
  change();
  const shows = (timeout: number) => page.waitForFunction((t) => document.body.innerText.includes(t), text, { timeout });
  try {
    await shows(60_000);
  } catch {
    console.log(`no live reload showed "${text}" within 60 s; reloading by hand`);
    await page.reload();
    await shows(180_000);
  }
}
