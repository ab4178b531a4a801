/**
 * Symlinked views of a device path. A class device lives under its parent in
 * `/sys/devices` (`.../0000:00:1f.6/net/eth0`) and is linked from
 * `/sys/class/net/eth0`; block devices also from `/sys/block/sda`. Most
 * Whats are written against the class view, so a `/sys/devices/...` path is
 * also tried under those names. Only classes that some What documents are
 * tried, which keeps the number of extra walks to one or two.
 */

/** The `/sys/class/...` and `/sys/block/...` spellings of a `/sys/devices/...` path, as segments. */
export function classViews(segments: readonly string[], classes: ReadonlySet<string>): string[][] {
  if (segments[0] !== 'sys' || segments[1] !== 'devices') return [];
  const views: string[][] = [];
  // The class folder needs a device name after it: `<class>/<device>[/attribute...]`.
  for (let i = 2; i < segments.length - 1; i++) {
    const name = segments[i]!;
    const rest = segments.slice(i + 1);
    if (classes.has(name)) views.push(['sys', 'class', name, ...rest]);
    if (name === 'block') views.push(['sys', 'block', ...rest]);
  }
  return views;
}
