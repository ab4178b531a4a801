import { defaultSchema, type Options as Schema } from 'rehype-sanitize';
import { ADMONITION_KINDS } from './directives.ts';

/**
 * GitHub's schema (rehype-sanitize's default), with links narrowed to
 * http(s) and mailto. Site-relative links ('/sys/...') carry no protocol and pass.
 */
export const describeSchema: Schema = {
  ...defaultSchema,
  protocols: { ...defaultSchema.protocols, href: ['http', 'https', 'mailto'] },
  attributes: {
    ...defaultSchema.attributes,
    // Lettered and roman lists keep their numbering style, and split lists their start.
    ol: [...(defaultSchema.attributes?.['ol'] ?? []), 'start', ['type', '1', 'a', 'A', 'i', 'I']],
    // Admonitions: only the classes our handler sets, never one from the text.
    div: [...(defaultSchema.attributes?.['div'] ?? []), ['className', ...ADMONITION_KINDS]],
    p: [...(defaultSchema.attributes?.['p'] ?? []), ['className', 'admonition-title']],
  },
};
