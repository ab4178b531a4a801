/**
 * The labels the kernel's Sphinx build gives entries and files, so links
 * into docs.kernel.org's ABI pages can be sent to the right page here.
 * Two pipelines made them: the Python parser (tools/lib/python/abi, which
 * our ids follow) labels across the whole tree, and scripts/get_abi.pl
 * before it (6.1, 6.12) labelled each level's page on its own.
 */
import type { AbiEntry } from '../types.ts';

// The kernel's `re_unprintable`: everything but digits, letters and >0xff.
const UNPRINTABLE_RUN = /[\x00-\x2f\x3a-\x40\x5b-\x60\x7b-\xff]+/g;

/**
 * The letters the kernel appends to a label that is taken: after
 * `random.seed(42)`, successive `randrange(0, 51)` mapped onto A-Z, a-y.
 * Regenerate with: python3 -c "from random import *; seed(42);
 * print(''.join(chr(c + 65 + (6 if c > 25 else 0)) for c in (randrange(0, 51) for _ in range(32))))"
 */
const COLLISION_LETTERS = 'oHBvRPOIvGrviFlbCBFNOgmBjMtpsiaO';

/** `"abi_" + what.lower()` with runs of punctuation made `_`, as the kernel labels an entry. */
export function entryLabel(firstWhat: string): string {
  return sanitize('abi_' + firstWhat.toLowerCase());
}

/**
 * The kernel's label for a file; `dir` is the folder under ABI/ ("testing").
 * @example fileLabel('testing', 'sysfs-kernel-btf') === 'abi_file_testing_sysfs_kernel_btf'
 */
export function fileLabel(dir: string, basename: string): string {
  return sanitize(`abi_file_${dir}_${basename}`);
}

function sanitize(s: string): string {
  return s.replace(UNPRINTABLE_RUN, '_').replace(/^_+|_+$/g, '');
}

/**
 * Makes `label` unique against `taken` the kernel's way (appending the seeded
 * letters one by one), and records it.
 */
export function claimLabel(label: string, taken: Set<string>): string {
  let key = label;
  for (let i = 0; taken.has(key); i++) {
    // Past the 32 known letters the kernel would go on; none of our trees get near.
    key += COLLISION_LETTERS[i % COLLISION_LETTERS.length];
  }
  taken.add(key);
  return key;
}

/**
 * The label scripts/get_abi.pl gives an entry before it settles collisions:
 * the same recipe as `entryLabel`, but on the What's UTF-8 bytes (so every
 * byte of a non-ASCII character is punctuation) with ASCII-only lowercase.
 * @example getAbiPlLabel('/sys/kernel/fadump/enabled') === 'abi_sys_kernel_fadump_enabled'
 */
export function getAbiPlLabel(firstWhat: string): string {
  // Every byte of a non-ASCII character is punctuation, and a run of punctuation is one `_`:
  // so a run of anything but ASCII digits and letters is one `_`, whatever its bytes.
  return `abi_${firstWhat}`
    .replace(/[A-Z]+/g, (upper) => upper.toLowerCase())
    .replace(/[^0-9a-z]+/g, '_')
    .replace(/_$/, '');
}

/**
 * The ids docs.kernel.org gave entries while get_abi.pl built its pages, by
 * entry, where they differ from the entry's `anchor`. get_abi.pl ran once
 * per level page, so a label was taken only by entries of the same level:
 * `/sys/kernel/fadump/enabled` (testing) kept `abi_sys_kernel_fadump_enabled`
 * there although `/sys/kernel/fadump_enabled` (obsolete) takes it across the
 * tree. Where two entries of one level want one label, get_abi.pl gave it to
 * one of them in hash order and random letters to the others, which no one
 * can reproduce: we give it to the first in file order (as the Python parser
 * would), and none to the others. An id that is another entry's or a file's
 * `anchor` on the same page is not given (the page could not hold both).
 */
export function getAbiPlAnchors(entries: readonly Pick<AbiEntry, 'level' | 'anchor' | 'symbols'>[], fileAnchors: readonly string[] = []): Map<number, string> {
  const anchors = new Map<number, string>();
  const taken = new Map<string, Set<string>>();
  const onPage = new Map<string, Set<string>>();
  entries.forEach((entry) => {
    if (!onPage.has(entry.level)) onPage.set(entry.level, new Set(fileAnchors));
    onPage.get(entry.level)!.add(entry.anchor);
  });
  entries.forEach((entry, i) => {
    const labels = taken.get(entry.level) ?? new Set<string>();
    taken.set(entry.level, labels);
    const label = getAbiPlLabel(entry.symbols[0]!.what);
    if (labels.has(label)) return;
    labels.add(label);
    const anchor = labelToAnchor(label);
    if (anchor !== entry.anchor && !onPage.get(entry.level)!.has(anchor)) anchors.set(i, anchor);
  });
  return anchors;
}

const ASCII = /^[\x00-\x7f]*$/;

/**
 * The HTML id Sphinx (docutils `make_id`) derives from a label.
 * @example labelToAnchor('abi_sys_kernel_btf_vmlinux') === 'abi-sys-kernel-btf-vmlinux'
 */
export function labelToAnchor(label: string): string {
  // Labels are mostly ASCII already, which NFKD and the non-ASCII strip leave as they are.
  return (ASCII.test(label) ? label : label.normalize('NFKD'))
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
}
