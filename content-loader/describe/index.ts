import type { Root } from 'mdast';
import { toHtml } from 'hast-util-to-html';
import { parseBlocks } from './blocks.ts';
import { linkify, type LinkTally } from './linkify.ts';
import { mdastToHast } from './to-hast.ts';
import { sanitizeHast } from './sanitize.ts';
import { countBlocks } from './stats.ts';
import './nodes.ts';

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
  links: number;
  unresolvedMentions: string[];
}

export interface DescribeResult {
  html: string;
  stats: DescribeStats;
}

export const DEFAULT_DOCS_BASE_URL = 'https://docs.kernel.org/';

/**
 * Description text -> mdast, by our ReST-subset reader. The parser already
 * expanded tabs to the kernel's 8-column stops (parse/parse-file.ts), so
 * the text has none.
 */
export function parseDescription(text: string): Root {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  return { type: 'root', children: parseBlocks(lines) };
}

/**
 * Renders an entry's Description (kernel dedent already applied) to safe HTML:
 * parse -> mdast -> hast -> linkify -> sanitize -> HTML.
 * @example describe('See Documentation/ABI/testing/sysfs-foo.').html
 */
export function describe(text: string, ctx: DescribeContext = {}): DescribeResult {
  const mdast = parseDescription(text);
  const hast = mdastToHast(mdast);
  const tally: LinkTally = { links: 0, unresolvedMentions: [] };
  linkify(
    hast,
    {
      selfUrls: new Set(ctx.selfUrls ?? []),
      resolveMention: ctx.resolveMention ?? (() => undefined),
      fileUrl: ctx.fileUrl ?? (() => undefined),
      docsBaseUrl: ctx.docsBaseUrl ?? DEFAULT_DOCS_BASE_URL,
    },
    tally,
  );
  const html = toHtml(sanitizeHast(hast));
  return { html, stats: { ...countBlocks(mdast), ...tally } };
}

export { parseBlocks } from './blocks.ts';
export { parseInline } from './inline.ts';
export { mdastToHast } from './to-hast.ts';
export { linkify, type LinkTargets, type LinkTally } from './linkify.ts';
export { sanitizeHast, describeSchema } from './sanitize.ts';
