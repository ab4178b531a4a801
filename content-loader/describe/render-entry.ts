import { describe, type DescribeContext, type DescribeResult } from './index.ts';
import { buildResolver, resolveMention } from '../resolve/index.ts';
import { linkTargetKey } from './link-targets.ts';
import { fileToUrl } from '../parse/permalink.ts';
import type { AbiEntry, AbiTree } from '../types.ts';
import { withBase } from '../shared/base-path.ts';

/** Resolves a path mentioned in prose to a page URL (the resolver plugs in here). */
export type MentionResolver = (path: string) => string | undefined;

export interface RenderOptions {
  /** Builds the mention resolver for a tree; default: the path resolver (exact, pattern, then prefix). */
  mentions?: (tree: AbiTree) => MentionResolver;
  docsBaseUrl?: string;
  /** The site's base path ("/abi/"); internal links are written under it. Default "/". */
  base?: string;
}

/**
 * Makes the function that renders an entry's description with links into
 * `tree`. The link targets are computed once per tree, not per entry.
 */
export function descriptionRenderer(options: RenderOptions = {}): (entry: AbiEntry, tree: AbiTree) => DescribeResult {
  // Keyed by the link targets, not the tree object: a re-parse after an edit
  // that adds or removes no symbol or file keeps the resolver it built.
  const base = options.base ?? '/';
  let last: { key: string; ctx: Omit<DescribeContext, 'selfUrls'> } | undefined;
  const byTree = new WeakMap<AbiTree, Omit<DescribeContext, 'selfUrls'>>();
  const contextFor = (tree: AbiTree) => {
    let ctx = byTree.get(tree);
    if (ctx) return ctx;
    const key = linkTargetKey(tree);
    ctx = last?.key === key ? last.ctx : undefined;
    if (!ctx) {
      const files = new Set(tree.files.map((f) => f.path));
      const mention = (options.mentions ?? patternMentions)(tree);
      ctx = {
        resolveMention: (path) => {
          const url = mention(path);
          return url && withBase(base, url);
        },
        fileUrl: (abiPath) => {
          const path = abiPath.replace(/^Documentation\/ABI\//, '');
          return files.has(path) ? withBase(base, fileToUrl(path)) : undefined;
        },
        ...(options.docsBaseUrl ? { docsBaseUrl: options.docsBaseUrl } : {}),
      };
      last = { key, ctx };
    }
    byTree.set(tree, ctx);
    return ctx;
  };
  return (entry, tree) => describe(entry.description ?? '', { ...contextFor(tree), selfUrls: entry.symbols.map((s) => withBase(base, s.url)) });
}

/**
 * Links a mention to the entry documenting it: exact What first, then the
 * most specific wildcard What, then the deepest documented path prefix.
 */
function patternMentions(tree: AbiTree): MentionResolver {
  const resolver = buildResolver(tree.entries);
  return (path) => resolveMention(resolver, path);
}
