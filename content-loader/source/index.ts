export * from './types.ts';
export { buildSourceIndex, INDEX_FORMAT } from './build-index.ts';
export { loadSourceIndex, DEFAULT_INDEX_CACHE } from './index-cache.ts';
export { parseMaintainers, mailAddresses, MaintainersIndex, type MaintainersEntry } from './maintainers.ts';
export { SourceMatcher, MAX_CANDIDATES, type SourceCandidate, type WhatContext } from './match.ts';
export { sourceCoverage, isFileSite, NO_ENTRY, type Coverage, type CoverageItem, type SubsystemCoverage } from './coverage.ts';
export { openSourceTree, hasSource, whatContexts, type SourceTree } from './source-tree.ts';
