import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';

const URL_PROPERTIES = ['href', 'src', 'action', 'formAction', 'srcDoc', 'data', 'poster', 'xLinkHref'];
const FORBIDDEN_ELEMENTS = new Set(['iframe', 'object', 'embed', 'frame', 'frameset', 'base']);

/**
 * What in a page could run code that is not ours: event-handler attributes,
 * javascript: URLs, frames, and scripts whose text mentions `marker`.
 * Parsed as a browser would, so escaped text and attribute values do not count.
 */
export function unsafeMarkup(html: string, marker: string): string[] {
  const tree: Root = fromHtml(html);
  const found: string[] = [];
  visit(tree, 'element', (node: Element) => {
    if (FORBIDDEN_ELEMENTS.has(node.tagName)) found.push(`<${node.tagName}>`);
    if (node.tagName === 'script' && JSON.stringify(node.children).includes(marker)) found.push('<script> with the payload');
    for (const [name, value] of Object.entries(node.properties)) {
      if (/^on/i.test(name)) found.push(`<${node.tagName} ${name}>`);
      if (URL_PROPERTIES.includes(name) && /^\s*(javascript|vbscript|data):/i.test(String(value))) found.push(`<${node.tagName} ${name}="${value}">`);
    }
  });
  return found;
}
