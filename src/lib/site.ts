// The data every page reads, gathered once per build from the collections.
import { getCollection, getEntry } from 'astro:content';
import { buildSiteModel, type SiteModel } from '../../content-loader/site/site-model.ts';
import { sourceUrl } from '../../content-loader/site/source-url.ts';
import { settings } from '../../content-loader/settings.ts';
import { summaries, type Summaries } from '../../content-loader/site/summary.ts';
import type { AbiEntry, AbiFile } from '../../content-loader/types.ts';
import type { RenderedSection } from '../../content-loader/describe/render-entry.ts';

export interface StoredEntry extends AbiEntry {
  order: number;
  html: string;
  /** Paths the description mentions that no entry documents (found while rendering it). */
  unresolvedMentions: string[];
  /** The title of the file's section that starts after this entry (it closed the description). */
  sectionTitle?: string;
  /** The file's sections after this entry (`AbiEntry.sectionsAfter`), rendered. */
  renderedSections: RenderedSection[];
}
export interface StoredFile extends AbiFile {
  order: number;
}

export interface Site {
  entries: StoredEntry[];
  byId: Map<string, StoredEntry>;
  files: StoredFile[];
  model: SiteModel;
  /** First sentences of entries and symbols, for lists and meta descriptions. */
  summaries: Summaries;
  version: string | null;
  /** Changes whenever any stored entry or file changes (the loader's digests): a key for data derived from the site. */
  digest: string;
  /** Link to a line of the source: `${sourceBase}Documentation/ABI/<file>?h=<ref>#n<line>`. */
  sourceUrl: (file: string, line: number) => string;
}

let site: Promise<Site> | undefined;
let model: { key: string; value: SiteModel } | undefined;

export function loadSite(): Promise<Site> {
  // In dev the collections change under us (live reload), so they are read afresh.
  if (import.meta.env.DEV) site = undefined;
  site ??= (async () => {
    const [entries, files, meta] = await Promise.all([getCollection('entries'), getCollection('files'), getEntry('meta', 'tree')]);
    const stored: StoredEntry[] = entries
      .map((e) => ({
        ...e.data,
        html: e.rendered?.html ?? '',
        unresolvedMentions: (e.rendered?.metadata?.unresolvedMentions as string[] | undefined) ?? [],
        sectionTitle: e.rendered?.metadata?.sectionTitle as string | undefined,
        renderedSections: (e.rendered?.metadata?.sectionsAfter as RenderedSection[] | undefined) ?? [],
      }))
      .sort((a, b) => a.order - b.order);
    const version = meta?.data.version ?? null;
    const { ref = version ? `v${version}` : 'master', sourceUrl: repo } = settings();
    const byId = new Map(stored.map((e) => [e.id, e]));
    const pathModel = siteModel(stored);
    return {
      entries: stored,
      byId,
      files: files.map((f) => f.data).sort((a, b) => a.order - b.order),
      model: pathModel,
      summaries: summaries(pathModel, byId),
      version,
      digest: [...entries, ...files].map((e) => e.digest ?? e.id).join(' '),
      sourceUrl: (file, line) => sourceUrl(file, line, ref, repo),
    };
  })();
  return site;
}

/** The path model depends on symbols and levels only, so a description edit in dev reuses it. */
function siteModel(entries: StoredEntry[]): SiteModel {
  const key = entries.map((e) => `${e.id} ${e.level} ${e.symbols.map((s) => s.url).join(' ')}`).join('\n');
  if (model?.key !== key) model = { key, value: buildSiteModel(entries) };
  return model.value;
}
