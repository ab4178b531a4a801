import type { SymbolHistory } from './symbol-history.ts';

/** What became of an interface after one version, for the banner of its pinned page. */
export interface SinceVersion {
  /** The version the page shows. */
  version: string;
  /** The newest version of the build. */
  newest: string;
  /** Its level there and, when it is still documented, in the newest version ("testing", "stable+testing"). */
  levelThen: string;
  levelNow?: string;
  /** The versions after `version` in which the description changed (whitespace aside), oldest first. */
  descriptionChangedIn: string[];
  /** Set when the newest version no longer documents it: the last version that did. */
  goneAfter?: string;
  /** Nothing changed up to the newest version: the pinned page says what the newest says. */
  unchanged: boolean;
}

/**
 * What changed for an interface between `version` (which documents it) and
 * the newest version, from its history; `versions` oldest first.
 * @example sinceVersion(h, '6.1', ['6.1', '6.12']) // { levelThen: 'testing', levelNow: 'stable', descriptionChangedIn: ['6.12'], unchanged: false, ... }
 */
export function sinceVersion(history: SymbolHistory, version: string, versions: readonly string[]): SinceVersion | undefined {
  const then = history.present.find((p) => p.version === version);
  const newest = versions.at(-1);
  if (!then || !newest) return undefined;
  const after = (v: string) => versions.indexOf(v) > versions.indexOf(version);
  const now = history.present.find((p) => p.version === newest);
  const descriptionChangedIn = history.changes.filter((c) => after(c.toVersion)).map((c) => c.toVersion);
  return {
    version,
    newest,
    levelThen: then.level,
    ...(now ? { levelNow: now.level } : {}),
    descriptionChangedIn,
    ...(history.gone ? { goneAfter: history.lastVersion } : {}),
    unchanged: !history.gone && now?.level === then.level && descriptionChangedIn.length === 0,
  };
}
