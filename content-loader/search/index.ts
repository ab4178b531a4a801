/**
 * What the search needs from the parsed tree, shared by the build (pages,
 * endpoints, tests) and the browser. No node: imports.
 */
export * from './facets.ts';
export * from './kernel-version.ts';
export * from './quick-jump.ts';
