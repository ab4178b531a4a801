import type { WarningKind } from '../types.ts';

/** Kinds the health report adds to the parser's warning kinds. */
type HealthKind = 'what-looks-like-tag' | 'non-path-what' | 'uncompiled-what' | 'unresolved-mention' | 'empty-file';

/**
 * Every kind of finding, in the order the report lists them; `kernel` marks
 * the ones the kernel's validator gives too. Every parser warning kind has
 * its row (checked by the type).
 */
export const FINDING_KINDS = {
  'missing-description': { label: 'Entry without a description', kernel: true },
  'duplicate': { label: 'What defined in several files', kernel: true },
  'tag-before-what': { label: 'Tag before the first What', kernel: true },
  'invalid-tag': { label: 'Unknown tag outside a description', kernel: true },
  'where-tag': { label: "'Where:' used instead of 'What:'", kernel: true },
  'duplicate-in-file': { label: 'What defined twice in one file', kernel: false },
  'repeated-tag': { label: 'Tag repeated in one entry', kernel: false },
  'tag-read-as': { label: 'Tag name read as another tag', kernel: false },
  'what-looks-like-tag': { label: 'What that looks like a tag line without its colon', kernel: false },
  'non-path-what': { label: 'What that is not a path', kernel: false },
  'uncompiled-what': { label: 'What whose wildcards could not be compiled', kernel: false },
  'unresolved-mention': { label: 'Path mentioned in a description that no entry documents', kernel: false },
  'empty-file': { label: 'File without entries', kernel: false },
  'tree-layout': { label: 'File outside the level folders or unreadable', kernel: false },
  'many-whats': { label: 'Entry with too many Whats to list on each of their pages', kernel: false },
} as const satisfies Record<WarningKind | HealthKind, { label: string; kernel: boolean }>;

export type FindingKind = keyof typeof FINDING_KINDS;

export const KIND_ORDER = Object.keys(FINDING_KINDS) as FindingKind[];
