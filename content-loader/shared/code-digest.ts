import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';

/**
 * A digest of the code in some folders (each `.ts` file's path and bytes, or
 * each file's whose name ends with one of `extensions`).
 * Caches that outlive a run (Astro's data store in `node_modules/.astro`,
 * kept between CI runs; the source index) key on it, so upgrading ABI Atlas
 * never serves what older code made.
 */
export function codeDigest(folders: readonly URL[], extensions: readonly string[] = ['.ts']): string {
  const hash = createHash('sha256');
  for (const folder of folders) {
    const dir = fileURLToPath(folder);
    const files = (readdirSync(dir, { recursive: true }) as string[]).filter((f) => extensions.some((e) => f.endsWith(e))).sort();
    for (const file of files) hash.update(`${file}\n`).update(readFileSync(join(dir, file)));
  }
  return hash.digest('hex').slice(0, 16);
}
