import type { Block, Cell, Structure } from './sphinx-structure.ts';
import { countOf, wordsLacking } from './words.ts';

/** What a difference between Sphinx's rendering of an entry and ours is about. */
export const DIFF_KINDS = ['entry', 'table', 'literal', 'list', 'definition-list', 'paragraph', 'heading', 'admonition', 'transition', 'words'] as const;
export type DiffKind = (typeof DIFF_KINDS)[number];

/** One way an entry reads differently in Sphinx and here. */
export interface Difference {
  /** The entry as docs.kernel.org links it: `abi-testing.html#abi-sys-kernel-btf-vmlinux`. */
  ref: string;
  kind: DiffKind;
  /** Short, for people: what Sphinx has, what we have. */
  detail: string;
}

/**
 * The differences between Sphinx's structure of each entry and ours (both
 * keyed by the entry's `ref`): per
 * kind of block, the sequence of those blocks must be the same (a table
 * with the same cells and spans, a literal block with the same text, a list
 * with as many items, a paragraph with the same words); and the words of
 * the whole entry must be the same multiset. An entry only one side has is
 * an `entry` difference. Sorted by anchor, then kind.
 */
export function compareStructures(sphinx: ReadonlyMap<string, Structure>, ours: ReadonlyMap<string, Structure>): Difference[] {
  const out: Difference[] = [];
  for (const ref of new Set([...sphinx.keys(), ...ours.keys()])) {
    const s = sphinx.get(ref);
    const o = ours.get(ref);
    if (!s || !o) out.push({ ref, kind: 'entry', detail: s ? 'only Sphinx has an entry with this anchor on this page' : 'Sphinx has no entry with this anchor on this page' });
    else out.push(...compareEntry(ref, s, o));
  }
  return out.sort((a, b) => (a.ref < b.ref ? -1 : a.ref > b.ref ? 1 : DIFF_KINDS.indexOf(a.kind) - DIFF_KINDS.indexOf(b.kind)));
}

/** The differences of one entry, at most one per kind. */
export function compareEntry(ref: string, sphinx: Structure, ours: Structure): Difference[] {
  const out: Difference[] = [];
  for (const kind of DIFF_KINDS) {
    if (kind === 'entry' || kind === 'words') continue;
    const s = sphinx.blocks.filter((b) => b.kind === kind);
    const o = ours.blocks.filter((b) => b.kind === kind);
    const at = firstDifference(s.map(key), o.map(key));
    if (at < 0) continue;
    const shown = (b: Block | undefined) => (b ? describeBlock(b) : '(none)');
    out.push({ ref, kind, detail: `${count(s.length, kind)} in Sphinx, ${s.length === o.length ? 'as many' : o.length} here; #${at + 1}: Sphinx ${shown(s[at])} | ours ${shown(o[at])}` });
  }
  const missing = wordsLacking(countOf(sphinx.words), countOf(ours.words));
  const extra = wordsLacking(countOf(ours.words), countOf(sphinx.words));
  if (missing.length || extra.length) {
    out.push({ ref, kind: 'words', detail: [missing.length ? `only in Sphinx: ${clip(missing)}` : '', extra.length ? `only here: ${clip(extra)}` : ''].filter(Boolean).join('; ') });
  }
  return out;
}

/** Equal exactly when two blocks have the same structure and words. */
function key(block: Block): string {
  return JSON.stringify(block);
}

/** A block, shortened for people. */
export function describeBlock(block: Block): string {
  switch (block.kind) {
    case 'paragraph':
    case 'heading':
      return `"${shorten(block.words)}"`;
    case 'literal':
      return `literal "${shorten(block.text)}"`;
    case 'list':
      return `${block.ordered ? 'enumerated' : 'bullet'} list of ${block.items}`;
    case 'definition-list':
      return `${block.terms.length} terms [${block.terms.map((t) => shorten(t, 30)).join(' | ')}]`;
    case 'table':
      return tableSignature(block.headerRows, block.rows);
    case 'admonition':
      return block.type;
    case 'transition':
      return 'rule';
  }
}

function tableSignature(headerRows: number, rows: Cell[][]): string {
  const columns = Math.max(0, ...rows.map((r) => r.reduce((n, c) => n + c.colspan, 0)));
  const spans = rows.flatMap((r, i) => r.flatMap((c, j) => (c.colspan > 1 || c.rowspan > 1 ? [`r${i + 1}c${j + 1} ${c.rowspan}x${c.colspan}`] : [])));
  const cells = rows.map((r) => r.map((c) => c.words + c.blocks.map((b) => ` <${b}>`).join('')).join(' ¦ ')).join(' ⏎ ');
  return `${rows.length}x${columns} table${headerRows ? `, ${headerRows} header row${headerRows > 1 ? 's' : ''}` : ''}${spans.length ? `, spans ${spans.join(' ')}` : ''} [${cells}]`;
}

function firstDifference(a: string[], b: string[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) if (a[i] !== b[i]) return i;
  return -1;
}

function count(n: number, kind: DiffKind): string {
  return `${n} ${kind}${n === 1 ? '' : 's'}`;
}

function shorten(text: string, max = 80): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function clip(words: string[]): string {
  return words.length <= 12 ? words.join(' ') : `${words.slice(0, 12).join(' ')} … (${words.length})`;
}
