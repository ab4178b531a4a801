/** Where fetching reports its phases: one line each (stderr by default). */
export type Log = (message: string) => void;

/**
 * Seconds since `started` (a Date.now() value), for progress lines.
 * @example elapsed(Date.now() - 12_340) // "12.3 s"
 */
export function elapsed(started: number): string {
  return `${((Date.now() - started) / 1000).toFixed(1)} s`;
}
