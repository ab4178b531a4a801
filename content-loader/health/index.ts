/** The health report: findings as data, shared by `abi-atlas check` and the /health/ page. */
export { healthFindings, type Finding, type HealthOptions } from './findings.ts';
export { FINDING_KINDS, KIND_ORDER, type FindingKind } from './kinds.ts';
export { looksLikeTagLine } from './what-checks.ts';
export { entryLocator } from './entry-at.ts';
export { byKind, byFile, countByKind, type KindGroup, type FileGroup } from './report.ts';
