/**
 * Where a path mentioned in a description links to. A link claims "this
 * page documents what the text names", so it is made only when that is
 * true, and left out when unsure:
 *
 * 1. the What written exactly so;
 * 2. else the best-ranked What covering the mention (`resolve`'s ranking;
 *    a mention's placeholders match a What's only where the What's cover
 *    them, see `mention-segments.ts`);
 * 3. else the documented folder the mention names, or the one directly
 *    holding it (`/sys/bus/pci/drivers_autoprobe` -> `/sys/bus/pci/`),
 *    reached only through segments that surely belong to it (`walk`):
 *    `/proc/meminfo` is not in the process folder `/proc/*`, and
 *    `/sys/kernel/debug/zram/...` not in `/sys/kernel/debug/<cros-ec-device>/`.
 *    Among equally deep folders the most specific segment by segment wins:
 *    `/sys/class/typec/port0-partner/` is `<port>-partner`, not `<port>`.
 *    A folder further up says too little to be a link.
 */
import { whatToUrl } from '../parse/permalink.ts';
import { mentionInput } from './mention-segments.ts';
import { MAX_PATH_LENGTH, normalizeQuery, rankWalk, type QueryOptions, type Resolver } from './resolver.ts';

export interface MentionOptions extends QueryOptions {
  /** URLs not to link to (the entry's own symbols): when the best target is one of them, there is no link. */
  exclude?: Iterable<string>;
  /** Fewest path segments a folder link must cover (default 2: never just `/sys/`). */
  minPrefixDepth?: number;
}

/** The single best URL for a path mentioned in a description; undefined when nothing surely documents it, or when the best is excluded. */
export function resolveMention(resolver: Resolver, mention: string, options: MentionOptions = {}): string | undefined {
  const query = normalizeQuery(mention);
  if (!query.startsWith('/') || query.length > MAX_PATH_LENGTH) return undefined;
  const exclude = new Set(options.exclude ?? []);
  const exact = resolver.exact.get(query) ?? [];
  const input = mentionInput(query);
  const { ranked, walked } = input ? rankWalk(resolver, exact, input, options.meter) : { ranked: exact.map((target) => ({ target, exact: true })), walked: undefined };
  // When the best is excluded (the page the mention is on), that page is the right target: no link, not the runner-up.
  const best = ranked[0];
  if (best) return exclude.has(best.target.symbol.url) ? undefined : best.target.symbol.url;
  if (!input) return undefined;
  const folder = walked?.deepest;
  if (!folder || folder.depth < (options.minPrefixDepth ?? 2) || folder.depth < input.segments.length - 1) return undefined;
  const url = whatToUrl(folder.node.prefix);
  return exclude.has(url) ? undefined : url;
}

