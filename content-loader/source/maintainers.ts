/**
 * The kernel's MAINTAINERS file: which entry (subsystem, driver) owns a
 * source file, and which entries a mail address belongs to. File patterns
 * are read the way scripts/get_maintainer.pl reads them: `F: dir/` is
 * everything below, other patterns are globs matched from the start with
 * as many `/` as the file, `X:` excludes, `N:` is a regular expression,
 * and the deepest pattern names the owner.
 */
import { compareText } from '../shared/compare.ts';

export interface MaintainersEntry {
  /** The entry's title ("NETWORKING [GENERAL]"). */
  name: string;
  /** Line of the title in MAINTAINERS. */
  line: number;
  /** Lower-case addresses of its M:, R: and L: lines. */
  mails: string[];
  status?: string;
}

interface Pattern {
  entry: number;
  /** The folder before any wildcard (`drivers/net/` for `drivers/net/*.c`): only files below it can match. */
  base: string;
  /** get_maintainer.pl's pattern depth: its `/` count, plus one unless it ends with `/`. */
  depth: number;
  test: (file: string) => boolean;
  exclude: boolean;
}

// An address: runs of distinct classes around one `@` (linear).
const ADDRESS = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

/** Reads MAINTAINERS: entries are blocks of `X:\tvalue` lines under a title line. */
export function parseMaintainers(text: string): MaintainersIndex {
  const entries: MaintainersEntry[] = [];
  const patterns: Pattern[] = [];
  const lines = text.split('\n');
  let current: MaintainersEntry | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!.replace(/\r$/, '');
    const tag = /^([A-Z]):\s*(.*)$/.exec(line);
    if (!tag) {
      // A title is a non-blank line followed by a tag line; anything else ends the entry.
      const next = lines[i + 1] ?? '';
      current = line.trim() && /^[A-Z]:\s/.test(next) ? { name: line.trim(), line: i + 1, mails: [] } : undefined;
      if (current) entries.push(current);
      continue;
    }
    if (!current) continue;
    const [, key, value] = tag as unknown as [string, string, string];
    const entry = entries.length - 1;
    if (key === 'M' || key === 'R' || key === 'L') {
      for (const m of value.matchAll(ADDRESS)) current.mails.push(m[0].toLowerCase());
    } else if (key === 'S') {
      current.status = value.trim();
    } else if (key === 'F' || key === 'X') {
      const pattern = filePattern(value.trim());
      if (pattern) patterns.push({ entry, ...pattern, exclude: key === 'X' });
    } else if (key === 'N') {
      const regex = safeRegex(value.trim());
      if (regex) patterns.push({ entry, base: '', depth: (value.match(/\//g)?.length ?? 0) + 1, test: (f) => regex.test(f), exclude: false });
    }
  }
  return new MaintainersIndex(entries, patterns);
}

/** A glob of an `F:`/`X:` line as get_maintainer.pl matches it. */
function filePattern(glob: string): { base: string; depth: number; test: (file: string) => boolean } | undefined {
  if (!glob) return undefined;
  const wild = glob.search(/[*?[]/);
  const literal = wild < 0 ? glob : glob.slice(0, wild);
  const base = literal.slice(0, literal.lastIndexOf('/') + 1);
  const slashes = glob.match(/\//g)?.length ?? 0;
  const isDir = glob.endsWith('/');
  const depth = glob.startsWith('*') ? -1 : slashes + (isDir ? 0 : 1);
  if (!/[*?[]/.test(glob)) {
    // No wildcard: a folder (with or without its slash) or one file.
    const dir = isDir ? glob : `${glob}/`;
    return { base, depth, test: (f) => f === glob || f.startsWith(dir) };
  }
  const source = glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  const regex = safeRegex(`^${source}`);
  if (!regex) return undefined;
  return { base, depth, test: isDir ? (f) => regex.test(f) : (f) => regex.test(f) && count(f) === slashes };
}

function count(s: string): number {
  let n = 0;
  for (let i = s.indexOf('/'); i >= 0; i = s.indexOf('/', i + 1)) n++;
  return n;
}

function safeRegex(source: string): RegExp | undefined {
  try {
    return new RegExp(source);
  } catch {
    return undefined;
  }
}

/** The entries of MAINTAINERS with their file patterns, answering per file and per address. */
export class MaintainersIndex {
  readonly entries: readonly MaintainersEntry[];
  private readonly byBase = new Map<string, Pattern[]>();
  private readonly byFile = new Map<string, { entry: number; depth: number }[]>();
  private readonly byMail = new Map<string, number[]>();

  constructor(entries: MaintainersEntry[], patterns: Pattern[]) {
    this.entries = entries;
    for (const p of patterns) this.byBase.set(p.base, [...(this.byBase.get(p.base) ?? []), p]);
    entries.forEach((e, i) => {
      for (const mail of new Set(e.mails)) this.byMail.set(mail, [...(this.byMail.get(mail) ?? []), i]);
    });
  }

  /** Every entry whose patterns cover `file` (relative to the kernel root), deepest pattern first. */
  matches(file: string): { entry: number; depth: number }[] {
    let found = this.byFile.get(file);
    if (found) return found;
    const depth = new Map<number, number>();
    const excluded = new Set<number>();
    const bases = [''];
    for (let i = file.indexOf('/'); i >= 0; i = file.indexOf('/', i + 1)) bases.push(file.slice(0, i + 1));
    for (const p of bases.flatMap((b) => this.byBase.get(b) ?? [])) {
      if (!p.test(file)) continue;
      if (p.exclude) excluded.add(p.entry);
      else depth.set(p.entry, Math.max(depth.get(p.entry) ?? -Infinity, p.depth));
    }
    found = [...depth]
      .filter(([entry]) => !excluded.has(entry))
      .map(([entry, d]) => ({ entry, depth: d }))
      .sort((a, b) => b.depth - a.depth || a.entry - b.entry);
    this.byFile.set(file, found);
    return found;
  }

  /** The entry that owns `file`: the one with the deepest matching pattern (the first in the file on a tie). */
  owner(file: string): MaintainersEntry | undefined {
    const best = this.matches(file)[0];
    return best && best.depth >= 0 ? this.entries[best.entry] : undefined;
  }

  /** Entries listing `address` under M:, R: or L:. */
  entriesOf(address: string): readonly number[] {
    return this.byMail.get(address.toLowerCase()) ?? [];
  }
}

/** The addresses in a Contact or Users field. */
export function mailAddresses(text: string): string[] {
  return [...new Set([...text.matchAll(ADDRESS)].map((m) => m[0].toLowerCase()))].sort(compareText);
}
