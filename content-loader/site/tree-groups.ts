/** Folders with more children than this are shown in groups. */
export const GROUP_ABOVE = 40;
/** A group larger than this is split by the next name part, where the names allow. */
const MAX_GROUP = 40;
/** Fewer names than this sharing a prefix do not make a group of their own. */
const MIN_GROUP = 3;
/** Groups are kept only when they hold at least this share of the children; otherwise one flat list reads better. */
const MIN_GROUPED_SHARE = 0.4;

/** Children of a folder that share a name prefix (`in_accel_*`), or the rest of a prefix ("other `in_*`"). */
export interface NameGroup<T> {
  /** The shared prefix, e.g. "in_accel_" ("" for the whole folder). */
  prefix: string;
  /** The names with this prefix that no smaller group took. */
  other: boolean;
  /** An HTML id for the group, readable and unique on the page. */
  id: string;
  /** The prefix as a pattern ("in_accel_*"); absent for the whole folder and its other names. */
  pattern?: string;
  items: T[];
}

/**
 * Groups a folder's children (sorted by name) by the parts of their names
 * split after `_ - . :`, so that `iio:deviceX/` reads as `in_accel_*`,
 * `in_anglvel_*`, ..., "other `in_*`", "other names". A group too big is
 * split again by its next part; names that share a prefix with fewer than
 * three others go to the "other" group of the prefix above. Folders with at
 * most GROUP_ABOVE children, or whose names share little, give one group.
 * @example nameGroups(iioChildren).map((g) => g.prefix) // ['calibration_', 'in_accel_', ..., 'in_', '']
 */
export function nameGroups<T extends { name: string }>(children: T[]): NameGroup<T>[] {
  const whole = [{ prefix: '', other: false, id: 'all', items: children }];
  if (children.length <= GROUP_ABOVE) return whole;
  const groups = split(children.map((item) => ({ item, parts: nameParts(item.name) })), '', 0);
  const grouped = groups.filter((g) => g.prefix !== '').reduce((n, g) => n + g.items.length, 0);
  if (groups.length < 2 || grouped < children.length * MIN_GROUPED_SHARE) return whole;
  const ids = new Set<string>();
  return groups.map(({ prefix, other, items }) => {
    const group = { prefix, other, id: uniqueId(prefix, other, ids), items: items.map((i) => i.item) };
    return prefix ? { ...group, pattern: `${prefix}*` } : group;
  });
}

/** A name's parts, each with the separator that ends it: "in_accel_x_raw" -> in_, accel_, x_, raw. */
export function nameParts(name: string): string[] {
  return name.match(/[^_\-.:]*[_\-.:]|[^_\-.:]+$/g) ?? [name];
}

interface Named<T> {
  item: T;
  parts: string[];
}
interface Split<T> {
  prefix: string;
  other: boolean;
  items: Named<T>[];
}

/** Groups of `items`, which all start with the first `depth` parts (`prefix`). */
function split<T>(items: Named<T>[], prefix: string, depth: number): Split<T>[] {
  const byNext = new Map<string, Named<T>[]>();
  for (const n of items) {
    const key = n.parts.slice(0, depth + 1).join('');
    byNext.set(key, [...(byNext.get(key) ?? []), n]);
  }
  const deeper = (list: Named<T>[]) => list.some((n) => n.parts.length > depth + 1);
  if (byNext.size === 1) {
    const [key, list] = [...byNext][0]!;
    return deeper(list) ? split(list, key, depth + 1) : [{ prefix, other: false, items }];
  }
  const groups: Split<T>[] = [];
  const rest: Named<T>[] = [];
  for (const [key, list] of byNext) {
    if (list.length < MIN_GROUP) rest.push(...list);
    else if (list.length > MAX_GROUP && deeper(list)) {
      for (const g of split(list, key, depth + 1)) {
        if (g.other && g.items.length < MIN_GROUP) rest.push(...g.items);
        else groups.push(g);
      }
    } else groups.push({ prefix: key, other: false, items: list });
  }
  if (rest.length) groups.push({ prefix, other: groups.length > 0, items: rest });
  return groups;
}

function uniqueId(prefix: string, other: boolean, taken: Set<string>): string {
  const base = `names-${prefix.replace(/[^A-Za-z0-9_.:-]/g, '~')}${other ? '-other' : ''}`;
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}-${i}`;
  taken.add(id);
  return id;
}
