import { compareText } from '../shared/compare.ts';

/** Items sharing a path prefix, for the changes pages. */
export interface PrefixGroup<T> {
  /** "/sys/class/net", or NOT_PATHS for Whats that are not paths. */
  prefix: string;
  items: T[];
}

export const NOT_PATHS = '(not paths)';

/**
 * Groups by the first `depth` segments of the What (`/sys/class/net`), in
 * prefix order; items keep their order inside a group. Three segments
 * splits sysfs into readable subsystems without one-item groups everywhere.
 */
export function groupByPrefix<T extends { what: string }>(items: readonly T[], depth = 3): PrefixGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const prefix = pathPrefix(item.what, depth);
    const list = groups.get(prefix);
    if (list) list.push(item);
    else groups.set(prefix, [item]);
  }
  return [...groups]
    .sort(([a], [b]) => compareText(a, b))
    .map(([prefix, list]) => ({ prefix, items: list }));
}

/** The first `depth` segments of a path What; a shorter What is its own prefix. */
export function pathPrefix(what: string, depth: number): string {
  if (!what.startsWith('/')) return NOT_PATHS;
  return '/' + what.slice(1).split('/').slice(0, depth).join('/');
}
