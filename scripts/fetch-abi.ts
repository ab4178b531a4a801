// `npm run abi:fetch [version]`: fetch Documentation/ABI of a release into the cache.
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';

try {
  const r = fetchTree(process.argv[2]);
  console.error(`abi:fetch: linux ${r.version} ABI in ${r.abiDir} (${r.method}, ${r.seconds} s)`);
} catch (e) {
  console.error(`abi:fetch: ${(e as Error).message}`);
  process.exit(1);
}
