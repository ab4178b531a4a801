import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/**
 * GitHub's schema (rehype-sanitize's default), with links narrowed to
 * http(s) and mailto. Site-relative links ('/sys/...') carry no protocol and pass.
 */
export const describeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  // Lettered and roman lists keep their numbering style, and split lists their start.
  attributes: { ...defaultSchema.attributes, ol: [...(defaultSchema.attributes?.['ol'] ?? []), 'start', ['type', '1', 'a', 'A', 'i', 'I']] },
};
