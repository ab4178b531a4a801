/** The path resolver, browser-safe: no node: imports anywhere under this folder except `sysfs-walk.ts`. */
export { compileWhat, compileSegment, isFailure, segmentAccepts, type CompiledWhat, type CompileFailure, type SegmentMatcher } from './compile-what.ts';
export {
  buildResolver,
  resolve,
  deepestDocumentedPrefix,
  normalizeQuery,
  MAX_PATH_LENGTH,
  type Resolver,
  type ResolverSymbol,
  type ResolveMatch,
  type DocumentedPrefix,
  type QueryOptions,
} from './resolver.ts';
export { resolveMention, type MentionOptions } from './mention.ts';
export { type WorkMeter } from './segment-nfa.ts';
export { serializeResolver, loadResolver, type SerializedResolver } from './serialize.ts';
