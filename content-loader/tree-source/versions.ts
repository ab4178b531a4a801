/**
 * Orders kernel versions numerically.
 * @example ['6.12', '6.1', '6.9'].sort(compareVersions) // ['6.1', '6.9', '6.12']
 */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d;
  }
  return 0;
}
