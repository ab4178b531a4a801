/**
 * What the code creates that no What documents, per MAINTAINERS entry.
 * A site counts when it makes a file (an attribute macro, a hand-written
 * attribute, a debugfs/procfs file, a name passed to an attribute helper);
 * callbacks, group members, folders, links, module parameters and name
 * tables are not files of their own. It is documented when some What can
 * be created by it (the matcher keeps it as a candidate, at any rank), or
 * when a What names the folder the code puts it in (`.../events/<event>`).
 */
import { compareText } from '../shared/compare.ts';
import type { MaintainersIndex } from './maintainers.ts';
import type { SourceMatcher, WhatContext } from './match.ts';
import type { SourceFs, SourceIndex, SourceSite } from './types.ts';

export interface CoverageItem {
  file: string;
  line: number;
  name: string;
  how: string;
  fs: SourceFs;
}

export interface SubsystemCoverage {
  /** The MAINTAINERS entry's title, or NO_ENTRY. */
  subsystem: string;
  /** URL-safe and unique: `networking-general`. */
  slug: string;
  status?: string;
  documented: number;
  /** In file and line order. */
  undocumented: CoverageItem[];
}

export interface Coverage {
  documented: number;
  undocumented: number;
  /** Most undocumented first, then by title. */
  subsystems: SubsystemCoverage[];
}

export const NO_ENTRY = '(no MAINTAINERS entry)';

// Calls that make folders or links, not files.
const NOT_FILES = /^(?:kobject_|kset_|sysfs_\w*link|compat_only_sysfs_link|debugfs_create_(?:dir|symlink|automount)|proc_mkdir|proc_net_mkdir|proc_symlink)/;

/** True for a site that makes one file (see the module comment). */
export function isFileSite(site: SourceSite): boolean {
  if (site.kind === 'macro' || site.kind === 'struct') return true;
  return site.kind === 'call' && !NOT_FILES.test(site.how);
}

/** Coverage of an index by the Whats of a tree (`contexts`: What -> its entry's context). */
export function sourceCoverage(index: SourceIndex, matcher: SourceMatcher, contexts: ReadonlyMap<string, WhatContext>, maintainers?: MaintainersIndex): Coverage {
  const claimed = new Set<string>();
  for (const [what, context] of contexts) {
    for (const c of matcher.claims(what, context)) claimed.add(`${c.file}\0${c.symbol}`);
    for (const site of matcher.folderClaims(what)) claimed.add(`${site.file}\0${site.name}`);
  }
  const groups = new Map<string, { status?: string; documented: Set<string>; undocumented: Map<string, CoverageItem> }>();
  for (const site of index.sites) {
    if (!isFileSite(site)) continue;
    const owner = maintainers?.owner(site.file);
    const subsystem = owner?.name ?? NO_ENTRY;
    let group = groups.get(subsystem);
    if (!group) {
      group = { documented: new Set(), undocumented: new Map() };
      if (owner?.status) group.status = owner.status;
      groups.set(subsystem, group);
    }
    // One file per name and source file: a name made twice (#ifdef variants) is one attribute.
    const key = `${site.file}\0${site.name}`;
    if (claimed.has(key)) group.documented.add(key);
    else if (!group.undocumented.has(key)) group.undocumented.set(key, { file: site.file, line: site.line, name: site.name, how: site.how, fs: site.fs });
  }
  const slugs = new Set<string>();
  const subsystems = [...groups]
    .sort(([a], [b]) => compareText(a, b))
    .map(([subsystem, g]): SubsystemCoverage => {
      for (const key of g.documented) g.undocumented.delete(key);
      const out: SubsystemCoverage = { subsystem, slug: uniqueSlug(subsystem, slugs), documented: g.documented.size, undocumented: [...g.undocumented.values()] };
      if (g.status) out.status = g.status;
      return out;
    })
    .sort((a, b) => b.undocumented.length - a.undocumented.length || compareText(a.subsystem, b.subsystem));
  return {
    documented: subsystems.reduce((n, s) => n + s.documented, 0),
    undocumented: subsystems.reduce((n, s) => n + s.undocumented.length, 0),
    subsystems,
  };
}

/**
 * A URL-safe slug for a MAINTAINERS title, made unique with a number.
 * @example uniqueSlug('NETWORKING [GENERAL]', new Set()) === 'networking-general'
 */
export function uniqueSlug(title: string, taken: Set<string>): string {
  const base = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 80).replace(/-+$/, '') || 'entry';
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}
