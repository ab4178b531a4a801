import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { VFile } from 'vfile';
import { NO_LINK_TARGETS, rehypeLinks, type LinkTargets } from './linkify.ts';
import { remarkClosingTitle } from './closing-title.ts';
import { rstReader } from './reader.ts';
import { describeSchema } from './sanitize.ts';
import { remarkBlockStats } from './stats.ts';
import { describeHandlers } from './to-hast.ts';
import './file-data.ts';

export interface DescribeContext {
  /** URLs of the page the description is rendered for (never linked to). */
  selfUrls?: string[];
  /** Resolves an ABI path mention (/sys/..., /proc/..., /dev/..., /config/...) to a page URL, or undefined. */
  resolveMention?: (path: string) => string | undefined;
  /** URL of the page for "Documentation/ABI/<level>/<file>" (passed exactly so), or undefined if there is no such file. */
  fileUrl?: (abiPath: string) => string | undefined;
  /** Base URL for Documentation/<path>.rst|.txt links. */
  docsBaseUrl?: string;
}

export interface DescribeStats {
  literalBlocks: number;
  tables: number;
  tablesFallenBack: number;
  lists: number;
  admonitions: number;
  links: number;
  unresolvedMentions: string[];
}

export interface DescribeResult {
  html: string;
  stats: DescribeStats;
  /** The underlined title that ends the description: the next section's, shown between entries on the file page. */
  sectionTitle?: string;
}

/**
 * The whole renderer, frozen once and reused: each step is a plugin that can
 * run alone (tests/describe.*.test.ts); per-call data rides on `file.data`.
 */
export const describeProcessor = unified()
  .use(rstReader) // text -> mdast (our ReST subset)
  .use(remarkClosingTitle) // a closing title -> file.data.sectionTitle
  .use(remarkBlockStats) // -> file.data.blockStats
  .use(remarkRehype, { handlers: describeHandlers }) // mdast -> hast, with <dl> and tables
  .use(rehypeLinks) // file.data.linkTargets -> <a>, file.data.linkTally
  .use(rehypeSanitize, describeSchema)
  .use(rehypeStringify)
  .freeze();

/**
 * Renders an entry's Description (kernel dedent already applied) to safe HTML.
 * @example describe('See Documentation/ABI/testing/sysfs-foo.').html
 */
export function describe(text: string, ctx: DescribeContext = {}): DescribeResult {
  const file = describeProcessor.processSync(describeFile(text, ctx));
  const { blockStats, linkTally, sectionTitle } = file.data;
  if (!blockStats || !linkTally) throw new Error('describe: a plugin of the processor did not run');
  const result: DescribeResult = { html: String(file), stats: { ...blockStats, ...linkTally } };
  if (sectionTitle !== undefined) result.sectionTitle = sectionTitle;
  return result;
}

/** The file `describeProcessor` reads: the text, and the link targets made from `ctx`. */
export function describeFile(text: string, ctx: DescribeContext = {}): VFile {
  return new VFile({ value: text, data: { linkTargets: linkTargets(ctx) } });
}

function linkTargets(ctx: DescribeContext): LinkTargets {
  return {
    selfUrls: new Set(ctx.selfUrls ?? []),
    resolveMention: ctx.resolveMention ?? NO_LINK_TARGETS.resolveMention,
    fileUrl: ctx.fileUrl ?? NO_LINK_TARGETS.fileUrl,
    docsBaseUrl: ctx.docsBaseUrl ?? NO_LINK_TARGETS.docsBaseUrl,
  };
}

export { parseDescription, rstReader } from './reader.ts';
export { remarkBlockStats } from './stats.ts';
export { remarkClosingTitle } from './closing-title.ts';
export { describeHandlers } from './to-hast.ts';
export { rehypeLinks, type LinkTargets, type LinkTally } from './linkify.ts';
export { describeSchema } from './sanitize.ts';
