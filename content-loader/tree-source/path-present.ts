import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * What `path` (relative to `root`, `*` within one segment) names on disk,
 * sorted; empty when nothing matches.
 * @example matchPath(root, 'Documentation/admin-guide/abi*.rst') // [.../abi-obsolete.rst, ...]
 */
export function matchPath(root: string, path: string): string[] {
  let found = [root];
  for (const segment of path.split('/')) {
    if (!segment.includes('*')) {
      found = found.map((d) => join(d, segment)).filter((d) => existsSync(d));
    } else {
      const pattern = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      found = found.flatMap((d) => (isDir(d) ? readdirSync(d).filter((n) => pattern.test(n)).sort().map((n) => join(d, n)) : []));
    }
    if (!found.length) return [];
  }
  return found;
}

/** True when `path` (relative to `root`, `*` within one segment) names something that exists. */
export function pathPresent(root: string, path: string): boolean {
  return matchPath(root, path).length > 0;
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
