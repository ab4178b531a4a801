/**
 * What Pagefind keeps of a symbol page besides its text: its filesystem,
 * its kernel versions, the words of its path, its files, Users and Contact.
 * No node: imports.
 */
import { normalizeWhat } from '../parse/permalink.ts';
import type { AbiEntry, Level } from '../types.ts';
import { compareText } from '../shared/compare.ts';
import { kernelLabel, kernelSortKey, parseKernelVersion, releasedKernel } from './kernel-version.ts';

export const FILESYSTEMS = ['sysfs', 'procfs', 'debugfs', 'configfs', 'dev', 'other'] as const;
export type Filesystem = (typeof FILESYSTEMS)[number];

/** The filesystem a What lives in (debugfs and configfs mounted under /sys count as themselves). */
export function filesystemOf(what: string): Filesystem {
  const w = normalizeWhat(what);
  const under = (prefix: string) => w === prefix || w.startsWith(prefix + '/');
  if (under('/sys/kernel/debug') || under('/debug') || under('/d')) return 'debugfs';
  if (under('/config') || under('/sys/kernel/config')) return 'configfs';
  if (under('/sys')) return 'sysfs';
  if (under('/proc')) return 'procfs';
  if (under('/dev')) return 'dev';
  return 'other';
}

/**
 * Words that make a What findable in Pagefind by the pieces people type.
 * Pagefind drops punctuation from a query ("btf/vmlinux" is searched as
 * "btfvmlinux") and matches it as a prefix of an indexed word, and it splits
 * an indexed word at punctuation into parts. So for `/sys/kernel/btf/vmlinux`
 * the page's `path` metadata has every tail of the path as its own word
 * (`btf/vmlinux`, `kernel/btf/vmlinux`, ...) and every segment (`vmlinux`),
 * and wildcards lose their brackets (`<iface>` -> `iface`).
 */
export function pathWords(what: string): string[] {
  const w = normalizeWhat(what);
  if (!w.startsWith('/')) return [];
  const segments = w
    .slice(1)
    .split('/')
    .map((s) => s.replace(/[<>]/g, ''))
    .filter((s) => s !== '' && s !== '...' && s !== '*');
  const words = new Set<string>();
  for (let i = 0; i < segments.length; i++) {
    words.add(segments.slice(i).join('/'));
    words.add(segments[i]!);
  }
  return [...words];
}

/** What search needs of a symbol page, from the entries that define it. */
export interface SearchFacets {
  levels: Level[];
  filesystem: Filesystem;
  /** The KernelVersion fields as written, in definition order. */
  kernelVersions: string[];
  /** Every tail of the path and every segment, as words (see pathWords). */
  words: string;
  /** The defining files ("testing/sysfs-kernel-btf"), Users and Contact texts, each once. */
  files: string[];
  users: string[];
  contacts: string[];
}

/** The search facets of a symbol from the entries that define it. */
export function searchFacets(what: string, entries: readonly Pick<AbiEntry, 'level' | 'kernelVersion' | 'file' | 'users' | 'contact'>[]): SearchFacets {
  const each = (pick: (e: (typeof entries)[number]) => string | undefined) => [...new Set(entries.flatMap((e) => pick(e) ?? []))];
  return {
    levels: [...new Set(entries.map((e) => e.level))],
    filesystem: filesystemOf(what),
    kernelVersions: each((e) => e.kernelVersion),
    words: pathWords(what).join(' '),
    files: each((e) => e.file),
    users: each((e) => e.users),
    contacts: each((e) => e.contact),
  };
}

/** Pagefind's filter and sort values of a symbol page. */
export interface PagefindFacets {
  /** Labels of the released kernels its definitions name ("5.14"), oldest first. */
  kernels: string[];
  /** Sort key of the oldest (entries without one sort as oldest). */
  sort: string;
}

/**
 * The KernelVersion filter values of a symbol: only versions that were
 * released (`treeVersion`, the documented tree's, bounds the newest).
 */
export function pagefindFacets(facets: SearchFacets, treeVersion?: string | null): PagefindFacets {
  const newest = parseKernelVersion(treeVersion ?? undefined);
  const versions = facets.kernelVersions.flatMap((raw) => releasedKernel(raw, newest) ?? []).sort((a, b) => compareText(kernelSortKey(a), kernelSortKey(b)));
  return { kernels: [...new Set(versions.map(kernelLabel))], sort: kernelSortKey(versions[0]) };
}
