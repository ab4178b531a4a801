// The few statistics the bench scripts report.

/** The middle value; for an even count, the mean of the two middle ones. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The value below which a share `p` (0-1) of the values lie. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

/** Milliseconds of the median of `runs` calls of `fn`, after one warm-up call. */
export function medianTime(runs: number, fn: () => void): number {
  fn();
  return median(
    Array.from({ length: runs }, () => {
      const started = performance.now();
      fn();
      return performance.now() - started;
    }),
  );
}
