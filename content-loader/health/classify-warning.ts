import type { Warning } from '../types.ts';
import type { FindingKind } from './kinds.ts';

// The parser's warnings are data with a message; their kind is read back from
// the message text the parser writes (parse-file.ts, parse-tree.ts, walk.ts).
// Order matters: "tag 'Where' is invalid" is the Where: warning, not an unknown tag.
const PATTERNS: [RegExp, FindingKind][] = [
  [/ doesn't have a description$/, 'missing-description'],
  [/ is defined \d+ times: /, 'duplicate'],
  [/ is defined again in this file /, 'duplicate-in-file'],
  [/^'What:' should come first/, 'tag-before-what'],
  [/^tag 'Where' is invalid/i, 'where-tag'],
  [/^tag '.*' is invalid$/, 'invalid-tag'],
  [/^tag '.*' appears twice in one entry/, 'repeated-tag'],
  [/^'.*:' is read as tag '/, 'tag-read-as'],
  [/^(not under .*; skipped|cannot be read)/, 'tree-layout'],
];

/** The kind of one of the parser's warnings; `other` for a message this list does not know yet. */
export function classifyWarning(w: Warning): FindingKind {
  return PATTERNS.find(([re]) => re.test(w.message))?.[1] ?? 'other';
}
