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
  'tree-layout': { label: 'File outside the level folders', kernel: false },
  'link-outside-tree': { label: 'Symbolic link leading outside the tree (not followed)', kernel: false },
  'link-loop': { label: 'Symbolic link looping back into its own folder (not followed)', kernel: false },
  'folder-link': { label: 'Symbolic link to a folder (not followed, as by the kernel)', kernel: false },
  'broken-link': { label: 'Symbolic link to nothing', kernel: false },
  'unreadable': { label: 'File or folder that cannot be read', kernel: false },
  'special-file': { label: 'FIFO, socket or device where a file was expected', kernel: false },
  'too-deep': { label: 'Folder nested deeper than the walk goes', kernel: false },
  'too-large': { label: 'File too large to be an ABI file', kernel: false },
  'long-permalink': { label: 'What or file name shortened in its URL (too long for a file name)', kernel: false },
  'many-whats': { label: 'Entry with too many Whats to list on each of their pages', kernel: false },
} as const satisfies Record<WarningKind | HealthKind, { label: string; kernel: boolean }>;

export type FindingKind = keyof typeof FINDING_KINDS;

export const KIND_ORDER = Object.keys(FINDING_KINDS) as FindingKind[];
