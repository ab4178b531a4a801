import type { BlockStats } from './stats.ts';
import type { LinkTargets, LinkTally } from './linkify.ts';

/**
 * What the plugins of the describe processor (index.ts) pass along on
 * `file.data`: the caller's link targets in; counts and a closing section
 * title out. Per-call data travels here because the processor is frozen once.
 */
declare module 'vfile' {
  interface DataMap {
    /** Set by the caller, read by rehypeLinks. */
    linkTargets: LinkTargets;
    /** Written by remarkBlockStats. */
    blockStats: BlockStats;
    /** Written by rehypeLinks. */
    linkTally: LinkTally;
    /** Written by remarkClosingTitle: the title of the section that starts after this description. */
    sectionTitle: string;
  }
}

export {};
