import { normalizeWhat, whatToUrl } from '../parse/permalink.ts';
import { LEVELS, type AbiEntry, type AbiFile, type Level } from '../types.ts';
import { compareText } from '../shared/compare.ts';

/** One definition of a symbol: the entry and where it stands. */
export interface Definition {
  entryId: string;
  level: Level;
  file: string;
  line: number;
}

/** A page per distinct What symbol. */
export interface SymbolPage {
  url: string;
  what: string;
  definitions: Definition[];
}

/** A child listed on a path-tree page. */
export interface TreeChild {
  name: string;
  url: string;
  /** Documented symbols at or below the child. */
  symbols: number;
  levels: Level[];
  /** The child is itself a documented symbol. */
  documented: boolean;
}

/** A page per path prefix (`/sys/class/net/`), listing what is documented below it. */
export interface TreeNode {
  url: string;
  /** The prefix as written in Whats ("/sys/class/net"). */
  path: string;
  children: TreeChild[];
}

export interface Crumb {
  name: string;
  /** Absent where no page exists for the prefix (above a symbol that is gone). */
  url?: string;
}

export interface SiteModel {
  symbols: Map<string, SymbolPage>;
  tree: Map<string, TreeNode>;
  /** Symbols whose What is not a path ("Audit Login UID"), listed at `/~/`. */
  nonPath: SymbolPage[];
}

export const NON_PATH_URL = '/~/';

/**
 * Shapes parsed entries into pages: one per symbol URL (with every
 * definition of it), and one per path prefix with its children, so the URL
 * space is the sysfs tree itself.
 */
export function buildSiteModel(entries: AbiEntry[]): SiteModel {
  const symbols = new Map<string, SymbolPage>();
  for (const entry of entries) {
    for (const s of entry.symbols) {
      const page = symbols.get(s.url) ?? { url: s.url, what: normalizeWhat(s.what), definitions: [] };
      if (!page.definitions.some((d) => d.entryId === entry.id)) {
        page.definitions.push({ entryId: entry.id, level: entry.level, file: entry.file, line: s.line });
      }
      symbols.set(s.url, page);
    }
  }
  const tree = new Map<string, TreeNode>();
  const nonPath: SymbolPage[] = [];
  for (const page of symbols.values()) {
    if (!page.what.startsWith('/')) {
      nonPath.push(page);
      continue;
    }
    const segments = page.what.slice(1).split('/');
    const levels = page.definitions.map((d) => d.level);
    for (let depth = 0; depth < segments.length; depth++) {
      const parentPath = '/' + segments.slice(0, depth).join('/');
      const parentUrl = depth === 0 ? '/' : whatToUrl(parentPath);
      const childPath = '/' + segments.slice(0, depth + 1).join('/');
      const node = tree.get(parentUrl) ?? { url: parentUrl, path: parentPath, children: [] };
      tree.set(parentUrl, node);
      const childUrl = whatToUrl(childPath);
      let child = node.children.find((c) => c.url === childUrl);
      if (!child) {
        child = { name: segments[depth]!, url: childUrl, symbols: 0, levels: [], documented: false };
        node.children.push(child);
      }
      child.symbols++;
      for (const l of levels) if (!child.levels.includes(l)) child.levels.push(l);
      if (depth === segments.length - 1) child.documented = true;
    }
  }
  for (const node of tree.values()) {
    node.children.sort((a, b) => compareText(a.name, b.name));
    for (const c of node.children) c.levels.sort((a, b) => LEVELS.indexOf(a) - LEVELS.indexOf(b));
  }
  nonPath.sort((a, b) => compareText(a.what, b.what));
  return { symbols, tree, nonPath };
}

let last: { key: string; model: SiteModel } | undefined;

/**
 * buildSiteModel, reusing the last model while every part of the entries it
 * reads is the same. A description edit in `astro dev` gives the pages a new
 * content store and evaluates their modules again, but not this one: the
 * model (about 0.1 s on linux-6.12) is kept.
 */
export function siteModelOf(entries: AbiEntry[]): SiteModel {
  const key = entries.map((e) => `${e.id}\t${e.level}\t${e.file}\t${e.symbols.map((s) => `${s.url} ${s.line} ${s.what}`).join('\t')}`).join('\n');
  if (last?.key !== key) last = { key, model: buildSiteModel(entries) };
  return last.model;
}

/**
 * Breadcrumbs from the root to a path What or prefix ("/sys/class/net" ->
 * sys, class, net), linked where `exists` says the page is there.
 */
export function breadcrumbs(path: string, exists: (url: string) => boolean = () => true): Crumb[] {
  if (!path.startsWith('/')) return [{ name: 'not paths', url: NON_PATH_URL }];
  const segments = normalizeWhat(path).slice(1).split('/').filter(Boolean);
  return segments.map((name, i) => {
    const url = whatToUrl('/' + segments.slice(0, i + 1).join('/'));
    return exists(url) ? { name, url } : { name };
  });
}

/** Files of a level in path order, for the level pages. */
export function filesOfLevel(files: AbiFile[], level: Level): AbiFile[] {
  return files.filter((f) => f.level === level).sort((a, b) => compareText(a.path, b.path));
}

/**
 * Up to `size` siblings around `url` in the parent's list (the page's own
 * entry excluded): enough to look around without a 500-item list on every
 * page of a large folder.
 */
export function siblingWindow(children: TreeChild[], url: string, size = 24): { shown: TreeChild[]; total: number } {
  const others = children.filter((c) => c.url !== url);
  const at = children.findIndex((c) => c.url === url);
  const start = Math.max(0, Math.min(at - Math.floor(size / 2), others.length - size));
  return { shown: others.slice(start, start + size), total: others.length };
}

/** The symbols listed at `/~/` (Whats that are not paths), as that page's children. */
export function nonPathChildren(model: SiteModel): TreeChild[] {
  return model.nonPath.map((p) => ({
    name: p.what,
    url: p.url,
    symbols: 1,
    levels: LEVELS.filter((l) => p.definitions.some((d) => d.level === l)),
    documented: true,
  }));
}

/** A symbol to show as an example of a permalink: /sys/kernel/btf/vmlinux where the tree has it. */
export function exampleSymbol(model: SiteModel): SymbolPage | undefined {
  return model.symbols.get('/sys/kernel/btf/vmlinux/') ?? model.symbols.values().next().value;
}
