import { walkTree } from '../parse/walk.ts';

/**
 * The feed's `updated` time. A build must not stamp the clock (the same input
 * builds byte-identical output), so: SOURCE_DATE_EPOCH when set (the
 * reproducible-builds convention), else the newest file time in the tree.
 */
export function feedTime(abiDir: string, env: Record<string, string | undefined> = process.env): string {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return rfc3339(Number(epoch) * 1000);
  let newest = 0;
  for (const f of walkTree(abiDir).files) newest = Math.max(newest, f.mtimeMs);
  return rfc3339(newest);
}

function rfc3339(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
