import type { Level } from '../types.ts';

/** What each level promises, after the kernel's Documentation/ABI/README. */
export const LEVEL_PROMISES: Record<Level, string> = {
  stable:
    'Interfaces with no restrictions on use: backwards compatibility is guaranteed for at least two years, and most are as stable as the kernel itself.',
  testing:
    'Interfaces believed to be stable, whose main users still test them; they may change in small ways before they move to stable, and removal is announced first.',
  obsolete:
    'Interfaces that still exist but will be removed at some point; each says when, and what to use instead.',
  removed: 'Interfaces that have been removed from the kernel; kept here for the record.',
};
