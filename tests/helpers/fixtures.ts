import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { compareText } from '../../content-loader/shared/compare.ts';

/** Folder of fixture cases `tests/fixtures/<kind>/<case>/`. */
export function fixtureCases(kind: string): { name: string; dir: string }[] {
  const root = fileURLToPath(new URL(`../fixtures/${kind}/`, import.meta.url));
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: join(root, d.name) }))
    .sort((a, b) => compareText(a.name, b.name));
}

/**
 * The expected output stored beside a case. With UPDATE_FIXTURES=1 the actual
 * output is written instead (review the diff before committing it).
 */
export function expectedFor(path: string, actual: string): string | undefined {
  if (process.env.UPDATE_FIXTURES === '1') writeFileSync(path, actual);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}
