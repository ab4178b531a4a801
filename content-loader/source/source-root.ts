/**
 * Which kernel source a build cross-references, and which release its
 * lines belong to (for links to git.kernel.org and Elixir).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { DEFAULT_CACHE } from '../tree-source/fetch-tree.ts';
import { KERNEL_GIT_TREE } from '../site/source-url.ts';
import { hasSource } from './source-tree.ts';

/** Where point releases (6.12.117) are tagged; mainline tags (v6.12, v6.13-rc3) are in KERNEL_GIT_TREE. */
export const STABLE_GIT_TREE = 'https://git.kernel.org/pub/scm/linux/kernel/git/stable/linux.git/tree/';

/**
 * The kernel source root for the ABI tree at `abiDir`, or undefined: the
 * `ABI_SOURCE_DIR` setting (`none` turns the cross-reference off), else the
 * kernel root the ABI folder sits in, else the cache's tree of the same
 * version (`.cache/abi/linux-<version>`) when it holds the source.
 */
export function findSourceRoot(projectDir: string, abiDir: string, version: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  const setting = env.ABI_SOURCE_DIR?.trim();
  if (setting === 'none') return undefined;
  if (setting) {
    const root = resolve(projectDir, setting);
    if (!hasSource(root)) throw new Error(`ABI_SOURCE_DIR=${setting}: not a kernel source root (no MAINTAINERS and drivers/)`);
    return root;
  }
  const own = resolve(abiDir, '..', '..');
  if (dirname(resolve(abiDir)).endsWith('Documentation') && hasSource(own)) return own;
  const cached = version ? resolve(projectDir, DEFAULT_CACHE, `linux-${version}`) : undefined;
  return cached && hasSource(cached) ? cached : undefined;
}

/** The release a source tree is, and where its lines are browsed. */
export interface SourceRelease {
  /** "6.12.117" */
  version: string;
  /** The git tag: "v6.12.117". */
  ref: string;
  /** The git web view holding that tag. */
  repo: string;
}

/**
 * The release of a source root: its Makefile's VERSION/PATCHLEVEL/SUBLEVEL,
 * else the Debian package it was fetched from (the `SOURCE` note the fetch
 * leaves), else `fallback` (the ABI tree's version label).
 * @example sourceRelease('/src/linux-6.12.117', '6.12') // { version: '6.12.117', ref: 'v6.12.117', repo: STABLE_GIT_TREE }
 */
export function sourceRelease(root: string, fallback: string | undefined, repoOverride?: string): SourceRelease | undefined {
  const version = makefileVersion(root) ?? packageVersion(root) ?? fallback;
  if (!version) return undefined;
  const point = /^\d+\.\d+\.[1-9]\d*$/.test(version);
  return { version, ref: `v${version}`, repo: repoOverride ?? (point ? STABLE_GIT_TREE : KERNEL_GIT_TREE) };
}

function makefileVersion(root: string): string | undefined {
  const path = join(root, 'Makefile');
  if (!existsSync(path)) return undefined;
  const text = readFileSync(path, 'utf8').slice(0, 2000);
  const value = (key: string) => new RegExp(`^${key}[ \\t]*=[ \\t]*(\\S*)`, 'm').exec(text)?.[1];
  const [major, minor, sub, extra] = [value('VERSION'), value('PATCHLEVEL'), value('SUBLEVEL'), value('EXTRAVERSION') ?? ''];
  if (!major || !minor) return undefined;
  return `${major}.${minor}${sub && sub !== '0' ? `.${sub}` : ''}${extra}`;
}

/** `linux-source-6.12_6.12.117-1~deb12u1_all.deb` -> 6.12.117. */
function packageVersion(root: string): string | undefined {
  const path = join(root, 'SOURCE');
  if (!existsSync(path)) return undefined;
  return /^linux-source-[\d.]+_(\d+\.\d+(?:\.\d+)?)/.exec(readFileSync(path, 'utf8'))?.[1];
}
