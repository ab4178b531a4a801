import type { RootContent } from 'mdast';
import { parseDescription } from '../describe/index.ts';
import type { AbiEntry } from '../types.ts';
import type { SiteModel } from './site-model.ts';

/** Longest summary, in characters; longer first sentences are cut at a word boundary. */
export const SUMMARY_MAX = 160;

// A period after these does not end a sentence ("e.g. the", "approx. 5").
const ABBREVIATIONS = new Set(['e.g', 'i.e', 'etc', 'cf', 'vs', 'approx', 'incl', 'resp', 'fig', 'no', 'nr', 'vol', 'al', 'ca', 'min', 'max', 'esp', 'viz', 'mr', 'ms', 'dr', 'st', 'sec', 'ref']);

/**
 * The first sentence of a description as one line of plain text, for a
 * summary in lists and the page's meta description: the first block that is
 * prose (literal blocks and headings skipped; of a table, its first row),
 * whitespace collapsed, cut at the end of its first sentence, and after a
 * whole word with "…" when still longer than `max`. Undefined when the
 * description has no text.
 * @example firstSentence('Read-only. Shows the MTU\n\tin bytes. Since 2.6.') === 'Read-only. Shows the MTU in bytes.'
 */
export function firstSentence(description: string | undefined, max = SUMMARY_MAX): string | undefined {
  if (!description?.trim()) return undefined;
  // Most descriptions open with a paragraph, which ends at the first blank
  // line: reading that far is enough, and much faster than the whole text.
  const head = firstProse(description.replace(/^\s*\n/, '').split(/\n[ \t]*\n/)[0]!);
  const prose = head?.type === 'paragraph' ? head : firstProse(description);
  const text = prose && collapse(plainText(prose.type === 'gridTable' ? prose.children[0]! : prose));
  if (!text) return undefined;
  return oneLine(sentenceOf(text), max);
}

/** The first block that is not a literal block or a heading (else the first block). */
function firstProse(text: string): RootContent | undefined {
  const blocks = parseDescription(text).children;
  return blocks.find((b) => b.type !== 'code' && b.type !== 'heading' && b.type !== 'thematicBreak') ?? blocks[0];
}

/** A node's text; blocks, cells and line breaks become a space so words do not run together. */
function plainText(node: RootContent): string {
  if ('value' in node && typeof node.value === 'string') return node.value;
  if (node.type === 'break') return ' ';
  if (!('children' in node)) return '';
  const phrasing = node.type === 'paragraph' || node.type === 'heading' || node.type === 'definitionTerm' || node.type === 'emphasis' || node.type === 'strong' || node.type === 'link' || node.type === 'delete';
  return (node.children as RootContent[]).map(plainText).join(phrasing ? '' : ' ');
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Text up to the end of its first sentence: `.`, `!` or `?` before a space
 * and a capital, digit, bracket or quote. A sentence of one or two words
 * ("Read-only.") runs on to the next, which says what the file is.
 */
function sentenceOf(text: string): string {
  for (const m of text.matchAll(/[.!?](?= +["'(`A-Z0-9]|$)/g)) {
    const before = text.slice(0, m.index);
    const word = /(\S+)$/.exec(before)?.[1]?.toLowerCase() ?? '';
    if (m[0] === '.' && (ABBREVIATIONS.has(word.replace(/^\(/, '')) || /^[a-z]$/i.test(word))) continue;
    if (before.split(' ').length < 3) continue;
    return text.slice(0, m.index + 1);
  }
  return text;
}

/**
 * Text as one line of at most `max` characters: whitespace collapsed, and
 * cut after a whole word (never inside one) with "…" when longer.
 */
export function oneLine(text: string, max = SUMMARY_MAX): string {
  text = collapse(text);
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const space = head.lastIndexOf(' ');
  // A first word longer than `max` (a long path) is kept whole rather than cut.
  const cut = space > 0 ? head.slice(0, space) : (/^\S+/.exec(text)?.[0] ?? head);
  return `${cut.replace(/[\s,;:(-]+$/, '')}…`;
}

/** First sentences of entries and symbols, each computed once per site. */
export interface Summaries {
  ofEntry(entry: Pick<AbiEntry, 'id' | 'description'>): string | undefined;
  /** The summary of a symbol's first definition. */
  ofSymbol(url: string): string | undefined;
}

export function summaries(model: SiteModel, byId: ReadonlyMap<string, Pick<AbiEntry, 'id' | 'description'>>): Summaries {
  const cache = new Map<string, string | undefined>();
  const ofEntry = (entry: Pick<AbiEntry, 'id' | 'description'>) => {
    if (!cache.has(entry.id)) cache.set(entry.id, firstSentence(entry.description));
    return cache.get(entry.id);
  };
  return {
    ofEntry,
    ofSymbol: (url) => {
      const id = model.symbols.get(url)?.definitions[0]?.entryId;
      const entry = id === undefined ? undefined : byId.get(id);
      return entry && ofEntry(entry);
    },
  };
}
