import type { AbiEntry } from '../types.ts';

/**
 * Finds the entry a `file:line` falls in: the last entry of the file that
 * starts at or before the line. Line 0 (the whole file) and lines before a
 * file's first entry belong to no entry.
 */
export function entryLocator(entries: readonly AbiEntry[]): (file: string, line: number) => AbiEntry | undefined {
  const byFile = new Map<string, AbiEntry[]>();
  for (const e of entries) {
    const list = byFile.get(e.file);
    if (list) list.push(e);
    else byFile.set(e.file, [e]);
  }
  for (const list of byFile.values()) list.sort((a, b) => a.line - b.line);
  return (file, line) => {
    if (line <= 0) return undefined;
    let found: AbiEntry | undefined;
    for (const e of byFile.get(file) ?? []) {
      if (e.line > line) break;
      found = e;
    }
    return found;
  };
}
