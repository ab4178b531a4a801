import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * True when `path` (relative to `root`, `*` within one segment) names
 * something that exists.
 * @example pathPresent(root, 'Documentation/admin-guide/abi*.rst')
 */
export function pathPresent(root: string, path: string): boolean {
  let dirs = [root];
  for (const segment of path.split('/')) {
    if (!segment.includes('*')) {
      dirs = dirs.map((d) => join(d, segment)).filter((d) => existsSync(d));
    } else {
      const pattern = new RegExp(`^${segment.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('[^/]*')}$`);
      dirs = dirs.flatMap((d) => (isDir(d) ? readdirSync(d).filter((n) => pattern.test(n)).map((n) => join(d, n)) : []));
    }
    if (!dirs.length) return false;
  }
  return true;
}

function isDir(path: string): boolean {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}
