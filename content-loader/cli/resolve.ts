import { readFileSync } from 'node:fs';
import { buildResolver, deepestDocumentedPrefix, resolve } from '../resolve/index.ts';
import { defineCommand, EXIT, InputError, UsageError } from './command.ts';
import { checkFileArgument, checkTreeArgument, parseTreeArgument, treeOperand } from './tree-argument.ts';

/**
 * `abi-atlas resolve <tree> <path>... [--paths-from FILE|-] [--json]`: the
 * entries documenting each concrete path, most specific first. Exit code 1
 * when some path has none, so scripts can check a list of paths. Long lists
 * come from a file or stdin: the system's argument limit (~128 KB through
 * npx) would otherwise cut them off.
 */
export const command = defineCommand({
  name: 'resolve',
  summary: 'which entries document each concrete path',
  description:
    'Finds the entries documenting each concrete path (/sys/class/net/eth0/mtu), most specific\n' +
    'first: for each path, the path on a line of its own and one indented line per entry on\n' +
    'stdout, or the deepest documented prefix when none does; with --json,\n' +
    '[{path, matches: [{what, url, level, via?}]}]. Paths come from the arguments, then from\n' +
    '--paths-from (one per line; blank lines skipped).',
  operands: [treeOperand(), { name: '<path>', help: 'a concrete path to look up', repeated: true, optional: true }],
  options: {
    'paths-from': { type: 'string', value: 'FILE|-', help: 'read more paths from FILE, or from stdin for -, one per line' },
    json: { type: 'boolean', help: 'print the matches as JSON' },
  },
  exits: '0 every path is documented; 1 some path is not',
  run({ options, operands: [root, ...given], io }) {
    checkTreeArgument(root!);
    const from = options['paths-from'];
    const paths = from === undefined ? given : [...given, ...readPathList(from)];
    if (paths.length === 0) throw new UsageError(from === undefined ? 'missing <path> (or --paths-from FILE|-)' : `--paths-from ${from}: no paths in it`);
    const resolver = buildResolver(parseTreeArgument(root!).entries);
    const results = paths.map((path) => ({ path, matches: resolve(resolver, path) }));
    if (options.json) {
      const json = results.map(({ path, matches }) => ({
        path,
        matches: matches.map((m) => (m.via ? { what: m.what, url: m.url, level: m.level, via: m.via } : { what: m.what, url: m.url, level: m.level })),
      }));
      io.out(JSON.stringify(json, null, 2) + '\n');
    } else {
      const out: string[] = [];
      for (const { path, matches } of results) {
        out.push(path);
        for (const m of matches) out.push(`  ${m.what}  [${m.level}]  ${m.file}:${m.line}  ${m.url}${m.via ? `  (via ${m.via})` : ''}`);
        if (matches.length === 0) {
          const prefix = deepestDocumentedPrefix(resolver, path);
          out.push(prefix ? `  (undocumented; deepest documented prefix: ${prefix.prefix}  ${prefix.url})` : '  (undocumented)');
        }
      }
      io.out(out.map((line) => line + '\n').join(''));
    }
    return results.every((r) => r.matches.length > 0) ? EXIT.ok : EXIT.no;
  },
});

export const run = command.run;

/** The paths of a list file (or stdin for `-`): one per line, surrounding blanks and blank lines dropped. */
function readPathList(source: string): string[] {
  if (source !== '-') checkFileArgument(source, `--paths-from ${source}`);
  let text: string;
  try {
    text = readFileSync(source === '-' ? 0 : source, 'utf8');
  } catch (e) {
    throw new InputError(`--paths-from ${source}: ${(e as Error).message}`);
  }
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}
