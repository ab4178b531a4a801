/**
 * What a What says about the file it documents, for matching it to code:
 * its filesystem, its last segment as a name matcher, its parent folder,
 * and the words of its path.
 */
import { compileWhat, isFailure, type SegmentMatcher } from '../resolve/index.ts';
import type { SourceFs } from './types.ts';

export interface WhatShape {
  fs: SourceFs;
  /** The last segment: the file's (or folder's) name. */
  name: SegmentMatcher;
  /** The segment before it, when there is one (`statistics` in `.../statistics/rx_bytes`). */
  parent?: SegmentMatcher;
  /** Words of the literal text of the last segment (`fan`, `input` for `fanY_input`). */
  nameWords: string[];
  /** Tokens (letters and digits) of the other segments, without the generic ones (`net` for `/sys/class/net/<iface>/mtu`). */
  pathWords: string[];
  /** Tokens of the parent segment (`statistics`; `events` of `.../events/in_accel_x_thresh_rising_en`). */
  parentWords: string[];
  /** Words naming the wildcards of the path (`disk` of `/sys/block/<disk>/...`). */
  holderWords: string[];
  /** Words naming the wildcard that is the parent segment (`partition` of `.../<partition>/discard_alignment`): the object the file belongs to. */
  parentHolderWords: string[];
}

// Segments that say nothing about which code is meant.
const GENERIC = new Set(['sys', 'devices', 'device', 'bus', 'class', 'kernel', 'debug', 'config', 'platform', 'drivers', 'driver', 'proc', 'pid', 'self', 'module', 'parameters', 'of']);
// Wildcard names that say only "some instance" (`<name>`, `<N>`, `<device>`).
const GENERIC_HOLDERS = new Set([...GENERIC, 'name', 'names', 'id', 'num', 'number', 'nr', 'index', 'idx', 'dev', 'instance', 'value', 'any', 'the', 'and']);

/** The filesystem a What lives in, from its mount point; undefined for /dev nodes and other non-attribute paths. */
export function whatFs(what: string): SourceFs | undefined {
  if (/^\/sys\/kernel\/debug(\/|$)|^\/debug\//.test(what)) return 'debugfs';
  if (/^\/sys\/kernel\/config(\/|$)|^\/config(\/|$)/.test(what)) return 'configfs';
  if (what.startsWith('/proc/')) return 'procfs';
  if (what.startsWith('/sys/')) return 'sysfs';
  return undefined;
}

/**
 * The shape of a path What; undefined for a What that is not a path, not in
 * sysfs/debugfs/procfs/configfs, or whose last segment has no literal text.
 * @example whatShape('/sys/class/net/<iface>/statistics/rx_bytes')?.pathWords // ['net', 'statistics']
 */
export function whatShape(what: string): WhatShape | undefined {
  const compiled = compileWhat(what);
  if (!compiled || isFailure(compiled)) return undefined;
  const fs = whatFs(compiled.what);
  const segments = compiled.segments;
  const name = segments.at(-1);
  if (!fs || !name || name.kind === 'multi' || (name.kind === 'pattern' && name.literalChars === 0)) return undefined;
  const parent = segments.length > 1 ? segments.at(-2) : undefined;
  const pathWords = new Set<string>();
  const holderWords = new Set<string>();
  for (const s of segments.slice(0, -1)) {
    for (const w of tokens(literalText(s.text))) if (!GENERIC.has(w)) pathWords.add(w);
    for (const holder of s.text.matchAll(/<([^>]*)>/g)) for (const w of tokens(holder[1]!)) if (!GENERIC_HOLDERS.has(w)) holderWords.add(w);
  }
  const parentWords = parent ? tokens(literalText(parent.text)).filter((w) => !GENERIC.has(w)) : [];
  const holders = (text: string) => [...text.matchAll(/<([^>]*)>/g)].flatMap((h) => tokens(h[1]!)).filter((w) => !GENERIC_HOLDERS.has(w) && !pathWords.has(w));
  const parentHolderWords = parent ? holders(parent.text) : [];
  const shape: WhatShape = {
    fs,
    name,
    nameWords: words(literalText(name.text)),
    pathWords: [...pathWords],
    parentWords,
    holderWords: [...holderWords].filter((w) => !pathWords.has(w) && !parentHolderWords.includes(w)),
    parentHolderWords,
  };
  if (parent) shape.parent = parent;
  return shape;
}

/**
 * The literal text of a What segment: wildcards and glued placeholders
 * (`X` in `cpuX`) replaced by spaces.
 * @example literalText('in_voltageY_raw') === 'in_voltage _raw'
 */
export function literalText(text: string): string {
  return text.replace(/<[^>]*>|\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|%\d*[a-z]|\$\w+|\*/g, ' ').replace(/(?<![A-Z])[XYZN]+(?![A-Z])/g, ' ');
}

/**
 * The lower-case words of a name, split at anything but letters (so `fan1`
 * and `fan%d` both give `fan`); words of one letter are dropped.
 * @example words('fan%d_input') // ['fan', 'input']
 */
export function words(text: string): string[] {
  return text
    .replace(/%\d*l*[a-z]/g, ' ')
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter((w) => w.length > 1);
}

/**
 * The lower-case tokens of a path or name, split at anything but letters and digits.
 * @example tokens('drivers/power/supply/bq24257_charger.c') // ['drivers', 'power', 'supply', 'bq24257', 'charger']
 */
export function tokens(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((w) => w.length > 1);
}
