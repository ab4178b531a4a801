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
  if (major === 2 && minor === 6 && m[3] !== undefined && Number(m[3]) > 0) return { major, minor, patch: Number(m[3]) };
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

/**
 * The last minor release of each finished series: 2.6.39 (2.6 counted its
 * releases in the third number), 3.19, 4.20, 5.19, 6.19. KernelVersion
 * fields also say 3.21, 4.22, 5.20, 6.20: versions that were never released.
 */
const LAST_MINOR: Readonly<Record<number, number>> = { 1: 3, 2: 6, 3: 19, 4: 20, 5: 19, 6: 19 };
const LAST_2_6_RELEASE = 39;
/** No series has gone past this minor number; the bound for a series newer than the tree's. */
const MAX_MINOR = 20;

/**
 * True when `v` names a kernel that was released: within a finished series,
 * or, in a later series, not newer than `newest` (the documented tree's own
 * version, when known).
 * @example isKernelRelease({ major: 5, minor: 21 }) === false
 */
export function isKernelRelease(v: KernelVersion, newest?: KernelVersion): boolean {
  const last = LAST_MINOR[v.major];
  if (last !== undefined) {
    if (v.minor > last) return false;
    return !(v.major === 2 && v.minor === 6 && v.patch !== undefined && v.patch > LAST_2_6_RELEASE);
  }
  if (newest) return compareText(kernelSortKey(v), kernelSortKey(newest)) <= 0;
  return v.minor <= MAX_MINOR;
}

/** The version of a KernelVersion field when it names a released kernel. */
export function releasedKernel(raw: string | undefined, newest?: KernelVersion): KernelVersion | undefined {
  const v = parseKernelVersion(raw);
  return v && isKernelRelease(v, newest) ? v : undefined;
}

/** Compares filter labels as versions, newest first. */
export function compareKernelLabels(a: string, b: string): number {
  const key = (s: string) => kernelSortKey(parseKernelVersion(s));
  return compareText(key(b), key(a));
}
