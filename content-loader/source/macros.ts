/**
 * Attribute macros and the wrappers around them. A macro "binds" a file
 * name when its body sets a name field from a parameter (`__ATTR`'s
 * `.name = __stringify(_name)`), or calls a macro that does
 * (`DEVICE_ATTR_RW(_name)` -> `__ATTR_RW(_name)`; net-sysfs.c's
 * `NETDEVICE_SHOW_RW(field, fmt)` -> `DEVICE_ATTR_RW(field)`). The name is
 * kept as parts (literal text and parameters) so any depth of wrapping,
 * token pasting (`_pfx##_name`) and string pasting (`_name "_available"`)
 * comes out as the name the kernel gives the file.
 */
import { fieldValues, identifierBefore, isIdentChar, skipQuoted, splitArgs, stringValue } from './c-text.ts';
import type { SourceFs } from './types.ts';

/** A piece of a name: literal text, or a macro parameter used as text (`#p`, `p##x`) or as a string value (`.name = p`). */
export type NamePart = { lit: string } | { param: number; as: 'text' | 'string' };

/** One file name a macro creates, in terms of its parameters. */
export interface NameExpr {
  parts: NamePart[];
  fs: SourceFs;
}

/** A function-like `#define`. */
export interface MacroDef {
  name: string;
  params: string[];
  body: string;
  file: string;
  line: number;
}

/** Finds what a macro name binds at a given place (local definitions first); undefined for a macro that names no file. */
export type BinderLookup = (name: string) => NameExpr[] | undefined;

// `#define NAME(` at a line start; each piece of the pattern is a run of one class, so it cannot backtrack.
const DEFINE = /^[ \t]*#[ \t]*define[ \t]+([A-Za-z_]\w*)\(/gm;

/**
 * The function-like macros defined in a file (comments already blanked),
 * and the spans of every `#define` (so their bodies are not read as uses).
 */
export function readDefines(code: string, file: string, lineAt: (offset: number) => number): { defines: MacroDef[]; spans: [number, number][] } {
  const defines: MacroDef[] = [];
  const spans: [number, number][] = [];
  for (const m of code.matchAll(DEFINE)) {
    const start = m.index;
    const open = start + m[0].length - 1;
    const close = code.indexOf(')', open);
    const end = logicalLineEnd(code, start);
    spans.push([start, end]);
    if (close < 0 || close > end) continue;
    const params = code.slice(open + 1, close).split(',').map((p) => p.replace(/\\\n/g, '').trim());
    const body = code.slice(close + 1, end).replace(/\\\r?\n/g, ' ');
    defines.push({ name: m[1]!, params: params.map((p) => (p === '...' ? '__VA_ARGS__' : p)), body, file, line: lineAt(start) });
  }
  return { defines, spans };
}

/** The end of the preprocessor line starting at `start`, following `\` continuations. */
function logicalLineEnd(code: string, start: number): number {
  let i = start;
  for (;;) {
    const nl = code.indexOf('\n', i);
    if (nl < 0) return code.length;
    let j = nl - 1;
    if (code.charCodeAt(j) === 0x0d) j--;
    if (code.charCodeAt(j) !== 0x5c) return nl;
    i = nl + 1;
  }
}

// Fields only a file's description has: callbacks (`.show`, procfs `.fop`/`.proc_ops`), configfs's owner, IIO's `.shared`.
const ATTRIBUTE_FIELDS = /\.\s*(?:show|store|fop|proc_fops|proc_ops|ca_owner|shared)\s*=/;

/** Fields that name a file: sysfs attributes (`.name`, `.attr.name`), configfs (`.ca_name`), power_supply's `.attr_name`. */
const NAME_FIELDS = ['name', 'ca_name', 'attr_name'];

/**
 * The names a macro's body binds, from name fields and from calls of
 * binders. A body that sets a name field only counts when it looks like an
 * attribute (the macro's name says attr, or the body sets callbacks,
 * a configfs owner or an IIO sharing mode), so `.name = #x` in a clock or a tracepoint table is not one.
 */
export function deriveBinder(def: MacroDef, lookup: BinderLookup): NameExpr[] {
  const found: NameExpr[] = [];
  const fs: SourceFs = /CONFIGFS|ca_name/.test(def.name + def.body) ? 'configfs' : def.file.startsWith('fs/proc/') ? 'procfs' : 'sysfs';
  if (/attr/i.test(def.name) || ATTRIBUTE_FIELDS.test(def.body)) {
    for (const expr of fieldValues(def.body, NAME_FIELDS)) {
      const parts = partsOf(expr, def.params, 'string');
      if (parts) found.push({ parts, fs });
    }
  }
  for (let open = def.body.indexOf('('); open >= 0; open = def.body.indexOf('(', open + 1)) {
    const id = identifierBefore(def.body, open);
    if (!id || id.name === def.name) continue;
    const inner = lookup(id.name);
    if (!inner) continue;
    const call = splitArgs(def.body, open);
    if (!call) continue;
    for (const expr of inner) {
      const parts = substitute(expr.parts, (index, as) => {
        const arg = call.args[index];
        return arg === undefined ? undefined : partsOf(arg, def.params, as);
      });
      if (parts) found.push({ parts, fs: expr.fs });
    }
  }
  return dedupe(found);
}

/** Applies a binder at a use site: the concrete names its arguments give (invalid ones dropped). */
export function namesAt(exprs: readonly NameExpr[], args: readonly string[]): { name: string; fs: SourceFs }[] {
  const out: { name: string; fs: SourceFs }[] = [];
  for (const expr of exprs) {
    let name = '';
    let ok = true;
    for (const part of expr.parts) {
      if ('lit' in part) {
        name += part.lit;
        continue;
      }
      const arg = args[part.param];
      const value = arg === undefined ? undefined : part.as === 'string' ? stringValue(arg) : pastedText(arg);
      if (value === undefined) {
        ok = false;
        break;
      }
      name += value;
    }
    name = name.replace(/\0.*$/s, '');
    if (ok && isFileName(name) && !out.some((o) => o.name === name)) out.push({ name, fs: expr.fs });
  }
  return out;
}

/** A name a file can have: printable, no `/` or space, not empty, not absurdly long. */
export function isFileName(name: string): boolean {
  return name.length > 0 && name.length <= 128 && /^[\w.:+@,=%-]+$/.test(name);
}

/** `a ## b` with every token an identifier or number: the pasted text; otherwise undefined. */
function pastedText(arg: string): string | undefined {
  const text = arg.replace(/\s*##\s*/g, '');
  return /^\w+$/.test(text) ? text : undefined;
}

function substitute(parts: readonly NamePart[], arg: (index: number, as: 'text' | 'string') => NamePart[] | undefined): NamePart[] | undefined {
  const out: NamePart[] = [];
  for (const part of parts) {
    if ('lit' in part) out.push(part);
    else {
      const replaced = arg(part.param, part.as);
      if (!replaced) return undefined;
      out.push(...replaced);
    }
  }
  return merge(out);
}

/**
 * Reads a macro-body expression as name parts, in the context `as`: used
 * as text (an argument a binder stringifies) or as a string value (a
 * field). Undefined for anything that is not a name (a variable, a call).
 * @example partsOf('_pfx##_name', ['_pfx', '_name'], 'text') // [{param:0,as:'text'},{param:1,as:'text'}]
 */
export function partsOf(expr: string, params: readonly string[], as: 'text' | 'string'): NamePart[] | undefined {
  let text = expr.trim();
  while (text.startsWith('(') && text.endsWith(')') && splitArgs(text, 0)?.end === text.length) text = text.slice(1, -1).trim();
  const stringified = /^__stringify\s*\(/.exec(text);
  if (stringified) {
    const call = splitArgs(text, stringified[0].length - 1);
    if (!call || call.end !== text.length || call.args.length !== 1) return undefined;
    return as === 'string' ? partsOf(call.args[0]!, params, 'text') : undefined;
  }
  const out: NamePart[] = [];
  let i = 0;
  let pasting = false; // after `##`, or in a text context, identifiers are text
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a) {
      i++;
      continue;
    }
    if (c === 0x23 && text.charCodeAt(i + 1) === 0x23) {
      pasting = true;
      i += 2;
      continue;
    }
    if (c === 0x23) {
      // `#param`: the argument's text, as a string.
      const id = /^#\s*([A-Za-z_]\w*)/.exec(text.slice(i, i + 80));
      const index = id ? params.indexOf(id[1]!) : -1;
      if (!id || index < 0 || as !== 'string') return undefined;
      out.push({ param: index, as: 'text' });
      i += id[0].length;
      continue;
    }
    if (c === 0x22) {
      const end = skipQuoted(text, i);
      const value = stringValue(text.slice(i, end));
      if (value === undefined || as !== 'string') return undefined;
      out.push({ lit: value });
      i = end;
      continue;
    }
    if (isIdentChar(c)) {
      let j = i;
      while (j < text.length && isIdentChar(text.charCodeAt(j))) j++;
      const word = text.slice(i, j);
      const index = params.indexOf(word);
      if (index >= 0) out.push({ param: index, as });
      else if (as === 'text' || pasting) out.push({ lit: word });
      else return undefined; // a variable: its value is not in the source
      i = j;
      pasting = false;
      continue;
    }
    return undefined;
  }
  return out.length ? merge(out) : undefined;
}

function merge(parts: NamePart[]): NamePart[] {
  const out: NamePart[] = [];
  for (const p of parts) {
    const last = out.at(-1);
    if (last && 'lit' in last && 'lit' in p) out[out.length - 1] = { lit: last.lit + p.lit };
    else out.push(p);
  }
  return out;
}

function dedupe(exprs: NameExpr[]): NameExpr[] {
  const seen = new Set<string>();
  return exprs.filter((e) => {
    const key = JSON.stringify(e);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
