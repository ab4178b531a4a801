/**
 * Symlinked views of a device path. A class device lives under its parent in
 * `/sys/devices` (`.../0000:00:1f.6/net/eth0`) and is linked from
 * `/sys/class/net/eth0`; block devices also from `/sys/block/sda`. Most
 * Whats are written against the class view, so a `/sys/devices/...` path is
 * also tried under those names. Only classes that some What documents are
 * tried, which keeps the number of extra walks to one or two.
 */

/** Real device paths have one or two class folders; a crafted one may name a class at every level. */
const MAX_VIEWS = 4;

/** A view: its first segments (`sys class net`), then the path's own segments from index `from` on. */
export interface ViewSplit {
  head: string[];
  from: number;
}

/** Where a `/sys/devices/...` path (given by its segment names) has `/sys/class/...` and `/sys/block/...` spellings. */
export function classViewSplits(names: readonly string[], classes: ReadonlySet<string>): ViewSplit[] {
  if (names[0] !== 'sys' || names[1] !== 'devices') return [];
  const views: ViewSplit[] = [];
  // The class folder needs a device name after it: `<class>/<device>[/attribute...]`.
  for (let i = 2; i < names.length - 1; i++) {
    const name = names[i]!;
    if (classes.has(name)) views.push({ head: ['sys', 'class', name], from: i + 1 });
    if (name === 'block') views.push({ head: ['sys', 'block'], from: i + 1 });
  }
  // The deepest ones: the device's own class folder is the last on its path.
  return views.slice(-MAX_VIEWS);
}

/** The `/sys/class/...` and `/sys/block/...` spellings of a `/sys/devices/...` path, as segments. */
export function classViews(segments: readonly string[], classes: ReadonlySet<string>): string[][] {
  return classViewSplits(segments, classes).map(({ head, from }) => [...head, ...segments.slice(from)]);
}
