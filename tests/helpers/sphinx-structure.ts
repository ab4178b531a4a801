import type { Element, ElementContent, Nodes } from 'hast';
import { wordList } from './words.ts';

/**
 * The structure of a rendered description, read the same way from Sphinx's
 * HTML and from ours: the blocks in document order (containers such as
 * block quotes, list items and definition bodies are looked through, so a
 * block nested in a definition is still a block), and the words.
 */
export interface Structure {
  blocks: Block[];
  /** Every word (run of letters and digits) of the text, in order. */
  words: string[];
}

/** One table cell: its words, its spans, and the kinds of blocks in it other than paragraphs. */
export interface Cell {
  words: string;
  colspan: number;
  rowspan: number;
  blocks: string[];
}

export type Block =
  | { kind: 'paragraph'; words: string }
  | { kind: 'literal'; text: string }
  | { kind: 'list'; ordered: boolean; items: number }
  | { kind: 'definition-list'; terms: string[] }
  | { kind: 'table'; headerRows: number; rows: Cell[][] }
  | { kind: 'heading'; words: string }
  | { kind: 'admonition'; type: string }
  | { kind: 'transition' };

// Elements that are blocks of their own or hold blocks; everything else is inline text.
const CONTAINERS = new Set(['div', 'blockquote', 'li', 'dd', 'section', 'aside', 'article', 'main', 'figure', 'details', 'body', 'html', 'td', 'th']);
const BLOCKS = new Set(['p', 'pre', 'ul', 'ol', 'dl', 'table', 'hr', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dt', 'tr', 'thead', 'tbody', 'tfoot', 'colgroup', 'caption']);
const ADMONITIONS = ['attention', 'caution', 'danger', 'error', 'hint', 'important', 'note', 'tip', 'warning', 'seealso', 'admonition'];

/** The structure of `nodes` (a description's HTML, parsed). */
export function structureOf(nodes: readonly ElementContent[]): Structure {
  const blocks: Block[] = [];
  collect(nodes, blocks);
  return { blocks, words: wordList(nodes.map(textOf).join(' ')) };
}

function collect(nodes: readonly ElementContent[], out: Block[]): void {
  let run: ElementContent[] = [];
  // Text directly inside a container (`<li>text</li>`) is a paragraph, as `<li><p>text</p></li>` is.
  const flush = () => {
    const words = wordList(run.map(textOf).join(' ')).join(' ');
    if (words) out.push({ kind: 'paragraph', words });
    run = [];
  };
  for (const node of nodes) {
    if (node.type !== 'element' || (!BLOCKS.has(node.tagName) && !CONTAINERS.has(node.tagName))) {
      if (node.type !== 'comment') run.push(node);
      continue;
    }
    flush();
    block(node, out);
  }
  flush();
}

function block(node: Element, out: Block[]): void {
  const classes = classList(node);
  switch (node.tagName) {
    case 'p':
      if (!classes.includes('admonition-title')) collect(node.children, out);
      return;
    case 'pre':
      out.push({ kind: 'literal', text: literalText(textOf(node)) });
      return;
    case 'ul':
    case 'ol': {
      const items = childElements(node).filter((c) => c.tagName === 'li');
      out.push({ kind: 'list', ordered: node.tagName === 'ol', items: items.length });
      for (const item of items) collect(item.children, out);
      return;
    }
    case 'dl': {
      const children = childElements(node);
      // Sphinx puts a field name's colon in a span of its own (`Name<span class="colon">:</span>`).
      out.push({ kind: 'definition-list', terms: children.filter((c) => c.tagName === 'dt').map((dt) => wordList(textOf(dt)).join(' ')) });
      for (const dd of children.filter((c) => c.tagName === 'dd')) collect(dd.children, out);
      return;
    }
    case 'table':
      out.push(table(node));
      return;
    case 'hr':
      out.push({ kind: 'transition' });
      return;
    case 'h1':
    case 'h2':
    case 'h3':
    case 'h4':
    case 'h5':
    case 'h6':
      out.push({ kind: 'heading', words: wordList(textOf(node)).join(' ') });
      return;
  }
  const admonition = ADMONITIONS.find((a) => classes.includes(a));
  if (admonition && (classes.includes('admonition') || node.tagName === 'aside')) {
    out.push({ kind: 'admonition', type: ADMONITIONS.find((a) => a !== 'admonition' && classes.includes(a)) ?? 'admonition' });
  }
  // A line block (`| text` lines) reads as one paragraph.
  if (classes.includes('line-block')) {
    const words = wordList(textOf(node)).join(' ');
    if (words) out.push({ kind: 'paragraph', words });
    return;
  }
  collect(node.children, out);
}

function table(node: Element): Block {
  const rows: Cell[][] = [];
  let headerRows = 0;
  const visitRows = (parent: Element, inHead: boolean) => {
    for (const child of childElements(parent)) {
      if (child.tagName === 'tr') {
        rows.push(childElements(child).filter((c) => c.tagName === 'td' || c.tagName === 'th').map(cell));
        if (inHead) headerRows++;
      } else if (['thead', 'tbody', 'tfoot'].includes(child.tagName)) visitRows(child, child.tagName === 'thead');
    }
  };
  visitRows(node, false);
  return { kind: 'table', headerRows, rows };
}

function cell(node: Element): Cell {
  const span = (name: 'colSpan' | 'rowSpan') => Number(node.properties[name] ?? 1) || 1;
  const inner: Block[] = [];
  collect(node.children, inner);
  const blocks = inner.filter((b) => b.kind !== 'paragraph').map((b) => b.kind);
  return { words: wordList(textOf(node)).join(' '), colspan: span('colSpan'), rowspan: span('rowSpan'), blocks };
}

/** A literal block's text without its layout (indentation, tabs, line breaks): every run of white space is one space. */
export function literalText(text: string): string {
  return text.split(/\s+/).filter(Boolean).join(' ');
}

/** The text a reader sees in `node`. A Sphinx permalink sign (¶) and an admonition's generated title are not text of the description. */
export function textOf(node: Nodes): string {
  if (node.type === 'text') return node.value;
  if (node.type !== 'element' && node.type !== 'root') return '';
  const inner = node.children.map((c) => textOf(c as Nodes)).join('');
  if (node.type === 'root') return inner;
  const classes = classList(node);
  if (classes.includes('headerlink') || classes.includes('admonition-title')) return '';
  if (node.tagName === 'br') return '\n';
  // Blocks end words even where the HTML has no space between them (`<dt>a</dt><dd>b</dd>`).
  return BLOCKS.has(node.tagName) || CONTAINERS.has(node.tagName) ? `\n${inner}\n` : inner;
}

export function classList(node: Element): string[] {
  const value = node.properties.className;
  if (Array.isArray(value)) return value.map(String);
  return value === undefined || value === null ? [] : String(value).split(/\s+/);
}

function childElements(node: Element): Element[] {
  return node.children.filter((c): c is Element => c.type === 'element');
}
