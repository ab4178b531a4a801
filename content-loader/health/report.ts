import { FINDING_KINDS, KIND_ORDER, type FindingKind } from './kinds.ts';
import type { Finding } from './findings.ts';
import { compareText } from '../shared/compare.ts';

export interface KindGroup {
  kind: FindingKind;
  label: string;
  kernel: boolean;
  findings: Finding[];
}

export interface FileGroup {
  file: string;
  findings: Finding[];
}

/** Findings by kind, in the report's kind order, only kinds that occur. */
export function byKind(findings: readonly Finding[]): KindGroup[] {
  return KIND_ORDER.map((kind) => ({ kind, ...FINDING_KINDS[kind], findings: findings.filter((f) => f.kind === kind) })).filter((g) => g.findings.length > 0);
}

/** Findings by file, files in path order, findings in their (line) order. */
export function byFile(findings: readonly Finding[]): FileGroup[] {
  const files = new Map<string, Finding[]>();
  for (const f of findings) {
    const list = files.get(f.file);
    if (list) list.push(f);
    else files.set(f.file, [f]);
  }
  return [...files].sort(([a], [b]) => compareText(a, b)).map(([file, list]) => ({ file, findings: list }));
}

/** Count per kind that occurs ({ "duplicate": 2, ... }), in kind order. */
export function countByKind(findings: readonly Finding[]): Partial<Record<FindingKind, number>> {
  return Object.fromEntries(byKind(findings).map((g) => [g.kind, g.findings.length]));
}
