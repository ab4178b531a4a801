import type { Element, ElementContent, Root as HastRoot, Text } from 'hast';
import type { Plugin } from 'unified';
import './file-data.ts';

/** What linkify needs to know to turn mentions into links. */
export interface LinkTargets {
  selfUrls: ReadonlySet<string>;
  resolveMention: (path: string) => string | undefined;
  fileUrl: (abiPath: string) => string | undefined;
  docsBaseUrl: string;
}

/** Counts linkify adds to (links made, ABI paths it could not resolve). */
export interface LinkTally {
  links: number;
  unresolvedMentions: string[];
}

/** Links nowhere: what a file gets without `file.data.linkTargets`. */
export const NO_LINK_TARGETS: LinkTargets = {
  selfUrls: new Set(),
  resolveMention: () => undefined,
  fileUrl: () => undefined,
  docsBaseUrl: 'https://docs.kernel.org/',
};

/**
 * Rehype plugin: links mentions in text to `file.data.linkTargets` and
 * counts what it did into `file.data.linkTally`.
 */
export const rehypeLinks: Plugin<[], HastRoot> = () => (tree, file) => {
  const tally: LinkTally = { links: 0, unresolvedMentions: [] };
  linkify(tree, file.data.linkTargets ?? NO_LINK_TARGETS, tally);
  file.data.linkTally = tally;
};

/** Elements whose text is never linked: code stays code, links stay as they are. */
const NO_LINKS = new Set(['pre', 'code', 'a']);

/**
 * URLs, e-mail addresses, Documentation/ references and ABI paths in text
 * become links. Runs on hast so that literal blocks and inline code are
 * skipped by their element names.
 */
export function linkify(tree: HastRoot | Element, targets: LinkTargets, tally: LinkTally): void {
  const children: ElementContent[] = [];
  let changed = false;
  for (const child of tree.children as ElementContent[]) {
    if (child.type === 'text') {
      const parts = linkText(child, targets, tally);
      changed ||= parts.length !== 1 || parts[0] !== child;
      children.push(...parts);
      continue;
    }
    if (child.type === 'element' && !NO_LINKS.has(child.tagName)) linkify(child, targets, tally);
    children.push(child);
  }
  if (changed) tree.children = children;
}

// An address starts where a run of its characters starts: retrying inside a long run is quadratic.
const TOKEN =
  /https?:\/\/[^\s<>"'`]+|(?<![\w.+-])[\w.+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+|\bDocumentation\/[\w./+-]+|(?<![^\s(["'`])\/(?:sys|proc|dev|config)(?:\/[^\s"'`]*)?(?=[\s.,:;)"'`\]]|$)/g;

function linkText(node: Text, targets: LinkTargets, tally: LinkTally): ElementContent[] {
  const value = node.value;
  const out: ElementContent[] = [];
  let last = 0;
  for (const match of value.matchAll(TOKEN)) {
    const token = trimTrailing(match[0]);
    const href = hrefFor(token, targets, tally);
    if (href === undefined || targets.selfUrls.has(href)) continue;
    if (match.index > last) out.push({ type: 'text', value: value.slice(last, match.index) });
    out.push({ type: 'element', tagName: 'a', properties: { href: encodeUnsafe(href) }, children: [{ type: 'text', value: token }] });
    tally.links++;
    last = match.index + token.length;
  }
  if (last === 0) return [node];
  if (last < value.length) out.push({ type: 'text', value: value.slice(last) });
  return out;
}

/** Characters that a resolver might pass through from a What string but that have no place in an attribute. */
function encodeUnsafe(href: string): string {
  return href.replace(/[<>"'`\s]/g, (ch) => encodeURIComponent(ch));
}

/** Sentence punctuation after a URL or path is not part of it; a ')' is, when it closes a '(' inside. */
function trimTrailing(token: string): string {
  // Counted once and kept up to date while trimming: a long run of ')' stays linear.
  let open = count(token, '(');
  let close = count(token, ')');
  let end = token.length;
  while (end > 1) {
    const ch = token[end - 1]!;
    if (ch === ')' && open >= close) break;
    if (!/[.,:;!?'")\]]/.test(ch)) break;
    if (ch === ')') close--;
    end--;
  }
  return token.slice(0, end);
}

function count(text: string, ch: string): number {
  return text.split(ch).length - 1;
}

function hrefFor(token: string, targets: LinkTargets, tally: LinkTally): string | undefined {
  if (/^https?:\/\//.test(token)) return token;
  if (token.includes('@')) return `mailto:${token}`;
  if (token.startsWith('Documentation/')) return documentationHref(token, targets);
  const url = targets.resolveMention(token);
  if (url === undefined && !tally.unresolvedMentions.includes(token)) tally.unresolvedMentions.push(token);
  return url;
}

/** Documentation/ABI/<level>/<file> -> that file's page; Documentation/<path>.rst|.txt -> the rendered document. */
function documentationHref(token: string, targets: LinkTargets): string | undefined {
  if (/^Documentation\/ABI\/(stable|testing|obsolete|removed)\/[^/]+$/.test(token)) return targets.fileUrl(token);
  if (token.startsWith('Documentation/devicetree/')) return undefined;
  const doc = /^Documentation\/(.+)\.(rst|txt)$/.exec(token);
  return doc ? `${targets.docsBaseUrl}${doc[1]}.html` : undefined;
}
