import type { AbiEntry, AbiFile, AbiTree, Warning } from '../types.ts';

type Ordered<T> = T & { order: number };

/**
 * The machine-readable tree (`dist/abi.json`) from collection data: file
 * order restored, the collections' bookkeeping fields dropped.
 */
export function toAbiJson(entries: Ordered<AbiEntry>[], files: Ordered<AbiFile>[], warnings: Warning[]): AbiTree {
  const byOrder = <T extends { order: number }>(a: T, b: T) => a.order - b.order;
  const strip = <T extends { order: number }>({ order: _order, ...rest }: T) => rest;
  return {
    files: [...files].sort(byOrder).map(strip),
    entries: [...entries].sort(byOrder).map(strip),
    warnings,
  };
}
