import type { Root as HastRoot } from 'hast';
import { defaultSchema, sanitize, type Schema } from 'hast-util-sanitize';

/**
 * GitHub's schema (what rehype-sanitize uses), with links narrowed to
 * http(s) and mailto. Site-relative links ('/sys/...') carry no protocol and pass.
 */
export const describeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  // Lettered and roman lists keep their numbering style, and split lists their start.
  attributes: { ...defaultSchema.attributes, ol: [...(defaultSchema.attributes?.['ol'] ?? []), 'start', ['type', '1', 'a', 'A', 'i', 'I']] },
};

export function sanitizeHast(tree: HastRoot): HastRoot {
  return sanitize(tree, describeSchema) as HastRoot;
}
