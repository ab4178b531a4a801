/**
 * What the search needs from the parsed tree, shared by the build (pages,
 * endpoints, tests) and the browser. No node: imports.
 */
export * from './facets.ts';
export * from './kernel-version.ts';
export * from './tokens.ts';
export * from './search-index.ts';
export * from './local-search.ts';
export * from './rank.ts';
export * from './packed-order.ts';
export * from './filter-state.ts';
export * from './filters.ts';
export * from './full-text.ts';
export * from './quick.ts';
