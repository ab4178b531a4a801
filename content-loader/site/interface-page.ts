import type { AbiEntry } from '../types.ts';
import { breadcrumbs, NON_PATH_URL, siblingWindow, type Crumb, type SiteModel, type SymbolPage, type TreeChild, type TreeNode } from './site-model.ts';
import { folderMetaDescription, symbolMetaDescription } from './meta-description.ts';
import type { Summaries } from './summary.ts';

/** What one version says at one URL of the path space, shaped for the interface page. */
export interface InterfacePage<E extends AbiEntry> {
  url: string;
  /** The What, the folder's path, or "Interfaces that are not paths". */
  title: string;
  /** The symbol documented at this URL, and its entries in tree order. */
  symbol?: SymbolPage;
  entries: E[];
  /** The folder below this URL, when Whats go deeper. */
  node?: TreeNode;
  crumbs: Crumb[];
  /** The symbol's folder and a window of its other children ("Next to it"). */
  parent?: TreeNode;
  siblings?: { shown: TreeChild[]; total: number };
  /** One line for the meta description and link previews. */
  description?: string;
}

/** The parts of a version's site an interface page reads. */
export interface PageSource<E extends AbiEntry> {
  model: SiteModel;
  byId: ReadonlyMap<string, E>;
  summaries: Summaries;
}

/**
 * The interface page at `url` in one version: a symbol, a folder of the path
 * tree, both, or the list of Whats that are not paths. `what` names a symbol
 * this version does not document (a gone page shows its last text).
 */
export function interfacePage<E extends AbiEntry>(site: PageSource<E>, url: string, what?: string): InterfacePage<E> {
  const symbol = site.model.symbols.get(url);
  const node = site.model.tree.get(url);
  const title = symbol?.what ?? what ?? node?.path ?? 'Interfaces that are not paths';
  const entries = symbol?.definitions.map((d) => site.byId.get(d.entryId)!) ?? [];
  const crumbs = pageCrumbs(site.model, url, title);
  const parent = symbol ? parentOf(site.model, crumbs) : undefined;
  const description = entries[0]
    ? symbolMetaDescription(title, site.summaries.ofEntry(entries[0]), entries[0].file)
    : node && folderMetaDescription(node.path, node.children.reduce((n, c) => n + c.symbols, 0));
  return {
    url,
    title,
    ...(symbol ? { symbol } : {}),
    entries,
    ...(node ? { node } : {}),
    crumbs,
    ...(parent ? { parent, siblings: siblingWindow(parent.children, url) } : {}),
    ...(description === undefined ? {} : { description }),
  };
}

/** The breadcrumbs of the interface page at `url` whose title is `title`. */
function pageCrumbs(model: SiteModel, url: string, title: string): Crumb[] {
  return url === NON_PATH_URL ? [{ name: 'not paths', url }] : breadcrumbs(title, (u) => model.tree.has(u) || model.symbols.has(u) || u === url);
}

function parentOf(model: SiteModel, crumbs: Crumb[]): TreeNode | undefined {
  return model.tree.get(crumbs.at(-2)?.url ?? '/');
}

/** The symbols a symbol page lists under "Next to it" (its folder's children around it); none for other pages. */
export function siblingsShown(model: SiteModel, url: string): TreeChild[] {
  const symbol = model.symbols.get(url);
  const parent = symbol && parentOf(model, pageCrumbs(model, url, symbol.what));
  return parent ? siblingWindow(parent.children, url).shown : [];
}
