import { DIFF_KINDS, type DiffKind, type Difference } from './sphinx-compare.ts';

/** How our rendering of an entry compares with Sphinx's, as a reviewer judged it. */
export const VERDICTS = ['better', 'same', 'worse'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** One reviewed line: `<ref> <kind>,<kind> <verdict>: <reason>`. */
export interface Allowance {
  /** The entry as docs.kernel.org links it (`abi-testing.html#abi-sys-...`). */
  ref: string;
  kinds: DiffKind[];
  verdict: Verdict;
  reason: string;
  line: number;
}

/**
 * Reads an allow-list: one line per entry, `#` comments and blank lines
 * ignored. Malformed lines come back as `file:line: message`.
 * @example "abi-testing.html#abi-sys-foo table,paragraph better: Sphinx runs the table into the paragraph"
 */
export function parseAllowList(text: string, file: string): { allowances: Allowance[]; errors: string[] } {
  const allowances: Allowance[] = [];
  const errors: string[] = [];
  const seen = new Map<string, number>();
  text.split('\n').forEach((raw, i) => {
    const line = i + 1;
    const content = raw.trim();
    if (!content || content.startsWith('#')) return;
    const m = /^(\S+)\s+(\S+)\s+(\w+):\s*(\S.*)$/.exec(content);
    if (!m) return errors.push(`${file}:${line}: expected '<page>#<anchor> <kind>[,<kind>...] <verdict>: <reason>'`);
    const [, ref, kindList, verdict, reason] = m as unknown as [string, string, string, string, string];
    const kinds = kindList.split(',');
    const unknown = kinds.filter((k) => !(DIFF_KINDS as readonly string[]).includes(k));
    if (unknown.length) return errors.push(`${file}:${line}: unknown kind ${unknown.join(', ')} (kinds: ${DIFF_KINDS.join(', ')})`);
    if (!(VERDICTS as readonly string[]).includes(verdict)) return errors.push(`${file}:${line}: verdict '${verdict}' is not one of ${VERDICTS.join(', ')}`);
    if (!/^abi-[a-z]+\.html#abi-/.test(ref)) return errors.push(`${file}:${line}: '${ref}' is not <page>#<anchor> (abi-testing.html#abi-sys-...)`);
    if (seen.has(ref)) return errors.push(`${file}:${line}: ${ref} is already listed on line ${seen.get(ref)}`);
    seen.set(ref, line);
    allowances.push({ ref, kinds: kinds as DiffKind[], verdict: verdict as Verdict, reason, line });
  });
  return { allowances, errors };
}

/**
 * Differences no allow-list line explains, and allow-list kinds that no
 * longer differ (stale lines must go, so the list cannot rot), each as `file:line: message`.
 */
export function checkAllowList(differences: readonly Difference[], allowances: readonly Allowance[], file: string): { unexplained: string[]; stale: string[] } {
  const byRef = new Map(allowances.map((a) => [a.ref, a]));
  const found = new Map<string, Set<DiffKind>>();
  const unexplained: string[] = [];
  for (const d of differences) {
    found.set(d.ref, (found.get(d.ref) ?? new Set()).add(d.kind));
    if (!byRef.get(d.ref)?.kinds.includes(d.kind)) unexplained.push(`${d.ref} ${d.kind}: ${d.detail}`);
  }
  const stale = allowances.flatMap((a) =>
    a.kinds.filter((k) => !found.get(a.ref)?.has(k)).map((k) => `${file}:${a.line}: ${a.ref} ${k} no longer differs from Sphinx; take it off the list`),
  );
  return { unexplained, stale };
}
