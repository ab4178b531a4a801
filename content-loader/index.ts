export * from './types.ts';
export { parseTree, buildTree, type SourceFile } from './parse-tree.ts';
export { parseFile } from './parse-file.ts';
export { walkTree, resolveAbiDir } from './walk.ts';
export { whatToUrl, normalizeWhat, isPathWhat } from './permalink.ts';
export { formatWarning } from './warnings.ts';
