import { oneLine } from './summary.ts';

// Each page's <meta name="description">: one line of whole words (see oneLine).

/** A symbol page: the first sentence of its description, else where it is defined. */
export function symbolMetaDescription(what: string, summary: string | undefined, file: string | undefined): string {
  return oneLine(summary ?? `${what}${file ? `, documented in Documentation/ABI/${file}` : ''}.`);
}

/** A folder page of the path tree. */
export function folderMetaDescription(path: string, symbols: number): string {
  return oneLine(`${symbols} documented ${symbols === 1 ? 'interface' : 'interfaces'} below ${path}, with their stability levels and descriptions.`);
}

/** A file page. */
export function fileMetaDescription(path: string, entries: number): string {
  return oneLine(`The ${entries} ${entries === 1 ? 'entry' : 'entries'} of Documentation/ABI/${path}, with their paths, levels and descriptions.`);
}
