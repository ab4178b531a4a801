/**
 * The wrappers defined in headers, shared by every file: macro name ->
 * each definition's file and the names it binds. A file sees the
 * definition nearest to it (a subsystem's own header before another's).
 */
import { deriveBinder, type MacroDef, type NameExpr } from './macros.ts';
import { familyBinder } from './families.ts';
import { compareText } from '../shared/compare.ts';

export type BinderTable = Record<string, { file: string; exprs: NameExpr[] }[]>;

/** Derives the binders of header macros (any depth of wrapping); macros that bind nothing are left out. */
export function buildBinderTable(defines: readonly MacroDef[]): BinderTable {
  const byName = new Map<string, MacroDef[]>();
  for (const d of [...defines].sort((a, b) => compareText(a.file, b.file) || a.line - b.line)) {
    byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  }
  const memo = new Map<string, NameExpr[] | null>();
  const lookup = (name: string): NameExpr[] | undefined => {
    const defs = byName.get(name);
    if (!defs) return familyBinder(name);
    const known = memo.get(name);
    if (known !== undefined) return known ?? undefined;
    memo.set(name, null);
    // Where several headers define a name, a wrapper's meaning comes from the first one that binds.
    const exprs = defs.map((d) => deriveBinder(d, lookup)).find((e) => e.length) ?? [];
    memo.set(name, exprs.length ? exprs : null);
    return exprs.length ? exprs : undefined;
  };
  const table: BinderTable = {};
  for (const [name, defs] of byName) {
    if (!lookup(name)) continue;
    const entries = defs.map((d) => ({ file: d.file, exprs: deriveBinder(d, lookup) })).filter((e) => e.exprs.length);
    if (entries.length) table[name] = entries;
  }
  return table;
}

/**
 * The binder lookup for one file: of a name's definitions, the one whose
 * folder shares the longest path with the file (include/ when none does).
 */
export function globalBinders(table: BinderTable, file: string): (name: string) => NameExpr[] | undefined {
  return (name) => {
    const defs = Object.hasOwn(table, name) ? table[name]! : undefined;
    if (!defs) return undefined;
    if (defs.length === 1) return defs[0]!.exprs;
    let best = defs[0]!;
    let bestScore = -1;
    for (const d of defs) {
      const score = sharedDepth(d.file, file) * 2 + (d.file.startsWith('include/') ? 1 : 0);
      if (score > bestScore) {
        best = d;
        bestScore = score;
      }
    }
    return best.exprs;
  };
}

function sharedDepth(a: string, b: string): number {
  const pa = a.split('/');
  const pb = b.split('/');
  let n = 0;
  while (n < pa.length - 1 && n < pb.length - 1 && pa[n] === pb[n]) n++;
  return n;
}

/** Names of header wrappers a file can use without any other needle in it (no "attr" in the name): `MODULE_VERSION`, `define_one_global_ro`. */
export function wrapperNames(table: BinderTable): string[] {
  return Object.keys(table)
    .filter((name) => !/attr/i.test(name))
    .sort(compareText);
}
