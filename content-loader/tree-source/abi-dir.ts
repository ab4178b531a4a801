import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Accepts a kernel source root, its Documentation folder or its
 * Documentation/ABI folder; returns the ABI folder.
 */
export function resolveAbiDir(root: string): string {
  for (const nested of [join(root, 'Documentation', 'ABI'), join(root, 'ABI')]) {
    if (existsSync(nested) && statSync(nested).isDirectory()) return nested;
  }
  return root;
}
