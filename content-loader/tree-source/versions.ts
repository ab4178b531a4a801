// A kernel release label: "6.12", "6.1.192", "7.0-rc3" (a release candidate
// comes before its release).
const KERNEL_VERSION = /^(\d+(?:\.\d+)*)(?:-rc(\d+))?$/;

/** True when `label` reads as a kernel release ("6.12", "7.0-rc3"), so it can be ordered. */
export function isKernelVersion(label: string): boolean {
  return KERNEL_VERSION.test(label);
}

/**
 * Orders kernel versions numerically; `-rcN` sorts before the release.
 * @example ['6.12', '6.1', '7.0', '7.0-rc2'].sort(compareVersions) // ['6.1', '6.12', '7.0-rc2', '7.0']
 */
export function compareVersions(a: string, b: string): number {
  const [na, rcA] = numbers(a);
  const [nb, rcB] = numbers(b);
  for (let i = 0; i < Math.max(na.length, nb.length); i++) {
    const d = (na[i] ?? 0) - (nb[i] ?? 0);
    if (d) return d;
  }
  return rcA === rcB ? 0 : rcA - rcB;
}

/** The dotted numbers, and the rc number (Infinity for a release, so it sorts last). */
function numbers(label: string): [number[], number] {
  const m = KERNEL_VERSION.exec(label);
  if (!m) return [label.split('.').map(Number), Infinity];
  return [m[1]!.split('.').map(Number), m[2] === undefined ? Infinity : Number(m[2])];
}
