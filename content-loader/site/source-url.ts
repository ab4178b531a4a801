/** The kernel's git web view, where source links point unless ABI_SOURCE_URL says otherwise. */
export const KERNEL_GIT_TREE = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/';

/**
 * Link to a line of an ABI file at a git ref.
 * @example sourceUrl('testing/sysfs-kernel-btf', 9, 'v6.12') === KERNEL_GIT_TREE + 'Documentation/ABI/testing/sysfs-kernel-btf?h=v6.12#n9'
 */
export function sourceUrl(file: string, line: number, ref: string, repo = KERNEL_GIT_TREE): string {
  return `${repo}Documentation/ABI/${file}?h=${encodeURIComponent(ref)}#n${line}`;
}
