import type { ElementContent } from 'hast';
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fromHtml } from 'hast-util-from-html';
import { parseTree } from '../../content-loader/index.ts';
import { descriptionRenderer } from '../../content-loader/describe/render-entry.ts';
import { DEFAULT_CACHE, fetchTree, type FetchResult } from '../../content-loader/tree-source/fetch-tree.ts';
import type { Log } from '../../content-loader/tree-source/progress.ts';
import type { AbiEntry, AbiTree } from '../../content-loader/types.ts';
import { projectDir } from './build-site.ts';
import { sphinxAbiPages, type SphinxPages } from './sphinx-build.ts';
import { compareStructures, type Difference } from './sphinx-compare.ts';
import { sphinxEntries } from './sphinx-entries.ts';
import { structureOf, type Structure } from './sphinx-structure.ts';

export interface OracleRun {
  fetch: FetchResult;
  sphinx: SphinxPages;
  tree: AbiTree;
  /** Entries Sphinx rendered. */
  sphinxCount: number;
  differences: Difference[];
  /** Seconds spent reading both renderings and comparing them. */
  compareSeconds: number;
}

/**
 * Sphinx as the oracle for linux `version`: fetches the release's ABI tree
 * and Sphinx pipeline into the cache (`abi:fetch <v> --sphinx`), has Sphinx
 * build the kernel's ABI pages (once per content hash), and compares each
 * entry's structure with our rendering of the same tree.
 */
export function sphinxOracle(version: string, log: Log = () => {}): OracleRun {
  const fetch = fetchTree(version, { parts: ['sphinx'], cacheDir: join(projectDir, DEFAULT_CACHE), log });
  const sphinx = sphinxAbiPages(fetch.root);
  const started = performance.now();
  const theirs = new Map<string, Structure>();
  // Entries are on one page per level (abi-testing.html); an anchor is unique only within its page.
  for (const page of sphinx.pages.filter((p) => LEVEL_PAGE.test(basename(p)))) {
    for (const [anchor, nodes] of sphinxEntries(readFileSync(page, 'utf8'))) theirs.set(`${basename(page)}#${anchor}`, structureOf(nodes));
  }
  // A pipeline that finds no ABI file still builds, into empty pages.
  if (!theirs.size) throw new Error(`Sphinx rendered no ABI entry from ${fetch.root} (see ${sphinx.pages[0] ?? 'its output'})`);
  const tree = parseTree(fetch.abiDir);
  const ours = ourStructures(tree);
  const differences = compareStructures(theirs, ours);
  return { fetch, sphinx, tree, sphinxCount: theirs.size, differences, compareSeconds: (performance.now() - started) / 1000 };
}

const LEVEL_PAGE = /^abi-(stable|testing|obsolete|removed)\.html$/;

/** The entry as docs.kernel.org links it. @example entryRef(entry) // "abi-testing.html#abi-sys-kernel-btf-vmlinux" */
export function entryRef(entry: AbiEntry): string {
  return `abi-${entry.level}.html#${entry.anchor}`;
}

/** Our rendering of every entry's description (as the site shows it, links included), by `entryRef`. */
export function ourStructures(tree: AbiTree): Map<string, Structure> {
  const render = descriptionRenderer();
  return new Map(tree.entries.map((e) => [entryRef(e), structureOf(fragment(render(e, tree).html))]));
}

/** An HTML fragment as hast nodes. */
export function fragment(html: string): ElementContent[] {
  return fromHtml(html, { fragment: true }).children.filter((n): n is ElementContent => n.type !== 'doctype');
}
