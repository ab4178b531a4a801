import { parseTree } from '../index.ts';
import { buildResolver, deepestDocumentedPrefix, resolve } from '../resolve/index.ts';
import { parseArgs } from './args.ts';

const USAGE = 'usage: abi-atlas resolve <tree> <path>... [--json]';

/**
 * `abi-atlas resolve <tree> <path>... [--json]`: the entries documenting each
 * concrete path, most specific first. Exit code 1 when some path has none,
 * so scripts can check a list of paths.
 */
export function run(args: string[]): number {
  const { positional, flags } = parseArgs(args);
  const [root, ...paths] = positional;
  if (!root || paths.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const resolver = buildResolver(parseTree(root).entries);
  const results = paths.map((path) => ({ path, matches: resolve(resolver, path) }));
  if (flags.has('json')) {
    const json = results.map(({ path, matches }) => ({
      path,
      matches: matches.map((m) => (m.via ? { what: m.what, url: m.url, level: m.level, via: m.via } : { what: m.what, url: m.url, level: m.level })),
    }));
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const { path, matches } of results) {
      console.log(path);
      for (const m of matches) {
        console.log(`  ${m.what}  [${m.level}]  ${m.file}:${m.line}  ${m.url}${m.via ? `  (via ${m.via})` : ''}`);
      }
      if (matches.length === 0) {
        const prefix = deepestDocumentedPrefix(resolver, path);
        console.log(prefix ? `  (undocumented; deepest documented prefix: ${prefix.prefix}  ${prefix.url})` : '  (undocumented)');
      }
    }
  }
  return results.every((r) => r.matches.length > 0) ? 0 : 1;
}
