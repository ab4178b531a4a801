import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Every file below `dir`, as paths relative to it with `/` separators, sorted. */
export function siteFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => relative(dir, join(d.parentPath, d.name)).split('\\').join('/'))
    .sort();
}
