// The source cross-reference as pages read it: absent (null) when the build has no source.
import { getCollection, getEntry } from 'astro:content';
import { elixirUrl, kernelFileUrl } from '../../content-loader/site/source-url.ts';

export interface SourceLinks {
  /** The kernel release the lines are from ("6.12.117"). */
  version: string;
  git: (file: string, line: number) => string;
  elixir: (file: string, line: number) => string;
}

/** Links to a source line at the release the index was read from; null without source. */
export async function sourceLinks(): Promise<SourceLinks | null> {
  const info = await getEntry('sourceInfo', 'source');
  const release = info?.data.release;
  if (!release) return null;
  return {
    version: release.version,
    git: (file, line) => kernelFileUrl(file, line, release.ref, release.repo),
    elixir: (file, line) => elixirUrl(file, line, release.ref),
  };
}

/** Where a symbol's file is created, best first (empty without source or when nothing was found). */
export async function createdIn(url: string) {
  return (await getEntry('sources', url))?.data.candidates ?? [];
}

/** Coverage per MAINTAINERS entry, most undocumented first (empty without source). */
export async function coverageBySubsystem() {
  // Asking an empty collection makes Astro warn in every build without source.
  if (!(await getEntry('sourceInfo', 'source'))) return [];
  return (await getCollection('coverage')).map((e) => e.data).sort((a, b) => a.order - b.order);
}
