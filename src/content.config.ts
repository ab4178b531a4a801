import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { abiLoader, type AbiCollection, type Rendered } from '../content-loader/astro/loader.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';
import { descriptionRenderer } from '../content-loader/describe/render-entry.ts';
import { LEVELS, WARNING_KINDS, type AbiEntry, type AbiTree } from '../content-loader/types.ts';

const tree = primaryTree(process.cwd());
if (!tree) {
  throw new Error('abi-atlas: no kernel ABI tree found. Run `npm run abi:fetch`, or set ABI_DIR=/path/to/linux.');
}
const base = import.meta.env.BASE_URL;
const describe = descriptionRenderer({ base });
// The mentions no entry documents are kept for /health/, which would otherwise render everything again;
// a title closing the description and the file's sections after the entry are shown between entries on the file page.
const render = (entry: AbiEntry, tree: AbiTree): Rendered => {
  const { html, stats, sectionTitle, sectionsAfter } = describe(entry, tree);
  return {
    html,
    metadata: { unresolvedMentions: stats.unresolvedMentions, ...(sectionTitle === undefined ? {} : { sectionTitle }), ...(sectionsAfter ? { sectionsAfter } : {}) },
  };
};
// Only entries have descriptions to render.
const source = (collection: AbiCollection) =>
  abiLoader({ abiDir: tree.abiDir, version: tree.version, collection, ...(collection === 'entries' ? { render, renderKey: base } : {}) });

const level = z.enum(LEVELS);
const symbol = z.object({ what: z.string(), url: z.string(), line: z.number() });
const fileSection = z.object({ title: z.string(), text: z.string(), line: z.number() });
const warning = z.object({ kind: z.enum(WARNING_KINDS), file: z.string(), line: z.number(), message: z.string() });

export const collections = {
  entries: defineCollection({
    loader: source('entries'),
    schema: z.object({
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
    }),
  }),
  files: defineCollection({
    loader: source('files'),
    schema: z.object({ path: z.string(), level, preamble: z.string(), anchor: z.string(), entries: z.number(), order: z.number() }),
  }),
  meta: defineCollection({
    loader: source('meta'),
    schema: z.object({ version: z.string().nullable(), readme: z.string().nullable(), warnings: z.array(warning), symbols: z.number() }),
  }),
};
