/**
 * The compact JSON the browser gets to build its own resolver: each symbol as
 * `[what, fileIndex, line]`. URLs are not shipped because they are a pure
 * function of the What (`whatToUrl`), and the level is the file's first
 * folder, so the payload is little more than the What strings themselves.
 */
import { whatToUrl } from '../parse/permalink.ts';
import { LEVELS, type AbiEntry, type Level } from '../types.ts';
import { buildResolver, flatten, type Resolver, type ResolverSymbol } from './resolver.ts';

export interface SerializedResolver {
  version: 1;
  /** Defining files, relative to the ABI folder; level is the first folder. */
  files: string[];
  /** `[what, index into files, line]`, path Whats only. */
  symbols: [string, number, number][];
}

export function serializeResolver(source: readonly AbiEntry[] | readonly ResolverSymbol[]): SerializedResolver {
  const files: string[] = [];
  const fileIndex = new Map<string, number>();
  const symbols: [string, number, number][] = [];
  for (const s of flatten(source)) {
    // Only paths can be resolved; the browser does not need the rest.
    if (!s.what.trim().startsWith('/')) continue;
    let index = fileIndex.get(s.file);
    if (index === undefined) {
      index = files.push(s.file) - 1;
      fileIndex.set(s.file, index);
    }
    symbols.push([s.what, index, s.line]);
  }
  return { version: 1, files, symbols };
}

export function loadResolver(data: SerializedResolver): Resolver {
  if (data.version !== 1) throw new Error(`unsupported resolver data version ${String(data.version)}`);
  const symbols: ResolverSymbol[] = data.symbols.map(([what, index, line]) => {
    const file = data.files[index] ?? '';
    return { what, url: whatToUrl(what), level: levelOf(file), file, line };
  });
  return buildResolver(symbols);
}

function levelOf(file: string): Level {
  const first = file.split('/')[0];
  return LEVELS.find((l) => l === first) ?? 'testing';
}
