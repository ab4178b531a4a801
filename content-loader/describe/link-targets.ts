import type { AbiTree } from '../types.ts';

/**
 * Everything a description can link to (file paths and symbol URLs), as one
 * string: when it is unchanged, rendered descriptions and their resolver stay valid.
 */
export function linkTargetKey(tree: AbiTree): string {
  return [...tree.files.map((f) => f.path), ...tree.entries.flatMap((e) => e.symbols.map((s) => s.url))].join('\n');
}
