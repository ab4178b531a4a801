/**
 * The labels the kernel's Sphinx build gives entries and files, so links
 * into docs.kernel.org's ABI pages can be sent to the right page here.
 */

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
 * The HTML id Sphinx (docutils `make_id`) derives from a label.
 * @example labelToAnchor('abi_sys_kernel_btf_vmlinux') === 'abi-sys-kernel-btf-vmlinux'
 */
export function labelToAnchor(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/[^\x00-\x7f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^[-0-9]+|-+$/g, '');
}
