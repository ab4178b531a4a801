export * from './types.ts';
export { parseTree, buildTree, type SourceFile } from './parse/parse-tree.ts';
export { parseFile } from './parse/parse-file.ts';
export { walkTree } from './parse/walk.ts';
export { resolveAbiDir } from './tree-source/abi-dir.ts';
export { whatToUrl, normalizeWhat, isPathWhat } from './parse/permalink.ts';
export { formatWarning } from './parse/warnings.ts';
