import type { TreeChild } from './site-model.ts';
import { nameGroups, type NameGroup } from './tree-groups.ts';

/** A child on a folder page, with the first sentence of the entry documenting it. */
export interface ListedChild extends TreeChild {
  summary?: string;
}

/** Children with their summaries (folders that are not themselves documented have none). */
export function withSummaries(children: TreeChild[], summaryOf: (url: string) => string | undefined): ListedChild[] {
  return children.map((c) => {
    const summary = c.documented ? summaryOf(c.url) : undefined;
    return summary === undefined ? c : { ...c, summary };
  });
}

/** A folder page's listing: its children with summaries, in name groups when the folder is big. */
export function folderListing(children: TreeChild[], summaryOf: (url: string) => string | undefined): NameGroup<ListedChild>[] {
  return nameGroups(withSummaries(children, summaryOf));
}
