// Runs before `npm run build` / `npm run dev`: make sure there is a tree to build,
// fetching one into the cache when none is configured or nearby.
import { fetchTree } from '../content-loader/tree-source/fetch-tree.ts';
import { primaryTree } from '../content-loader/tree-source/find-tree.ts';

try {
  const found = primaryTree(process.cwd());
  if (found) {
    console.error(`abi-atlas: building ${found.abiDir}${found.version ? ` (linux ${found.version})` : ''}, from ${found.how}`);
  } else {
    console.error('abi-atlas: no kernel tree configured (ABI_DIR) or nearby; fetching one ...');
    const r = fetchTree(undefined);
    console.error(`abi-atlas: fetched linux ${r.version} ABI into ${r.abiDir} (${r.method}, ${r.seconds} s)`);
  }
} catch (e) {
  console.error(`abi-atlas: ${(e as Error).message}`);
  process.exit(1);
}
