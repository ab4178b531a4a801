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
  /** URLs not to return (e.g. the entry's own symbols, so a description does not link to itself). */
  exclude?: Iterable<string>;
  /** Fewest path segments a folder link must cover (default 2: never just `/sys/`). */
  minPrefixDepth?: number;
}

/** The single best URL for a path mentioned in a description; undefined when nothing surely documents it (or only an excluded page does). */
export function resolveMention(resolver: Resolver, mention: string, options: MentionOptions = {}): string | undefined {
  const query = normalizeQuery(mention);
  if (!query.startsWith('/') || query.length > MAX_PATH_LENGTH) return undefined;
  const exclude = new Set(options.exclude ?? []);
  const exact = resolver.exact.get(query) ?? [];
  const input = mentionInput(query);
  const { ranked, walked } = input ? rankWalk(resolver, exact, input, options.meter) : { ranked: exact.map((target) => ({ target, exact: true })), walked: undefined };
  const best = ranked.find(({ target }) => !exclude.has(target.symbol.url));
  if (best) return best.target.symbol.url;
  if (ranked.length > 0 || !input) return undefined; // documented, but only by an excluded symbol: that is the right target
  const folder = walked?.deepest;
  if (!folder || folder.depth < (options.minPrefixDepth ?? 2) || folder.depth < input.segments.length - 1) return undefined;
  const url = whatToUrl(folder.node.prefix);
  return exclude.has(url) ? undefined : url;
}

