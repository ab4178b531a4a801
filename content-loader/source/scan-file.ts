/**
 * Reads one C file for the places that create sysfs, debugfs, procfs and
 * configfs files. Every `(` is looked at once: the identifier before it
 * decides what the call is (an attribute macro or wrapper, a debugfs or
 * procfs call, a module parameter, a show/store callback, a printf that
 * names files); then name fields, string tables and attribute groups.
 */
import { blankComments, fieldValues, identifierBefore, insideString, LineIndex, splitArgs, stringValue, valueAt } from './c-text.ts';
import { deriveBinder, isFileName, namesAt, readDefines, type MacroDef, type NameExpr } from './macros.ts';
import { familyBinder } from './families.ts';
import { groupDirs, groupMembers } from './groups.ts';
import type { SourceFs, SourceSite } from './types.ts';

/** Binders known outside the file (from headers), by macro name; undefined when none. */
export type GlobalBinders = (name: string) => NameExpr[] | undefined;

export interface FileScan {
  sites: SourceSite[];
  defines: MacroDef[];
}

/** Scans a file's text; `file` is relative to the kernel root. */
export function scanFile(file: string, text: string, global: GlobalBinders): FileScan {
  const code = blankComments(text);
  const lines = new LineIndex(code);
  const lineAt = (offset: number) => lines.lineAt(offset);
  const { defines, spans } = readDefines(code, file, lineAt);
  const lookup = localBinders(defines, global);
  const sites: SourceSite[] = [];
  const offsets: number[] = [];
  const add = (offset: number, name: string, how: string, kind: SourceSite['kind'], fs: SourceFs, dir?: string) => {
    const site: SourceSite = { file, line: lineAt(offset), name, how, kind, fs };
    if (dir) site.dir = dir;
    sites.push(site);
    offsets.push(offset);
  };

  let span = 0;
  for (let open = code.indexOf('('); open >= 0; open = code.indexOf('(', open + 1)) {
    while (span < spans.length && spans[span]![1] < open) span++;
    if (span < spans.length && spans[span]![0] <= open) {
      open = spans[span]![1];
      continue;
    }
    const id = identifierBefore(code, open);
    if (!id) continue;
    const callee = id.name;
    const binder = lookup(callee);
    if ((binder || CALLS.has(callee) || callKind(callee)) && insideString(code, id.start)) continue;
    if (binder) {
      const call = splitArgs(code, open);
      if (call) for (const { name, fs } of namesAt(binder, call.args)) add(id.start, name, callee, 'macro', fs);
      continue;
    }
    const kind = CALLS.get(callee) ?? callKind(callee);
    if (!kind) continue;
    const call = splitArgs(code, open);
    if (!call) continue;
    if (kind === 'debugfs' || kind === 'procfs' || kind === 'sysfs') {
      // The name is the first literal among the first arguments (`debugfs_create_devm_seqfile(dev, "name", …)`,
      // `kobject_init_and_add(kobj, type, parent, "name")`).
      const path = call.args.slice(0, kind === 'sysfs' ? 4 : 2).map(stringValue).find((v) => v !== undefined);
      if (path === undefined) continue;
      const slash = path.lastIndexOf('/');
      const name = path.slice(slash + 1);
      if (kind === 'sysfs' && !CALLS.has(callee) && stringValue(call.args[0] ?? '') === undefined) continue;
      if (isFileName(name)) add(id.start, name, callee, 'call', kind, slash > 0 ? path.slice(0, slash) : undefined);
    } else if (kind === 'param') {
      const name = call.args[0] ?? '';
      const perm = call.args.at(-1) ?? '';
      // Permission 0: the parameter has no file in sysfs.
      if (/^\w+$/.test(name) && !/^0+$/.test(perm)) add(id.start, name, callee, 'param', 'sysfs', 'parameters');
    } else if (kind === 'function') {
      const name = callbackName(callee);
      if (name && isDefinitionOf(code, id.start, call.end, 'ssize_t') && isFileName(name)) add(id.start, name, callee, 'function', 'sysfs');
    } else if (kind === 'printf') {
      const template = call.args.map(stringValue).find((v) => v !== undefined && TEMPLATE.test(v));
      if (template) add(id.start, template, callee, 'template', 'sysfs');
    }
  }

  for (const { offset, name } of structNames(code)) add(offset, name, '.name', 'struct', file.startsWith('fs/proc/') ? 'procfs' : 'sysfs');
  for (const { offset, name, key } of nameTables(code)) add(offset, name, `[${key}]`, 'table', 'sysfs');

  // Attribute groups: the folder a named group creates, the folder of its members, and members defined nowhere read.
  const { dirs, groups, spans: groupSpans } = groupDirs(code);
  for (const g of groups) if (isFileName(g.name)) add(g.offset, g.name, 'attribute_group', 'group', 'sysfs');
  const named = new Set(sites.map((s) => s.name));
  for (const member of groupMembers(code)) {
    if (!named.has(member.name) && isFileName(member.name)) {
      add(member.offset, member.name, `&${member.variable}`, 'group', 'sysfs');
      named.add(member.name);
    }
  }
  sites.forEach((site, i) => {
    const offset = offsets[i]!;
    const dir = groupSpans.find((g) => g.open < offset && offset < g.close)?.dir ?? dirs.get(site.name);
    if (dir && !site.dir && site.fs === 'sysfs' && site.how !== 'attribute_group') site.dir = dir;
  });
  return { sites, defines };
}

type CallKind = 'debugfs' | 'procfs' | 'sysfs' | 'param' | 'function' | 'printf';

const CALLS = new Map<string, CallKind>([
  ['module_param', 'param'], ['module_param_named', 'param'], ['module_param_cb', 'param'], ['module_param_array', 'param'],
  ['module_param_array_named', 'param'], ['module_param_string', 'param'], ['module_param_named_unsafe', 'param'],
  ['module_param_unsafe', 'param'], ['module_param_hw', 'param'], ['module_param_hw_named', 'param'], ['module_param_hw_array', 'param'],
  ['core_param', 'param'],
  ['sprintf', 'printf'], ['snprintf', 'printf'], ['scnprintf', 'printf'], ['kasprintf', 'printf'], ['devm_kasprintf', 'printf'],
  // Folders and links in sysfs.
  ['kobject_create_and_add', 'sysfs'], ['kset_create_and_add', 'sysfs'], ['kobject_init_and_add', 'sysfs'], ['kobject_add', 'sysfs'],
  ['sysfs_create_link', 'sysfs'], ['sysfs_create_link_nowarn', 'sysfs'], ['sysfs_add_link_to_group', 'sysfs'], ['compat_only_sysfs_link_entry_to_kobj', 'sysfs'],
]);

function callKind(callee: string): CallKind | undefined {
  if (callee.startsWith('debugfs_create_')) return 'debugfs';
  if (/^proc_(?:create|mkdir|symlink|net_mkdir)/.test(callee)) return 'procfs';
  if (callee.endsWith('_show') || callee.endsWith('_store') || callee.startsWith('show_') || callee.startsWith('store_')) return 'function';
  // A helper that adds an attribute by name (`__iio_add_chan_devattr("en", …)`).
  if (/attr/i.test(callee) && !callee.startsWith('sysfs_')) return 'sysfs';
  return undefined;
}

/** `foo_show` / `show_foo` -> `foo`. */
function callbackName(callee: string): string | undefined {
  const m = /^(?:show|store)_(\w+)$/.exec(callee) ?? /^(\w+?)_(?:show|store)$/.exec(callee);
  return m?.[1];
}

/** A name with a number format in it: `fan%d_input`, `trip_point_%d_temp` (formats are fixed text, nothing to backtrack). */
const TEMPLATE = /^[a-z][a-z0-9_]*%[0-9]*[dui][a-z0-9_%]*$/;

/** True when the call at `start`..`end` is the definition of a function returning `type` (not a call or a prototype). */
function isDefinitionOf(code: string, start: number, end: number, type: string): boolean {
  const before = code.slice(Math.max(0, start - 40), start).trimEnd();
  if (!before.endsWith(type)) return false;
  let i = end;
  while (i < code.length && /\s/.test(code[i]!)) i++;
  return code[i] === '{';
}

/**
 * Hand-written attributes: `.name = "foo"` in an initializer that also
 * sets a permission `.mode`, show/store callbacks or IIO's `.shared` (a
 * `struct attribute`, an IIO extended-info entry), and assignments to `attr.name`.
 */
function structNames(code: string): { offset: number; name: string }[] {
  const out: { offset: number; name: string }[] = [];
  const described = describingInitializers(code);
  let next = 0;
  for (let at = code.indexOf('.name'); at >= 0; at = code.indexOf('.name', at + 5)) {
    while (next < described.length && described[next]![1] < at) next++;
    const inside = next < described.length && described[next]![0] <= at;
    const after = code.charCodeAt(at + 5);
    if (after !== 0x20 && after !== 0x09 && after !== 0x3d) continue;
    const eq = code.indexOf('=', at + 5);
    if (eq < 0 || eq > at + 12 || code.charCodeAt(eq + 1) === 0x3d) continue;
    const value = valueAt(code, eq + 1);
    const name = value === undefined ? undefined : stringValue(value);
    if (name === undefined || !isFileName(name)) continue;
    const assigned = /attr$/.test(code.slice(Math.max(0, at - 4), at));
    if (inside || assigned || blockHasMode(code, at)) out.push({ offset: at, name });
  }
  return out;
}

// `struct TYPE NAME[…] = {` or `struct TYPE NAME = {` (runs of distinct classes; linear).
const INITIALIZER = /struct\s+(\w+)\s+(?:const\s+)?\w+\s*(?:\[[^\]\n]*\]\s*)?(?:__\w+\s*)?=\s*\{/g;

/** Spans of initializers of types that describe files (`*attribute`, IIO's `iio_chan_spec_ext_info`), in order. */
function describingInitializers(code: string): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of code.matchAll(INITIALIZER)) {
    const type = m[1]!;
    if (!type.endsWith('attribute') && type !== 'iio_chan_spec_ext_info') continue;
    const open = m.index + m[0].length - 1;
    const close = code.indexOf('};', open);
    if (close > open) spans.push([open, close]);
  }
  return spans;
}

// A file permission (`0444`, `S_IRUGO | S_IWUSR`, `VERIFY_OCTAL_PERMISSIONS(m)`), not a pin or clock mode.
const PERMISSION = /^0[0-7]{3}$|S_I[RWX]|VERIFY_OCTAL/;

/** True when the initializer around `at` (bounded to a few hundred characters) sets `.mode`. */
function blockHasMode(code: string, at: number): boolean {
  const open = code.lastIndexOf('{', at);
  if (open < 0 || at - open > 300) return false;
  const close = code.indexOf('}', at);
  const end = close < 0 ? Math.min(code.length, at + 300) : Math.min(close, at + 300);
  const block = code.slice(open, end);
  return fieldValues(block, ['mode']).some((mode) => PERMISSION.test(mode)) || fieldValues(block, ['show', 'store', 'shared']).length > 0;
}

// `static const char * const NAME[...] = {`: a table of strings (runs of distinct classes; linear).
const STRING_TABLE = /char\s*\*\s*(?:const\s+)?(\w+)\s*\[[^\]\n]*\]\s*=\s*\{/g;
// `[KEY] = "value"` inside a table.
const DESIGNATED = /\[\s*(\w+)\s*\]\s*=\s*"([^"\n]*)"/g;

/**
 * Names in string tables a core builds files from: designated entries of
 * `char *` arrays whose name says so (`iio_chan_info_postfix`,
 * `hwmon_fan_attr_templates`, `iio_ev_type_text`).
 */
function nameTables(code: string): { offset: number; name: string; key: string }[] {
  const out: { offset: number; name: string; key: string }[] = [];
  for (const table of code.matchAll(STRING_TABLE)) {
    if (!/attr|postfix|name|text|template/i.test(table[1]!)) continue;
    const open = table.index + table[0].length - 1;
    const close = code.indexOf('};', open);
    if (close < 0) continue;
    const body = code.slice(open, close);
    for (const entry of body.matchAll(DESIGNATED)) {
      const name = entry[2]!;
      if (/^[a-z][a-z0-9_%]*$/.test(name) && isFileName(name)) out.push({ offset: open + entry.index, name, key: entry[1]! });
    }
  }
  return out;
}

/** Binders of the file's own macros (derived lazily, local definitions first), then the headers', then the families'. */
function localBinders(defines: readonly MacroDef[], global: GlobalBinders): (name: string) => NameExpr[] | undefined {
  const byName = new Map<string, MacroDef[]>();
  for (const d of defines) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const memo = new Map<string, NameExpr[] | null>();
  const lookup = (name: string): NameExpr[] | undefined => {
    const local = byName.get(name);
    if (!local) return global(name) ?? cachedFamily(name);
    const known = memo.get(name);
    if (known !== undefined) return known ?? undefined;
    memo.set(name, null); // a macro calling itself binds nothing through that call
    const exprs = local.flatMap((d) => deriveBinder(d, lookup));
    memo.set(name, exprs.length ? exprs : null);
    return exprs.length ? exprs : undefined;
  };
  return lookup;
}

const families = new Map<string, NameExpr[] | null>();
function cachedFamily(name: string): NameExpr[] | undefined {
  // Every family name has ATTR in it; most identifiers before a `(` are plain calls.
  if (!name.includes('ATTR')) return undefined;
  let known = families.get(name);
  if (known === undefined) {
    known = familyBinder(name) ?? null;
    families.set(name, known);
  }
  return known ?? undefined;
}
