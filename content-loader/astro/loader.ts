import type { Loader, LoaderContext } from 'astro/loaders';
import { readTree, type ParseCache } from '../parse/parse-tree.ts';
import { walkTree } from '../parse/walk.ts';
import { listingFingerprint } from '../parse/fingerprint.ts';
import { formatWarning } from '../parse/warnings.ts';
import { linkTargetKey } from '../describe/link-targets.ts';
import type { AbiEntry, AbiTree } from '../types.ts';
import { noteLoad } from './live-store.ts';

/** What a collection holds of each tree: its entries, its files, or one item about the tree. */
export type AbiCollection = 'entries' | 'files' | 'meta';

/** One tree a loader reads. */
export interface LoaderTree {
  /** The Documentation/ABI folder. */
  abiDir: string;
  /** Version label of the tree ("6.12"), shown on the site. */
  version?: string;
  /**
   * Put in front of every id, and the version is kept in every item, for a
   * collection that holds several trees (the older versions: "6.1/"). Absent
   * for the tree the site documents.
   */
  idPrefix?: string;
}

export interface AbiLoaderOptions {
  /** The loader's name, for `refreshContent` (default: `abi-atlas-<collection>`). */
  name?: string;
  collection: AbiCollection;
  /** The trees, each parsed once per change and shared by every collection that reads it. */
  trees: LoaderTree[];
  /** Renders an entry's description to HTML; called only for entries whose content changed. */
  render?: (entry: AbiEntry, tree: AbiTree) => Rendered;
  /** Whatever else the rendered HTML depends on (the base path): a change re-renders every entry. */
  renderKey?: string;
}

/** An entry's rendered description, and what rendering learned that pages need (kept as the DataEntry's `rendered`). */
export interface Rendered {
  html: string;
  metadata?: Record<string, unknown>;
}

/** The loaders' names, for `refreshContent` (see integrations/live-tree.ts, which re-runs them on edits in dev). */
export const ABI_LOADERS = [
  'abi-atlas-entries',
  'abi-atlas-files',
  'abi-atlas-meta',
  'abi-atlas-version-entries',
  'abi-atlas-version-files',
  'abi-atlas-version-meta',
] as const;

/**
 * An Astro content-layer loader for one collection of one or more ABI trees.
 * All collections share one parse per change of a tree; entries whose digest
 * is unchanged are not rendered or stored again, so across builds (Astro
 * keeps the store in its cache folder) an older version costs a parse only.
 */
export function abiLoader(options: AbiLoaderOptions): Loader {
  return {
    name: loaderName(options),
    load: (context) => sync(options, context),
  };
}

function loaderName(options: AbiLoaderOptions): string {
  return options.name ?? `abi-atlas-${options.collection}`;
}

// One parse per tree shared by the collections of a build; re-parsed when the tree's fingerprint moves.
const shared = new Map<string, { key: string; tree: AbiTree; ms: number }>();
const parseCache: ParseCache = new Map();

/** The parsed tree at `abiDir`, shared by every loader of the build (parsed again only when a file changed). */
export function currentTree(abiDir: string): { tree: AbiTree; ms: number; reused: boolean } {
  const started = performance.now();
  // The same walk as the CLI's and the dev watcher's: it skips the same names and never throws past the root.
  const listing = walkTree(abiDir);
  const key = `${abiDir}@${listingFingerprint(listing)}`;
  const last = shared.get(abiDir);
  if (last?.key === key) return { ...last, reused: true };
  const parsed = { key, tree: readTree(listing, parseCache), ms: performance.now() - started };
  shared.set(abiDir, parsed);
  return { ...parsed, reused: false };
}

async function sync(options: AbiLoaderOptions, context: LoaderContext): Promise<void> {
  const { store, logger, generateDigest, parseData } = context;
  const started = performance.now();
  const seen = new Set<string>();
  let changed = 0;
  let count = 0;
  let parsedAny = false;
  for (const source of options.trees) {
    const { tree, ms, reused } = currentTree(source.abiDir);
    parsedAny ||= !reused;
    // The documented tree's warnings are the build's; an older version's are its own history.
    if (!reused && source.idPrefix === undefined) {
      const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
      logger.info(`parse: ${tree.files.length} files, ${tree.entries.length} entries, ${symbols} symbols, ${tree.warnings.length} warnings in ${Math.round(ms)} ms`);
      for (const w of tree.warnings) logger.warn(formatWarning(w));
    }
    const items = itemsFor(options.collection, source, tree);
    count += items.length;
    // A description's links depend on which symbols and files exist, so rendered
    // entries also change digest when that set does.
    const linkTargets = options.render ? generateDigest(`${options.renderKey ?? ''}\n${linkTargetKey(tree)}`) : '';
    for (const { id, data, entry } of items) {
      seen.add(id);
      const digest = generateDigest(linkTargets ? { data, linkTargets } : data);
      if (store.get(id)?.digest === digest) continue;
      changed++;
      const parsed = await parseData({ id, data });
      const rendered = entry && options.render ? options.render(entry, tree) : undefined;
      store.set(rendered === undefined ? { id, data: parsed, digest } : { id, data: parsed, digest, rendered });
    }
  }
  let removed = 0;
  for (const id of store.keys()) {
    if (!seen.has(id)) {
      store.delete(id);
      removed++;
    }
  }
  if (changed || removed || parsedAny) {
    // For entries this is the describe phase: only changed entries are rendered.
    const what = options.render ? `${changed} described and stored` : `${changed} stored`;
    logger.info(`${options.name ?? options.collection}: ${what}, ${removed} removed, ${count - changed} unchanged (${Math.round(performance.now() - started)} ms)`);
  }
  await noteLoad(loaderName(options), context, changed + removed > 0);
}

function itemsFor(collection: AbiCollection, source: LoaderTree, tree: AbiTree): { id: string; data: Record<string, unknown>; entry?: AbiEntry }[] {
  const { idPrefix } = source;
  // Items of a collection that holds several trees carry their version.
  const item = (id: string, data: Record<string, unknown>) =>
    idPrefix === undefined ? { id, data } : { id: idPrefix + id, data: { ...data, version: source.version ?? null } };
  switch (collection) {
    case 'entries':
      return tree.entries.map((entry, order) => ({ ...item(entry.id, { ...entry, order }), entry }));
    case 'files':
      return tree.files.map((file, order) => item(file.path, { ...file, order }));
    case 'meta': {
      const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
      const id = idPrefix === undefined ? 'tree' : idPrefix.replace(/\/$/, '');
      return [{ id, data: { version: source.version ?? null, readme: tree.readme ?? null, warnings: tree.warnings, symbols } }];
    }
  }
}
