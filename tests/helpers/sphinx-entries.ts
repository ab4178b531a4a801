import type { Element, ElementContent, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { classList, textOf } from './sphinx-structure.ts';

/**
 * The description of every ABI entry on one of Sphinx's ABI pages, by the
 * entry's anchor (`abi-sys-kernel-btf-vmlinux`, the id our entries carry as
 * `anchor`). What the kernel's pipeline adds around a description is taken
 * out (the What table, "Defined on file", "DESCRIPTION MISSING", the
 * "Has the following ABI" list, the Users field), and its rewrites of the
 * text are undone, so what is left reads like the description itself.
 * An entry with several labels is listed under each. Anchors are unique
 * within a page only (6.12 has /sys/kernel/fadump_enabled on the obsolete
 * page and /sys/kernel/fadump/enabled on the testing page under the same one).
 */
export function sphinxEntries(html: string): Map<string, ElementContent[]> {
  const main = findMain(fromHtml(html));
  if (!main) throw new Error('no <div role="main"> on the page: not a Sphinx HTML page');
  const entries = new Map<string, ElementContent[]>();
  let current: ElementContent[] | undefined;
  let pendingIds: string[] = [];
  const finish = () => {
    current = undefined;
  };
  // Sections ("Symbols under /sys/class") are looked through; their titles end an entry.
  const walk = (nodes: ElementContent[]) => {
    for (const node of nodes) {
      if (node.type !== 'element') {
        current?.push(node);
        continue;
      }
      if (node.tagName === 'section') {
        finish();
        pendingIds = [];
        walk(node.children);
        continue;
      }
      if (/^h[1-6]$/.test(node.tagName)) {
        finish();
        continue;
      }
      const id = typeof node.properties.id === 'string' ? node.properties.id : undefined;
      // `.. _label:` before a What table: the table carries the id, or an empty span before it does.
      if (node.tagName === 'span' && id && !node.children.length) {
        finish();
        pendingIds.push(id);
        continue;
      }
      if (node.tagName === 'table' && id?.startsWith('abi-') && !id.startsWith('abi-file-')) {
        current = [];
        for (const anchor of [...pendingIds, id]) entries.set(anchor, current);
        pendingIds = [];
        continue;
      }
      pendingIds = [];
      current?.push(node);
    }
  };
  walk(main.children);
  for (const [anchor, nodes] of entries) entries.set(anchor, description(nodes));
  return entries;
}

function findMain(root: Root): Element | undefined {
  let found: Element | undefined;
  const visit = (node: Root | Element) => {
    for (const child of node.children) {
      if (found || child.type !== 'element') continue;
      if (child.properties.role === 'main' || child.tagName === 'main') found = child;
      else visit(child);
    }
  };
  visit(root);
  return found;
}

/** An entry's nodes without what the pipeline generates around the description. */
function description(nodes: ElementContent[]): ElementContent[] {
  const elements = nodes.filter((n): n is Element => n.type === 'element');
  const generated = new Set<Element>();
  for (const el of elements) {
    if (el.tagName !== 'p') break;
    const text = textOf(el).trim();
    if (!/^Defined on file /.test(text)) break;
    generated.add(el);
  }
  for (const el of elements) {
    if (el.tagName === 'p' && /^DESCRIPTION MISSING for /.test(textOf(el).trim())) generated.add(el);
    if (el.tagName === 'p' && textOf(el).trim() === 'Has the following ABI:') {
      generated.add(el);
      const next = elements[elements.indexOf(el) + 1];
      if (next?.tagName === 'ul') generated.add(next);
    }
  }
  const kept = nodes.filter((n) => n.type !== 'element' || !generated.has(n));
  dropUsers(kept);
  for (const node of kept) undoRewrites(node);
  return kept;
}

/**
 * Removes the `Users:` field the pipeline appends after the description:
 * a paragraph from 6.x's get_abi.pl (its tab-indented lines do not indent
 * for docutils), a definition-list item from the newer Python parser.
 */
function dropUsers(nodes: ElementContent[]): void {
  const elements = nodes.filter((n): n is Element => n.type === 'element');
  const last = elements.findLastIndex((el) => el.tagName === 'p' && /^Users:/.test(textOf(el).trim()));
  if (last >= 0) {
    nodes.splice(nodes.indexOf(elements[last]!));
    return;
  }
  const dl = elements.at(-1);
  if (dl?.tagName !== 'dl') return;
  const items = dl.children.filter((c): c is Element => c.type === 'element');
  const dt = items.at(-2);
  if (dt?.tagName !== 'dt' || textOf(dt).trim() !== 'Users:') return;
  dl.children = dl.children.slice(0, dl.children.indexOf(dt));
  if (!dl.children.some((c) => c.type === 'element')) nodes.splice(nodes.indexOf(dl), 1);
}

/**
 * The pipeline turns `Documentation/ABI/<path>` into a link reading `<path>`
 * and `Documentation/<doc>.rst` into a document reference reading `/<doc>`
 * (shown as plain text when the document is not built); put the words back.
 */
function undoRewrites(node: ElementContent): void {
  if (node.type !== 'element') return;
  const classes = classList(node);
  const href = typeof node.properties.href === 'string' ? node.properties.href : '';
  if (node.tagName === 'a' && /#abi-file-/.test(href)) replaceText(node, (t) => (t.startsWith('Documentation/') ? t : `Documentation/ABI/${t}`));
  else if (node.tagName === 'span' && classes.includes('std-doc') && classes.includes('xref')) replaceText(node, (t) => `Documentation${t}.rst`);
  else node.children.forEach(undoRewrites);
}

function replaceText(node: Element, change: (text: string) => string): void {
  node.children = [{ type: 'text', value: change(textOf(node)) }];
}
