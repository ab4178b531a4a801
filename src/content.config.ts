import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { abiLoader, type AbiCollection, type LoaderTree, type Rendered } from '../content-loader/astro/loader.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { sourceLoader, type SourceCollection } from '../content-loader/astro/source-loader.ts';
import { findSourceRoot } from '../content-loader/source/source-root.ts';
import { versionedDirs } from '../content-loader/tree-source/versioned-dirs.ts';
import { codeDigest } from '../content-loader/shared/code-digest.ts';
import { descriptionRenderer } from '../content-loader/describe/render-entry.ts';
import { LEVELS, WARNING_KINDS, type AbiEntry, type AbiTree } from '../content-loader/types.ts';
import { SOURCE_FS } from '../content-loader/source/types.ts';

const tree = primaryTree(process.cwd());
if (!tree) {
  throw new Error('abi-atlas: no kernel ABI tree found. Run `npm run abi:fetch`, or set ABI_DIR=/path/to/linux.');
}
// The older trees of a history build (ABI_DIRS): their own pages under /v<version>/.
const older: LoaderTree[] = versionedDirs(process.cwd())
  .slice(0, -1)
  .map((d) => ({ abiDir: d.abiDir, version: d.version, idPrefix: `${d.version}/` }));

const base = import.meta.env.BASE_URL;
const describe = descriptionRenderer({ base });
// Each description's links resolve in its own tree. The mentions no entry documents
// are kept for /health/, which would otherwise render everything again; a title
// closing the description and the file's sections after the entry are shown
// between entries on the file page.
const render = (entry: AbiEntry, tree: AbiTree): Rendered => {
  const { html, stats, sectionTitle, sectionsAfter } = describe(entry, tree);
  return {
    html,
    metadata: { unresolvedMentions: stats.unresolvedMentions, ...(sectionTitle === undefined ? {} : { sectionTitle }), ...(sectionsAfter ? { sectionsAfter } : {}) },
  };
};
// Only entries have descriptions to render.
// The renderer's own code is in the key: the data store outlives an upgrade (node_modules/.astro, cached in CI).
const renderKey = `${base}\n${codeDigest(['describe', 'resolve', 'parse', 'shared'].map((d) => new URL(`../content-loader/${d}/`, import.meta.url)))}`;
const renders = (collection: AbiCollection) => (collection === 'entries' ? { render, renderKey } : {});
const newest = (collection: AbiCollection) => abiLoader({ collection, trees: [{ abiDir: tree.abiDir, ...(tree.version ? { version: tree.version } : {}) }], ...renders(collection) });
const versions = (collection: AbiCollection) => abiLoader({ name: `abi-atlas-version-${collection}`, collection, trees: older, ...renders(collection) });

// The kernel source to cross-reference, when the build has one (ABI_DIR a full kernel root, or the cache's source).
const sourceRoot = findSourceRoot(process.cwd(), tree.abiDir, tree.version);
const fromSource = (collection: SourceCollection) => sourceLoader({ abiDir: tree.abiDir, sourceRoot, collection, ...(tree.version ? { version: tree.version } : {}) });
const sourceLine = { file: z.string(), line: z.number() };

const level = z.enum(LEVELS);
const symbol = z.object({ what: z.string(), url: z.string(), line: z.number() });
const fileSection = z.object({ title: z.string(), text: z.string(), line: z.number() });
const warning = z.object({ kind: z.enum(WARNING_KINDS), file: z.string(), line: z.number(), message: z.string() });
const entry = z.object({
  id: z.string(),
  anchor: z.string(),
  perlAnchor: z.string().optional(),
  level,
  file: z.string(),
  line: z.number(),
  order: z.number(),
  symbols: z.array(symbol),
  date: z.string().optional(),
  kernelVersion: z.string().optional(),
  contact: z.string().optional(),
  users: z.string().optional(),
  description: z.string().optional(),
  sectionsAfter: z.array(fileSection).optional(),
});
const file = z.object({ path: z.string(), level, preamble: z.string(), anchor: z.string(), entries: z.number(), order: z.number() });
const meta = z.object({ version: z.string().nullable(), readme: z.string().nullable(), warnings: z.array(warning), symbols: z.number() });
// Items of the older versions say which version they belong to.
const ofVersion = { version: z.string() };

export const collections = {
  entries: defineCollection({ loader: newest('entries'), schema: entry }),
  files: defineCollection({ loader: newest('files'), schema: file }),
  meta: defineCollection({ loader: newest('meta'), schema: meta }),
  sources: defineCollection({
    loader: fromSource('sources'),
    schema: z.object({ candidates: z.array(z.object({ ...sourceLine, symbol: z.string(), how: z.string(), found: z.array(z.string()), coverage: z.string().optional() })) }),
  }),
  coverage: defineCollection({
    loader: fromSource('coverage'),
    schema: z.object({
      subsystem: z.string(),
      slug: z.string(),
      status: z.string().optional(),
      documented: z.number(),
      undocumented: z.array(z.object({ ...sourceLine, name: z.string(), how: z.string(), fs: z.enum(SOURCE_FS) })),
      order: z.number(),
    }),
  }),
  sourceInfo: defineCollection({
    loader: fromSource('sourceInfo'),
    schema: z.object({
      release: z.object({ version: z.string(), ref: z.string(), repo: z.string() }).nullable(),
      files: z.number(),
      sites: z.number(),
      documented: z.number(),
      undocumented: z.number(),
    }),
  }),
  versionEntries: defineCollection({ loader: versions('entries'), schema: entry.extend(ofVersion) }),
  versionFiles: defineCollection({ loader: versions('files'), schema: file.extend(ofVersion) }),
  versionMeta: defineCollection({ loader: versions('meta'), schema: meta.extend(ofVersion) }),
};
