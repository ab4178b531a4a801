// Text put into HTML the site writes itself, where a component would cost more than the string.

const SPECIAL = /[&<>"']/g;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML content and attributes, with the entities Astro writes for an expression. */
export function htmlText(text: string): string {
  return text.replace(SPECIAL, (c) => ENTITY[c]!);
}
