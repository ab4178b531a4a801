import { normalizeWhat } from '../parse/permalink.ts';
import { compareText } from '../shared/compare.ts';
import { LEVELS, type AbiEntry, type Level } from '../types.ts';

/** What one tree says about one symbol (one URL). */
export interface SymbolState {
  url: string;
  what: string;
  /**
   * The symbol's level. A symbol defined at several levels (a stable and a
   * testing definition) has all of them joined by `+` in the kernel's level
   * order ("stable+testing"), so a level move is any change of that set, and
   * the common one-level case reads as the plain level name.
   */
  level: string;
  /** The entries defining it, in tree order. */
  entries: AbiEntry[];
  /** Comparison key of the description(s): see `descriptionKey`. */
  text: string;
}

/** Indexes a tree's entries by symbol URL. */
export function symbolIndex(entries: readonly AbiEntry[]): Map<string, SymbolState> {
  const byUrl = new Map<string, { what: string; entries: AbiEntry[] }>();
  for (const entry of entries) {
    for (const symbol of entry.symbols) {
      const item = byUrl.get(symbol.url) ?? { what: normalizeWhat(symbol.what), entries: [] };
      if (!item.entries.includes(entry)) item.entries.push(entry);
      byUrl.set(symbol.url, item);
    }
  }
  const index = new Map<string, SymbolState>();
  for (const [url, { what, entries: defs }] of byUrl) {
    index.set(url, { url, what, level: levelKey(defs.map((e) => e.level)), entries: defs, text: descriptionKey(defs) });
  }
  return index;
}

/** The levels of a symbol's definitions as one label ("testing", "stable+testing"). */
export function levelKey(levels: readonly Level[]): string {
  return LEVELS.filter((l) => levels.includes(l)).join('+');
}

/**
 * Whitespace-insensitive text of one description: reflowing a paragraph or
 * re-indenting it is not a change of meaning, a changed word is.
 */
export function normalizeDescription(text: string | undefined): string {
  return (text ?? '').split(/\s+/).filter(Boolean).join(' ');
}

/**
 * The comparison key of all definitions of a symbol: their distinct
 * normalized texts, sorted, so moving a definition to another file,
 * reordering definitions or adding a copy of the same text at another level
 * (a level move, reported as such) is not a description change.
 */
export function descriptionKey(entries: readonly AbiEntry[]): string {
  return [...new Set(entries.map((e) => normalizeDescription(e.description)))].sort(compareText).join('\n\n');
}

/** The text shown in a description diff: each distinct description, in the order of `descriptionKey`. */
export function descriptionShown(entries: readonly AbiEntry[]): string {
  const byKey = new Map<string, string>();
  for (const e of entries) {
    const key = normalizeDescription(e.description);
    if (!byKey.has(key)) byKey.set(key, (e.description ?? '').replace(/[ \t]+$/gm, ''));
  }
  return [...byKey].sort(([a], [b]) => compareText(a, b)).map(([, text]) => text).join('\n\n');
}
