/**
 * Sorting thousands of ranked rows by one number each. A short query
 * (`sys`, `sysfs`) ranks most symbols, and most of them tie on most
 * signals: a comparator walking a dozen signals per comparison was the
 * largest cost of a keystroke. Each row's signals are small integers (or
 * fixed-point, as the ranker rounds them), so a row packs exactly into one
 * float64 in mixed radix, with a unique tie rank in the lowest digit, and
 * a native numeric sort orders them. No node: imports.
 */

/** Largest integer a float64 holds exactly. */
const EXACT_LIMIT = Number.MAX_SAFE_INTEGER;

/**
 * The order of `rows` rows of `width` signals each (row r at
 * `signals[r * width]`): larger signals first, compared left to right, then
 * the smaller `tie(r)` (distinct per row, `0 <= tie(r) < ties`). Each signal
 * is read as `Math.round(value * scales[i])`, so a value rounded to
 * 1/scale packs exactly. Undefined when the packed keys would not be
 * exact (then the caller compares rows itself).
 * @example packedOrder(Float64Array.of(1, 2), 1, 2, (r) => r, 2) // Uint32Array [1, 0]
 */
export function packedOrder(signals: Float64Array, width: number, rows: number, tie: (row: number) => number, ties: number, scales: readonly number[] = []): Uint32Array | undefined {
  const max = new Float64Array(width).fill(-Infinity);
  const min = new Float64Array(width).fill(Infinity);
  // The signals as integers, read once.
  const digits = new Float64Array(rows * width);
  for (let r = 0, at = 0; r < rows; r++) {
    for (let i = 0; i < width; i++, at++) {
      const v = (digits[at] = Math.round(signals[at]! * (scales[i] ?? 1)));
      if (v > max[i]!) max[i] = v;
      if (v < min[i]!) min[i] = v;
    }
  }
  // Weight of each signal's digit: the product of the ranges after it, times the tie ranks.
  const weight = new Float64Array(width);
  let span = ties;
  for (let i = width - 1; i >= 0; i--) {
    weight[i] = span;
    span *= rows > 0 ? max[i]! - min[i]! + 1 : 1;
    if (!Number.isFinite(span) || span > EXACT_LIMIT) return undefined;
  }
  const packed = new Float64Array(rows);
  const rowOfTie = new Int32Array(ties).fill(-1);
  for (let r = 0; r < rows; r++) {
    const t = tie(r);
    if (!(t >= 0 && t < ties) || rowOfTie[t] !== -1) return undefined;
    rowOfTie[t] = r;
    let key = t;
    // Larger first: a signal's digit counts down from its largest value.
    for (let i = 0, at = r * width; i < width; i++, at++) key += (max[i]! - digits[at]!) * weight[i]!;
    packed[r] = key;
  }
  packed.sort();
  const order = new Uint32Array(rows);
  for (let r = 0; r < rows; r++) order[r] = rowOfTie[packed[r]! % ties]!;
  return order;
}
