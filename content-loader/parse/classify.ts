import { PY_SPACE } from './text.ts';

/** The tags the kernel knows, in the order its regex tries them. */
export type Tag = 'what' | 'where' | 'date' | 'kernelversion' | 'contact' | 'description' | 'users';

/** What one line of an ABI file is, before any state is considered. */
export type LineKind =
  | { kind: 'tag'; tag: Tag; name: string; separator: string; content: string }
  /** `Token:` at column 0 whose token names no known tag (e.g. `Values:`). */
  | { kind: 'other-tag'; name: string }
  | { kind: 'text' };

// The kernel's `(\S+)(:\s*)(.*)`, with Python's whitespace classes. `\S+` is
// greedy, so for "What:/a:b" the token is "What:/a"; we reproduce that.
const TAG_LINE = new RegExp(`^([^${PY_SPACE}]+)(:[${PY_SPACE}]*)(.*)$`, 's');
// A substring search on the lower-cased token, as the kernel does: "Users"
// and "user_what" both hit a tag. Mirrored for parity.
const KNOWN_TAG = /(what|where|date|kernelversion|contact|description|users)/;

/** Classifies one line (without its line terminator). */
export function classifyLine(line: string): LineKind {
  const m = TAG_LINE.exec(line);
  if (!m) return { kind: 'text' };
  const name = m[1]!;
  const known = KNOWN_TAG.exec(name.toLowerCase());
  if (!known) return { kind: 'other-tag', name };
  return { kind: 'tag', tag: known[1] as Tag, name, separator: m[2]!, content: m[3]! };
}
