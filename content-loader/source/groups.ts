/**
 * Attribute groups: `struct attribute *foo_attrs[] = { &dev_attr_bar.attr, … }`
 * lists the files a device gets, and `struct attribute_group g = { .name =
 * "statistics", .attrs = foo_attrs }` puts them in a subdirectory. Both are
 * read by name within one file, which is where the kernel keeps them.
 */
import { fieldValues, stringValue, valueAt } from './c-text.ts';

// `struct attribute *NAME[…] = {` (also `bin_attribute`, `const`); runs of distinct classes, linear.
const ATTRIBUTE_ARRAY = /struct\s+(?:bin_)?attribute\s*\*\s*(?:const\s+)?(\w+)\s*\[[^\]\n]*\]\s*(?:__\w+\s*)?=\s*\{/g;
// `&dev_attr_foo.attr`, `&sensor_dev_attr_fan1_input.dev_attr.attr`, `&foo_attr.attr`.
const MEMBER = /&\s*(\w+)\s*(?:\.\s*\w+\s*)*/g;

// The variable-name prefixes the family macros give (`DEVICE_ATTR(x)` declares `dev_attr_x`).
const PREFIXES = ['sensor_dev_attr_', 'iio_dev_attr_', 'iio_const_attr_', 'dev_attr_', 'class_attr_', 'bus_attr_', 'driver_attr_', 'bin_attr_', 'format_attr_', 'kobj_attr_'];
const SUFFIXES = ['_attribute', '_attr'];

/**
 * The file name an attribute variable stands for.
 * @example attributeName('dev_attr_mtu') === 'mtu'; attributeName('state_attr') === 'state'; attributeName('armv8_event_attr_sw_incr') === 'sw_incr'
 */
export function attributeName(variable: string): string {
  for (const p of PREFIXES) if (variable.startsWith(p) && variable.length > p.length) return variable.slice(p.length);
  // Wrappers name their variables `<prefix>_attr_<name>` (`armv8_event_attr_sw_incr`).
  const inner = variable.lastIndexOf('_attr_');
  if (inner > 0 && inner + 6 < variable.length) return variable.slice(inner + 6);
  for (const s of SUFFIXES) if (variable.endsWith(s) && variable.length > s.length) return variable.slice(0, -s.length);
  return variable;
}

interface AttributeArray {
  /** Offsets of its `{` and `}`. */
  open: number;
  close: number;
  members: { offset: number; variable: string }[];
}

/** Each attribute array of the text with its member variables. */
function attributeArrays(code: string): Map<string, AttributeArray> {
  const arrays = new Map<string, AttributeArray>();
  for (const m of code.matchAll(ATTRIBUTE_ARRAY)) {
    const open = m.index + m[0].length - 1;
    const close = code.indexOf('};', open);
    if (close < 0) continue;
    const body = code.slice(open, close);
    const members = [...body.matchAll(MEMBER)].map((x) => ({ offset: open + x.index, variable: x[1]! }));
    arrays.set(m[1]!, { open, close, members });
  }
  return arrays;
}

/** Members of every attribute array, as file names (`&dev_attr_mtu.attr` -> `mtu`). */
export function groupMembers(code: string): { offset: number; name: string; variable: string }[] {
  return [...attributeArrays(code).values()].flatMap((a) => a.members).map((m) => ({ ...m, name: attributeName(m.variable) }));
}

/**
 * The folders named groups create (`.name = "statistics", .attrs =
 * netstat_attrs`), each member's folder by its file name, and the spans of
 * the arrays they list (for attributes defined inside the array).
 */
export function groupDirs(code: string): { dirs: Map<string, string>; groups: { offset: number; name: string }[]; spans: { open: number; close: number; dir: string }[] } {
  const dirs = new Map<string, string>();
  const groups: { offset: number; name: string }[] = [];
  const spans: { open: number; close: number; dir: string }[] = [];
  if (!code.includes('.attrs') && !code.includes('.bin_attrs')) return { dirs, groups, spans };
  const arrays = attributeArrays(code);
  for (const field of ['.attrs', '.bin_attrs']) {
    for (let at = code.indexOf(field); at >= 0; at = code.indexOf(field, at + field.length)) {
      const eq = code.indexOf('=', at);
      if (eq < 0 || eq > at + field.length + 4) continue;
      const array = valueAt(code, eq + 1)?.replace(/^\(\s*struct[^)]*\)\s*/, '');
      const open = code.lastIndexOf('{', at);
      const close = code.indexOf('}', at);
      if (!array || open < 0 || close < 0 || at - open > 400) continue;
      const name = fieldValues(code.slice(open, close), ['name']).map(stringValue).find((v) => v !== undefined);
      if (!name) continue;
      // The site is the line of the group's name (its `.name = "…"`), not of its `{`.
      const quoted = code.indexOf(`"${name}"`, open);
      const offset = quoted >= 0 && quoted < close ? quoted : open;
      if (!groups.some((g) => g.offset === offset)) groups.push({ offset, name });
      const members = arrays.get(array);
      if (!members) continue;
      for (const m of members.members) dirs.set(attributeName(m.variable), name);
      // Attributes made inside the array (`ARMV8_EVENT_ATTR(sw_incr, …),` as an element) are in the folder too.
      spans.push({ open: members.open, close: members.close, dir: name });
    }
  }
  return { dirs, groups, spans };
}
