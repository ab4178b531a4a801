/**
 * Ranking of the symbols documenting one path: the most specific first.
 * Specificity is what a reader expects: the What typed exactly, then more
 * literal characters (`cpu[0-9]+/cpufreq` beats `<dev>/cpufreq`), then more
 * literal segments, then fewer wildcards, then narrower ones (a number before
 * a name), then the path as given before a
 * symlinked view of it; ties fall to the stabler level,
 * then to the What string and input order, so the order is deterministic.
 */
import { LEVELS } from '../types.ts';
import { compareText } from '../shared/compare.ts';
import type { Ranked } from './resolver.ts';

export function byRank(a: Ranked, b: Ranked): number {
  if (a.exact !== b.exact) return a.exact ? -1 : 1;
  const ca = a.target.compiled;
  const cb = b.target.compiled;
  return (
    cb.literalChars - ca.literalChars ||
    cb.literalSegments - ca.literalSegments ||
    ca.wildcards - cb.wildcards ||
    // The path as given before a symlinked view of it.
    ca.breadth - cb.breadth ||
    Number(a.via !== undefined) - Number(b.via !== undefined) ||
    LEVELS.indexOf(a.target.symbol.level) - LEVELS.indexOf(b.target.symbol.level) ||
    compareText(a.target.symbol.what, b.target.symbol.what) ||
    a.target.order - b.target.order
  );
}
