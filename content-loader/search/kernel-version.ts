/** Kernel versions as free-form KernelVersion fields write them, read for filters and sorting. */
import { compareText } from '../shared/compare.ts';

/** A kernel version read from a free-form KernelVersion field. */
export interface KernelVersion {
  major: number;
  minor: number;
  /** Only kept for the 2.6 series, where the third number is the release. */
  patch?: number;
}

/**
 * The first version number in a KernelVersion field ("v5.14", "2.6.22",
 * "4.01", "since at least 2.6.18", "6.0 (pmem), 6.3 (ram)"); undefined when
 * it has none ("TBD", "not yet upstreamed").
 */
export function parseKernelVersion(raw: string | undefined): KernelVersion | undefined {
  const m = raw ? /(\d+)\.(\d+)(?:\.(\d+))?/.exec(raw) : null;
  if (!m) return undefined;
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major === 0 || major > 99) return undefined;
  if (major === 2 && minor === 6 && m[3] !== undefined) return { major, minor, patch: Number(m[3]) };
  return { major, minor };
}

/** The filter value of a version: "6.12", "2.6.22". */
export function kernelLabel(v: KernelVersion): string {
  return v.patch === undefined ? `${v.major}.${v.minor}` : `${v.major}.${v.minor}.${v.patch}`;
}

/** A key that sorts versions as text: "006.012.000". Unknown versions sort first ("000.000.000"). */
export function kernelSortKey(v: KernelVersion | undefined): string {
  const pad = (n: number) => String(n).padStart(3, '0');
  return v ? `${pad(v.major)}.${pad(v.minor)}.${pad(v.patch ?? 0)}` : '000.000.000';
}

/** Compares filter labels as versions, newest first. */
export function compareKernelLabels(a: string, b: string): number {
  const key = (s: string) => kernelSortKey(parseKernelVersion(s));
  return compareText(key(b), key(a));
}
