import type { Loader, LoaderContext } from 'astro/loaders';
import { currentTree } from './loader.ts';
import { NO_ENTRY, openSourceTree, sourceCoverage, whatContexts, type Coverage, type SourceCandidate, type SourceWarning } from '../source/index.ts';
import { formatWarning } from '../parse/warnings.ts';
import { sourceRelease, type SourceRelease } from '../source/source-root.ts';
import { normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import { noteLoad } from './live-store.ts';

/** The collections the source cross-reference feeds; all three are empty when the build has no source. */
export type SourceCollection = 'sources' | 'coverage' | 'sourceInfo';

export interface SourceLoaderOptions {
  /** The Documentation/ABI folder the site documents. */
  abiDir: string;
  /** The kernel source root, or undefined for a build without source. */
  sourceRoot: string | undefined;
  /** The ABI tree's version label, the release's fallback. */
  version?: string;
  collection: SourceCollection;
}

/** Candidates shown per interface page. */
const SHOWN = 3;

/**
 * A content-layer loader for one collection of the source cross-reference:
 * `sources` (per symbol URL, where its file is created), `coverage` (per
 * MAINTAINERS entry) and `sourceInfo` (the release and totals). The index
 * comes from its on-disk cache; matching and coverage are computed once
 * per build and tree, and only changed entries are stored again.
 */
export function sourceLoader(options: SourceLoaderOptions): Loader {
  return { name: sourceLoaderName(options.collection), load: (context) => sync(options, context) };
}

interface CrossReference {
  key: string;
  sources: Map<string, SourceCandidate[]>;
  coverage: Coverage;
  info: { release: SourceRelease | null; files: number; sites: number; documented: number; undocumented: number };
  warnings: SourceWarning[];
  /** A source file -> the slug of its coverage page (when it creates a counted file). */
  subsystemOf: (file: string) => string | undefined;
  /** For the log only: pages must not show it, or two builds would differ. */
  timing: { indexSeconds: number; cached: boolean; ms: number };
}

function sourceLoaderName(collection: SourceCollection): string {
  return `abi-atlas-${collection}`;
}

let shared: Promise<CrossReference> | undefined;
let sharedKey = '';

async function crossReference(options: SourceLoaderOptions, root: string): Promise<CrossReference> {
  const { tree } = currentTree(options.abiDir);
  const key = `${root}\0${options.abiDir}\0${tree.entries.length}\0${tree.entries.map((e) => e.id).join(' ')}`;
  if (shared && sharedKey === key) return shared;
  sharedKey = key;
  shared = (async () => {
    const started = performance.now();
    const source = await openSourceTree(root, tree.entries);
    const contexts = whatContexts(tree.entries);
    const sources = new Map<string, SourceCandidate[]>();
    for (const [what, context] of contexts) {
      const found = source.matcher.match(what, context).slice(0, SHOWN);
      if (found.length) sources.set(whatToUrl(normalizeWhat(what)), found);
    }
    const coverage = sourceCoverage(source.index, source.matcher, contexts, source.maintainers);
    const slugs = new Map(coverage.subsystems.map((s) => [s.subsystem, s.slug]));
    const subsystemOf = (file: string) => slugs.get(source.maintainers?.owner(file)?.name ?? NO_ENTRY);
    const info = {
      release: sourceRelease(root, options.version, process.env.ABI_SOURCE_URL) ?? null,
      files: source.index.files,
      sites: source.index.sites.length,
      documented: coverage.documented,
      undocumented: coverage.undocumented,
    };
    return { key, sources, coverage, info, subsystemOf, warnings: source.index.warnings, timing: { indexSeconds: source.seconds, cached: source.cached, ms: performance.now() - started } };
  })();
  return shared;
}

async function sync(options: SourceLoaderOptions, context: LoaderContext): Promise<void> {
  const { store, logger, generateDigest, parseData } = context;
  const items: { id: string; data: Record<string, unknown> }[] = [];
  const xref = options.sourceRoot ? await crossReference(options, options.sourceRoot).catch((e: Error) => {
    // A source tree that cannot be read costs the cross-reference, not the site.
    if (options.collection === 'sourceInfo') logger.warn(`source: ${e.message}; building without the source cross-reference`);
    return undefined;
  }) : undefined;
  if (xref) {
    if (options.collection === 'sources') {
      for (const [url, candidates] of xref.sources) {
        const shown = candidates.map(({ file, line, symbol, how, found }) => {
          const coverage = xref.subsystemOf(file);
          return coverage ? { file, line, symbol, how, found, coverage } : { file, line, symbol, how, found };
        });
        items.push({ id: url, data: { candidates: shown } });
      }
    } else if (options.collection === 'coverage') {
      xref.coverage.subsystems.forEach((s, order) => items.push({ id: s.slug, data: { ...s, order } }));
    } else {
      items.push({ id: 'source', data: xref.info });
      const { info, timing } = xref;
      for (const w of xref.warnings) logger.warn(formatWarning(w));
      logger.info(
        `source: ${info.sites} creation sites in ${info.files} files (${timing.cached ? 'cached index' : 'indexed'} in ${timing.indexSeconds} s), ` +
          `${xref.sources.size} interfaces with a source, ${info.documented} documented and ${info.undocumented} undocumented files (${Math.round(timing.ms)} ms in all)`,
      );
    }
  }
  const seen = new Set<string>();
  let changed = false;
  for (const { id, data } of items) {
    seen.add(id);
    const digest = generateDigest(data);
    if (store.get(id)?.digest === digest) continue;
    store.set({ id, data: await parseData({ id, data }), digest });
    changed = true;
  }
  for (const id of store.keys()) {
    if (seen.has(id)) continue;
    store.delete(id);
    changed = true;
  }
  await noteLoad(sourceLoaderName(options.collection), context, changed);
}
