import type { AbiEntry } from '../types.ts';
import { normalizeWhat } from '../parse/permalink.ts';

/** Files with at least this many entries get a contents list at the top of their page. */
export const CONTENTS_FROM = 4;
/** A longer contents list starts folded (a <details>), so the entries are not pushed a screen down. */
const OPEN_UP_TO = 12;

/** One line of a file page's contents: an entry by its first What. */
export interface ContentsItem {
  anchor: string;
  what: string;
  /** How many more Whats the entry has. */
  more: number;
  summary?: string;
}

export interface FileContents {
  items: ContentsItem[];
  /** Whether the list starts unfolded. */
  open: boolean;
}

/**
 * The contents list of a file page, in file order; no items for short files.
 * @example fileContents(iioEntries, s).items[0] // { anchor: 'abi-sys-bus-iio-devices-iio-devicex', what: '/sys/bus/iio/devices/iio:deviceX', more: 0, summary: 'Hardware chip or device accessed by one communication port.' }
 */
export function fileContents(entries: AbiEntry[], summaryOf: (entry: AbiEntry) => string | undefined): FileContents {
  if (entries.length < CONTENTS_FROM) return { items: [], open: false };
  const items = entries.map((e) => {
    const summary = summaryOf(e);
    const item = { anchor: e.anchor, what: normalizeWhat(e.symbols[0]!.what), more: e.symbols.length - 1 };
    return summary === undefined ? item : { ...item, summary };
  });
  return { items, open: items.length <= OPEN_UP_TO };
}
