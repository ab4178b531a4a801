/** The kernel's git web view, where source links point unless ABI_SOURCE_URL says otherwise. */
export const KERNEL_GIT_TREE = 'https://git.kernel.org/pub/scm/linux/kernel/git/torvalds/linux.git/tree/';

/**
 * Link to a line of an ABI file at a git ref.
 * @example sourceUrl('testing/sysfs-kernel-btf', 9, 'v6.12') === KERNEL_GIT_TREE + 'Documentation/ABI/testing/sysfs-kernel-btf?h=v6.12#n9'
 */
export function sourceUrl(file: string, line: number, ref: string, repo = KERNEL_GIT_TREE): string {
  return kernelFileUrl(`Documentation/ABI/${file}`, line, ref, repo);
}

/**
 * Link to a line of any file of the kernel tree at a git ref.
 * @example kernelFileUrl('net/core/net-sysfs.c', 385, 'v6.12') === KERNEL_GIT_TREE + 'net/core/net-sysfs.c?h=v6.12#n385'
 */
export function kernelFileUrl(path: string, line: number, ref: string, repo = KERNEL_GIT_TREE): string {
  return `${repo}${path}?h=${encodeURIComponent(ref)}#n${line}`;
}

/**
 * The same line in Elixir's cross-referencer (identifiers linked to their definitions).
 * @example elixirUrl('net/core/net-sysfs.c', 385, 'v6.12') === 'https://elixir.bootlin.com/linux/v6.12/source/net/core/net-sysfs.c#L385'
 */
export function elixirUrl(path: string, line: number, ref: string): string {
  return `https://elixir.bootlin.com/linux/${encodeURIComponent(ref)}/source/${path}#L${line}`;
}
