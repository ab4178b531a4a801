/** A piece of a Contact or Users line: plain text, or an address to link. */
export type Piece = { text: string; href?: undefined } | { text: string; href: string };

const ADDRESS = /(?:https?:\/\/[^\s<>"']+[^\s<>"'.,;:)\]])|(?:[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+)/g;

/**
 * Splits text into plain pieces and linkable ones (e-mail addresses become
 * mailto:, http(s) URLs stay). Pages escape every piece; nothing here is markup.
 * @example linkPieces('Jo <jo@x.org>') -> [{text:'Jo <'}, {text:'jo@x.org', href:'mailto:jo@x.org'}, {text:'>'}]
 */
export function linkPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const m of text.matchAll(ADDRESS)) {
    if (m.index > last) pieces.push({ text: text.slice(last, m.index) });
    const address = m[0];
    pieces.push({ text: address, href: address.startsWith('http') ? address : `mailto:${address}` });
    last = m.index + address.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}
