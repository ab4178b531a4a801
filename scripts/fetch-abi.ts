// `npm run abi:fetch [version] [-- --with-source] [--sphinx]`: fetch parts of a
// kernel release into the cache (.cache/abi/linux-<version>/, a kernel-root layout).
import { parseArgs } from 'node:util';
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import type { Part } from '../content-loader/tree-source/parts.ts';

const USAGE = `usage: npm run abi:fetch [<version>] [-- --with-source] [--sphinx]
  <version>      a kernel release such as 6.12 (default: the newest Debian packages)
  --with-source  also the source files (*.c, *.h, Kconfig, Makefiles) and MAINTAINERS
  --sphinx       also the kernel's ABI documentation pipeline (Sphinx extensions, ABI parser)`;

try {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    options: { 'with-source': { type: 'boolean' }, sphinx: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  if (positionals.length > 1) throw new Error(`one version at a time (got ${positionals.join(' ')})\n${USAGE}`);
  const parts: Part[] = ['abi'];
  if (values['with-source']) parts.push('source');
  if (values.sphinx) parts.push('sphinx');
  const r = fetchTree(positionals[0], { parts });
  const what = [...r.fetched.map((p) => `${p} fetched`), ...r.kept.map((p) => `${p} already there`)].join(', ');
  console.error(`abi:fetch: linux ${r.version} in ${r.root} (${what}${r.from ? `, from ${r.from}` : ''}), ${r.seconds} s`);
} catch (e) {
  console.error(`abi:fetch: ${(e as Error).message}`);
  process.exit(1);
}
