import { readFileSync } from 'node:fs';
import { claimLabel, entryLabel, fileLabel, labelToAnchor } from './kernel-id.ts';
import { parseFile, type ParsedEntry, type ParsedFile } from './parse-file.ts';
import { normalizeWhat, whatToUrl } from './permalink.ts';
import { decodeUtf8, pyStrip } from './text.ts';
import { compareText } from '../shared/compare.ts';
import type { AbiEntry, AbiFile, AbiTree, Level, Warning } from '../types.ts';
import { walkTree } from './walk.ts';
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
export function parseTree(root: string, cache?: ParseCache): AbiTree {
  const listing = walkTree(root);
  const sources = listing.files.map((f) => ({ ...f, text: decodeUtf8(readFileSync(f.absolute)) }));
  const readme = listing.readme ? decodeUtf8(readFileSync(listing.readme)) : undefined;
  const tree = buildTree(sources, readme, cache);
  tree.warnings.unshift(...listing.warnings);
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
    for (const entry of parsed.entries) entries.push(toEntry(entry, source, claimLabel(entryLabel(entry.whats[0]!.what), taken)));
  }
  warnings.push(...duplicateWarnings(entries), ...manyWhatsWarnings(entries));
  return readme === undefined ? { files, entries, warnings } : { files, entries, warnings, readme };
}

function toEntry(parsed: ParsedEntry, source: SourceFile, id: string): AbiEntry {
  const entry: AbiEntry = {
    id,
    anchor: labelToAnchor(id),
    level: source.level,
    file: source.path,
    line: parsed.line,
    symbols: parsed.whats.map(({ what, line }) => ({ what: pyStrip(what), url: whatToUrl(what), line })),
  };
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
