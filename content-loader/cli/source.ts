import { parseArgs } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { formatWarning, parseTree } from '../index.ts';
import { normalizeWhat } from '../parse/permalink.ts';
import { openSourceTree, whatContexts } from '../source/index.ts';

const USAGE = 'usage: abi-atlas source <kernel-root> <What>... [--json]';

/**
 * `abi-atlas source <kernel-root> <What>... [--json]`: per What, the source
 * lines that create its file, best first, with how each was found. The
 * kernel root's own Documentation/ABI (when present) gives each What its
 * entry's context. Exit code 1 when some What was not found.
 */
export async function run(args: string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args, strict: true, allowPositionals: true, options: { json: { type: 'boolean' } } });
  } catch (e) {
    console.error(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  const [root, ...whats] = parsed.positionals;
  if (!root || whats.length === 0) {
    console.error(USAGE);
    return 2;
  }
  const entries = existsSync(join(root, 'Documentation', 'ABI')) ? parseTree(root).entries : [];
  console.error(`Reading the source of ${root} ...`);
  const source = await openSourceTree(root, entries);
  for (const w of source.index.warnings) console.error(formatWarning(w));
  console.error(`${source.index.sites.length} creation sites in ${source.index.files} files (${source.cached ? 'cached index' : 'indexed'}, ${source.seconds} s)`);
  const contexts = whatContexts(entries);
  const results = whats.map((what) => ({ what, sources: source.matcher.match(what, contexts.get(normalizeWhat(what)) ?? {}) }));
  if (parsed.values.json) {
    const json = results.map(({ what, sources }) => ({
      what,
      sources: sources.map(({ file, line, symbol, how, kind, found }) => ({ file, line, symbol, how, kind, found })),
    }));
    process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    for (const { what, sources } of results) {
      console.log(what);
      for (const s of sources) console.log(`  ${s.file}:${s.line}  ${s.symbol}  (${s.how})  — ${s.found.join('; ')}`);
      if (sources.length === 0) console.log('  (not found)');
    }
  }
  return results.every((r) => r.sources.length > 0) ? 0 : 1;
}
