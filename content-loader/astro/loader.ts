import type { Loader, LoaderContext } from 'astro/loaders';
import { readTree, type ParseCache } from '../parse/parse-tree.ts';
import { walkTree } from '../parse/walk.ts';
import { listingFingerprint } from '../parse/fingerprint.ts';
import { formatWarning } from '../parse/warnings.ts';
import { linkTargetKey } from '../describe/link-targets.ts';
import type { AbiEntry, AbiTree } from '../types.ts';

/** The collections one parse of a tree feeds. */
export type AbiCollection = 'entries' | 'files' | 'meta';

export interface AbiLoaderOptions {
  /** The Documentation/ABI folder. */
  abiDir: string;
  collection: AbiCollection;
  /** Version label of the tree ("6.12"), shown on the site. */
  version?: string;
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
export const ABI_LOADERS = ['abi-atlas-entries', 'abi-atlas-files', 'abi-atlas-meta'] as const;

/**
 * An Astro content-layer loader for one collection of an ABI tree. All
 * collections share one parse per change of the tree; entries whose digest
 * is unchanged are not rendered or stored again.
 */
export function abiLoader(options: AbiLoaderOptions): Loader {
  return {
    name: `abi-atlas-${options.collection}`,
    load: (context) => sync(options, context),
  };
}

// One parse shared by the collections of a build; re-parsed when the tree's fingerprint moves.
let shared: { key: string; tree: AbiTree; ms: number } | undefined;
const parseCache: ParseCache = new Map();

/** The parsed tree at `abiDir`, shared by every loader of the build (parsed again only when a file changed). */
export function currentTree(abiDir: string): { tree: AbiTree; ms: number; reused: boolean } {
  const started = performance.now();
  // The same walk as the CLI's and the dev watcher's: it skips the same names and never throws past the root.
  const listing = walkTree(abiDir);
  const key = `${abiDir}@${listingFingerprint(listing)}`;
  if (shared?.key === key) return { ...shared, reused: true };
  const tree = readTree(listing, parseCache);
  shared = { key, tree, ms: performance.now() - started };
  return { ...shared, reused: false };
}

async function sync(options: AbiLoaderOptions, context: LoaderContext): Promise<void> {
  const { store, logger, generateDigest, parseData } = context;
  const { tree, ms, reused } = currentTree(options.abiDir);
  if (!reused) {
    const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
    logger.info(`parse: ${tree.files.length} files, ${tree.entries.length} entries, ${symbols} symbols, ${tree.warnings.length} warnings in ${Math.round(ms)} ms`);
    for (const w of tree.warnings) logger.warn(formatWarning(w));
  }
  const started = performance.now();
  const items = itemsFor(options, tree);
  // A description's links depend on which symbols and files exist, so rendered
  // entries also change digest when that set does.
  const linkTargets = options.render ? generateDigest(`${options.renderKey ?? ''}\n${linkTargetKey(tree)}`) : '';
  const seen = new Set<string>();
  let changed = 0;
  for (const { id, data, entry } of items) {
    seen.add(id);
    const digest = generateDigest(linkTargets ? { data, linkTargets } : data);
    if (store.get(id)?.digest === digest) continue;
    changed++;
    const parsed = await parseData({ id, data });
    const rendered = entry && options.render ? options.render(entry, tree) : undefined;
    store.set(rendered === undefined ? { id, data: parsed, digest } : { id, data: parsed, digest, rendered });
  }
  let removed = 0;
  for (const id of store.keys()) {
    if (!seen.has(id)) {
      store.delete(id);
      removed++;
    }
  }
  if (changed || removed || !reused) {
    // For entries this is the describe phase: only changed entries are rendered.
    const what = options.render ? `${changed} described and stored` : `${changed} stored`;
    logger.info(`${options.collection}: ${what}, ${removed} removed, ${items.length - changed} unchanged (${Math.round(performance.now() - started)} ms)`);
  }
}

function itemsFor(options: AbiLoaderOptions, tree: AbiTree): { id: string; data: Record<string, unknown>; entry?: AbiEntry }[] {
  switch (options.collection) {
    case 'entries':
      return tree.entries.map((entry, order) => ({ id: entry.id, data: { ...entry, order }, entry }));
    case 'files':
      return tree.files.map((file, order) => ({ id: file.path, data: { ...file, order } }));
    case 'meta': {
      const symbols = tree.entries.reduce((n, e) => n + e.symbols.length, 0);
      const data = { version: options.version ?? null, readme: tree.readme ?? null, warnings: tree.warnings, symbols };
      return [{ id: 'tree', data }];
    }
  }
}
