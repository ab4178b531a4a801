import { normalizeWhat } from '../parse/permalink.ts';
import { descriptionRenderer } from '../describe/render-entry.ts';
import { buildResolver } from '../resolve/index.ts';
import type { AbiEntry, AbiTree } from '../types.ts';
import { entryLocator } from './entry-at.ts';
import { KIND_ORDER, type FindingKind } from './kinds.ts';
import { looksLikeTagLine } from './what-checks.ts';
import { compareText } from '../shared/compare.ts';

/** One finding of the health report, at `file:line` (line 0: the whole file). */
export interface Finding {
  kind: FindingKind;
  file: string;
  line: number;
  message: string;
  /** HTML id of the entry the line belongs to, for a link into the file page. */
  anchor?: string;
}

export interface HealthOptions {
  /** The paths an entry's description mentions that resolve to no page; default: rendered with `descriptionRenderer`. */
  unresolvedMentions?: (entry: AbiEntry, tree: AbiTree) => readonly string[];
}

/**
 * The health report of a tree: the parser's warnings (the kernel validator's
 * and ours), plus checks of our own on What strings, wildcard forms,
 * description mentions and empty files. Sorted by file, line and kind, so
 * the report is the same on every run.
 */
export function healthFindings(tree: AbiTree, options: HealthOptions = {}): Finding[] {
  const anchorAt = entryLocator(tree.entries);
  const findings: Finding[] = [];
  const add = (kind: FindingKind, file: string, line: number, message: string) => {
    const anchor = anchorAt(file, line)?.anchor;
    findings.push(anchor ? { kind, file, line, message, anchor } : { kind, file, line, message });
  };

  for (const w of tree.warnings) add(w.kind, w.file, w.line, w.message);

  for (const entry of tree.entries) {
    for (const s of entry.symbols) {
      if (looksLikeTagLine(s.what)) add('what-looks-like-tag', entry.file, s.line, `What '${printable(s.what)}' looks like a tag line without its colon`);
      else if (!normalizeWhat(s.what).startsWith('/')) add('non-path-what', entry.file, s.line, `What '${printable(s.what)}' is not a path`);
    }
  }

  // The resolver reports each failing What once per definition, by its normalized string.
  const failing = new Map(buildResolver(tree.entries).failures.map((f) => [f.what, f.reason]));
  for (const entry of tree.entries) {
    for (const s of entry.symbols) {
      const reason = failing.get(normalizeWhat(s.what));
      if (reason !== undefined) add('uncompiled-what', entry.file, s.line, `${normalizeWhat(s.what)}: wildcard form not compiled (${reason}); only an exact path finds it`);
    }
  }

  const unresolved = options.unresolvedMentions ?? defaultUnresolved();
  for (const entry of tree.entries) {
    if (entry.description === undefined) continue;
    for (const path of new Set(unresolved(entry, tree))) add('unresolved-mention', entry.file, entry.line, `description mentions ${path}, which no entry documents`);
  }

  for (const file of tree.files) if (file.entries === 0) add('empty-file', file.path, 0, 'file has no entries');

  return findings.sort(compareFindings);
}

function defaultUnresolved(): (entry: AbiEntry, tree: AbiTree) => readonly string[] {
  const render = descriptionRenderer();
  return (entry, tree) => render(entry, tree).stats.unresolvedMentions;
}

/** Tabs and other control characters shown as escapes, so a message stays on one line. */
function printable(what: string): string {
  return what.replace(/[\x00-\x1f\x7f]/g, (c) => (c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

function compareFindings(a: Finding, b: Finding): number {
  return compareText(a.file, b.file) || a.line - b.line || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || compareText(a.message, b.message);
}
