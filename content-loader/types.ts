/** The four stability levels of Documentation/ABI, in the order the kernel's README gives them. */
export const LEVELS = ['stable', 'testing', 'obsolete', 'removed'] as const;
export type Level = (typeof LEVELS)[number];

/**
 * What a parser warning is about, set where the warning is made (the
 * message is for people and may be reworded; the kind is for code).
 */
export const WARNING_KINDS = [
  'missing-description',
  'duplicate',
  'duplicate-in-file',
  'tag-before-what',
  'where-tag',
  'invalid-tag',
  'repeated-tag',
  'tag-read-as',
  'tree-layout',
  // Reading the tree (parse/walk.ts, parse/read-file.ts): what was not read, and why.
  'link-outside-tree',
  'link-loop',
  'folder-link',
  'broken-link',
  'unreadable',
  'special-file',
  'too-deep',
  'too-large',
  // A What or file name too long for one file name on disk (parse/permalink.ts).
  'long-permalink',
  // An entry whose Whats are too many to list on each of their pages (parse/limits.ts).
  'many-whats',
] as const;
export type WarningKind = (typeof WARNING_KINDS)[number];

/** A finding about the input, located at `file:line` (file relative to the ABI folder). */
export interface Warning {
  kind: WarningKind;
  file: string;
  line: number;
  message: string;
}

/** One What symbol of an entry, with its permanent URL. */
export interface AbiSymbol {
  /** The What string as written (trimmed). */
  what: string;
  /** Site-relative permalink, a pure function of `what` (see permalink.ts). */
  url: string;
  /** Line of the file where this symbol is written. */
  line: number;
}

/** One record: consecutive What lines plus the tags that follow them. */
export interface AbiEntry {
  /** The kernel's label for the entry ("abi_sys_kernel_btf_vmlinux"), unique in the tree. */
  id: string;
  /** The id docs.kernel.org gives the entry's HTML anchor ("abi-sys-kernel-btf-vmlinux"). */
  anchor: string;
  level: Level;
  /** Path relative to the ABI folder, e.g. "testing/sysfs-kernel-btf". */
  file: string;
  /** Line of the first What. */
  line: number;
  symbols: AbiSymbol[];
  date?: string;
  kernelVersion?: string;
  contact?: string;
  users?: string;
  /** Description with the kernel's dedent applied; absent when the entry has none. */
  description?: string;
}

/** One record file (README files are introductions and are not listed here). */
export interface AbiFile {
  /** Path relative to the ABI folder, e.g. "testing/sysfs-kernel-btf". */
  path: string;
  level: Level;
  /** Text before the first tag. */
  preamble: string;
  /** docs.kernel.org's HTML id for the file ("abi-file-testing-sysfs-kernel-btf"). */
  anchor: string;
  /** Number of entries the file defines. */
  entries: number;
}

/** The whole parsed tree, as `abi-atlas parse --json` prints it and `dist/abi.json` stores it. */
export interface AbiTree {
  files: AbiFile[];
  entries: AbiEntry[];
  warnings: Warning[];
  /** The ABI README, shown as the introduction. */
  readme?: string;
}
