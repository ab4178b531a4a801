/**
 * A kernel source tree opened for the cross-reference: its index (from the
 * cache when unchanged), MAINTAINERS and the ABI tree it documents, and the
 * matcher built from them.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadSourceIndex } from './index-cache.ts';
import { parseMaintainers, type MaintainersIndex } from './maintainers.ts';
import { SourceMatcher, type WhatContext } from './match.ts';
import { normalizeWhat } from '../parse/permalink.ts';
import type { AbiEntry } from '../types.ts';
import type { SourceIndex } from './types.ts';

export interface SourceTree {
  root: string;
  index: SourceIndex;
  maintainers?: MaintainersIndex;
  matcher: SourceMatcher;
  /** Whether the index came from the cache, and the seconds it took. */
  cached: boolean;
  seconds: number;
}

/**
 * True when `root` is a kernel source root with C files to read: it has
 * MAINTAINERS and a `drivers` folder (a tree fetched with only
 * Documentation/ABI has neither).
 */
export function hasSource(root: string): boolean {
  return existsSync(join(root, 'MAINTAINERS')) && existsSync(join(root, 'drivers')) && statSync(join(root, 'drivers')).isDirectory();
}

/** Opens a source root; `entries` (the ABI tree's) give the matcher its co-location evidence. */
export async function openSourceTree(root: string, entries: readonly AbiEntry[] = []): Promise<SourceTree> {
  if (!hasSource(root)) throw new Error(`${root}: not a kernel source root (no MAINTAINERS and drivers/)`);
  const { index, cached, seconds } = await loadSourceIndex(root);
  const maintainers = parseMaintainers(readFileSync(join(root, 'MAINTAINERS'), 'utf8'));
  return { root, index, maintainers, matcher: new SourceMatcher(index, maintainers, entries), cached, seconds };
}

/** What -> the context its entry gives (the first definition's, as the site shows first). */
export function whatContexts(entries: readonly AbiEntry[]): Map<string, WhatContext> {
  const contexts = new Map<string, WhatContext>();
  for (const e of entries) {
    for (const s of e.symbols) {
      const what = normalizeWhat(s.what);
      if (contexts.has(what)) continue;
      const context: WhatContext = { abiFile: e.file };
      if (e.contact) context.contact = e.contact;
      if (e.users) context.users = e.users;
      contexts.set(what, context);
    }
  }
  return contexts;
}
