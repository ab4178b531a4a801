// Cache keys for Astro's incremental build (`cacheKey` in getStaticPaths): a
// page whose key and code are unchanged is copied from the last build instead
// of rendered. A key must therefore change whenever anything the page shows
// changes; these functions name, per kind of page, the stored items it reads.
// Where a page reads more than its own items (the whole tree, the path
// structure, other versions, the source index), that goes into the shared
// part of every key: a stale page is a bug, an extra render only slower.
import { createHash } from 'node:crypto';
import type { AbiEntry, AbiFile } from '../types.ts';
import { nonPathChildren, NON_PATH_URL, type SiteModel, type TreeChild } from './site-model.ts';
import { siblingsShown } from './interface-page.ts';

/** One version of the site as keys read it: its model and the loader's digest of each stored item. */
export interface KeyedSite {
  model: SiteModel;
  entries: readonly Pick<AbiEntry, 'id' | 'file'>[];
  /** The loader's digest of each entry (by id): its data, rendered description and link targets. */
  entryDigests: ReadonlyMap<string, string>;
  /** The loader's digest of each file (by path). */
  fileDigests: ReadonlyMap<string, string>;
}

/**
 * A short digest of some strings, in order.
 * @example keyOf(['a', 'b']) !== keyOf(['ab'])
 */
export function keyOf(parts: readonly string[]): string {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(`${part.length}:`).update(part);
  return hash.digest('hex').slice(0, 32);
}

/**
 * What every page of a version depends on beyond its own items: which
 * symbols, files and levels exist and where (breadcrumbs, path-tree counts
 * and levels, sibling windows, the version switcher, which links resolve).
 * Line numbers and texts are not in it: an edit that only moves lines or
 * changes words leaves it alone.
 */
export function structureKey(entries: readonly Pick<AbiEntry, 'id' | 'level' | 'file' | 'symbols'>[], files: readonly Pick<AbiFile, 'path' | 'level' | 'entries' | 'anchor'>[]): string {
  return keyOf([
    ...entries.map((e) => `${e.id}\t${e.level}\t${e.file}\t${e.symbols.map((s) => `${s.what}\t${s.url}`).join('\t')}`),
    ...files.map((f) => `${f.path}\t${f.level}\t${f.entries}\t${f.anchor}`),
  ]);
}

/** Every item of a version: for pages that show all of it (home, levels, docs.kernel.org's pages). */
export function wholeSiteKey(site: Pick<KeyedSite, 'entryDigests' | 'fileDigests'>): string {
  return keyOf([...site.entryDigests].map(([id, d]) => `e ${id} ${d}`).concat([...site.fileDigests].map(([path, d]) => `f ${path} ${d}`)));
}

/**
 * The entries the interface page at `url` shows: the symbol's definitions,
 * and the first definition of every symbol it lists with a summary (its
 * folder's children, its siblings, or the Whats that are not paths); `what`
 * is shown even where a version has no such symbol (a gone interface).
 */
export function interfaceEntryIds(model: SiteModel, url: string): string[] {
  const ids = new Set<string>();
  for (const d of model.symbols.get(url)?.definitions ?? []) ids.add(d.entryId);
  const listed = (children: readonly TreeChild[]) => {
    for (const c of children) for (const d of model.symbols.get(c.url)?.definitions ?? []) ids.add(d.entryId);
  };
  listed(model.tree.get(url)?.children ?? []);
  if (url === NON_PATH_URL) listed(nonPathChildren(model));
  listed(siblingsShown(model, url));
  return [...ids].sort();
}

/** The key of an interface page's own part: the digests of the entries it shows. */
export function interfaceKey(site: KeyedSite, url: string): string {
  return keyOf([url, ...interfaceEntryIds(site.model, url).map((id) => `${id} ${site.entryDigests.get(id) ?? '-'}`)]);
}

/** The digests of the definitions of the symbol at `url` (none where the version has no such symbol). */
export function symbolKey(site: KeyedSite, url: string): string {
  return keyOf([url, ...(site.model.symbols.get(url)?.definitions ?? []).map((d) => `${d.entryId} ${site.entryDigests.get(d.entryId) ?? '-'}`)]);
}

/** The key of a file page's own part: the file (its preamble) and every entry in it. */
export function fileKey(site: KeyedSite, path: string): string {
  const entries = site.entries.filter((e) => e.file === path).map((e) => `${e.id} ${site.entryDigests.get(e.id) ?? '-'}`);
  return keyOf([path, site.fileDigests.get(path) ?? '-', ...entries]);
}
