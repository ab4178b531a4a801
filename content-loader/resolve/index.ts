/** The path resolver, browser-safe: no node: imports anywhere under this folder except `sysfs-walk.ts`. */
export { compileWhat, compileSegment, isFailure, type CompiledWhat, type CompileFailure, type SegmentMatcher } from './compile-what.ts';
export {
  buildResolver,
  resolve,
  resolveMention,
  deepestDocumentedPrefix,
  normalizeQuery,
  type Resolver,
  type ResolverSymbol,
  type ResolveMatch,
  type DocumentedPrefix,
  type MentionOptions,
} from './resolver.ts';
export { serializeResolver, loadResolver, type SerializedResolver } from './serialize.ts';
