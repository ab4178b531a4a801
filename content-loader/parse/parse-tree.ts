import { claimLabel, entryLabel, fileLabel, labelToAnchor } from './kernel-id.ts';
import { parseFile, type ParsedEntry, type ParsedFile } from './parse-file.ts';
import { fileToUrl, normalizeWhat, permalink } from './permalink.ts';
import { decodeUtf8, pyStrip } from './text.ts';
import { compareText } from '../shared/compare.ts';
import type { AbiEntry, AbiFile, AbiTree, Level, Warning } from '../types.ts';
import { walkTree, type TreeListing, type WalkOptions } from './walk.ts';
import { readTreeFile } from './read-file.ts';
import { manyWhatsWarnings } from './limits.ts';

/** A record file's content, however it was read. */
export interface SourceFile {
  path: string;
  level: Level;
  /** Folder under ABI/ holding the file. */
  dir: string;
  basename: string;
  text: string;
}

/**
 * Parsed files by path, kept between parses of the same tree (live preview)
 * so only files whose text changed are parsed again.
 */
export type ParseCache = Map<string, { text: string; parsed: ParsedFile }>;

/** Reads and parses a whole tree (a kernel root or its Documentation/ABI folder). */
export function parseTree(root: string, cache?: ParseCache, options?: WalkOptions): AbiTree {
  return readTree(walkTree(root, options), cache);
}

/** Reads and parses the files a walk listed; a file that cannot be read is a warning, never an exception. */
export function readTree(listing: TreeListing, cache?: ParseCache): AbiTree {
  const warnings = [...listing.warnings];
  const read = (file: Pick<TreeListing['files'][number], 'path' | 'absolute'>): string | undefined => {
    const result = readTreeFile(file);
    if ('warning' in result) warnings.push(result.warning);
    else return decodeUtf8(result.bytes);
    return undefined;
  };
  const sources: SourceFile[] = [];
  for (const file of listing.files) {
    const text = read(file);
    if (text !== undefined) sources.push({ path: file.path, level: file.level, dir: file.dir, basename: file.basename, text });
  }
  const readme = listing.readme && read(listing.readme);
  const tree = buildTree(sources, readme, cache);
  tree.warnings.unshift(...warnings);
  return tree;
}

/**
 * Builds the tree from file contents given in order: ids claimed the
 * kernel's way, URLs from the What strings, duplicate definitions and
 * entries too big to list on every page reported.
 */
export function buildTree(sources: SourceFile[], readme?: string, cache?: ParseCache): AbiTree {
  const files: AbiFile[] = [];
  const entries: AbiEntry[] = [];
  const warnings: Warning[] = [];
  const taken = new Set<string>();

  for (const source of sources) {
    const cached = cache?.get(source.path);
    const parsed = cached?.text === source.text ? cached.parsed : parseFile(source.text, source.path);
    cache?.set(source.path, { text: source.text, parsed });
    const label = fileLabel(source.dir, source.basename);
    taken.add(label);
    files.push({
      path: source.path,
      level: source.level,
      preamble: parsed.preamble,
      anchor: labelToAnchor(label),
      entries: parsed.entries.length,
    });
    warnings.push(...parsed.warnings);
    if (permalink('/' + source.path).shortened) {
      warnings.push({ kind: 'long-permalink', file: source.path, line: 0, message: `file name too long for a folder name on disk; its page is at ${fileToUrl(source.path)}` });
    }
    for (const entry of parsed.entries) entries.push(toEntry(entry, source, claimLabel(entryLabel(entry.whats[0]!.what), taken), warnings));
  }
  warnings.push(...duplicateWarnings(entries), ...manyWhatsWarnings(entries));
  return readme === undefined ? { files, entries, warnings } : { files, entries, warnings, readme };
}

/** The entry of a parsed record; a What whose URL had to be shortened adds a warning to `warnings`. */
function toEntry(parsed: ParsedEntry, source: SourceFile, id: string, warnings: Warning[]): AbiEntry {
  const symbols = parsed.whats.map(({ what, line }) => {
    const { url, shortened } = permalink(what);
    if (shortened) {
      const start = normalizeWhat(what).slice(0, 60);
      warnings.push({ kind: 'long-permalink', file: source.path, line, message: `What ${start}... (${normalizeWhat(what).length} characters) is too long for a path on disk; its page is at ${url}` });
    }
    return { what: pyStrip(what), url, line };
  });
  const entry: AbiEntry = { id, anchor: labelToAnchor(id), level: source.level, file: source.path, line: parsed.line, symbols };
  const fields = [
    ['date', parsed.date],
    ['kernelVersion', parsed.kernelversion],
    ['contact', parsed.contact],
    ['users', parsed.users],
  ] as const;
  for (const [key, value] of fields) if (value !== undefined) entry[key] = pyStrip(value);
  if (parsed.description !== undefined) entry.description = parsed.description.replace(/^\n+/, '').trimEnd();
  return entry;
}

/**
 * The kernel's "<what> is defined N times" for symbols in several files,
 * plus ours for a symbol defined twice in one file.
 */
function duplicateWarnings(entries: AbiEntry[]): Warning[] {
  const places = new Map<string, { file: string; line: number }[]>();
  for (const entry of entries) {
    for (const symbol of entry.symbols) {
      const key = normalizeWhat(symbol.what);
      const list = places.get(key) ?? [];
      list.push({ file: entry.file, line: symbol.line });
      places.set(key, list);
    }
  }
  const warnings: Warning[] = [];
  for (const [what, list] of places) {
    if (list.length < 2) continue;
    const byFile = new Map<string, number[]>();
    for (const p of list) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p.line]);
    const first = list[0]!;
    if (byFile.size > 1) {
      const where = [...byFile].sort(([a], [b]) => compareText(a, b)).map(([file, lines]) => `${file}:${lines.join(', ')}`);
      warnings.push({ kind: 'duplicate', ...first, message: `${what} is defined ${byFile.size} times: ${where.join('; ')}` });
    }
    for (const [file, lines] of byFile) {
      for (const line of lines.slice(1)) {
        warnings.push({ kind: 'duplicate-in-file', file, line, message: `${what} is defined again in this file (first at line ${lines[0]})` });
      }
    }
  }
  return warnings;
}
