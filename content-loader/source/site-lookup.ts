/**
 * The source index arranged for matching: sites by name, names by the
 * words in them (for What segments with wildcards), names by file.
 */
import { segmentAccepts, type SegmentMatcher } from '../resolve/index.ts';
import { tokens, words } from './what-shape.ts';
import type { SourceIndex, SourceSite } from './types.ts';

export interface SiteLookup {
  /** Lower-case name -> its sites. */
  byName: Map<string, SourceSite[]>;
  /** Word -> lower-case names containing it. */
  byWord: Map<string, string[]>;
  /** File -> lower-case names of its sites. */
  namesByFile: Map<string, Set<string>>;
  /** Lower-case name -> how many files create it. */
  fileCount: Map<string, number>;
  /** Folder name (the last part of a site's `dir`) -> the sites the code puts in it. */
  byDir: Map<string, SourceSite[]>;
  /** Path token -> how many source files (with sites) have it in their path: how common a word of a path is. */
  tokenFiles: Map<string, number>;
  /** Source files with sites. */
  files: number;
}

/** Builds the lookup tables once per index. */
export function buildSiteLookup(index: SourceIndex): SiteLookup {
  const byName = new Map<string, SourceSite[]>();
  const namesByFile = new Map<string, Set<string>>();
  const byDir = new Map<string, SourceSite[]>();
  for (const site of index.sites) {
    if (site.dir) {
      const dir = site.dir.slice(site.dir.lastIndexOf('/') + 1);
      let inDir = byDir.get(dir);
      if (!inDir) byDir.set(dir, (inDir = []));
      inDir.push(site);
    }
    const key = site.name.toLowerCase();
    let list = byName.get(key);
    if (!list) byName.set(key, (list = []));
    list.push(site);
    let names = namesByFile.get(site.file);
    if (!names) namesByFile.set(site.file, (names = new Set()));
    names.add(key);
  }
  const byWord = new Map<string, string[]>();
  const fileCount = new Map<string, number>();
  for (const [name, sites] of byName) {
    fileCount.set(name, new Set(sites.map((s) => s.file)).size);
    for (const w of new Set(words(name))) {
      let list = byWord.get(w);
      if (!list) byWord.set(w, (list = []));
      list.push(name);
    }
  }
  const tokenFiles = new Map<string, number>();
  for (const file of namesByFile.keys()) for (const t of new Set(tokens(file))) tokenFiles.set(t, (tokenFiles.get(t) ?? 0) + 1);
  return { byName, byWord, namesByFile, fileCount, byDir, tokenFiles, files: namesByFile.size };
}

/**
 * The lower-case names a What segment matches: itself, or for a pattern
 * (`fanY_input`) every indexed name it accepts, where a name's printf
 * numbers (`fan%d_input`) stand for any number.
 */
export function namesMatching(lookup: SiteLookup, segment: SegmentMatcher, segmentWords: readonly string[]): string[] {
  if (segment.kind === 'literal') {
    const exact = segment.value.toLowerCase();
    const found = lookup.byName.has(exact) ? [exact] : [];
    // A literal with a number (`cpu0`) is also what a template (`cpu%d`) makes.
    if (/\d/.test(exact)) for (const name of candidates(lookup, segmentWords)) if (name !== exact && instance(name) === numberless(exact)) found.push(name);
    return found;
  }
  if (segment.kind !== 'pattern') return [];
  return candidates(lookup, segmentWords).filter((key) => {
    const originals = new Set(lookup.byName.get(key)!.map((s) => s.name));
    return [...originals].some((name) => matchesPattern(segment, name));
  });
}

/** Names sharing the segment's rarest word: the only ones that can match it. */
function candidates(lookup: SiteLookup, segmentWords: readonly string[]): string[] {
  let best: string[] | undefined;
  for (const w of segmentWords) {
    const list = lookup.byWord.get(w) ?? [];
    if (!best || list.length < best.length) best = list;
  }
  return best ?? [];
}

/** True when a pattern accepts the name as written, or lower-cased (`CAPACITY` is lower-cased at run time). */
function matchesPattern(segment: SegmentMatcher, name: string): boolean {
  const sample = name.replace(/%\d*l*[dui]/g, '0').replace(/%\d*l*x/g, 'a');
  return segmentAccepts(segment, sample) || segmentAccepts(segment, sample.toLowerCase());
}

/** A name with its numbers and printf numbers replaced by `#`. */
function instance(name: string): string {
  return name.replace(/%\d*l*[duix]|\d+/g, '#');
}

function numberless(name: string): string {
  return name.replace(/\d+/g, '#');
}
