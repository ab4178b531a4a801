/**
 * Code-point order: the same in every locale, so output is byte-identical everywhere.
 * @example ['b', 'B', 'a'].sort(compareText) // ['B', 'a', 'b']
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
