/** Which virtual filesystem a creation site makes a file in. */
export const SOURCE_FS = ['sysfs', 'debugfs', 'procfs', 'configfs'] as const;
export type SourceFs = (typeof SOURCE_FS)[number];

/**
 * How a site creates its file, from the most direct to the weakest evidence:
 * - `macro`: an attribute macro (`DEVICE_ATTR_RW(mtu)`) or a wrapper whose body expands to one;
 * - `struct`: a hand-written attribute (`.name = "foo"` beside `.mode`, or `attr.name = "foo"`);
 * - `call`: `debugfs_create_*("name", …)`, `proc_create*("name", …)`;
 * - `param`: `module_param(name, …)`, a file in `/sys/module/<module>/parameters/`;
 * - `table`: a name in a string table a core builds files from (`[hwmon_fan_input] = "fan%d_input"`);
 * - `template`: a printf format that names files (`"trip_point_%d_temp"`);
 * - `group`: a member of an attribute-group array whose definition was not read (`&foo_attr.attr`);
 * - `function`: a `<name>_show`/`<name>_store` callback.
 */
export const SITE_KINDS = ['macro', 'struct', 'call', 'param', 'table', 'template', 'group', 'function'] as const;
export type SiteKind = (typeof SITE_KINDS)[number];

/** One place in the kernel source that creates a file (or directory) under sysfs, debugfs, procfs or configfs. */
export interface SourceSite {
  /** Path relative to the kernel root, with `/` separators. */
  file: string;
  line: number;
  /** The file's name as the code gives it (`mtu`, `fan%d_input`, `CAPACITY`). */
  name: string;
  /** What the code calls to create it: the macro, function or table entry (`NETDEVICE_SHOW_RW`, `debugfs_create_u32`). */
  how: string;
  kind: SiteKind;
  fs: SourceFs;
  /** The directory the file is created in, when the code names it (an attribute group's `.name`, `proc_create("driver/rtc")`). */
  dir?: string;
}

/** The creation sites of a whole kernel tree. */
export interface SourceIndex {
  /** Format of this record; a cache of another format is rebuilt. */
  format: number;
  /** Files read (C sources and headers). */
  files: number;
  /** Sites in file, line, name order. */
  sites: SourceSite[];
  /** Problems met while reading (unreadable files), as `file:line: message` data. */
  warnings: SourceWarning[];
}

/** What went wrong with one source file: it could not be read, or the reader gave up on it. */
export const SOURCE_WARNING_KINDS = ['unreadable', 'not-indexed'] as const;

/** A file the index could not use, as data (`file:line: message` when printed). */
export interface SourceWarning {
  kind: (typeof SOURCE_WARNING_KINDS)[number];
  file: string;
  line: number;
  message: string;
}
