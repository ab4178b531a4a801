/**
 * The kernel's attribute macro families, by name. Their definitions in
 * include/ are read like any wrapper's (so `IIO_CONST_ATTR_SAMP_FREQ_AVAIL`
 * gives `sampling_frequency_available`); this table is what a family
 * member means where no definition was read (a partial tree, a header of
 * an architecture not indexed): the file's name is its `_name` argument.
 */
import type { NameExpr } from './macros.ts';

// Each alternative is a fixed prefix then one \w run: nothing to backtrack into.
const FAMILY = /^(?:__ATTR|__BIN_ATTR|DEVICE_\w*ATTR|BIN_ATTR|CLASS_ATTR|BUS_ATTR|DRIVER_ATTR|KERNEL_ATTR_|CONFIGFS_\w*ATTR|IIO_\w*ATTR|SENSOR_\w*ATTR|\w+_ATTR_(?:RO|RW|WO|ADMIN_RO|ADMIN_RW))\w*$/;

/**
 * The fallback meaning of a family macro: its name argument (the second for
 * `CONFIGFS_ATTR(_pfx, _name)` and the `*_NAMED(_vname, _name, …)` forms,
 * else the first). Undefined for names outside the families, and for the
 * `*ATTRIBUTE*` helpers, which name no file (`ATTRIBUTE_GROUPS`).
 * @example familyBinder('DEVICE_ATTR_RW') // [{ parts: [{ param: 0, as: 'text' }], fs: 'sysfs' }]
 */
export function familyBinder(name: string): NameExpr[] | undefined {
  if (!FAMILY.test(name) || name.includes('ATTRIBUTE') || name === '__ATTR_NULL') return undefined;
  const configfs = name.startsWith('CONFIGFS_');
  const param = configfs || name.endsWith('_NAMED') ? 1 : 0;
  return [{ parts: [{ param, as: 'text' }], fs: configfs ? 'configfs' : 'sysfs' }];
}

/** True for a family macro name (its sites are the direct evidence the issue lists). */
export function isFamilyMacro(name: string): boolean {
  return familyBinder(name) !== undefined;
}
